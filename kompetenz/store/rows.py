"""Rows to the frozen records of `records.py`: the ONE mapping of every record, by column name.

Both ways the store reads use it: its ORM session (an ORM object is read through `ByName`)
and the plain SQL of `summary_sql.py`, whether run in the store's session or by the read-only
first-screen reader with the standard library's sqlite3. A field added to a record is added
here once. Stored times are turned into aware UTC datetimes in one place, `utc_time`.

No SQLAlchemy and no Qt at run time: start-up maps the first screen's rows with this module
before SQLAlchemy is imported.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from kompetenz.store.records import (
    AnswerRecord,
    AttemptRecord,
    CertificateRecord,
    LessonState,
    NoteRecord,
    PlannedItem,
    ProfileRecord,
    Role,
)

if TYPE_CHECKING:
    from kompetenz.store.models import Answer, QuizAttempt

# Any key: SQLAlchemy's RowMapping is keyed by name or column, sqlite3.Row by name.
Row = Mapping[Any, Any]


class ByName(Mapping[str, Any]):
    """An ORM object seen as a row: `ByName(profile)["name"]` is `profile.name`."""

    __slots__ = ("_row",)

    def __init__(self, row: object) -> None:
        self._row = row

    def __getitem__(self, key: str) -> Any:
        try:
            return getattr(self._row, key)
        except AttributeError:
            raise KeyError(key) from None

    def __iter__(self) -> Iterator[str]:
        raise TypeError("ByName is read by key only")

    def __len__(self) -> int:
        raise TypeError("ByName is read by key only")


def utc_time(value: object) -> datetime | None:
    """A stored time as an aware UTC datetime. The only place stored times are interpreted.

    The store writes UTC without a zone (`coltypes.UTCDateTime`). Read back, SQLite hands
    plain SQL the text SQLAlchemy wrote ('2026-11-26 14:05:09.123456'), other engines and
    SQLAlchemy's own types hand back a datetime: all of them mean UTC.
    """
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)
    raise ValueError(f"not a stored time: {value!r}")


def required_time(value: object) -> datetime:
    found = utc_time(value)
    if found is None:
        raise ValueError("a required time is missing")
    return found


def json_value(stored: object) -> Any:
    """A JSON column's value: SQLAlchemy's JSON type parses it, plain SQL hands back the text."""
    return json.loads(stored) if isinstance(stored, str | bytes) else stored


def profile_record(row: Row) -> ProfileRecord:
    """Reads id, name, school, role, has_password, created_at (`Profile.has_password`)."""
    return ProfileRecord(
        id=int(row["id"]),
        name=str(row["name"]),
        school=None if row["school"] is None else str(row["school"]),
        role=Role(row["role"]),
        has_password=bool(row["has_password"]),
        created_at=required_time(row["created_at"]),
    )


def lesson_state(row: Row) -> LessonState:
    return LessonState(
        module_id=str(row["module_id"]),
        lesson_file=str(row["lesson_file"]),
        first_opened_at=utc_time(row["first_opened_at"]),
        completed_at=utc_time(row["completed_at"]),
        seconds_spent=float(row["seconds_spent"] or 0.0),
    )


def preferences(row: Row) -> dict[str, Any]:
    value = json_value(row["preferences"])
    return value if isinstance(value, dict) else {}


def plan_to_json(plan: tuple[PlannedItem, ...]) -> list[dict[str, Any]]:
    return [
        {"question_key": item.question_key, "choice_order": list(item.choice_order)}
        for item in plan
    ]


def plan_from_json(data: list[dict[str, Any]]) -> tuple[PlannedItem, ...]:
    return tuple(
        PlannedItem(str(item["question_key"]), tuple(int(i) for i in item["choice_order"]))
        for item in data
    )


# Attempts and answers come only from the ORM, whose `UTCDateTime` columns already ran
# `utc_time`; a long history holds 100,000 answers, so nothing is converted twice.


def answer_record(row: Answer) -> AnswerRecord:
    return AnswerRecord(
        position=row.position,
        question_key=row.question_key,
        response=row.response,
        fraction=row.fraction,
        answered_at=row.answered_at,
    )


def attempt_record(row: QuizAttempt) -> AttemptRecord:
    return AttemptRecord(
        id=row.id,
        profile_id=row.profile_id,
        module_id=row.module_id,
        module_version=row.module_version,
        started_at=row.started_at,
        finished_at=row.finished_at,
        score_percent=row.score_percent,
        passed=row.passed,
        plan=plan_from_json(row.plan),
        answers=tuple(answer_record(a) for a in row.answers),
    )


def note_record(row: Row) -> NoteRecord:
    return NoteRecord(
        module_id=str(row["module_id"]),
        lesson_file=str(row["lesson_file"]),
        text=str(row["text"]),
        updated_at=required_time(row["updated_at"]),
    )


def certificate_record(row: Row) -> CertificateRecord:
    return CertificateRecord(
        id=int(row["id"]),
        profile_id=int(row["profile_id"]),
        number=str(row["number"]),
        kind=str(row["kind"]),
        module_ids=tuple(json_value(row["module_ids"])),
        issued_at=required_time(row["issued_at"]),
        payload=str(row["payload"]),
        signature=str(row["signature"]),
    )
