"""The summary reads (profiles, preferences, module progress, scores, the lesson to continue)
as plain SQL that any DB-API connection can run: the one definition of each of these queries.

The store runs them in its session; start-up shows the learner's progress before SQLAlchemy is
imported, running the very same text with the standard library's sqlite3
(`sqlite/readonly.py`). One text for both means the start screen and every later screen
can never disagree about a learner's progress. Plain SQL also spares a long history the ORM's
row objects: the quiz-attempt indexes carry every column these queries read (migration 0002).

No SQLAlchemy and no Qt here: only SQL. Every column is read by its name and turned into a
record by `rows.py`, so the order of a SELECT's columns is no contract. Each query takes a
`run(sql, parameters) -> rows` callable whose rows can be read by column name, so the caller
decides the connection and the transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from kompetenz.store import rows
from kompetenz.store.records import LessonState, ModuleProgress, ProfileRecord

Run = Callable[[str, Mapping[str, object]], Sequence[Mapping[Any, Any]]]

_PROFILES = """
SELECT id, name, school, role, password_hash IS NOT NULL AS has_password, created_at
FROM profiles ORDER BY name_key
"""
_PREFERENCES = "SELECT preferences FROM profiles WHERE id = :profile"
_LAST_OPENED = """
SELECT module_id, lesson_file, first_opened_at, completed_at, seconds_spent
FROM lesson_progress
WHERE profile_id = :profile AND last_opened_at IS NOT NULL
ORDER BY last_opened_at DESC, id DESC
LIMIT 1
"""
# Module progress in three queries; a long history is counted and ranked in SQL, never loaded.
# `{module}` becomes an extra condition when one module is asked for (the module overview).
_LESSONS = """
SELECT module_id, lesson_file, completed_at, seconds_spent
FROM lesson_progress WHERE profile_id = :profile{module}
"""
_FINISHED = "profile_id = :profile AND finished_at IS NOT NULL{module}"
_TOTALS = f"""
SELECT module_id, COUNT(*) AS attempts, MAX(COALESCE(score_percent, 0.0)) AS best
FROM quiz_attempts WHERE {_FINISHED}
GROUP BY module_id
"""
# The best passing attempt per module: highest score, the earliest of equals.
_BEST_PASSES = f"""
SELECT module_id, finished_at FROM (
    SELECT module_id, finished_at, ROW_NUMBER() OVER (
        PARTITION BY module_id
        ORDER BY COALESCE(score_percent, 0.0) DESC, finished_at
    ) AS place
    FROM quiz_attempts WHERE {_FINISHED} AND passed
) AS ranked_passes
WHERE place = 1
"""


_SCORES = """
SELECT module_id, score_percent FROM quiz_attempts
WHERE profile_id = :profile AND finished_at IS NOT NULL AND score_percent IS NOT NULL
ORDER BY started_at, id
"""


def list_profiles(run: Run) -> list[ProfileRecord]:
    return [rows.profile_record(row) for row in run(_PROFILES, {})]


def preferences(run: Run, profile_id: int) -> dict[str, Any] | None:
    """The profile's preferences, or None when there is no such profile."""
    found = run(_PREFERENCES, {"profile": profile_id})
    return rows.preferences(found[0]) if found else None


def last_opened_lesson(run: Run, profile_id: int) -> LessonState | None:
    found = run(_LAST_OPENED, {"profile": profile_id})
    return rows.lesson_state(found[0]) if found else None


def module_progress(
    run: Run, profile_id: int, module_id: str | None = None
) -> dict[str, ModuleProgress]:
    """Per module: lessons completed, time spent, and the best of the finished attempts.

    `passed_at` is when the best passing attempt (highest score, earliest on a tie)
    finished; `attempts` counts finished attempts only. With `module_id`, only that
    module is read (the module overview needs no other).
    """
    parameters: dict[str, object] = {"profile": profile_id}
    only = ""
    if module_id is not None:
        parameters["module"] = module_id
        only = " AND module_id = :module"
    lessons = run(_LESSONS.format(module=only), parameters)
    totals = {
        str(row["module_id"]): (int(row["attempts"]), float(row["best"]))
        for row in run(_TOTALS.format(module=only), parameters)
    }
    passed_at = {
        str(row["module_id"]): rows.utc_time(row["finished_at"])
        for row in run(_BEST_PASSES.format(module=only), parameters)
    }
    completed: dict[str, set[str]] = {}
    seconds: dict[str, float] = {}
    for row in lessons:
        found = str(row["module_id"])
        done = completed.setdefault(found, set())
        if row["completed_at"] is not None:
            done.add(str(row["lesson_file"]))
        seconds[found] = seconds.get(found, 0.0) + float(row["seconds_spent"])
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


def attempt_scores(run: Run, profile_id: int) -> dict[str, list[float]]:
    """The scores of the finished attempts per module, oldest first (the progress page)."""
    scores: dict[str, list[float]] = {}
    for row in run(_SCORES, {"profile": profile_id}):
        scores.setdefault(str(row["module_id"]), []).append(float(row["score_percent"]))
    return scores
