"""Setting up a school's PostgreSQL server: the schema, the roles, one login per person.

Both functions connect with the administrator's URL (KOMPETENZ_DATABASE_URL). `init_server`
is the only code that creates or migrates the schema on a server: it runs the migrations and
then `server.sql` (owner columns, row-level security, grants) in one transaction, so a failure
leaves the database as it was. The app itself only checks the schema's version
(`store.postgresql.connection.check_schema`).
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError

from kompetenz.store.errors import StoreError
from kompetenz.store.postgresql.connection import (
    connection_problem,
    create_server_engine,
    is_postgresql,
    normalized_url,
    schema_revisions,
    server_label,
)

SERVER_SQL = Path(__file__).with_name("server.sql")
ROLE_NAME_MAX = 63  # PostgreSQL's limit for identifiers


class ServerSetupFailed(StoreError):
    """init-server or add-person cannot go on; the message says why and what to check."""


@dataclass(frozen=True)
class GroupRoles:
    learners: str
    school: str


def group_roles(database: str) -> GroupRoles:
    """Group roles are per cluster in PostgreSQL, so they carry the database's name: two schools
    on one server never share them. The double underscore keeps them apart from the people's
    roles (`person_role_name` never makes one), even for a person called „Schulleitung“."""
    base = _slug(database)[: ROLE_NAME_MAX - len("__schulleitung")]
    return GroupRoles(learners=f"{base}__lernende", school=f"{base}__schulleitung")


def init_server(url: str) -> str:
    """Create (or bring up to date) schema, group roles and policies; returns the database."""
    parsed = _admin_url(url)
    engine = create_server_engine(url)
    try:
        _refuse_newer(engine)
        with engine.connect() as connection, connection.begin():
            roles = group_roles(_database(parsed))
            _create_group_roles(connection, roles)
            from kompetenz.store.backend import DatabaseBackend
            from kompetenz.store.database import upgrade_on

            upgrade_on(connection, DatabaseBackend(url))
            for statement in _script(connection, _database(parsed), roles):
                connection.exec_driver_sql(statement)
    except DBAPIError as error:
        raise _setup_problem(error, parsed) from None
    finally:
        engine.dispose()
    return _database(parsed)


def add_person(url: str, name: str, *, school_role: bool = False) -> str:
    """Create a login role for `name` and return the complete URL for that person's PC.

    The password is random and shown only in that URL: the server keeps just its hash.
    """
    parsed = _admin_url(url)
    roles = group_roles(_database(parsed))
    role = person_role_name(_database(parsed), name)
    password = secrets.token_urlsafe(18)
    engine = create_server_engine(url)
    try:
        with engine.connect() as connection, connection.begin():
            if not _role_exists(connection, roles.learners):
                raise ServerSetupFailed(
                    f"Auf „{server_label(parsed)}“ fehlt die Einrichtung. Führen Sie zuerst "
                    "„kompetenz school init-server“ aus."
                )
            if _role_exists(connection, role):
                raise ServerSetupFailed(
                    f"Den Zugang „{role}“ gibt es schon. Wählen Sie einen anderen Namen, z. B. "
                    "mit zweitem Vornamen."
                )
            groups = [roles.learners] + ([roles.school] if school_role else [])
            quote = connection.dialect.identifier_preparer.quote
            connection.exec_driver_sql(
                f"CREATE ROLE {quote(role)} LOGIN PASSWORD '{password}' "
                f"IN ROLE {', '.join(quote(g) for g in groups)}"
            )
    except DBAPIError as error:
        raise _setup_problem(error, parsed) from None
    finally:
        engine.dispose()
    person_url: URL = parsed.set(username=role, password=password)
    return person_url.render_as_string(hide_password=False)


def person_role_name(database: str, name: str) -> str:
    """„Anna Müller“ in database „gs_nord“ → gs_nord_anna_mueller (ASCII, for every client)."""
    slug = _slug(name)
    if not slug:
        raise ServerSetupFailed(f"Aus dem Namen „{name}“ lässt sich kein Zugangsname bilden.")
    return f"{_slug(database)}_{slug}"[:ROLE_NAME_MAX]


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _slug(value: str) -> str:
    lowered = unicodedata.normalize("NFC", value).lower().translate(_UMLAUTS)
    ascii_only = unicodedata.normalize("NFKD", lowered).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_only).strip("_")


def _admin_url(url: str) -> URL:
    if not is_postgresql(url):
        raise ServerSetupFailed(
            "KOMPETENZ_DATABASE_URL muss die Adresse des PostgreSQL-Servers mit dem Zugang der "
            "Administration sein, z. B. postgresql+psycopg://postgres:PASSWORT@server/schule."
        )
    return normalized_url(url)


def _database(parsed: URL) -> str:
    if not parsed.database:
        raise ServerSetupFailed("In der Adresse fehlt der Name der Datenbank (…/DATENBANK).")
    return parsed.database


def _refuse_newer(engine: Engine) -> None:
    from kompetenz.store.database import known_revisions

    newer = schema_revisions(engine) - known_revisions()
    if newer:
        raise ServerSetupFailed(
            f"Die Datenbank hat das Schema {', '.join(sorted(newer))}, das neuer ist als diese "
            "Kompetenz-Version. Installieren Sie die aktuelle Version und versuchen Sie es erneut."
        )


def _role_exists(connection: Connection, role: str) -> bool:
    found = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role})
    return found.first() is not None


def _create_group_roles(connection: Connection, roles: GroupRoles) -> None:
    quote = connection.dialect.identifier_preparer.quote
    for role in (roles.learners, roles.school):
        if not _role_exists(connection, role):
            connection.exec_driver_sql(f"CREATE ROLE {quote(role)} NOLOGIN")
    connection.exec_driver_sql(f"GRANT {quote(roles.learners)} TO {quote(roles.school)}")


def _script(connection: Connection, database: str, roles: GroupRoles) -> list[str]:
    """The statements of server.sql with the names filled in, comments dropped."""
    quote = connection.dialect.identifier_preparer.quote
    filled = SERVER_SQL.read_text(encoding="utf-8").format(
        database=quote(database), learners=quote(roles.learners), school=quote(roles.school)
    )
    lines = [line for line in filled.splitlines() if not line.lstrip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def _setup_problem(error: DBAPIError, parsed: URL) -> StoreError:
    code = getattr(error.orig, "sqlstate", None)
    if code == "42501":
        return ServerSetupFailed(
            f"Der Zugang „{parsed.username}“ darf auf „{server_label(parsed)}“ keine Rollen oder "
            "Tabellen anlegen. Verwenden Sie den Zugang der Administration (z. B. postgres)."
        )
    return connection_problem(error, parsed)
