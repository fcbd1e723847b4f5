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

from sqlalchemy import Connection, Engine, create_engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import sessionmaker

from kompetenz.store import postgresql, sqlite_specific
from kompetenz.store._core import utc_now
from kompetenz.store.backup import create_backup, list_backups
from kompetenz.store.errors import DatabaseCorrupt, DatabaseTooNew, DataDirNotWritable
from kompetenz.store.passwords import PasswordGuard
from kompetenz.store.paths import database_file
from kompetenz.store.revision import HEAD_REVISION
from kompetenz.store.service import ProgressStore

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
    """
    if database_url:
        postgresql.normalized_url(database_url)  # a URL that does not parse: a German message
    data_dir = ensure_writable(Path(data_dir))
    url = database_url or sqlite_specific.url_for(database_file(data_dir))
    prepare_database(url, data_dir)
    engine = _app_engine(url)
    sessions = sessionmaker(engine, expire_on_commit=False)
    return ProgressStore(sessions, data_dir=data_dir, clock=clock, password_guard=password_guard)


def _app_engine(url: str) -> Engine:
    if sqlite_specific.is_sqlite(url):
        return sqlite_specific.create_sqlite_engine(url)
    if postgresql.is_postgresql(url):
        return postgresql.create_server_engine(url)
    return create_engine(url)


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


def prepare_database(url: str, data_dir: Path) -> None:
    """Make sure the database at `url` is at `HEAD_REVISION`, or raise a StoreError."""
    path = sqlite_specific.database_path(url)
    if sqlite_specific.is_sqlite(url) and path is None:
        raise ValueError("in-memory SQLite is not supported: use a temporary data folder")
    if path is None:
        if postgresql.is_postgresql(url):
            postgresql.check_schema(url, known_revisions())
            return
        _prepare_other_engine(url)
        return
    if path.exists() and not os.access(path, os.W_OK):
        raise DataDirNotWritable(path.parent, f"„{path.name}“ ist schreibgeschützt")
    state = sqlite_specific.inspect_file(path)
    backups = [b.id for b in list_backups(data_dir)]
    if state.problem is not None:
        raise DatabaseCorrupt(path, state.problem, backups)
    if state.is_blank:
        _upgrade(url)
        return
    if "alembic_version" not in state.tables or not state.revisions:
        raise DatabaseCorrupt(path, "keine Kompetenz-Datenbank: Versionsangabe fehlt", backups)
    if state.revisions == {HEAD_REVISION}:
        return  # the usual case: nothing to do, Alembic not even imported
    _refuse_unknown(path, state.revisions)
    create_backup(data_dir, kind="before-migration", database=path)
    _upgrade(url)


def _refuse_unknown(path: Path | str, revisions: frozenset[str]) -> None:
    unknown = revisions - known_revisions()
    if unknown or len(revisions) > 1:
        raise DatabaseTooNew(path, ", ".join(sorted(unknown or revisions)))


def _upgrade(url: str) -> None:
    """Run the migrations in ONE transaction: a failure leaves the database as it was."""
    sqlite = sqlite_specific.is_sqlite(url)
    engine = (
        sqlite_specific.create_sqlite_engine(url, foreign_keys=False)
        if sqlite
        else create_engine(url)
    )
    try:
        with engine.connect() as connection, connection.begin():
            upgrade_on(connection)
    finally:
        engine.dispose()


def upgrade_on(connection: Connection) -> None:
    """Migrate to HEAD_REVISION on `connection`, inside the caller's transaction (a server's
    `school init-server` adds its roles and policies in the same one)."""
    from alembic import command

    config = alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, "head")
    if connection.dialect.name == "sqlite" and sqlite_specific.foreign_key_violations(connection):
        raise RuntimeError("migration left rows pointing at missing rows; rolled back")
    version = connection.execute(text("SELECT version_num FROM alembic_version"))
    reached = {row[0] for row in version}
    if reached != {HEAD_REVISION}:
        raise RuntimeError(f"migrated to {reached}, but HEAD_REVISION is {HEAD_REVISION}")


def _prepare_other_engine(url: str) -> None:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            if inspect(connection).has_table("alembic_version"):
                rows = connection.execute(text("SELECT version_num FROM alembic_version"))
                revisions = frozenset(row[0] for row in rows)
            else:
                revisions = frozenset()
    finally:
        engine.dispose()
    if revisions == {HEAD_REVISION}:
        return
    if revisions:
        _refuse_unknown(make_url(url).render_as_string(hide_password=True), revisions)
    _upgrade(url)
