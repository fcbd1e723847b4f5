"""`PostgreSQLBackend`: the store on a school's PostgreSQL server."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table
from sqlalchemy.dialects.postgresql import Insert, insert

from kompetenz.store.backend import ANSWERS, DatabaseBackend
from kompetenz.store.postgresql import connection as server

_UPSERT_ANSWER = server.upsert(
    ANSWERS,
    key=(ANSWERS.c.attempt_id, ANSWERS.c.position),
    replace=(ANSWERS.c.response, ANSWERS.c.fraction, ANSWERS.c.answered_at),
)


class PostgreSQLBackend(DatabaseBackend):
    """One database of the school's server; every person logs in as their own role and row-level
    security keeps their rows apart (kompetenz/school/server.sql). Backups are the server's
    business (pg_dump, the Schulträger's backup): the app makes none."""

    name = "postgresql"

    def __init__(self, url: str) -> None:
        super().__init__(server.normalized_url(url).render_as_string(hide_password=False))

    def describe(self) -> str:
        return server.server_label(self.url)

    def create_engine(self, *, for_migration: bool = False) -> Engine:
        return server.create_server_engine(self.url)

    def schema_revisions(self, data_dir: Path) -> frozenset[str]:
        """Only the current schema is accepted: the app never creates or migrates it on a
        server (that is `kompetenz school init-server`, with the administrator's URL)."""
        from kompetenz.store.database import known_revisions

        return server.check_schema(self.url, known_revisions())

    def save_answer(self, connection: Connection, values: dict[str, Any]) -> None:
        connection.execute(_UPSERT_ANSWER, values)

    def conflict_insert(self, table: Table) -> Insert:
        return insert(table)
