"""Opening a data folder: migrations, the fast path, and refusing what must not be touched."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from store_helpers import dump, query

from kompetenz.store import database
from kompetenz.store.base import Base
from kompetenz.store.database import HEAD_REVISION, open_store, script_head
from kompetenz.store.errors import DatabaseCorrupt, DatabaseTooNew, DataDirNotWritable
from kompetenz.store.service import ProgressStore
from kompetenz.store.sqlite.backups import create_backup, list_backups

EXPECTED_TABLES = {
    "alembic_version",
    "profiles",
    "lesson_progress",
    "quiz_attempts",
    "answers",
    "notes",
    "certificates",
    "released_completions",
    "school_records",
    "school_register",
    "school_settings",
}
REPO_ROOT = Path(__file__).resolve().parents[2]


def _make_store_with_data(data_dir: Path) -> None:
    with open_store(data_dir) as store:
        profile = store.create_profile("Erika Mustermann")
        store.open_lesson(profile.id, "m1", "01.md")
        store.save_note(profile.id, "m1", "01.md", "Wichtig")


def test_head_revision_constant_matches_alembic_script_head() -> None:
    assert script_head() == HEAD_REVISION


def test_fresh_folder_is_created_and_migrated_to_head(tmp_path: Path) -> None:
    data_dir = tmp_path / "neu" / "ordner"
    with open_store(data_dir):
        pass
    db = data_dir / "kompetenz.sqlite3"
    tables = {row[0] for row in query(db, "SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == EXPECTED_TABLES
    assert query(db, "SELECT version_num FROM alembic_version") == [(HEAD_REVISION,)]
    assert query(db, "PRAGMA journal_mode") == [("wal",)]
    assert list_backups(data_dir) == []  # nothing to back up before the first migration


def test_migration_matches_the_models(data_dir: Path, db_path: Path) -> None:
    """The hand-written migration and the models describe the same schema."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import create_engine

    with open_store(data_dir):
        pass
    engine = create_engine(f"sqlite:///{db_path}")
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert differences == []


def test_every_foreign_key_column_leads_an_index(data_dir: Path, db_path: Path) -> None:
    """Cascading deletes and per-learner queries must not scan other learners' rows."""
    with open_store(data_dir):
        pass
    for (table,) in query(db_path, "SELECT name FROM sqlite_master WHERE type='table'"):
        leading = set()
        for index in query(db_path, f"PRAGMA index_list('{table}')"):
            columns = query(db_path, f"PRAGMA index_info('{index[1]}')")
            leading.add(min(columns)[2])
        for fk in query(db_path, f"PRAGMA foreign_key_list('{table}')"):
            assert fk[3] in leading, f"{table}.{fk[3]} has no index"
            assert fk[6] == "CASCADE"


def _run_python(code: str, *args: str) -> str:
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return result.stdout.strip()


def test_alembic_is_imported_only_when_there_is_something_to_migrate(tmp_path: Path) -> None:
    with open_store(tmp_path / "current"):
        pass
    code = """
        import sys
        from pathlib import Path
        from kompetenz.store.database import open_store
        for folder in sys.argv[1:]:
            with open_store(Path(folder)) as store:
                store.list_profiles()
            print("alembic" in sys.modules)
    """
    output = _run_python(code, str(tmp_path / "current"), str(tmp_path / "new"))
    assert output.split() == ["False", "True"]  # at head: plain SQL only; new: migrated


def test_an_empty_existing_file_gets_the_schema(data_dir: Path, db_path: Path) -> None:
    data_dir.mkdir()
    db_path.touch()
    with open_store(data_dir) as store:
        assert store.list_profiles() == []


def test_database_from_newer_version_is_refused_untouched(data_dir: Path, db_path: Path) -> None:
    _make_store_with_data(data_dir)
    connection = sqlite3.connect(db_path)
    connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    connection.commit()
    connection.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseTooNew, match="neueren Kompetenz-Version"):
        open_store(data_dir)
    assert db_path.read_bytes() == before
    assert list_backups(data_dir) == []


def test_garbage_file_is_refused_untouched_and_backups_are_named(
    data_dir: Path, db_path: Path
) -> None:
    _make_store_with_data(data_dir)
    backup = create_backup(data_dir, "manual")
    garbage = b"Das ist keine Datenbank. " * 400
    db_path.write_bytes(garbage)
    with pytest.raises(DatabaseCorrupt) as caught:
        open_store(data_dir)
    assert db_path.read_bytes() == garbage
    assert backup.id in str(caught.value)
    assert f"kompetenz backup restore {backup.id}" in str(caught.value)


