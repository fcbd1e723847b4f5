"""The tables of the progress store. Only the store package sees these classes.

Every index the UI's queries use starts with `profile_id` (or `attempt_id`), so a learner's
screens stay as fast with a hundred colleagues in the same database as with none; the same
indexes make `ON DELETE CASCADE` cheap when a profile is erased.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kompetenz.store.base import Base
from kompetenz.store.coltypes import UTCDateTime

NAME_MAX = 120
_ROLES = "'teacher', 'leadership', 'administration', 'other'"


def _profile_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"), nullable=False)


class Profile(Base):
    __tablename__ = "profiles"
    __table_args__ = (CheckConstraint(f"role IN ({_ROLES})", name="role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_MAX), nullable=False)
    # casefolded, whitespace-collapsed name: uniqueness that also holds for „ß“ and „Ä“
    name_key: Mapped[str] = mapped_column(String(NAME_MAX * 3), nullable=False, unique=True)
    school: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20), nullable=False)
    password_hash: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    preferences: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)

    @property
    def has_password(self) -> bool:
        """Named like the summary SQL's column, so `rows.profile_record` reads both alike."""
        return self.password_hash is not None


class LessonProgress(Base):
    __tablename__ = "lesson_progress"
    __table_args__ = (
        UniqueConstraint("profile_id", "module_id", "lesson_file"),
        Index("ix_lesson_progress_last_opened", "profile_id", "last_opened_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = _profile_fk()
    module_id: Mapped[str] = mapped_column(String(200), nullable=False)
    lesson_file: Mapped[str] = mapped_column(String(300), nullable=False)
    first_opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    seconds_spent: Mapped[float] = mapped_column(Float, nullable=False, default=0.0)


class QuizAttempt(Base):
    __tablename__ = "quiz_attempts"
    # Both indexes also carry the columns the summaries read (migration 0002): the progress
    # page and the start screen are answered from them without reading each attempt's plan.
    __table_args__ = (
        Index(
            "ix_quiz_attempts_profile_module",
            "profile_id",
            "module_id",
            "started_at",
            "finished_at",
            "score_percent",
            "passed",
        ),
        Index(
            "ix_quiz_attempts_profile_started",
            "profile_id",
            "started_at",
            "module_id",
            "finished_at",
            "score_percent",
            "passed",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = _profile_fk()
    module_id: Mapped[str] = mapped_column(String(200), nullable=False)
    module_version: Mapped[str] = mapped_column(String(100), nullable=False)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    score_percent: Mapped[float | None] = mapped_column(Float)
    passed: Mapped[bool | None] = mapped_column()
    # [{"question_key": str, "choice_order": [int, ...]}, ...] as shown to the learner
    plan: Mapped[list[dict[str, Any]]] = mapped_column(JSON, nullable=False)

    answers: Mapped[list[Answer]] = relationship(
        back_populates="attempt",
        order_by="Answer.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class Answer(Base):
    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("attempt_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    attempt_id: Mapped[int] = mapped_column(
        ForeignKey("quiz_attempts.id", ondelete="CASCADE"), nullable=False
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    question_key: Mapped[str] = mapped_column(String(200), nullable=False)
    response: Mapped[Any] = mapped_column(JSON, nullable=True)
    fraction: Mapped[float | None] = mapped_column(Float)
    answered_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)

    attempt: Mapped[QuizAttempt] = relationship(back_populates="answers")


class Note(Base):
    __tablename__ = "notes"
    __table_args__ = (UniqueConstraint("profile_id", "module_id", "lesson_file"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = _profile_fk()
    module_id: Mapped[str] = mapped_column(String(200), nullable=False)
    lesson_file: Mapped[str] = mapped_column(String(300), nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)


class Certificate(Base):
    __tablename__ = "certificates"
    __table_args__ = (Index("ix_certificates_profile_issued", "profile_id", "issued_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = _profile_fk()
    number: Mapped[str] = mapped_column(String(100), nullable=False, unique=True)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    module_ids: Mapped[list[str]] = mapped_column(JSON, nullable=False)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    payload: Mapped[str] = mapped_column(Text, nullable=False)
    signature: Mapped[str] = mapped_column(Text, nullable=False)
    # set while the holder has released it to the school (migration 0006_school)
    released_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


ALL_MODELS = (Profile, LessonProgress, QuizAttempt, Answer, Note, Certificate)
