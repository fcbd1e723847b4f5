"""One learner's whole record as a JSON file, to move it to another PC (format: see
docs/progress-format.md). Import checks the whole file before it writes anything, writes
everything in one transaction, and never adds rows to an existing learner.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from kompetenz import __version__
from kompetenz.store.context import utc_now
from kompetenz.store.errors import ImportRejected, InvalidInput, ProfileExists
from kompetenz.store.models import (
    Answer,
    Certificate,
    LessonProgress,
    Note,
    Profile,
    QuizAttempt,
)
from kompetenz.store.profiles import normalize_name
from kompetenz.store.progress_file import FORMAT, VERSION, CheckedFile, InvalidFile, check_file
from kompetenz.store.records import ProfileRecord
from kompetenz.store.rows import ByName, profile_record
from kompetenz.store.service import ProgressStore

__all__ = ["FORMAT", "VERSION", "export_profile", "import_profile"]


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def export_profile(store: ProgressStore, profile_id: int) -> dict[str, Any]:
    """Everything stored about the learner except the password hash, as JSON-ready data."""
    with store.context.transaction() as session:  # the store's own package: may use its session
        profile = store.context.profile(session, profile_id)
        lessons = session.scalars(
            select(LessonProgress)
            .where(LessonProgress.profile_id == profile_id)
            .order_by(LessonProgress.module_id, LessonProgress.lesson_file)
        ).all()
        attempts = session.scalars(
            select(QuizAttempt)
            .where(QuizAttempt.profile_id == profile_id)
            .order_by(QuizAttempt.started_at, QuizAttempt.id)
            .options(selectinload(QuizAttempt.answers))
        ).all()
        notes = session.scalars(
            select(Note)
            .where(Note.profile_id == profile_id)
            .order_by(Note.module_id, Note.lesson_file)
        ).all()
        certificates = session.scalars(
            select(Certificate)
            .where(Certificate.profile_id == profile_id)
            .order_by(Certificate.issued_at)
        ).all()
        return {
            "format": FORMAT,
            "version": VERSION,
            "exported_at": utc_now().isoformat(),
            "app_version": __version__,
            "profile": {
                "name": profile.name,
                "school": profile.school,
                "role": profile.role,
                "created_at": _iso(profile.created_at),
                "preferences": dict(profile.preferences),
            },
            "lessons": [
                {
                    "module_id": row.module_id,
                    "lesson_file": row.lesson_file,
                    "first_opened_at": _iso(row.first_opened_at),
                    "last_opened_at": _iso(row.last_opened_at),
                    "completed_at": _iso(row.completed_at),
                    "seconds_spent": row.seconds_spent,
                }
                for row in lessons
            ],
            "attempts": [_export_attempt(row) for row in attempts],
            "notes": [
                {
                    "module_id": row.module_id,
                    "lesson_file": row.lesson_file,
                    "text": row.text,
                    "updated_at": _iso(row.updated_at),
                }
                for row in notes
            ],
            "certificates": [
                {
                    "number": row.number,
                    "kind": row.kind,
                    "module_ids": list(row.module_ids),
                    "issued_at": _iso(row.issued_at),
                    "payload": row.payload,
                    "signature": row.signature,
                }
                for row in certificates
            ],
        }


def _export_attempt(row: QuizAttempt) -> dict[str, Any]:
    return {
        "module_id": row.module_id,
        "module_version": row.module_version,
        "started_at": _iso(row.started_at),
        "finished_at": _iso(row.finished_at),
        "score_percent": row.score_percent,
        "passed": row.passed,
        "plan": [dict(item) for item in row.plan],
        "answers": [
            {
                "position": a.position,
                "question_key": a.question_key,
                "response": a.response,
                "fraction": a.fraction,
                "answered_at": _iso(a.answered_at),
            }
            for a in row.answers
        ],
    }


def import_profile(
    store: ProgressStore, data: object, *, as_name: str | None = None
) -> ProfileRecord:
    """Create a NEW profile from an exported file, or raise `ImportRejected` having written
    nothing. The file's name is used unless `as_name` is given (CLI: `--as NAME`); if that
    name is taken the import is refused: it never adds rows to an existing learner. The new
    profile has no password (the file carries none); set one in the app."""
    try:
        checked = check_file(data)
        name = normalize_name(as_name if as_name is not None else checked.profile["name"])
    except (InvalidFile, InvalidInput) as exc:
        raise ImportRejected(str(exc)) from exc
    try:
        with store.context.transaction() as session:  # the store's own package: may use its session
            return profile_record(ByName(_write(session, checked, name)))
    except ProfileExists as exc:
        raise ImportRejected(
            f"Es gibt schon ein Profil „{exc.name}“. Importieren Sie unter einem anderen "
            "Namen (kompetenz progress import DATEI --as „Neuer Name“) oder löschen Sie das "
            "vorhandene Profil zuerst."
        ) from exc
    except IntegrityError as exc:
        raise ImportRejected(f"Die Daten widersprechen vorhandenen Daten ({exc.orig}).") from exc


def _write(session: Session, checked: CheckedFile, name: str) -> Profile:
    if session.scalar(select(Profile.id).where(Profile.name_key == name.casefold())):
        raise ProfileExists(name)
    numbers = [c["number"] for c in checked.certificates]
    taken = session.scalar(
        select(Certificate.number).where(Certificate.number.in_(numbers)).limit(1)
    )
    if taken is not None:
        raise ImportRejected(
            f"Das Zertifikat Nr. {taken} ist in dieser Datenbank bereits einem anderen "
            "Profil zugeordnet; ein Zertifikat gehört genau einer Person."
        )
    profile = Profile(**{**checked.profile, "name": name, "name_key": name.casefold()})
    session.add(profile)
    session.flush()
    pid = profile.id
    session.add_all(LessonProgress(profile_id=pid, **row) for row in checked.lessons)
    session.add_all(Note(profile_id=pid, **row) for row in checked.notes)
    session.add_all(Certificate(profile_id=pid, **row) for row in checked.certificates)
    for attempt, answers in checked.attempts:
        session.add(QuizAttempt(profile_id=pid, **attempt, answers=[Answer(**a) for a in answers]))
    session.flush()
    return profile
