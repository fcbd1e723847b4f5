"""ORM rows to the plain records of `records.py`, called inside the transaction that read them."""

from __future__ import annotations

from typing import Any

from kompetenz.store.models import Answer, Certificate, LessonProgress, Note, Profile, QuizAttempt
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


def profile_record(row: Profile) -> ProfileRecord:
    return ProfileRecord(
        id=row.id,
        name=row.name,
        school=row.school,
        role=Role(row.role),
        has_password=row.password_hash is not None,
        created_at=row.created_at,
    )


def lesson_state(row: LessonProgress) -> LessonState:
    return LessonState(
        module_id=row.module_id,
        lesson_file=row.lesson_file,
        first_opened_at=row.first_opened_at,
        completed_at=row.completed_at,
        seconds_spent=row.seconds_spent,
    )


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


def note_record(row: Note) -> NoteRecord:
    return NoteRecord(
        module_id=row.module_id,
        lesson_file=row.lesson_file,
        text=row.text,
        updated_at=row.updated_at,
    )


def certificate_record(row: Certificate) -> CertificateRecord:
    return CertificateRecord(
        id=row.id,
        profile_id=row.profile_id,
        number=row.number,
        kind=row.kind,
        module_ids=tuple(row.module_ids),
        issued_at=row.issued_at,
        payload=row.payload,
        signature=row.signature,
    )
