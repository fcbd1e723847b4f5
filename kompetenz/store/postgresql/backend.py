"""`PostgreSQLBackend`: the store on a school's PostgreSQL server."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import JSON, Connection, Engine, Table, bindparam, text
from sqlalchemy.dialects.postgresql import Insert, insert

from kompetenz.store.backend import ANSWERS, DatabaseBackend
from kompetenz.store.coltypes import UTCDateTime
from kompetenz.store.postgresql import connection as server

# The answer path in one round trip (run with autocommit: no BEGIN, no COMMIT): written only if
# the attempt is open and the plan holds this question at this position; else nothing is
# written and the caller looks for the reason.
_SAVE_OPEN_ANSWER = text("""
INSERT INTO answers (attempt_id, position, question_key, response, fraction, answered_at)
SELECT :attempt_id, :position, CAST(:question_key AS varchar), CAST(:response AS json),
       CAST(:fraction AS double precision), :answered_at
FROM quiz_attempts
WHERE id = :attempt_id AND finished_at IS NULL AND :position >= 0
  AND plan -> :position ->> 'question_key' = CAST(:question_key AS varchar)
ON CONFLICT (attempt_id, position) DO UPDATE SET response = excluded.response,
    fraction = excluded.fraction, answered_at = excluded.answered_at
""").bindparams(
    bindparam("response", type_=JSON(none_as_null=False)),
    bindparam("answered_at", type_=UTCDateTime()),
)

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
    saves_open_answers_at_once = True

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

    def save_open_answer(self, connection: Connection, values: dict[str, Any]) -> bool:
        return bool(connection.execute(_SAVE_OPEN_ANSWER, values).rowcount)

    def conflict_insert(self, table: Table) -> Insert:
        return insert(table)
