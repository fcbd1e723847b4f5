"""Opening the progress store: check the folder, check the file, bring the schema up to date.

Start-up must be quick, so the usual case (schema already current) is decided by reading
`alembic_version` with plain SQL; Alembic is imported only when there is something to migrate.
Nothing here ever replaces or empties an existing file: a database that is damaged, foreign
or from a newer Kompetenz is refused with an error that says what to do.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import sessionmaker

from kompetenz.store.backend import DatabaseBackend, backend_for
from kompetenz.store.context import utc_now
from kompetenz.store.errors import DatabaseTooNew, DataDirNotWritable
from kompetenz.store.passwords import PasswordGuard
from kompetenz.store.paths import database_file
from kompetenz.store.revision import HEAD_REVISION
from kompetenz.store.service import ProgressStore
from kompetenz.store.sqlite.files import url_for

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def open_store(
    data_dir: Path,
    database_url: str | None = None,
    *,
    clock: Callable[[], datetime] = utc_now,
    password_guard: PasswordGuard | None = None,
) -> ProgressStore:
    """The store for `data_dir`, its database created or migrated as needed.

    `database_url` (from KOMPETENZ_DATABASE_URL) replaces the default SQLite file
    `kompetenz.sqlite3` in the data folder; backups and the lock stay in the data folder.
    The URL decides the engine's `DatabaseBackend` (`backend.backend_for`), once, here.
    """
    if database_url:
        check_url(database_url)
    data_dir = ensure_writable(Path(data_dir))
    backend = backend_for(database_url or url_for(database_file(data_dir)))
    prepare_database(backend, data_dir)
    sessions = sessionmaker(backend.create_engine(), expire_on_commit=False)
    return ProgressStore(
        sessions, backend, data_dir=data_dir, clock=clock, password_guard=password_guard
    )


def check_url(url: str) -> None:
    """A URL that does not parse is a German message, before anything is created."""
    from sqlalchemy.exc import ArgumentError

    from kompetenz.store.errors import ServerUnavailable
    from kompetenz.store.postgresql.connection import URL_SHAPE

    try:
        make_url(url)
    except (ArgumentError, ValueError):  # ValueError: a port that is not a number
        raise ServerUnavailable(
            "?", "die Adresse ist keine gültige Datenbank-URL", f"die Schreibweise ({URL_SHAPE})"
        ) from None


def ensure_writable(data_dir: Path) -> Path:
    """Create the folder if needed and prove it is writable by writing and deleting a file."""
    data_dir = data_dir.expanduser().absolute()
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataDirNotWritable(data_dir, f"Ordner lässt sich nicht anlegen: {_why(exc)}") from exc
    probe = data_dir / f".kompetenz-probe-{os.getpid()}-{secrets.token_hex(4)}"
    try:
        with open(probe, "wb") as handle:
            handle.write(b"kompetenz")
            handle.flush()
            os.fsync(handle.fileno())
        probe.unlink()
    except OSError as exc:
        raise DataDirNotWritable(data_dir, f"Schreibprobe fehlgeschlagen: {_why(exc)}") from exc
    return data_dir


def _why(exc: OSError) -> str:
    return exc.strerror or exc.__class__.__name__


# --- schema version ---------------------------------------------------------------------------


def alembic_config(url: str | None = None) -> Config:
    """Alembic's configuration built in code: no alembic.ini to ship or to find."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    if url:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def script_head() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError("no migrations found")
    return head


def known_revisions() -> frozenset[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return frozenset(rev.revision for rev in script.walk_revisions())


def prepare_database(backend: DatabaseBackend, data_dir: Path) -> None:
    """Make sure the backend's database is at `HEAD_REVISION`, or raise a StoreError."""
    revisions = backend.schema_revisions(data_dir)
    if not revisions:
        _upgrade(backend)  # a new database
        return
    if revisions == {HEAD_REVISION}:
        return  # the usual case: nothing to do, Alembic not even imported
    _refuse_unknown(backend.describe(), revisions)
    backend.before_migration(data_dir)
    _upgrade(backend)


def _refuse_unknown(path: Path | str, revisions: frozenset[str]) -> None:
    unknown = revisions - known_revisions()
    if unknown or len(revisions) > 1:
        raise DatabaseTooNew(path, ", ".join(sorted(unknown or revisions)))


def _upgrade(backend: DatabaseBackend) -> None:
    """Run the migrations in ONE transaction: a failure leaves the database as it was."""
    engine = backend.create_engine(for_migration=True)
    try:
        with engine.connect() as connection, connection.begin():
            upgrade_on(connection, backend)
    finally:
        engine.dispose()


def upgrade_on(connection: Connection, backend: DatabaseBackend) -> None:
    """Migrate to HEAD_REVISION inside the caller's transaction (a server's
    `school init-server` adds its roles and policies in the same one)."""
    from alembic import command

    config = alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, "head")
    backend.check_after_migration(connection)
    version = connection.execute(text("SELECT version_num FROM alembic_version"))
    reached = {row[0] for row in version}
    if reached != {HEAD_REVISION}:
        raise RuntimeError(f"migrated to {reached}, but HEAD_REVISION is {HEAD_REVISION}")
