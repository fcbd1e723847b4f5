"""Column types that keep the store's promises independent of the database engine."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from kompetenz.store.rows import utc_time


class UTCDateTime(TypeDecorator[datetime]):
    """Stores UTC without a zone (SQLite has none) and hands back timezone-aware UTC values.

    A naive datetime is refused instead of guessed: a wrong hour on a certificate is worse
    than a crash in a test. What is read back goes through `rows.utc_time`, the same function
    that reads the times the summary SQL returns as text, so both paths agree.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"naive datetime {value!r}: the store needs timezone-aware values")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return utc_time(value)
