"""Lessons opened, completed and timed, and the learner's notes on them."""

from __future__ import annotations

from typing import cast

from sqlalchemy import Select, Table, delete, select
from sqlalchemy.orm import Session

from kompetenz.store import summary_sql
from kompetenz.store.context import StorePart, require_seconds, require_text, session_runner
from kompetenz.store.models import LessonProgress, Note
from kompetenz.store.records import LessonState, NoteRecord
from kompetenz.store.rows import ByName, lesson_state, note_record

MODULE_ID_MAX = 200
LESSON_FILE_MAX = 300
NOTE_MAX = 100_000


def _check_keys(module_id: str, lesson_file: str) -> None:
    require_text(module_id, "module_id", MODULE_ID_MAX)
    require_text(lesson_file, "lesson_file", LESSON_FILE_MAX)


class Lessons(StorePart):
    def _lesson_row(
        self, session: Session, profile_id: int, module_id: str, lesson_file: str
    ) -> LessonProgress:
        """The lesson's row, created (unopened, no time) if there is none yet."""
        _check_keys(module_id, lesson_file)
        self._context.profile(session, profile_id)
        # Created in one statement that cannot clash with the same lesson opened on another
        # PC at this moment; then read FOR UPDATE, because the callers read, change and write
        # it (time adds up): a second PC waits instead of overwriting the sum. (SQLite ignores
        # FOR UPDATE; its BEGIN IMMEDIATE already serialises writers.)
        self._context.backend.insert_missing(
            session,
            cast(Table, LessonProgress.__table__),
            {
                "profile_id": profile_id,
                "module_id": module_id,
                "lesson_file": lesson_file,
                "seconds_spent": 0.0,
            },
        )
        row = session.scalar(
            select(LessonProgress)
            .where(
                LessonProgress.profile_id == profile_id,
                LessonProgress.module_id == module_id,
                LessonProgress.lesson_file == lesson_file,
            )
            .with_for_update()
        )
        assert row is not None  # inserted above
        return row

    def open_lesson(self, profile_id: int, module_id: str, lesson_file: str) -> LessonState:
        """Note that the lesson is being shown: first time kept, last time updated."""
        with self._context.transaction() as session:
            row = self._lesson_row(session, profile_id, module_id, lesson_file)
            now = self._context.now()
            if row.first_opened_at is None:
                row.first_opened_at = now
            row.last_opened_at = now
            session.flush()
            return lesson_state(ByName(row))

    def complete_lesson(self, profile_id: int, module_id: str, lesson_file: str) -> LessonState:
        """Mark the lesson done; the first completion time is the one that counts."""
        with self._context.transaction() as session:
            row = self._lesson_row(session, profile_id, module_id, lesson_file)
            now = self._context.now()
            if row.first_opened_at is None:
                row.first_opened_at = now
            if row.completed_at is None:
                row.completed_at = now
            session.flush()
            return lesson_state(ByName(row))

    def add_time(
        self, profile_id: int, module_id: str, lesson_file: str, seconds: float
    ) -> LessonState:
        """Add reading time (the UI reports it in small steps, so a crash loses little)."""
        amount = require_seconds(seconds)
        with self._context.transaction() as session:
            row = self._lesson_row(session, profile_id, module_id, lesson_file)
            row.seconds_spent = (row.seconds_spent or 0.0) + amount
            session.flush()
            return lesson_state(ByName(row))

    def lesson_states(self, profile_id: int, module_id: str) -> dict[str, LessonState]:
        with self._context.transaction() as session:
            self._context.profile(session, profile_id)
            rows = session.scalars(
                select(LessonProgress).where(
                    LessonProgress.profile_id == profile_id,
                    LessonProgress.module_id == module_id,
                )
            )
            return {row.lesson_file: lesson_state(ByName(row)) for row in rows}

    def last_opened_lesson(self, profile_id: int) -> LessonState | None:
        """The lesson to offer under „Weiterlernen“."""
        with self._context.transaction() as session:
            self._context.profile(session, profile_id)
            return summary_sql.last_opened_lesson(session_runner(session), profile_id)

    # --- notes --------------------------------------------------------------------------------

    def save_note(self, profile_id: int, module_id: str, lesson_file: str, text: str) -> None:
        """Keep the note as typed; an empty (or blank) text deletes it."""
        _check_keys(module_id, lesson_file)
        if not isinstance(text, str) or len(text) > NOTE_MAX:
            raise ValueError(f"a note must be a string of at most {NOTE_MAX} characters")
        with self._context.transaction() as session:
            self._context.profile(session, profile_id)
            if not text.strip():
                session.execute(
                    delete(Note).where(
                        Note.profile_id == profile_id,
                        Note.module_id == module_id,
                        Note.lesson_file == lesson_file,
                    )
                )
                return
            # one upsert: the same note saved on two PCs at once is kept once (the later text)
            self._context.backend.upsert_row(
                session,
                cast(Table, Note.__table__),
                {
                    "profile_id": profile_id,
                    "module_id": module_id,
                    "lesson_file": lesson_file,
                    "text": text,
                    "updated_at": self._context.now(),
                },
                key=["profile_id", "module_id", "lesson_file"],
            )

    @staticmethod
    def _note_query(profile_id: int, module_id: str, lesson_file: str) -> Select[Note]:
        return select(Note).where(
            Note.profile_id == profile_id,
            Note.module_id == module_id,
            Note.lesson_file == lesson_file,
        )

    def note(self, profile_id: int, module_id: str, lesson_file: str) -> str:
        with self._context.transaction() as session:
            row = session.scalar(self._note_query(profile_id, module_id, lesson_file))
            return "" if row is None else row.text

    def notes(self, profile_id: int) -> list[NoteRecord]:
        with self._context.transaction() as session:
            self._context.profile(session, profile_id)
            rows = session.scalars(
                select(Note)
                .where(Note.profile_id == profile_id)
                .order_by(Note.module_id, Note.lesson_file)
            )
            return [note_record(ByName(row)) for row in rows]
