"""`SQLiteBackend`: the store's database as a SQLite file in the data folder.

Everything that only works with SQLite sits in this package, and the rest of the store reaches
it through this one object (see `kompetenz/store/backend.py`): the PRAGMAs of every
connection, `BEGIN IMMEDIATE`, the answer upsert, checkpoints, VACUUM, the file check before
opening, backups (`backups.py`, with the online backup API of `files.py`) and the read-only
first-screen reader (`readonly.py`, which runs before SQLAlchemy is imported).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Connection, Engine, Table, create_engine, event
from sqlalchemy.dialects.sqlite import Insert, insert
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from kompetenz.store.backend import ANSWERS, DatabaseBackend
from kompetenz.store.errors import DatabaseCorrupt, DataDirNotWritable
from kompetenz.store.sqlite import files

# SQLite's automatic checkpoint runs inside the commit that pushes the write-ahead log past
# this many pages, so some answer would wait for it (30 ms and more: the database file is
# written and synced). The app checkpoints in its pauses instead (`checkpoint`); this limit,
# well above what a quiz writes (two pages an answer), is only the safety net that keeps the
# log from growing without bound when nobody does.
WAL_AUTOCHECKPOINT_PAGES = 4000
# After a checkpoint the log file is cut back to this size when it is next reused, so a
# large transaction (an import) does not leave a big file behind.
WAL_SIZE_LIMIT_BYTES = 16 * 1024 * 1024


def database_path(url: str) -> Path | None:
    """The file behind a SQLite URL; None for in-memory databases and other engines."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database).resolve()


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
        cursor.execute(f"PRAGMA busy_timeout={files.BUSY_TIMEOUT_MS}")
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


def foreign_key_violations(connection: Connection) -> list[tuple[Any, ...]]:
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


_UPSERT_ANSWER = upsert(
    ANSWERS,
    key=(ANSWERS.c.attempt_id, ANSWERS.c.position),
    replace=(ANSWERS.c.response, ANSWERS.c.fraction, ANSWERS.c.answered_at),
)


class SQLiteBackend(DatabaseBackend):
    """The database file `kompetenz.sqlite3` (or the file a sqlite URL names)."""

    name = "sqlite"
    supports_file_backups = True

    def __init__(self, url: str) -> None:
        super().__init__(url)
        path = database_path(url)
        if path is None:
            raise ValueError("in-memory SQLite is not supported: use a temporary data folder")
        self.path = path

    @property
    def database_file(self) -> Path | None:
        return self.path

    def describe(self) -> str:
        return str(self.path)

    def create_engine(self, *, for_migration: bool = False) -> Engine:
        return create_sqlite_engine(self.url, foreign_keys=not for_migration)

    def schema_revisions(self, data_dir: Path) -> frozenset[str]:
        """Read without changing anything; a damaged or foreign file is refused, naming the
        backups that could replace it."""
        from kompetenz.store.sqlite.backups import list_backups

        if self.path.exists() and not os.access(self.path, os.W_OK):
            raise DataDirNotWritable(self.path.parent, f"„{self.path.name}“ ist schreibgeschützt")
        state = files.inspect_file(self.path)
        if state.problem is not None:
            raise DatabaseCorrupt(self.path, state.problem, [b.id for b in list_backups(data_dir)])
        if state.is_blank:
            return frozenset()
        if "alembic_version" not in state.tables or not state.revisions:
            backups = [b.id for b in list_backups(data_dir)]
            raise DatabaseCorrupt(
                self.path, "keine Kompetenz-Datenbank: Versionsangabe fehlt", backups
            )
        return state.revisions

    def before_migration(self, data_dir: Path) -> None:
        from kompetenz.store.sqlite.backups import create_backup

        create_backup(data_dir, kind="before-migration", database=self.path)

    def check_after_migration(self, connection: Connection) -> None:
        if foreign_key_violations(connection):
            raise RuntimeError("migration left rows pointing at missing rows; rolled back")

    def save_answer(self, connection: Connection, values: dict[str, Any]) -> None:
        connection.execute(_UPSERT_ANSWER, values)

    def conflict_insert(self, table: Table) -> Insert:
        return insert(table)

    def checkpoint(self, engine: Engine) -> bool:
        return checkpoint(engine)

    def compact(self, engine: Engine) -> None:
        compact(engine)

    def erase_profile_copies(
        self, data_dir: Path, profile_id: int, created_at: datetime
    ) -> tuple[list[str], list[str]]:
        from kompetenz.store.sqlite.backups import erase_profile_from_backups

        return erase_profile_from_backups(data_dir, profile_id, created_at)
