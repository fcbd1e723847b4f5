"""The tables of the school's view (migration 0006_school). Only the store package sees them.

They hold completion only: who completed which module when, in which content version, under
which certificate number — never scores, answers, notes or time. Staff performance monitoring
would need the staff council (Personalrat, e.g. § 72 Abs. 3 LPVG NRW); the school's view is
built so that it cannot become one.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kompetenz.store.base import Base
from kompetenz.store.coltypes import UTCDateTime


class ReleasedCompletion(Base):
    """One module of a certificate its holder released to the school (a server's school role
    reads these rows and nothing else); withdrawn by deleting them."""

    __tablename__ = "released_completions"
    __table_args__ = (UniqueConstraint("certificate_number", "module_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    certificate_id: Mapped[int] = mapped_column(
        ForeignKey("certificates.id", ondelete="CASCADE"), nullable=False, index=True
    )
    certificate_number: Mapped[str] = mapped_column(String(100), nullable=False)
    person_name: Mapped[str] = mapped_column(String(120), nullable=False)
    person_role: Mapped[str | None] = mapped_column(String(20))
    module_id: Mapped[str] = mapped_column(String(200), nullable=False)
    module_title: Mapped[str] = mapped_column(String(300), nullable=False)
    module_version: Mapped[str] = mapped_column(String(100), nullable=False)
    as_of: Mapped[str] = mapped_column(String(10), nullable=False)  # ISO date
    completed_on: Mapped[str] = mapped_column(String(10), nullable=False)  # ISO date
    released_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)


class SchoolRecord(Base):
    """One module of a certificate file the head teacher imported (`school import`)."""

    __tablename__ = "school_records"
    __table_args__ = (UniqueConstraint("certificate_number", "module_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    certificate_number: Mapped[str] = mapped_column(String(100), nullable=False)
    person_name: Mapped[str] = mapped_column(String(120), nullable=False)
    person_role: Mapped[str | None] = mapped_column(String(20))
    module_id: Mapped[str] = mapped_column(String(200), nullable=False)
    module_title: Mapped[str] = mapped_column(String(300), nullable=False)
    module_version: Mapped[str] = mapped_column(String(100), nullable=False)
    as_of: Mapped[str] = mapped_column(String(10), nullable=False)
    completed_on: Mapped[str] = mapped_column(String(10), nullable=False)
    key_fingerprint: Mapped[str] = mapped_column(String(200), nullable=False)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)


class RegisterEntry(Base):
    """The school's register: AI systems in use, audience groups, measures, by step."""

    __tablename__ = "school_register"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    step: Mapped[str] = mapped_column(String(40), nullable=False)
    kind: Mapped[str] = mapped_column(String(40), nullable=False)
    title: Mapped[str] = mapped_column(String(300), nullable=False)
    details: Mapped[str] = mapped_column(Text, nullable=False, default="")
    due_on: Mapped[str | None] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)


class SchoolSetting(Base):
    """The school's settings (refresh interval, who keeps the record), one JSON value a key."""

    __tablename__ = "school_settings"
    __table_args__ = (UniqueConstraint("key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(100), nullable=False)
    value: Mapped[Any] = mapped_column(JSON, nullable=False)


SCHOOL_MODELS = (ReleasedCompletion, SchoolRecord, RegisterEntry, SchoolSetting)
