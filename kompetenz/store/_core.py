"""What every part of `ProgressStore` shares: the session factory, the clock, input checks."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, Table
from sqlalchemy.dialects import postgresql as postgresql_insert
from sqlalchemy.dialects import sqlite as sqlite_insert
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from kompetenz.store.errors import ProfileNotFound, StorageFailed
from kompetenz.store.models import Profile
from kompetenz.store.passwords import PasswordGuard


def utc_now() -> datetime:
    return datetime.now(UTC)


def require_text(value: str, what: str, max_length: int) -> str:
    if not isinstance(value, str) or not value or len(value) > max_length:
        raise ValueError(f"{what} must be a non-empty string of at most {max_length} characters")
    return value


def require_seconds(seconds: float) -> float:
    if isinstance(seconds, bool) or not isinstance(seconds, int | float):
        raise ValueError(f"seconds must be a number, not {seconds!r}")
    if not math.isfinite(seconds) or seconds < 0:
        raise ValueError(f"seconds must be finite and not negative, not {seconds!r}")
    return float(seconds)


def require_json(value: object, what: str) -> None:
    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{what} must be JSON-compatible: {exc}") from exc


class StoreCore:
    """Base of the store's parts. Every public method runs in exactly one short transaction,
    committed before it returns, so a crash never loses more than the action in progress."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        data_dir: Path | None = None,
        clock: Callable[[], datetime] = utc_now,
        password_guard: PasswordGuard | None = None,
    ) -> None:
        self._sessions = sessions
        self._data_dir = data_dir
        self._clock = clock
        self._guard = password_guard or PasswordGuard()

    @property
    def data_dir(self) -> Path | None:
        return self._data_dir

    def _now(self) -> datetime:
        now = self._clock()
        if now.tzinfo is None:
            raise ValueError("the store's clock must return timezone-aware datetimes")
        return now.astimezone(UTC)

    @contextmanager
    def _transaction(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises.

        A database that cannot be used right now (disk full, locked past the busy timeout)
        becomes a `StorageFailed` the user can read, not a driver traceback.
        """
        try:
            with self._sessions.begin() as session:
                yield session
        except IntegrityError:
            raise  # a constraint violation is a bug or a race the caller handles
        except DBAPIError as exc:
            raise self._failure(exc) from exc

    @contextmanager
    def _core_transaction(self) -> Iterator[Connection]:
        """Like `_transaction`, on a Core connection: for the calls the UI waits on at every
        click (recording an answer), where the ORM's bookkeeping would cost several times
        what the database itself does."""
        try:
            with self._engine().begin() as connection:
                yield connection
        except IntegrityError:
            raise  # a constraint violation is a bug or a race the caller handles
        except DBAPIError as exc:
            raise self._failure(exc) from exc

    def _failure(self, exc: DBAPIError) -> StorageFailed:
        """Any driver error, a dropped connection included, as the error the UI can show."""
        detail = str(exc.orig).strip().splitlines()[0] if str(exc.orig).strip() else "unbekannt"
        return StorageFailed(detail, server=self._engine().dialect.name != "sqlite")

    def _insert(self, table: Table) -> sqlite_insert.Insert | postgresql_insert.Insert:
        """The engine's INSERT with ON CONFLICT: rows keyed by a unique constraint are
        written in one statement, safe when two PCs write the same row at once."""
        if self._engine().dialect.name == "postgresql":
            return postgresql_insert.insert(table)
        return sqlite_insert.insert(table)

    def _engine(self) -> Engine:
        bind = self._sessions.kw.get("bind")
        if bind is None:
            with self._sessions() as session:
                bind = session.get_bind()
        assert isinstance(bind, Engine)
        return bind

    @staticmethod
    def _profile(session: Session, profile_id: int) -> Profile:
        row = session.get(Profile, profile_id)
        if row is None:
            raise ProfileNotFound(profile_id)
        return row

    def close(self) -> None:
        """Close every database connection; the store cannot be used afterwards."""
        self._engine().dispose()
