"""Quiz attempts and answers, and the per-module overview built from them and the lessons.

An answer is committed the moment it is given, so a crash (or a pulled plug) in the middle of
a quiz loses nothing: `unfinished_attempt` finds the attempt again with every answer in it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session, selectinload

from kompetenz.store import summary_sql
from kompetenz.store.context import StorePart, require_json, require_text, session_runner
from kompetenz.store.errors import AnswerNotSaved, AttemptClosed, AttemptNotFound, StorageFailed
from kompetenz.store.models import QuizAttempt
from kompetenz.store.records import AttemptRecord, ModuleProgress, PlannedItem
from kompetenz.store.rows import attempt_record, plan_to_json

# The Core statement that reads an attempt's state for `record_answer`, built once.
_ATTEMPT_STATE = select(QuizAttempt.finished_at, QuizAttempt.plan).where(
    QuizAttempt.id == bindparam("attempt_id")
)


def _check_plan(plan: Sequence[PlannedItem]) -> tuple[PlannedItem, ...]:
    items = tuple(plan)
    for item in items:
        if not isinstance(item, PlannedItem):
            raise ValueError(f"plan items must be PlannedItem, not {item!r}")
        require_text(item.question_key, "question_key", 200)
        if not all(isinstance(i, int) and not isinstance(i, bool) for i in item.choice_order):
            raise ValueError(f"choice_order must hold integers: {item!r}")
    return items


def _check_fraction(fraction: float | None) -> float | None:
    if fraction is None:
        return None
    if isinstance(fraction, bool) or not isinstance(fraction, int | float):
        raise ValueError(f"fraction must be a number or None, not {fraction!r}")
    if not math.isfinite(fraction) or not -1.0 <= fraction <= 1.0:
        raise ValueError(f"fraction must lie between -1 and 1, not {fraction!r}")
    return float(fraction)


class Attempts(StorePart):
    def start_attempt(
        self,
        profile_id: int,
        module_id: str,
        module_version: str,
        plan: Sequence[PlannedItem],
    ) -> AttemptRecord:
        """Begin an attempt with the questions (and choice orders) exactly as they will show."""
        require_text(module_id, "module_id", 200)
        require_text(module_version, "module_version", 100)
        items = _check_plan(plan)
        with self._context.transaction() as session:
            self._context.profile(session, profile_id)
            row = QuizAttempt(
                profile_id=profile_id,
                module_id=module_id,
                module_version=module_version,
                started_at=self._context.now(),
                plan=plan_to_json(items),
                answers=[],
            )
            session.add(row)
            session.flush()
            return attempt_record(row)

    @staticmethod
    def _open_attempt(session: Session, attempt_id: int) -> QuizAttempt:
        row = session.get(QuizAttempt, attempt_id)
        if row is None:
            raise AttemptNotFound(attempt_id)
        if row.finished_at is not None:
            raise AttemptClosed(attempt_id)
        return row

    def record_answer(
        self,
        attempt_id: int,
        position: int,
        question_key: str,
        response: object,
        fraction: float | None,
    ) -> None:
        """Store (or replace) the answer at `position`; committed to disk before returning.

        The quiz page waits for this at every answer, so it is written in SQLAlchemy Core: one
        read of the attempt's state and plan, one upsert, one commit (one sync of the log).
        Through the ORM the same work cost about 3 ms of Python, more than the sync itself.
        """
        require_json(response, "response")
        values = {
            "attempt_id": attempt_id,
            "position": position,
            "question_key": question_key,
            "response": response,
            "fraction": _check_fraction(fraction),
            "answered_at": self._context.now(),
        }
        try:
            self._save_answer(values)
        except StorageFailed as failed:  # the learner must not think it was saved
            raise AnswerNotSaved(failed) from failed

    def _save_answer(self, values: dict[str, Any]) -> None:
        if self._saved_in_one_statement(values):
            return
        attempt_id, position = values["attempt_id"], values["position"]
        with self._context.core_transaction() as connection:
            state = connection.execute(_ATTEMPT_STATE, {"attempt_id": attempt_id}).first()
            if state is None:
                raise AttemptNotFound(attempt_id)
            finished_at, plan = state
            if finished_at is not None:
                raise AttemptClosed(attempt_id)
            if not _is_index(position) or not 0 <= position < len(plan):
                raise ValueError(f"position {position!r} is outside the attempt's plan")
            planned = plan[position]["question_key"]
            if planned != values["question_key"]:
                raise ValueError(
                    f"position {position} holds {planned!r}, not {values['question_key']!r}"
                )
            self._context.backend.save_answer(connection, values)

    def _saved_in_one_statement(self, values: dict[str, Any]) -> bool:
        """Where the engine can check and write in one statement (a server), do just that; when
        it wrote nothing, the transaction above finds out why."""
        backend = self._context.backend
        if not backend.saves_open_answers_at_once or not _is_index(values["position"]):
            return False
        with self._context.core_statement() as connection:
            return backend.save_open_answer(connection, values)

    def finish_attempt(self, attempt_id: int, score_percent: float, passed: bool) -> AttemptRecord:
        if isinstance(score_percent, bool) or not isinstance(score_percent, int | float):
            raise ValueError(f"score_percent must be a number, not {score_percent!r}")
        if not math.isfinite(score_percent) or not 0 <= score_percent <= 100:
            raise ValueError(f"score_percent must lie between 0 and 100, not {score_percent!r}")
        with self._context.transaction() as session:
            row = self._open_attempt(session, attempt_id)
            row.finished_at = self._context.now()
            row.score_percent = float(score_percent)
            row.passed = bool(passed)
            session.flush()
            return attempt_record(row)

    def get_attempt(self, attempt_id: int) -> AttemptRecord:
        with self._context.transaction() as session:
            row = session.get(QuizAttempt, attempt_id, options=[selectinload(QuizAttempt.answers)])
            if row is None:
                raise AttemptNotFound(attempt_id)
            return attempt_record(row)

    def unfinished_attempt(self, profile_id: int, module_id: str) -> AttemptRecord | None:
        """The newest attempt of this module that was never finished (to resume after a crash)."""
        with self._context.transaction() as session:
            row = session.scalar(
                select(QuizAttempt)
                .where(
                    QuizAttempt.profile_id == profile_id,
                    QuizAttempt.module_id == module_id,
                    QuizAttempt.finished_at.is_(None),
                )
                .order_by(QuizAttempt.started_at.desc(), QuizAttempt.id.desc())
                .limit(1)
                .options(selectinload(QuizAttempt.answers))
            )
            return None if row is None else attempt_record(row)

    def attempts(self, profile_id: int, module_id: str | None = None) -> list[AttemptRecord]:
        """All attempts of the learner (or of one module), newest first, with their answers."""
        query = select(QuizAttempt).where(QuizAttempt.profile_id == profile_id)
        if module_id is not None:
            query = query.where(QuizAttempt.module_id == module_id)
        query = query.order_by(QuizAttempt.started_at.desc(), QuizAttempt.id.desc()).options(
            selectinload(QuizAttempt.answers)
        )
        with self._context.transaction() as session:
            self._context.profile(session, profile_id)
            return [attempt_record(row) for row in session.scalars(query)]

    def attempt_scores(self, profile_id: int) -> dict[str, list[float]]:
        """The scores of the finished attempts per module, oldest first.

        What the progress page charts; read as plain SQL from an index that carries the
        scores, so a long history costs neither answers, nor plans, nor ORM rows
        (attempts() is for reviewing single attempts).
        """
        with self._context.transaction() as session:
            self._context.profile(session, profile_id)
            return summary_sql.attempt_scores(session_runner(session), profile_id)

    def module_progress(
        self, profile_id: int, module_id: str | None = None
    ) -> dict[str, ModuleProgress]:
        """Per module: lessons completed, time spent, best finished attempt (see summary_sql)."""
        with self._context.transaction() as session:
            self._context.profile(session, profile_id)
            return summary_sql.module_progress(session_runner(session), profile_id, module_id)


def _is_index(position: object) -> bool:
    return isinstance(position, int) and not isinstance(position, bool)
