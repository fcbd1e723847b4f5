"""SQLite database FILES: looking at one without changing it, and copying one with the online
backup API. Standard library only (no SQLAlchemy), so start-up and backups can use it early.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# How long a connection waits for another's lock; read at call time (tests shorten it).
BUSY_TIMEOUT_MS = 5000
# What the file-level functions below raise when SQLite refuses a file.
DatabaseFileError = sqlite3.Error


def url_for(path: Path) -> str:
    return f"sqlite:///{path}"


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

