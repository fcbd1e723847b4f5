"""One writer per data folder, and backups: creation, retention, restore."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from store_helpers import query

from kompetenz.store.database import open_store
from kompetenz.store.errors import BackupError, DataDirLocked
from kompetenz.store.lock import acquire_data_dir_lock
from kompetenz.store.records import BackupRecord
from kompetenz.store.sqlite.backups import (
    backup_if_due,
    backups_to_keep,
    create_backup,
    list_backups,
    prune_backups,
    restore_backup,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
_HOLDER = """
import sys, time
from pathlib import Path
from kompetenz.store.lock import acquire_data_dir_lock
lock = acquire_data_dir_lock(Path(sys.argv[1]))
print("locked", flush=True)
time.sleep(60)
"""


@pytest.fixture
def other_process_holds_lock(data_dir: Path) -> Iterator[subprocess.Popen[str]]:
    process = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(data_dir)],
        stdout=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(REPO_ROOT)),
    )
    assert process.stdout is not None
    assert process.stdout.readline() == "locked\n"
    yield process
    process.kill()
    process.wait()


def test_lock_held_by_another_process_is_refused_with_its_pid(
    data_dir: Path, other_process_holds_lock: subprocess.Popen[str]
) -> None:
    with pytest.raises(DataDirLocked) as caught:
        acquire_data_dir_lock(data_dir)
    assert caught.value.holder_pid == other_process_holds_lock.pid
    assert "anderen Kompetenz-Programm" in str(caught.value)


def test_lock_of_a_killed_process_does_not_block(
    data_dir: Path, other_process_holds_lock: subprocess.Popen[str]
) -> None:
    other_process_holds_lock.send_signal(signal.SIGKILL)
    other_process_holds_lock.wait()
    assert (data_dir / "kompetenz.lock").exists()  # the stale file is still there …
    with acquire_data_dir_lock(data_dir) as lock:  # … and does not matter
        assert lock.held
        assert (data_dir / "kompetenz.lock").read_text().split()[0] == str(os.getpid())
    assert not lock.held


def test_second_acquire_in_same_process_is_refused_until_released(data_dir: Path) -> None:
    lock = acquire_data_dir_lock(data_dir)
    with pytest.raises(DataDirLocked):
        acquire_data_dir_lock(data_dir)
    lock.release()
    acquire_data_dir_lock(data_dir).release()


# --- backups ------------------------------------------------------------------------------


def _database_with(data_dir: Path, *names: str) -> None:
    with open_store(data_dir) as store:
        for name in names:
            store.create_profile(name)


def _names(path: Path) -> list[str]:
    return [row[0] for row in query(path, "SELECT name FROM profiles ORDER BY name")]


def test_backup_is_a_consistent_self_contained_copy(data_dir: Path) -> None:
    _database_with(data_dir, "Anna")
    with open_store(data_dir) as store:  # open and writing while the copy is made
        store.create_profile("Bert")
        backup = create_backup(data_dir, "manual", now=datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC))
    assert backup.id == "20250102T030405Z"
    assert Path(backup.path).name == "20250102T030405Z_manual.sqlite3"
    assert backup.created_at == datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert _names(Path(backup.path)) == ["Anna", "Bert"]
    assert query(Path(backup.path), "PRAGMA integrity_check") == [("ok",)]
    assert query(Path(backup.path), "PRAGMA journal_mode") == [("delete",)]
    assert not list((data_dir / "backups").glob(".*"))  # no partial file left


def test_backups_in_the_same_second_get_distinct_ids(data_dir: Path) -> None:
    _database_with(data_dir, "Anna")
    now = datetime(2025, 1, 2, tzinfo=UTC)
    ids = [create_backup(data_dir, "manual", now=now).id for _ in range(3)]
    assert ids == ["20250102T000000Z", "20250102T000000Z-2", "20250102T000000Z-3"]
    assert [b.id for b in list_backups(data_dir)] == ids[::-1]


def test_no_backup_without_database(data_dir: Path) -> None:
    data_dir.mkdir()
    with pytest.raises(BackupError, match="noch keinen Lernstand"):
        create_backup(data_dir)
    assert backup_if_due(data_dir) is None


def test_backup_if_due_only_when_newest_is_a_day_old(data_dir: Path) -> None:
    _database_with(data_dir, "Anna")
    start = datetime(2025, 5, 1, 7, tzinfo=UTC)
    first = backup_if_due(data_dir, now=start)
    assert first is not None
    assert first.kind == "auto"
    assert backup_if_due(data_dir, now=start + timedelta(hours=23)) is None
    assert backup_if_due(data_dir, now=start + timedelta(hours=24, minutes=1)) is not None
    assert len(list_backups(data_dir)) == 2


def _record(moment: datetime, kind: str = "auto") -> BackupRecord:
    return BackupRecord(moment.strftime("%Y%m%dT%H%M%SZ"), kind, moment, "", 0)


def test_retention_keeps_seven_daily_and_four_weekly() -> None:
    start = datetime(2025, 1, 1, 8, tzinfo=UTC)  # a Wednesday
    daily = [_record(start + timedelta(days=d, hours=h)) for d in range(60) for h in (0, 5)]
    manual = _record(start + timedelta(days=1, minutes=1), "manual")
    backups = sorted([*daily, manual], key=lambda b: b.created_at, reverse=True)

    keep = backups_to_keep(backups)

    newest_day = start + timedelta(days=59)
    expected_days = {(newest_day - timedelta(days=d)).date() for d in range(7)}
    kept_auto = [b for b in backups if b.id in keep and b.kind == "auto"]
    kept_days = {b.created_at.date() for b in kept_auto}
    assert expected_days <= kept_days
    weeks = {b.created_at.isocalendar()[:2] for b in kept_auto}
    assert len(weeks) == 4  # 7 days span 2 weeks, plus the 2 weeks before
    assert len(kept_auto) == 7 + 2  # two of the weekly ones are also daily ones
    assert all(b.created_at.hour == 13 for b in kept_auto)  # the newest of each day
    assert manual.id in keep  # made by hand: never pruned


def test_prune_deletes_files(data_dir: Path) -> None:
    _database_with(data_dir, "Anna")
    start = datetime(2025, 1, 1, 8, tzinfo=UTC)
    for day in range(12):
        create_backup(data_dir, "auto", now=start + timedelta(days=day))
    removed = prune_backups(data_dir)
    remaining = list_backups(data_dir)
    assert len(removed) == 12 - len(remaining)
    assert len(remaining) == 8  # 7 daily + the newest of an older week
    assert all(Path(b.path).exists() for b in remaining)
    assert len(list((data_dir / "backups").iterdir())) == len(remaining)


def test_restore_backs_up_current_state_first(data_dir: Path, db_path: Path) -> None:
    _database_with(data_dir, "Anna")
    old = create_backup(data_dir, "manual", now=datetime(2025, 1, 1, tzinfo=UTC))
    _database_with(data_dir, "Bert")
    with open_store(data_dir) as store:  # an open store sees the restored data
        safety = restore_backup(data_dir, old.id)
        assert [p.name for p in store.list_profiles()] == ["Anna"]
    assert safety is not None
    assert safety.kind == "before-restore"
    assert _names(Path(safety.path)) == ["Anna", "Bert"]
    assert _names(db_path) == ["Anna"]
    assert query(db_path, "PRAGMA integrity_check") == [("ok",)]
    with open_store(data_dir) as store:
        assert [p.name for p in store.list_profiles()] == ["Anna"]


def test_restore_is_refused_while_another_process_holds_the_lock(
    data_dir: Path, db_path: Path, other_process_holds_lock: subprocess.Popen[str]
) -> None:
    _database_with(data_dir, "Anna")
    old = create_backup(data_dir, "manual", now=datetime(2025, 1, 1, tzinfo=UTC))
    _database_with(data_dir, "Bert")
    with pytest.raises(DataDirLocked):
        restore_backup(data_dir, old.id)
    assert _names(db_path) == ["Anna", "Bert"]
    assert [b.id for b in list_backups(data_dir)] == [old.id]


def test_restore_with_own_lock(data_dir: Path, db_path: Path) -> None:
    _database_with(data_dir, "Anna")
    old = create_backup(data_dir, "manual", now=datetime(2025, 1, 1, tzinfo=UTC))
    _database_with(data_dir, "Bert")
    with acquire_data_dir_lock(data_dir) as lock:
        restore_backup(data_dir, old.id, lock=lock)
        assert lock.held
    assert _names(db_path) == ["Anna"]


def test_restore_over_a_corrupt_database_keeps_it_aside(data_dir: Path, db_path: Path) -> None:
    _database_with(data_dir, "Anna")
    old = create_backup(data_dir, "manual")
    garbage = b"kaputt" * 1000
    db_path.write_bytes(garbage)
    assert restore_backup(data_dir, old.id) is None
    assert _names(db_path) == ["Anna"]
    aside = list(data_dir.glob("kompetenz.sqlite3.beschaedigt-*"))
    assert [p.read_bytes() for p in aside] == [garbage]


def test_restore_refuses_unknown_and_damaged_backups(data_dir: Path, db_path: Path) -> None:
    _database_with(data_dir, "Anna")
    with pytest.raises(BackupError, match="gibt es nicht"):
        restore_backup(data_dir, "20990101T000000Z")
    backup = create_backup(data_dir, "manual")
    Path(backup.path).write_bytes(b"x" * 8192)
    before = db_path.read_bytes()
    with pytest.raises(BackupError, match="beschädigt"):
        restore_backup(data_dir, backup.id)
    assert db_path.read_bytes() == before


def test_restore_refuses_backup_from_newer_version(data_dir: Path) -> None:
    _database_with(data_dir, "Anna")
    backup = create_backup(data_dir, "manual")
    connection = sqlite3.connect(backup.path)
    connection.execute("UPDATE alembic_version SET version_num='9999'")
    connection.commit()
    connection.close()
    with pytest.raises(BackupError, match="nicht von dieser Kompetenz-Version"):
        restore_backup(data_dir, backup.id)