def test_damaged_pages_are_refused_untouched(data_dir: Path, db_path: Path) -> None:
    with open_store(data_dir):
        pass
    connection = sqlite3.connect(db_path)
    with connection:
        connection.executemany(
            "INSERT INTO profiles (name, name_key, role, created_at, preferences) "
            "VALUES (?, ?, 'teacher', '2025-01-01 00:00:00', '{}')",
            [(f"Lehrkraft {i:03d} mit langem Namen",) * 2 for i in range(300)],
        )
    connection.close()
    damaged = bytearray(db_path.read_bytes())
    page = 4096
    assert len(damaged) > 8 * page
    damaged[3 * page : 6 * page] = b"\xa5" * (3 * page)
    db_path.write_bytes(bytes(damaged))
    with pytest.raises(DatabaseCorrupt, match="beschädigt"):
        open_store(data_dir)
    assert db_path.read_bytes() == bytes(damaged)


def test_a_foreign_sqlite_database_is_refused_untouched(data_dir: Path, db_path: Path) -> None:
    data_dir.mkdir()
    connection = sqlite3.connect(db_path)
    connection.execute("CREATE TABLE kunden (id INTEGER PRIMARY KEY, name TEXT)")
    connection.execute("INSERT INTO kunden (name) VALUES ('Wichtig')")
    connection.commit()
    connection.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseCorrupt, match="keine Kompetenz-Datenbank"):
        open_store(data_dir)
    assert db_path.read_bytes() == before


def test_data_dir_below_a_file_is_not_writable(tmp_path: Path) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("kein Ordner")
    with pytest.raises(DataDirNotWritable) as caught:
        open_store(blocker / "sub")
    message = str(caught.value)
    assert "--data-dir" in message
    assert "Schreibrechte" in message
    assert blocker.read_text() == "kein Ordner"


def test_data_dir_that_is_a_file_is_not_writable(tmp_path: Path) -> None:
    """The probe write fails here even for root (CI runs as root, where chmod 0o500 would not
    stop a write), so this is the case that proves the store never pretends to save."""
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    with pytest.raises(DataDirNotWritable):
        open_store(blocker)


_TEST_MIGRATION = '''
"""Test-only revision: rebuild the profiles table as SQLite batch mode does."""
import sqlalchemy as sa
from alembic import op

revision = "9001"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("profiles", recreate="always") as batch:
        batch.add_column(sa.Column("nickname", sa.String(50), nullable=True))
'''


def test_migrating_existing_data_backs_up_first_and_keeps_child_rows(
    data_dir: Path, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A table rebuild drops the old table; with foreign keys ON that would cascade-delete
    every lesson, attempt and note. Migrations must run with them OFF."""
    _make_store_with_data(data_dir)
    before = dump(db_path)
    migrations = tmp_path / "migrations"
    shutil.copytree(database.MIGRATIONS_DIR, migrations, ignore=shutil.ignore_patterns("__py*"))
    previous_head = database.HEAD_REVISION
    (migrations / "versions" / "9001_test.py").write_text(
        _TEST_MIGRATION.replace("{head}", previous_head)
    )
    monkeypatch.setattr(database, "MIGRATIONS_DIR", migrations)
    monkeypatch.setattr(database, "HEAD_REVISION", "9001")

    with open_store(data_dir) as store:
        assert [p.name for p in store.list_profiles()] == ["Erika Mustermann"]
        assert store.note(1, "m1", "01.md") == "Wichtig"

    after = dump(db_path)
    assert after["lesson_progress"] == before["lesson_progress"]
    assert after["notes"] == before["notes"]
    assert query(db_path, "SELECT version_num FROM alembic_version") == [("9001",)]
    assert "nickname" in {row[1] for row in query(db_path, "PRAGMA table_info('profiles')")}
    backups = list_backups(data_dir)
    assert [b.kind for b in backups] == ["before-migration"]
    assert query(Path(backups[0].path), "SELECT version_num FROM alembic_version") == [
        (previous_head,)
    ]


def test_failing_migration_leaves_database_as_it_was(
    data_dir: Path, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _make_store_with_data(data_dir)
    before = dump(db_path)
    migrations = tmp_path / "migrations"
    shutil.copytree(database.MIGRATIONS_DIR, migrations, ignore=shutil.ignore_patterns("__py*"))
    broken = _TEST_MIGRATION.replace("{head}", database.HEAD_REVISION)
    broken += "    op.execute('THIS IS NOT SQL')\n"
    (migrations / "versions" / "9001_test.py").write_text(broken)
    monkeypatch.setattr(database, "MIGRATIONS_DIR", migrations)
    monkeypatch.setattr(database, "HEAD_REVISION", "9001")

    with pytest.raises(Exception, match="THIS IS NOT SQL"):
        open_store(data_dir)
    assert dump(db_path) == before


@pytest.mark.sqlite_only  # SQLite file internals
def test_ui_queries_use_indexes_that_start_with_the_profile(store: ProgressStore) -> None:
    """No query the UI runs may scan a whole table: other learners' rows must not slow it."""
    from sqlalchemy import event

    from kompetenz.store.records import PlannedItem

    seen: list[tuple[str, tuple[object, ...]]] = []
    engine = store.context.engine()

    def capture(_c: object, _cur: object, statement: str, params: object, *_: object) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "UPDATE", "DELETE")):
            seen.append((statement, tuple(params)))  # type: ignore[arg-type]

    event.listen(engine, "before_cursor_execute", capture)
    pid = store.create_profile("Anna").id
    store.open_lesson(pid, "m1", "01.md")
    store.add_time(pid, "m1", "01.md", 5)
    store.complete_lesson(pid, "m1", "01.md")
    store.lesson_states(pid, "m1")
    store.last_opened_lesson(pid)
    attempt = store.start_attempt(pid, "m1", "1", [PlannedItem("q", (0,))])
    store.record_answer(attempt.id, 0, "q", 1, 1.0)
    store.unfinished_attempt(pid, "m1")
    store.finish_attempt(attempt.id, 100, True)
    store.attempts(pid)
    store.attempts(pid, "m1")
    store.module_progress(pid)
    store.save_note(pid, "m1", "01.md", "x")
    store.note(pid, "m1", "01.md")
    store.notes(pid)
    store.certificates(pid)
    store.find_certificate("K-1")
    store.find_profile("Anna")
    store.get_preference(pid, "k", None)
    event.remove(engine, "before_cursor_execute", capture)

    db = store.data_dir / "kompetenz.sqlite3"  # type: ignore[operator]
    connection = sqlite3.connect(db)
    tables = {
        row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
    }
    scans = []
    for statement, params in seen:
        for row in connection.execute(f"EXPLAIN QUERY PLAN {statement}", params):
            detail = row[3]
            # Only a scan of a real table grows with other learners' rows; reading back a
            # ranked subquery scans its already filtered rows (its own plan is its own line).
            scanned = detail.split()[1] if detail.startswith("SCAN ") else ""
            if scanned in tables:
                scans.append((detail, statement))
    connection.close()
    assert len(seen) > 20
    assert scans == []


