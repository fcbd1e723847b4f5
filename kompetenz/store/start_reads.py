"""The summary reads of the first screen and the progress page, as plain SQL that any DB-API
connection can run.

Start-up shows the learner's progress before SQLAlchemy is imported (`snapshot.py` runs these
queries with the standard library's sqlite3), and the store runs the very same queries through
its session once it is open. One text for both means the start screen and every later screen
can never disagree about a learner's progress. Plain SQL also spares a long history the ORM's
row objects: the quiz-attempt indexes carry every column these queries read (migration 0002).

No SQLAlchemy and no Qt here: only SQL, and the functions that turn its rows into records.
Each query takes a `run(sql, parameters) -> rows` callable, so the caller decides the
connection and the transaction.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from kompetenz.store.records import LessonState, ModuleProgress, ProfileRecord, Role

Run = Callable[[str, Mapping[str, object]], Sequence[Sequence[Any]]]

_PROFILES = """
SELECT id, name, school, role, password_hash IS NOT NULL, created_at
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
SELECT module_id, COUNT(*), MAX(COALESCE(score_percent, 0.0))
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


def utc_time(value: object) -> datetime | None:
    """A stored time as an aware UTC datetime.

    SQLite hands back the text SQLAlchemy wrote ('2026-11-26 14:05:09.123456', UTC without a
    zone); other engines hand back a datetime without a zone. Both mean UTC.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC)
    if isinstance(value, str):
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    raise ValueError(f"not a stored time: {value!r}")


def list_profiles(run: Run) -> list[ProfileRecord]:
    return [
        ProfileRecord(
            id=int(row[0]),
            name=str(row[1]),
            school=None if row[2] is None else str(row[2]),
            role=Role(row[3]),
            has_password=bool(row[4]),
            created_at=_required_time(row[5]),
        )
        for row in run(_PROFILES, {})
    ]


def preferences(run: Run, profile_id: int) -> dict[str, Any] | None:
    """The profile's preferences, or None when there is no such profile."""
    rows = run(_PREFERENCES, {"profile": profile_id})
    if not rows:
        return None
    stored = rows[0][0]
    # SQLAlchemy's JSON type hands back the parsed value; plain SQL hands back the text.
    value = json.loads(stored) if isinstance(stored, str | bytes) else stored
    return value if isinstance(value, dict) else {}


def last_opened_lesson(run: Run, profile_id: int) -> LessonState | None:
    rows = run(_LAST_OPENED, {"profile": profile_id})
    if not rows:
        return None
    module_id, lesson_file, first_opened_at, completed_at, seconds_spent = rows[0]
    return LessonState(
        module_id=str(module_id),
        lesson_file=str(lesson_file),
        first_opened_at=utc_time(first_opened_at),
        completed_at=utc_time(completed_at),
        seconds_spent=float(seconds_spent),
    )


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
        str(row[0]): (int(row[1]), float(row[2]))
        for row in run(_TOTALS.format(module=only), parameters)
    }
    passed_at = {
        str(row[0]): utc_time(row[1]) for row in run(_BEST_PASSES.format(module=only), parameters)
    }
    completed: dict[str, set[str]] = {}
    seconds: dict[str, float] = {}
    for found, lesson_file, completed_at, spent in lessons:
        done = completed.setdefault(found, set())
        if completed_at is not None:
            done.add(lesson_file)
        seconds[found] = seconds.get(found, 0.0) + float(spent)
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
    for module_id, score in run(_SCORES, {"profile": profile_id}):
        scores.setdefault(str(module_id), []).append(float(score))
    return scores


def _required_time(value: object) -> datetime:
    found = utc_time(value)
    if found is None:
        raise ValueError("a required time is missing")
    return found
