"""Profiles: who is learning, their password, their preferences, and erasing all of it."""

from __future__ import annotations

import json
import shutil
import unicodedata
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from kompetenz.store import summary_sql
from kompetenz.store.context import StorePart, require_json, session_runner
from kompetenz.store.errors import InvalidInput, ProfileExists, ProfileNotFound
from kompetenz.store.models import (
    NAME_MAX,
    Answer,
    Certificate,
    LessonProgress,
    Note,
    Profile,
    QuizAttempt,
)
from kompetenz.store.passwords import hash_password, verify_password
from kompetenz.store.paths import profile_files_dir
from kompetenz.store.records import DeletionReport, ProfileRecord, Role
from kompetenz.store.rows import ByName, profile_record

SCHOOL_MAX = 200
PREFERENCES_MAX_BYTES = 64 * 1024


def normalize_name(name: str) -> str:
    """The name as it will be printed: NFC, trimmed, inner runs of whitespace made one space."""
    if not isinstance(name, str):
        raise InvalidInput("Der Name muss ein Text sein.")
    cleaned = " ".join(unicodedata.normalize("NFC", name).split())
    if not cleaned or len(cleaned) > NAME_MAX:
        raise InvalidInput(f"Der Name muss 1 bis {NAME_MAX} Zeichen lang sein.")
    if any(unicodedata.category(ch).startswith("C") for ch in cleaned):
        raise InvalidInput("Der Name darf keine Steuerzeichen enthalten.")
    return cleaned


def name_key(name: str) -> str:
    """What two names must not share: „Anna Müller“, „ANNA MÜLLER“ and „anna  müller“ clash."""
    return normalize_name(name).casefold()


def _normalize_school(school: str | None) -> str | None:
    if school is None:
        return None
    cleaned = " ".join(school.split())
    if len(cleaned) > SCHOOL_MAX:
        raise InvalidInput(f"Der Schulname darf höchstens {SCHOOL_MAX} Zeichen haben.")
    return cleaned or None


