"""The database engine's own ways, behind one object chosen when the store opens.

Everything the store does the same on every engine is written once in SQLAlchemy. What an
engine does its own way — how a connection is set up, how an answer is upserted, what
"compact" and "checkpoint" mean, whether the data folder holds the database file and its
backups — is asked of the `DatabaseBackend` that `backend_for(url)` picks:

- `kompetenz.store.sqlite.backend.SQLiteBackend`: the local file (the default);
- `DatabaseBackend` itself: any other engine SQLAlchemy speaks, in the plainest portable way.

A new engine (PostgreSQL for a whole school) gets a subclass in its own package,
`kompetenz/store/<engine>/backend.py`, and one line in `backend_for`.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import (
    Connection,
    Engine,
    Executable,
    Table,
    UniqueConstraint,
    create_engine,
    insert,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from kompetenz.store.models import Answer

ANSWERS = cast(Table, Answer.__table__)


class DatabaseBackend:
    """A database engine other than SQLite, used as portably as possible.

    Subclasses override what their engine does better or differently.
    """

    name = "other"
    # Backups are copies of a database FILE in the data folder; other engines have their own.
    supports_file_backups = False
    # `save_open_answer` checks and writes an answer in one statement (see there).
    saves_open_answers_at_once = False

    def __init__(self, url: str) -> None:
        self.url = url

    @property
    def database_file(self) -> Path | None:
        """The file that holds the database, if it is one (backups copy it)."""
        return None

    def describe(self) -> str:
        """The database for a message: never with its password."""
        return make_url(self.url).render_as_string(hide_password=True)

    def create_engine(self, *, for_migration: bool = False) -> Engine:
        return create_engine(self.url)

    # --- the schema -------------------------------------------------------------------------

    def schema_revisions(self, data_dir: Path) -> frozenset[str]:
        """The rows of `alembic_version`; empty for a database to be set up from scratch.
        Raises a `StoreError` for a database that must not be touched."""
        engine = self.create_engine()
        try:
            with engine.connect() as connection:
                if not inspect(connection).has_table("alembic_version"):
                    return frozenset()
                rows = connection.execute(text("SELECT version_num FROM alembic_version"))
                return frozenset(row[0] for row in rows)
        finally:
            engine.dispose()

    def before_migration(self, data_dir: Path) -> None:
        """Called before the schema of an existing database is changed (SQLite backs it up)."""

    def check_after_migration(self, connection: Connection) -> None:
        """Raise to roll a migration back (SQLite checks foreign keys it could not enforce)."""

    # --- writing ----------------------------------------------------------------------------

    def save_answer(self, connection: Connection, values: dict[str, Any]) -> None:
        """Insert the answer, or overwrite response, fraction and time of the one given before
        at the same position: here as an UPDATE followed by an INSERT when it found nothing."""
        changes = {k: values[k] for k in ("response", "fraction", "answered_at")}
        found = connection.execute(
            update(ANSWERS)
            .where(
                ANSWERS.c.attempt_id == values["attempt_id"],
                ANSWERS.c.position == values["position"],
            )
            .values(changes)
        )
        if found.rowcount == 0:
            connection.execute(insert(ANSWERS), values)

    def save_open_answer(self, connection: Connection, values: dict[str, Any]) -> bool:
        """Save the answer in one statement if the attempt is open and its plan holds this
        question at this position; False (nothing written) otherwise. Called only where
        `saves_open_answers_at_once`, on a connection that commits each statement."""
        return False

    def conflict_insert(self, table: Table) -> sqlite.Insert | postgresql.Insert | None:
        """The engine's INSERT that has ON CONFLICT, if it has one (SQLite and PostgreSQL do)."""
        return None

    def insert_missing(self, session: Session, table: Table, values: dict[str, Any]) -> None:
        """Insert the row unless one with the same unique key is there. With ON CONFLICT this
        is one statement that cannot clash with the same row inserted elsewhere at once."""
        statement = self.conflict_insert(table)
        if statement is not None:
            session.execute(statement.values(values).on_conflict_do_nothing())
            return
        if session.execute(self._same_row(table, values)).first() is None:
            session.execute(insert(table).values(values))

    def upsert_row(
        self, session: Session, table: Table, values: dict[str, Any], key: list[str]
    ) -> None:
        """Insert the row, or overwrite the other columns of the one with the same `key`."""
        statement = self.conflict_insert(table)
        changes = [name for name in values if name not in key]
        if statement is not None:
            upsert = statement.values(values)
            session.execute(upsert.on_conflict_do_update(
                index_elements=key, set_={name: upsert.excluded[name] for name in changes}
            ))
            return
        matches = [table.c[name] == values[name] for name in key]
        found = session.execute(
            update(table).where(*matches).values({name: values[name] for name in changes})
        )
        if getattr(found, "rowcount", 0) == 0:
            session.execute(insert(table).values(values))

    @staticmethod
    def _same_row(table: Table, values: dict[str, Any]) -> Executable:
        unique = next(c for c in table.constraints if isinstance(c, UniqueConstraint))
        return select(1).where(*[column == values[column.name] for column in unique.columns])

    def checkpoint(self, engine: Engine) -> bool:
        """Fold a write-ahead log into the database in a pause; True if nothing is left."""
        return True

    def compact(self, engine: Engine) -> None:
        """Rewrite storage so erased rows do not linger (after a profile is erased)."""

    def erase_profile_copies(
        self, data_dir: Path, profile_id: int, created_at: datetime
    ) -> tuple[list[str], list[str]]:
        """Erase the profile from the copies this engine keeps in the data folder (backups);
        returns the ids of the copies cleaned and of those that could not be checked."""
        return [], []


def backend_for(url: str) -> DatabaseBackend:
    """The backend of the database at `url`, chosen once when the store opens."""
    backend_name = make_url(url).get_backend_name()
    if backend_name == "sqlite":
        from kompetenz.store.sqlite.backend import SQLiteBackend

        return SQLiteBackend(url)
    if backend_name == "postgresql":
        from kompetenz.store.postgresql.backend import PostgreSQLBackend

        return PostgreSQLBackend(url)
    return DatabaseBackend(url)
