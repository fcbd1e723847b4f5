"""Plain records the store hands out.

The UI and the CLI only ever see these frozen dataclasses, never ORM objects or a Session,
so nothing outside the store can lazy-load, mutate or outlive a database transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class Role(StrEnum):
    TEACHER = "teacher"
    LEADERSHIP = "leadership"
    ADMINISTRATION = "administration"
    OTHER = "other"


# How the command line and the printed learning record name the roles (the app's windows
# translate their own labels with Qt).
ROLE_NAMES_DE = {
    Role.TEACHER: "Lehrkraft",
    Role.LEADERSHIP: "Schulleitung",
    Role.ADMINISTRATION: "Verwaltung/Sekretariat",
    Role.OTHER: "weiteres Schulpersonal (Hausmeister, OGS, Schulbegleitung, Schulsozialarbeit, IT)",
}


@dataclass(frozen=True)
class ProfileRecord:
    id: int
    name: str  # as printed on certificates
    school: str | None
    role: Role
    has_password: bool
    created_at: datetime


@dataclass(frozen=True)
class LessonState:
    module_id: str
    lesson_file: str
    first_opened_at: datetime | None
    completed_at: datetime | None
    seconds_spent: float

    @property
    def is_completed(self) -> bool:
        return self.completed_at is not None


@dataclass(frozen=True)
class PlannedItem:
    """One question of an attempt as it was shown: which question, in which choice order."""

    question_key: str
    choice_order: tuple[int, ...]


@dataclass(frozen=True)
class AnswerRecord:
    position: int  # 0-based place of the question in the attempt
    question_key: str
    response: object  # JSON-compatible value as given to record_answer
    fraction: float | None  # None: not graded (essay)
    answered_at: datetime


@dataclass(frozen=True)
class AttemptRecord:
    id: int
    profile_id: int
    module_id: str
    module_version: str
    started_at: datetime
    finished_at: datetime | None
    score_percent: float | None
    passed: bool | None
    plan: tuple[PlannedItem, ...]
    answers: tuple[AnswerRecord, ...]

    @property
    def is_finished(self) -> bool:
        return self.finished_at is not None


@dataclass(frozen=True)
class ModuleProgress:
    module_id: str
    lessons_completed: frozenset[str]
    best_score_percent: float | None
    passed: bool
    passed_at: datetime | None  # when the best passing attempt finished
    attempts: int
    seconds_spent: float


@dataclass(frozen=True)
class NoteRecord:
    module_id: str
    lesson_file: str
    text: str
    updated_at: datetime


@dataclass(frozen=True)
class CertificateRecord:
    id: int
    profile_id: int
    number: str  # unique, printed on the certificate
    kind: str  # "module" or "full"
    module_ids: tuple[str, ...]
    issued_at: datetime
    payload: str  # the signed data, exactly as printed in the QR code / metadata
    signature: str


# --- added by the store (same rules: frozen, plain, no ORM) ---


@dataclass(frozen=True)
class DeletionReport:
    """What erasing a profile removed (right to erasure): shown to the user as proof."""

    profile_name: str
    rows_deleted: dict[str, int]  # table -> number of rows removed
    files_deleted: tuple[str, ...]  # paths inside the data folder
    backups_cleaned: tuple[str, ...]  # ids of backups the profile was also erased from
    backups_failed: tuple[str, ...] = ()  # damaged backups that could not be checked

    @property
    def total_rows(self) -> int:
        return sum(self.rows_deleted.values())


@dataclass(frozen=True)
class BackupRecord:
    id: str  # e.g. "20250114T071502Z"; what `kompetenz backup restore ID` takes
    kind: str  # "auto", "manual", "before-migration", "before-restore"
    created_at: datetime
    path: str
    size_bytes: int


@dataclass(frozen=True)
class Completion:
    """One module someone completed, as the school may see it: completion only, no score.

    `person_role` is the role at release (None for an imported file: certificates do not
    name a role unless the head teacher gives one at import).
    """

    certificate_number: str
    person_name: str
    person_role: str | None
    module_id: str
    module_title: str
    module_version: str
    as_of: date
    completed_on: date


# The four steps the school's register is organised by (Bedarfsanalyse → Dokumentation).
STEPS = ("bedarfsanalyse", "massnahmenplanung", "weiterentwicklung", "dokumentation")
KINDS = ("ki-system", "zielgruppe", "massnahme", "notiz")


@dataclass(frozen=True)
class RegisterItem:
    id: int
    step: str
    kind: str
    title: str
    details: str
    due_on: date | None
