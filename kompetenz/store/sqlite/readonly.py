"""A quick, read-only look at the progress database for the first screen of a start.

Importing SQLAlchemy's ORM takes longer than everything else in a start on a slow school PC.
The first screen needs only four reads (the profiles, a preference, each module's progress, the
lesson to continue), so start-up answers them here with the standard library's sqlite3 and
the same SQL and row mapping the store uses (`summary_sql.py`, `rows.py`), while the ORM loads in the background.

This look never writes and never repairs. Whenever anything is unusual — no database yet,
another schema revision, a damaged or locked file, a database that is not SQLite — `open`
returns None and the app opens the full store at once, which knows how to explain, migrate
or restore.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from kompetenz.store import summary_sql
from kompetenz.store.paths import database_file
from kompetenz.store.records import LessonState, ModuleProgress, ProfileRecord
from kompetenz.store.revision import HEAD_REVISION


class ReadOnlyReader:
    """Read-only answers for the first screen. Close it once the store is open, so it holds
    no read lock that keeps the store from folding its write-ahead log into the file."""

    # What a read raises when the file changed under the reader or holds something odd;
    # the caller then opens the store, which knows how to explain and repair.
    Error = sqlite3.Error

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    @classmethod
    def open(cls, data_dir: Path) -> ReadOnlyReader | None:
        path = database_file(data_dir)
        if not path.is_file():
            return None  # the first start: the store creates the database
        connection: sqlite3.Connection | None = None
        try:
            # mode=rw, not ro: a read-only connection cannot open a WAL database whose
            # shared-memory file is missing. query_only keeps it from ever writing.
            connection = sqlite3.connect(f"file:{quote(str(path))}?mode=rw", uri=True, timeout=1.0)
            connection.execute("PRAGMA query_only = ON")
            connection.row_factory = sqlite3.Row  # rows are read by column name (rows.py)
            revisions = {
                row[0] for row in connection.execute("SELECT version_num FROM alembic_version")
            }
            if revisions != {HEAD_REVISION}:
                connection.close()
                return None  # to be migrated, or from a newer Kompetenz: the store decides
        except sqlite3.Error:
            if connection is not None:
                connection.close()
            return None
        return cls(connection)

    def _run(self, sql: str, parameters: Mapping[str, object]) -> Sequence[Mapping[Any, Any]]:
        return self._connection.execute(sql, dict(parameters)).fetchall()

    def list_profiles(self) -> list[ProfileRecord]:
        return summary_sql.list_profiles(self._run)

    def get_preference(self, profile_id: int, key: str, default: Any = None) -> Any:
        found = summary_sql.preferences(self._run, profile_id)
        return default if found is None else found.get(key, default)

    def module_progress(
        self, profile_id: int, module_id: str | None = None
    ) -> dict[str, ModuleProgress]:
        return summary_sql.module_progress(self._run, profile_id, module_id)

    def last_opened_lesson(self, profile_id: int) -> LessonState | None:
        return summary_sql.last_opened_lesson(self._run, profile_id)

    def close(self) -> None:
        self._connection.close()
