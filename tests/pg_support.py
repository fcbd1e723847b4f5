"""A real PostgreSQL for the tests: fresh databases on the cluster of scripts/pg-test-cluster.

KOMPETENZ_TEST_POSTGRES_URL holds the cluster's superuser URL (the script prints it). Without
it a test that needs the server is skipped with a hint, except under CI, where it fails.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
import pytest
from sqlalchemy.engine import make_url

ENV = "KOMPETENZ_TEST_POSTGRES_URL"
HOW_TO_START = (
    f"{ENV} ist nicht gesetzt. Einen Test-Server starten: "
    'eval "$(scripts/pg-test-cluster start)" (stoppen: scripts/pg-test-cluster stop '
    '"$KOMPETENZ_TEST_PG_DIR")'
)


def admin_url_or_skip() -> str:
    url = os.environ.get(ENV)
    if url:
        return url
    if os.environ.get("CI") == "true":
        pytest.fail(HOW_TO_START)
    pytest.skip(HOW_TO_START)


def libpq(url: str) -> str:
    """The URL as psycopg itself takes it (without SQLAlchemy's +driver)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def with_database(url: str, database: str) -> str:
    return make_url(url).set(database=database).render_as_string(hide_password=False)


def with_login(url: str, user: str, password: str) -> str:
    return make_url(url).set(username=user, password=password).render_as_string(
        hide_password=False
    )


def admin_execute(admin_url: str, *statements: str) -> None:
    with psycopg.connect(libpq(admin_url), autocommit=True) as connection:
        for statement in statements:
            connection.execute(statement)  # type: ignore[arg-type]


@contextmanager
def fresh_database(admin_url: str, template: str | None = None) -> Iterator[str]:
    """The admin URL of a new, empty database (a copy of `template`), dropped afterwards
    together with every role named after it."""
    name = f"kt_{uuid.uuid4().hex[:12]}"
    copy = f" TEMPLATE {template}" if template else ""
    admin_execute(admin_url, f"CREATE DATABASE {name}{copy}")
    try:
        yield with_database(admin_url, name)
    finally:
        admin_execute(admin_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        drop_roles(admin_url, f"{name}_")


def drop_roles(admin_url: str, prefix: str) -> None:
    with psycopg.connect(libpq(admin_url), autocommit=True) as connection:
        rows = connection.execute(
            "SELECT rolname FROM pg_roles WHERE starts_with(rolname, %s) ORDER BY oid DESC",
            (prefix,),
        ).fetchall()
        for (role,) in rows:
            connection.execute(f'DROP ROLE IF EXISTS "{role}"')  # type: ignore[arg-type]


def new_login(admin_url: str, group: str) -> str:
    """A login role in `group` (e.g. the learners of a template's school); its URL."""
    user = f"{make_url(admin_url).database}_t{uuid.uuid4().hex[:8]}"
    password = uuid.uuid4().hex
    admin_execute(admin_url, f"CREATE ROLE {user} LOGIN PASSWORD '{password}' IN ROLE {group}")
    return with_login(admin_url, user, password)