class Profiles(StorePart):
    def list_profiles(self) -> list[ProfileRecord]:
        with self._context.transaction() as session:
            return summary_sql.list_profiles(session_runner(session))

    def create_profile(
        self,
        name: str,
        school: str | None = None,
        role: Role = Role.TEACHER,
        password: str | None = None,
    ) -> ProfileRecord:
        cleaned = normalize_name(name)
        password_hash = hash_password(password) if password else None
        with self._context.transaction() as session:
            self._ensure_name_free(session, cleaned, except_id=None)
            row = Profile(
                name=cleaned,
                name_key=cleaned.casefold(),
                school=_normalize_school(school),
                role=Role(role).value,
                password_hash=password_hash,
                created_at=self._context.now(),
                preferences={},
            )
            session.add(row)
            session.flush()
            return profile_record(ByName(row))

    @staticmethod
    def _ensure_name_free(session: Session, name: str, except_id: int | None) -> None:
        query = select(Profile.id).where(Profile.name_key == name.casefold())
        if except_id is not None:
            query = query.where(Profile.id != except_id)
        if session.scalar(query) is not None:
            raise ProfileExists(name)

    def find_profile(self, name: str) -> ProfileRecord | None:
        try:
            key = name_key(name)
        except InvalidInput:
            return None
        with self._context.transaction() as session:
            row = session.scalar(select(Profile).where(Profile.name_key == key))
            return None if row is None else profile_record(ByName(row))

    def get_profile(self, profile_id: int) -> ProfileRecord:
        with self._context.transaction() as session:
            return profile_record(ByName(self._context.profile(session, profile_id)))

    def update_profile(
        self,
        profile_id: int,
        *,
        name: str | None = None,
        school: str | None = None,
        role: Role | None = None,
    ) -> ProfileRecord:
        """Change what is given; `school=""` removes the school."""
        with self._context.transaction() as session:
            row = self._context.profile(session, profile_id)
            if name is not None:
                cleaned = normalize_name(name)
                self._ensure_name_free(session, cleaned, except_id=profile_id)
                row.name, row.name_key = cleaned, cleaned.casefold()
            if school is not None:
                row.school = _normalize_school(school)
            if role is not None:
                row.role = Role(role).value
            session.flush()
            return profile_record(ByName(row))

    def set_password(self, profile_id: int, password: str | None) -> None:
        """Set, change or (with None or "") remove a profile's password."""
        password_hash = hash_password(password) if password else None
        with self._context.transaction() as session:
            self._context.profile(session, profile_id).password_hash = password_hash

    def check_password(self, profile_id: int, password: str) -> bool:
        """True only for the right password of a profile that has one.

        A missing profile, a profile without password and a wrong password all give False
        after the same work, and each failure makes the next check of this profile wait longer.
        """
        self._context.guard.wait(profile_id)
        with self._context.transaction() as session:
            row = session.get(Profile, profile_id)
            stored = None if row is None else row.password_hash
        ok = verify_password(password if isinstance(password, str) else "", stored)
        self._context.guard.record(profile_id, ok)
        return ok

    def password_delay(self, profile_id: int) -> float:
        """Seconds the next `check_password` of this profile will wait (for a countdown)."""
        return self._context.guard.remaining(profile_id)

    def profile_dir(self, profile_id: int) -> Path:
        """Folder for files that belong to this learner only (erased with the profile)."""
        if self._context.data_dir is None:
            raise RuntimeError("this store has no data folder")
        return profile_files_dir(self._context.data_dir, profile_id)

    def get_preference(self, profile_id: int, key: str, default: Any = None) -> Any:
        with self._context.transaction() as session:
            found = summary_sql.preferences(session_runner(session), profile_id)
        if found is None:
            raise ProfileNotFound(profile_id)
        return found.get(key, default)

    def set_preference(self, profile_id: int, key: str, value: Any) -> None:
        """Store a small JSON-compatible value; None removes the key."""
        require_json(value, "a preference")
        with self._context.transaction() as session:
            # locked: two PCs changing different keys at once must both be kept
            row = session.get(Profile, profile_id, with_for_update=True)
            if row is None:
                raise ProfileNotFound(profile_id)
            preferences = dict(row.preferences)
            if value is None:
                preferences.pop(key, None)
            else:
                preferences[key] = value
            if len(json.dumps(preferences).encode()) > PREFERENCES_MAX_BYTES:
                raise ValueError("preferences are meant to be small (64 KiB at most)")
            row.preferences = preferences  # a new object, so the JSON column is written

    def delete_profile(self, profile_id: int) -> DeletionReport:
        """Erase the profile, every row that belongs to it, its files in the data folder and its
        rows in every backup — the right to erasure. The database file is compacted afterwards
        so erased text does not linger in free pages."""
        with self._context.transaction() as session:
            row = self._context.profile(session, profile_id)
            name, created_at = row.name, row.created_at
            counts = self._count_rows(session, profile_id)
            session.execute(delete(Profile).where(Profile.id == profile_id))
        self._context.backend.compact(self._context.engine())
        files, cleaned, failed = self._erase_outside_database(profile_id, created_at)
        return DeletionReport(name, counts, files, cleaned, failed)

    @staticmethod
    def _count_rows(session: Session, profile_id: int) -> dict[str, int]:
        def count(model: type[Any]) -> int:
            query = select(func.count()).select_from(model).where(model.profile_id == profile_id)
            return int(session.scalar(query) or 0)

        answers = session.scalar(
            select(func.count())
            .select_from(Answer)
            .join(QuizAttempt)
            .where(QuizAttempt.profile_id == profile_id)
        )
        return {
            "profiles": 1,
            "lesson_progress": count(LessonProgress),
            "quiz_attempts": count(QuizAttempt),
            "answers": int(answers or 0),
            "notes": count(Note),
            "certificates": count(Certificate),
        }

    def _erase_outside_database(
        self, profile_id: int, created_at: datetime
    ) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        if self._context.data_dir is None:
            return (), (), ()
        folder = profile_files_dir(self._context.data_dir, profile_id)
        files: list[str] = []
        if folder.exists():
            files = sorted(str(p) for p in folder.rglob("*") if p.is_file())
            shutil.rmtree(folder)
        cleaned, failed = self._context.backend.erase_profile_copies(
            self._context.data_dir, profile_id, created_at
        )
        return tuple(files), tuple(cleaned), tuple(failed)
