"""Connecting to a school's PostgreSQL server: the engine (timeouts, a live-connection check),
what a refused connection means in German, and the check of the schema's version."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Column, Engine, Table, create_engine, inspect, text
from sqlalchemy.dialects.postgresql import Insert, insert
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from kompetenz.store.errors import ServerNotReady, ServerUnavailable
from kompetenz.store.revision import HEAD_REVISION

# A PC that cannot reach the server within this time tells the learner so, instead of hanging.
CONNECT_TIMEOUT_S = 5
# No statement of the app runs longer than a few milliseconds; a blocked one is an outage.
STATEMENT_TIMEOUT_MS = 15_000
DRIVER = "postgresql+psycopg"
URL_SHAPE = "postgresql+psycopg://NAME:PASSWORT@SERVER:5432/DATENBANK"


def is_postgresql(url: str) -> bool:
    try:
        return make_url(url).get_backend_name() == "postgresql"
    except (ArgumentError, ValueError):  # ValueError: a port that is not a number
        return False


def normalized_url(url: str) -> URL:
    """The URL with the psycopg 3 driver: a plain `postgresql://` would ask for psycopg2."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):  # ValueError: a port that is not a number
        raise ServerUnavailable(
            "?", "die Adresse ist keine gültige Datenbank-URL", f"die Schreibweise ({URL_SHAPE})"
        ) from None
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername=DRIVER)
    return parsed


def server_label(url: str | URL) -> str:
    """Who connects where, without the password: for messages and the log."""
    parsed = url if isinstance(url, URL) else normalized_url(url)
    port = f":{parsed.port}" if parsed.port else ""
    return f"{parsed.username or '?'}@{parsed.host or 'localhost'}{port}/{parsed.database or '?'}"


def create_server_engine(url: str) -> Engine:
    """An engine that gives up after CONNECT_TIMEOUT_S and checks a pooled connection before
    using it, so a server restarted overnight costs no error in the morning."""
    parsed = normalized_url(url)
    options = f"-c statement_timeout={STATEMENT_TIMEOUT_MS}"
    try:
        return create_engine(
            parsed,
            pool_pre_ping=True,
            connect_args={"connect_timeout": CONNECT_TIMEOUT_S, "options": options},
        )
    except ImportError:
        raise ServerUnavailable(
            server_label(parsed),
            f"der Datenbanktreiber für „{parsed.drivername}“ ist nicht installiert",
            "die Installation (pip install 'kompetenz[postgresql]') und den Anfang der Adresse "
            "(postgresql+psycopg://…)",
        ) from None
    except (ArgumentError, NoSuchModuleError):
        raise ServerUnavailable(
            server_label(parsed), "der Treiber in der Adresse ist unbekannt", f"die Adresse ({URL_SHAPE})"
        ) from None


_CHECKS: Sequence[tuple[tuple[str, ...], str, str]] = (
    (
        ("28P01", "28000", "password authentication failed", "role"),
        "Benutzername oder Passwort wurden abgelehnt",
        "Benutzername und Passwort in der Adresse",
    ),
    (
        ("3D000", "does not exist"),
        "diese Datenbank gibt es auf dem Server nicht",
        "den Datenbanknamen am Ende der Adresse (angelegt mit createdb?)",
    ),
    (
        ("42501", "permission denied"),
        "dieser Zugang darf die Datenbank nicht benutzen",
        "ob die Person mit „kompetenz school add-person“ angelegt wurde",
    ),
    (
        ("connection refused", "no route", "network is unreachable", "connection reset"),
        "der Server nimmt keine Verbindung an",
        "Servername und Port in der Adresse und ob der PostgreSQL-Dienst läuft",
    ),
    (
        ("timeout", "timed out"),
        f"der Server antwortet nicht (nach {CONNECT_TIMEOUT_S} Sekunden abgebrochen)",
        "die Netzwerkverbindung und den Servernamen in der Adresse",
    ),
    (
        ("could not translate host name", "name or service not known"),
        "diesen Servernamen gibt es nicht",
        "den Servernamen in der Adresse",
    ),
)


def connection_problem(error: DBAPIError, url: str | URL) -> ServerUnavailable:
    """The German reading of a failed connection: what went wrong and what to check."""
    original: Any = error.orig
    code = getattr(original, "sqlstate", None) or ""
    message = str(original).lower()
    for needles, problem, check in _CHECKS:
        if code in needles or any(n.lower() in message for n in needles if len(n) > 5):
            return ServerUnavailable(server_label(url), problem, check)
    first_line = str(original).strip().splitlines()[0] if str(original).strip() else "unbekannt"
    return ServerUnavailable(server_label(url), first_line, "die Adresse und die Netzwerkverbindung")


def schema_revisions(engine: Engine) -> frozenset[str]:
    """The Alembic revisions recorded in the server's database (empty: no schema)."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return frozenset()
        rows = connection.execute(text("SELECT version_num FROM alembic_version"))
        return frozenset(row[0] for row in rows)


def check_schema(url: str, known: frozenset[str]) -> frozenset[str]:
    """The server's schema revisions if they are this version's; else refuse, never change."""
    engine = create_server_engine(url)
    try:
        revisions = schema_revisions(engine)
    except DBAPIError as error:
        raise connection_problem(error, url) from None
    finally:
        engine.dispose()
    if revisions == {HEAD_REVISION}:
        return revisions
    where = server_label(url)
    if not revisions:
        raise ServerNotReady(where, "kein Kompetenz-Schema gefunden")
    newer = revisions - known
    if newer:
        raise ServerNotReady(
            where,
            f"Schema {', '.join(sorted(newer))} ist neuer als diese Kompetenz-Version; "
            "installieren Sie auf diesem PC die aktuelle Version",
        )
    raise ServerNotReady(where, f"Schema {', '.join(sorted(revisions))} ist älter")


def upsert(table: Table, *, key: Sequence[Column[Any]], replace: Sequence[Column[Any]]) -> Insert:
    """INSERT … ON CONFLICT (key) DO UPDATE: one statement, safe when two PCs write at once
    (an UPDATE followed by an INSERT is not: both may find nothing and both insert)."""
    statement = insert(table)
    return statement.on_conflict_do_update(
        index_elements=list(key),
        set_={column.name: statement.excluded[column.name] for column in replace},
    )
