"""Alembic environment of the progress store.

`kompetenz.store.database` runs migrations programmatically and hands its own connection in
`config.attributes["connection"]`, already inside a transaction, so a failed migration leaves
the database as it was. Developers can also run `alembic` against a file by setting
`sqlalchemy.url`; then an engine with foreign keys OFF is built here (see sqlite/backend.py).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from kompetenz.store.backend import backend_for
from kompetenz.store.base import Base

# Every model, imported so that `Base.metadata` knows all tables (autogenerate at dev time).
from kompetenz.store.models import (  # noqa: F401
    Answer,
    Certificate,
    LessonProgress,
    Note,
    Profile,
    QuizAttempt,
)
from kompetenz.store.school_models import SCHOOL_MODELS  # noqa: F401

config = context.config
target_metadata = Base.metadata


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        transactional_ddl=True,  # our connections issue a real BEGIN (see sqlite/backend.py)
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    given = config.attributes.get("connection")
    if given is not None:
        _configure(given)
        return
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("set sqlalchemy.url or pass a connection in config.attributes")
    engine = backend_for(url).create_engine(for_migration=True)
    try:
        with engine.connect() as connection, connection.begin():
            _configure(connection)
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
