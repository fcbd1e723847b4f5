"""EVERYTHING THAT ONLY WORKS WITH SQLITE lives here, so another engine can be added later.

PRAGMAs, transaction start, file inspection without changing the file, and the online backup
API. Callers ask `is_sqlite(url)` first; for any other engine these functions are not used and
the features built on them (backups, corruption checks) are reported as unavailable.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Engine, Table, create_engine, event
from sqlalchemy.dialects.sqlite import Insert, insert
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

BUSY_TIMEOUT_MS = 5000
# SQLite's automatic checkpoint runs inside the commit that pushes the write-ahead log past
# this many pages, so some answer would wait for it (30 ms and more: the database file is
# written and synced). The app checkpoints in its pauses instead (`checkpoint`); this limit,
# well above what a quiz writes (two pages an answer), is only the safety net that keeps the
# log from growing without bound when nobody does.
WAL_AUTOCHECKPOINT_PAGES = 4000
# After a checkpoint the log file is cut back to this size when it is next reused, so a
# large transaction (an import) does not leave a big file behind.
WAL_SIZE_LIMIT_BYTES = 16 * 1024 * 1024
# What the file-level functions below raise when SQLite refuses a file.
DatabaseFileError = sqlite3.Error


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def database_path(url: str) -> Path | None:
    """The file behind a SQLite URL; None for in-memory databases and other engines."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database).resolve()


def url_for(path: Path) -> str:
    return f"sqlite:///{path}"


def create_sqlite_engine(url: str, *, foreign_keys: bool = True, wal: bool = True) -> Engine:
    """An engine whose every connection is durable, checks foreign keys and really transacts.

    pysqlite's own transaction handling starts no transaction before a SELECT, so a
    read-modify-write would not be atomic. We switch it off and issue `BEGIN IMMEDIATE`
    ourselves: the write lock is taken up front (so `busy_timeout` applies and a read can
    never fail to upgrade to a write), and DDL in migrations is transactional too.

    `foreign_keys=False` is for migrations only: SQLite rebuilds a table to alter it, and
    dropping the old table with foreign keys on would cascade-delete every child row.
    """
    engine = create_engine(url)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        if wal:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute(f"PRAGMA wal_autocheckpoint={WAL_AUTOCHECKPOINT_PAGES}")
            cursor.execute(f"PRAGMA journal_size_limit={WAL_SIZE_LIMIT_BYTES}")
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # Straight to the driver: this runs before every write, and `exec_driver_sql` would
        # add 50 µs to each. Errors (locked past the busy timeout) still reach the caller
        # as SQLAlchemy's, like those of every other statement.
        try:
            connection.connection.driver_connection.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise DBAPIError.instance("BEGIN IMMEDIATE", None, exc, sqlite3.Error) from exc

    return engine


def checkpoint(engine: Engine) -> bool:
    """Copy what the write-ahead log holds into the database file, without waiting for anyone
    (PASSIVE). True if the log was copied completely, so the next write starts it afresh.

    Durability does not depend on this (a committed transaction is safe in the synced log);
    it keeps the log short and moves the cost of copying out of the next commit.
    """
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        busy, log_frames, copied = cursor.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        cursor.close()
    finally:
        raw.close()
    return bool(busy == 0 and log_frames == copied)


def upsert(table: Table, key: Sequence[Column[Any]], replace: Sequence[Column[Any]]) -> Insert:
    """`INSERT … ON CONFLICT (key) DO UPDATE SET replace = excluded.replace`: insert a row or
    overwrite some columns of the one already there, in one statement (SQLite ≥ 3.24)."""
    statement = insert(table)
    return statement.on_conflict_do_update(
        index_elements=list(key),
        set_={column.name: statement.excluded[column.name] for column in replace},
    )


def foreign_key_violations(connection: Any) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in connection.exec_driver_sql("PRAGMA foreign_key_check")]


def compact(engine: Engine) -> None:
    """Rewrite the file so erased rows do not linger in free pages or the write-ahead log.

    VACUUM cannot run inside a transaction, so it goes through a raw DBAPI connection,
    which (see `create_sqlite_engine`) is in autocommit mode.
    """
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("VACUUM")
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cursor.close()
    finally:
        raw.close()


# --- looking at a file without changing it ----------------------------------------------------


@dataclass(frozen=True)
class FileState:
    """What a read-only look at a database file found."""

    exists: bool
    problem: str | None = None  # set when the file is not a usable database
    tables: frozenset[str] = frozenset()
    revisions: frozenset[str] = frozenset()  # rows of alembic_version

    @property
    def is_blank(self) -> bool:
        """Nothing in it yet: safe to create the schema."""
        return not self.exists or (self.problem is None and not self.tables)


@contextlib.contextmanager
def _read_only(path: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        yield connection
    finally:
        connection.close()


def inspect_file(path: Path, *, full_check: bool = False) -> FileState:
    """Open `path` read-only, check it (`quick_check`, or `integrity_check` if asked), read the
    schema revision. Never creates, writes or migrates anything."""
    if not path.exists() or path.stat().st_size == 0:
        return FileState(exists=path.exists())
    try:
        with _read_only(path) as connection:
            check = "integrity_check" if full_check else "quick_check"
            result = [row[0] for row in connection.execute(f"PRAGMA {check}")]
            if result != ["ok"]:
                return FileState(True, problem=f"{check}: {'; '.join(map(str, result[:3]))}")
            tables = frozenset(
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            )
            revisions: frozenset[str] = frozenset()
            if "alembic_version" in tables:
                revisions = frozenset(
                    row[0] for row in connection.execute("SELECT version_num FROM alembic_version")
                )
    except sqlite3.DatabaseError as exc:
        return FileState(True, problem=str(exc))
    return FileState(True, tables=tables, revisions=revisions)


# --- online backup API ------------------------------------------------------------------------


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of a live database (other connections may keep writing), made with
    SQLite's online backup API, as a self-contained file without a write-ahead log."""
    with _read_only(source) as src:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
            dst.commit()
        finally:
            dst.close()


def overwrite_database(source: Path, target: Path) -> None:
    """Replace the contents of the live database `target` with `source`, atomically for
    every other connection, through the backup API (which respects `target`'s WAL and locks)."""
    with _read_only(source) as src:
        dst = sqlite3.connect(target, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=WAL")
            dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            dst.close()


def side_files(path: Path) -> list[Path]:
    """The files SQLite keeps next to a database while it is in use."""
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]
