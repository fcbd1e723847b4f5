"""Quiz attempts and answers, and the per-module overview built from them and the lessons.

An answer is committed the moment it is given, so a crash (or a pulled plug) in the middle of
a quiz loses nothing: `unfinished_attempt` finds the attempt again with every answer in it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, selectinload

from kompetenz.store._convert import attempt_record, plan_to_json
from kompetenz.store._core import StoreCore, require_json, require_text
from kompetenz.store.errors import AttemptClosed, AttemptNotFound
from kompetenz.store.models import Answer, LessonProgress, QuizAttempt
from kompetenz.store.records import AttemptRecord, ModuleProgress, PlannedItem


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


class QuizOps(StoreCore):
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
        with self._transaction() as session:
            self._profile(session, profile_id)
            row = QuizAttempt(
                profile_id=profile_id,
                module_id=module_id,
                module_version=module_version,
                started_at=self._now(),
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
        """Store (or replace) the answer at `position`; committed to disk before returning."""
        require_json(response, "response")
        fraction = _check_fraction(fraction)
        with self._transaction() as session:
            attempt = self._open_attempt(session, attempt_id)
            if isinstance(position, bool) or not 0 <= position < len(attempt.plan):
                raise ValueError(f"position {position!r} is outside the attempt's plan")
            planned = attempt.plan[position]["question_key"]
            if planned != question_key:
                raise ValueError(f"position {position} holds {planned!r}, not {question_key!r}")
            row = session.scalar(
                select(Answer).where(Answer.attempt_id == attempt_id, Answer.position == position)
            )
            if row is None:
                row = Answer(attempt_id=attempt_id, position=position, question_key=question_key)
                session.add(row)
            row.response = response
            row.fraction = fraction
            row.answered_at = self._now()

    def finish_attempt(self, attempt_id: int, score_percent: float, passed: bool) -> AttemptRecord:
        if isinstance(score_percent, bool) or not isinstance(score_percent, int | float):
            raise ValueError(f"score_percent must be a number, not {score_percent!r}")
        if not math.isfinite(score_percent) or not 0 <= score_percent <= 100:
            raise ValueError(f"score_percent must lie between 0 and 100, not {score_percent!r}")
        with self._transaction() as session:
            row = self._open_attempt(session, attempt_id)
            row.finished_at = self._now()
            row.score_percent = float(score_percent)
            row.passed = bool(passed)
            session.flush()
            return attempt_record(row)

    def get_attempt(self, attempt_id: int) -> AttemptRecord:
        with self._transaction() as session:
            row = session.get(QuizAttempt, attempt_id, options=[selectinload(QuizAttempt.answers)])
            if row is None:
                raise AttemptNotFound(attempt_id)
            return attempt_record(row)

    def unfinished_attempt(self, profile_id: int, module_id: str) -> AttemptRecord | None:
        """The newest attempt of this module that was never finished (to resume after a crash)."""
        with self._transaction() as session:
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
        with self._transaction() as session:
            self._profile(session, profile_id)
            return [attempt_record(row) for row in session.scalars(query)]

    def attempt_scores(self, profile_id: int) -> dict[str, list[float]]:
        """The scores of the finished attempts per module, oldest first.

        What the progress page charts; one query that loads neither answers nor plans, so it
        stays fast with a long history (attempts() is for reviewing single attempts).
        """
        query = (
            select(QuizAttempt.module_id, QuizAttempt.score_percent)
            .where(
                QuizAttempt.profile_id == profile_id,
                QuizAttempt.finished_at.is_not(None),
                QuizAttempt.score_percent.is_not(None),
            )
            .order_by(QuizAttempt.started_at, QuizAttempt.id)
        )
        scores: dict[str, list[float]] = {}
        with self._transaction() as session:
            self._profile(session, profile_id)
            for module_id, score in session.execute(query):
                if score is not None:  # filtered in the query; this tells the type checker
                    scores.setdefault(module_id, []).append(float(score))
        return scores

    def module_progress(
        self, profile_id: int, module_id: str | None = None
    ) -> dict[str, ModuleProgress]:
        """Per module: lessons completed, time spent, and the best of the finished attempts.

        `passed_at` is when the best passing attempt (highest score, earliest on a tie)
        finished; `attempts` counts finished attempts only. With `module_id`, only that
        module is read (the module overview needs no other).
        """
        lesson_query = select(
            LessonProgress.module_id,
            LessonProgress.lesson_file,
            LessonProgress.completed_at,
            LessonProgress.seconds_spent,
        ).where(LessonProgress.profile_id == profile_id)
        finished: list[ColumnElement[bool]] = [
            QuizAttempt.profile_id == profile_id,
            QuizAttempt.finished_at.is_not(None),
        ]
        if module_id is not None:
            lesson_query = lesson_query.where(LessonProgress.module_id == module_id)
            finished.append(QuizAttempt.module_id == module_id)
        # Counted and ranked in SQL: a long history is summarised without loading its rows.
        score = func.coalesce(QuizAttempt.score_percent, 0.0)
        totals_query = (
            select(QuizAttempt.module_id, func.count(), func.max(score))
            .where(*finished)
            .group_by(QuizAttempt.module_id)
        )
        ranked = (
            select(
                QuizAttempt.module_id,
                QuizAttempt.finished_at,
                func.row_number()
                .over(
                    partition_by=QuizAttempt.module_id,
                    order_by=(score.desc(), QuizAttempt.finished_at),
                )
                .label("rank"),
            )
            .where(*finished, QuizAttempt.passed.is_(True))
            .subquery("ranked_passes")
        )
        best_pass_query = select(ranked.c.module_id, ranked.c.finished_at).where(ranked.c.rank == 1)
        with self._transaction() as session:
            self._profile(session, profile_id)
            lessons = session.execute(lesson_query).all()
            totals = {row[0]: (int(row[1]), float(row[2])) for row in session.execute(totals_query)}
            passed_at = {row[0]: row[1] for row in session.execute(best_pass_query)}
        completed: dict[str, set[str]] = {}
        seconds: dict[str, float] = {}
        for found, lesson_file, completed_at, spent in lessons:
            done = completed.setdefault(found, set())
            if completed_at is not None:
                done.add(lesson_file)
            seconds[found] = seconds.get(found, 0.0) + spent
        return {
            found: ModuleProgress(
                module_id=found,
                lessons_completed=frozenset(completed.get(found, set())),
                best_score_percent=totals[found][1] if found in totals else None,
                passed=found in passed_at,
                passed_at=passed_at.get(found),
                attempts=totals[found][0] if found in totals else 0,
                seconds_spent=seconds.get(found, 0.0),
            )
            for found in sorted(set(completed) | set(totals))
        }
