"""What every part of `ProgressStore` shares: the sessions, the engine's backend, the clock,
the password guard, one transaction per call, and the checks of input."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from kompetenz.store.backend import DatabaseBackend
from kompetenz.store.errors import ProfileNotFound, StorageFailed
from kompetenz.store.models import Profile
from kompetenz.store.passwords import PasswordGuard
from kompetenz.store.summary_sql import Run


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


def session_runner(session: Session) -> Run:
    """The summary SQL of `summary_sql.py`, run in this session, rows read by column name."""

    def run(sql: str, parameters: Mapping[str, object]) -> Sequence[Mapping[Any, Any]]:
        return session.execute(text(sql), dict(parameters)).mappings().all()

    return run


class StoreContext:
    """What the store's parts share. Every public method of a part runs in exactly one short
    transaction, committed before it returns, so a crash never loses more than the action in
    progress."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        backend: DatabaseBackend,
        *,
        data_dir: Path | None = None,
        clock: Callable[[], datetime] = utc_now,
        password_guard: PasswordGuard | None = None,
    ) -> None:
        self.sessions = sessions
        self.backend = backend
        self.data_dir = data_dir
        self.clock = clock
        self.guard = password_guard or PasswordGuard()

    def now(self) -> datetime:
        now = self.clock()
        if now.tzinfo is None:
            raise ValueError("the store's clock must return timezone-aware datetimes")
        return now.astimezone(UTC)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises.

        A database that cannot be used right now (disk full, locked past the busy timeout)
        becomes a `StorageFailed` the user can read, not a driver traceback.
        """
        with self._driver_errors_as_failures(), self.sessions.begin() as session:
            yield session

    @contextmanager
    def core_transaction(self) -> Iterator[Connection]:
        """Like `transaction`, on a Core connection: for the calls the UI waits on at every
        click (recording an answer), where the ORM's bookkeeping would cost several times
        what the database itself does."""
        with self._driver_errors_as_failures(), self.engine().begin() as connection:
            yield connection

    @contextmanager
    def core_statement(self) -> Iterator[Connection]:
        """A Core connection whose every statement commits on its own. For a change that is
        one statement anyway: on a server this saves the round trips of BEGIN and COMMIT,
        which under load were most of an answer's time."""
        with self._driver_errors_as_failures(), self.engine().connect() as connection:
            yield connection.execution_options(isolation_level="AUTOCOMMIT")

    @contextmanager
    def _driver_errors_as_failures(self) -> Iterator[None]:
        try:
            yield
        except IntegrityError:
            raise  # a constraint violation is a bug or a race the caller handles
        except DBAPIError as exc:  # a dropped connection too: never a driver traceback
            raise self.failure(exc) from exc

    def failure(self, exc: DBAPIError) -> StorageFailed:
        """Any driver error as the error the UI shows: what happened, what to check."""
        lines = str(exc.orig).strip().splitlines()
        return StorageFailed(lines[0] if lines else "unbekannt",
                             server=self.backend.database_file is None)

    def engine(self) -> Engine:
        bind = self.sessions.kw.get("bind")
        if bind is None:
            with self.sessions() as session:
                bind = session.get_bind()
        assert isinstance(bind, Engine)
        return bind

    @staticmethod
    def profile(session: Session, profile_id: int) -> Profile:
        row = session.get(Profile, profile_id)
        if row is None:
            raise ProfileNotFound(profile_id)
        return row


class StorePart:
    """Base of the store's parts (`Profiles`, `Lessons`, `Attempts`, `CertificateRegister`),
    each composed into `ProgressStore` over the one shared `StoreContext`."""

    def __init__(self, context: StoreContext) -> None:
        self._context = context