def test_locked_database_becomes_a_readable_error(
    data_dir: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kompetenz.store.errors import StorageFailed
    from kompetenz.store.sqlite import files

    monkeypatch.setattr(files, "BUSY_TIMEOUT_MS", 50)
    with open_store(data_dir) as store:
        store.create_profile("Anna")
        blocker = sqlite3.connect(db_path, isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(StorageFailed, match="locked"):
                store.create_profile("Bert")
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
        store.create_profile("Bert")  # works again once the other writer is done
        assert [p.name for p in store.list_profiles()] == ["Anna", "Bert"]


def test_a_database_of_the_first_schema_is_migrated_with_its_data(
    data_dir: Path, db_path: Path
) -> None:
    """0001 → 0002 widens the quiz-attempt indexes; every row stays, the summaries agree."""
    from alembic import command

    from kompetenz.store.records import PlannedItem
    from kompetenz.store.sqlite.backend import create_sqlite_engine
    from kompetenz.store.sqlite.files import url_for

    data_dir.mkdir(parents=True, exist_ok=True)
    engine = create_sqlite_engine(url_for(db_path), foreign_keys=False)
    with engine.connect() as connection, connection.begin():
        config = database.alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    engine.dispose()
    assert query(db_path, "SELECT version_num FROM alembic_version") == [("0001",)]
    with sqlite3.connect(db_path) as connection:  # a learner's rows as 0001 stored them
        connection.execute(
            "INSERT INTO profiles (id, name, name_key, role, created_at, preferences) "
            "VALUES (1, 'Olga Alt', 'olga alt', 'teacher', '2026-01-05 08:00:00.000000', '{}')"
        )
        for number, score in enumerate((70.0, 95.0), start=1):
            connection.execute(
                "INSERT INTO quiz_attempts (id, profile_id, module_id, module_version, "
                "started_at, finished_at, score_percent, passed, plan) VALUES "
                f"({number}, 1, 'grundlagen', '1.0', '2026-01-0{number} 09:00:00.000000', "
                f"'2026-01-0{number} 09:20:00.000000', {score}, {int(score >= 80)}, "
                """'[{"question_key": "q", "choice_order": [0]}]')"""
            )
    before = dump(db_path)

    with open_store(data_dir) as store:
        assert store.attempt_scores(1) == {"grundlagen": [70.0, 95.0]}
        progress = store.module_progress(1)["grundlagen"]
        assert (progress.attempts, progress.best_score_percent, progress.passed) == (2, 95.0, True)
        attempt = store.start_attempt(1, "grundlagen", "1.0", [PlannedItem("q", (0,))])
        store.record_answer(attempt.id, 0, "q", 0, 1.0)

    assert query(db_path, "SELECT version_num FROM alembic_version") == [(HEAD_REVISION,)]
    after = dump(db_path)
    assert after["profiles"] == before["profiles"]
    assert after["quiz_attempts"][:2] == before["quiz_attempts"]
    columns = [
        row[2] for row in query(db_path, "PRAGMA index_info('ix_quiz_attempts_profile_module')")
    ]
    assert columns == [
        "profile_id",
        "module_id",
        "started_at",
        "finished_at",
        "score_percent",
        "passed",
    ]
    assert [b.kind for b in list_backups(data_dir)] == ["before-migration"]
