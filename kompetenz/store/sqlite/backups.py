"""Backups of the learners' database in `<data folder>/backups/`, named by UTC time.

Copies are made with SQLite's online backup API, so they are consistent even while the app
writes. A copy is written under a temporary name and renamed when complete: a crash during
a backup never leaves a half file that looks like a backup.

Retention (automatic backups only): the newest backup of each of the 7 most recent days
that have one, plus the newest of each of the 4 most recent ISO weeks that have one.
Backups made by hand, before a migration or before a restore are never deleted automatically.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import delete
from sqlalchemy.exc import SQLAlchemyError

from kompetenz.store.errors import BackupError
from kompetenz.store.lock import DataDirLock, acquire_data_dir_lock
from kompetenz.store.models import Profile
from kompetenz.store.paths import backups_dir, database_file
from kompetenz.store.records import BackupRecord
from kompetenz.store.sqlite import files
from kompetenz.store.sqlite.backend import compact, create_sqlite_engine

KINDS = ("auto", "manual", "before-migration", "before-restore")
KEEP_DAILY = 7
KEEP_WEEKLY = 4
_STAMP = "%Y%m%dT%H%M%SZ"
_NAME = re.compile(
    r"^(?P<id>(?P<stamp>\d{8}T\d{6}Z)(?:-(?P<seq>\d+))?)_(?P<kind>[a-z-]+)\.sqlite3$"
)


def list_backups(data_dir: Path) -> list[BackupRecord]:
    """All backups, newest first."""
    folder = backups_dir(data_dir)
    if not folder.is_dir():
        return []
    found: list[tuple[datetime, int, BackupRecord]] = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match is None or not path.is_file():
            continue
        created = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
        record = BackupRecord(
            id=match["id"],
            kind=match["kind"],
            created_at=created,
            path=str(path),
            size_bytes=path.stat().st_size,
        )
        found.append((created, int(match["seq"] or 1), record))
    found.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [record for _, _, record in found]


def find_backup(data_dir: Path, backup_id: str) -> BackupRecord:
    for record in list_backups(data_dir):
        if record.id == backup_id:
            return record
    raise BackupError(
        f"Eine Sicherung „{backup_id}“ gibt es nicht. "
        "Mit „kompetenz backup list“ sehen Sie alle vorhandenen Sicherungen."
    )


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def create_backup(
    data_dir: Path,
    kind: str = "manual",
    *,
    database: Path | None = None,
    now: datetime | None = None,
) -> BackupRecord:
    """Copy the database (default: the data folder's) into the backups folder."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}")
    source = database or database_file(data_dir)
    state = files.inspect_file(source)
    if not state.exists:
        raise BackupError("Es gibt noch keinen Lernstand, der gesichert werden könnte.")
    if state.problem is not None:
        raise BackupError(
            f"Der Lernstand ist beschädigt ({state.problem}) und wird nicht gesichert, damit "
            "keine gute Sicherung durch eine beschädigte ersetzt wird."
        )
    folder = backups_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime(_STAMP)
    taken = {record.id for record in list_backups(data_dir)}
    backup_id, seq = stamp, 1
    while backup_id in taken:
        seq += 1
        backup_id = f"{stamp}-{seq}"
    final = folder / f"{backup_id}_{kind}.sqlite3"
    partial = folder / f".{final.name}.partial"
    partial.unlink(missing_ok=True)
    try:
        files.copy_database(source, partial)
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, final)
        _fsync_dir(folder)
    except (OSError, files.DatabaseFileError) as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"Die Sicherung konnte nicht geschrieben werden: {exc}.") from exc
    return next(r for r in list_backups(data_dir) if r.id == backup_id)


def backup_if_due(
    data_dir: Path,
    *,
    database: Path | None = None,
    now: datetime | None = None,
    max_age: timedelta = timedelta(days=1),
) -> BackupRecord | None:
    """At start-up: back up if the newest backup is older than `max_age`, then prune."""
    now = (now or datetime.now(UTC)).astimezone(UTC)
    if not (database or database_file(data_dir)).exists():
        return None
    existing = list_backups(data_dir)
    if existing and now - existing[0].created_at < max_age:
        return None
    record = create_backup(data_dir, "auto", database=database, now=now)
    prune_backups(data_dir)
    return record


def backups_to_keep(backups: list[BackupRecord]) -> set[str]:
    """Ids kept by the retention rule (only automatic backups are ever pruned)."""
    keep = {b.id for b in backups if b.kind != "auto"}
    days: dict[object, str] = {}
    weeks: dict[object, str] = {}
    for backup in backups:  # newest first, so the first seen per group is its newest
        if backup.kind != "auto":
            continue
        days.setdefault(backup.created_at.date(), backup.id)
        weeks.setdefault(backup.created_at.isocalendar()[:2], backup.id)
    keep.update(list(days.values())[:KEEP_DAILY])
    keep.update(list(weeks.values())[:KEEP_WEEKLY])
    return keep


def prune_backups(data_dir: Path) -> list[str]:
    """Delete automatic backups the retention rule does not keep; returns their ids."""
    backups = list_backups(data_dir)
    keep = backups_to_keep(backups)
    removed = []
    for backup in backups:
        if backup.id not in keep:
            Path(backup.path).unlink(missing_ok=True)
            removed.append(backup.id)
    return removed


def restore_backup(
    data_dir: Path,
    backup_id: str,
    *,
    database: Path | None = None,
    lock: DataDirLock | None = None,
) -> BackupRecord | None:
    """Make the backup the current database again.

    The current state is backed up first (returned), or, if it is damaged, renamed aside to
    `kompetenz.sqlite3.beschaedigt-<time>`. Refused (`DataDirLocked`) while another process
    holds the data folder; a caller that holds the lock itself passes it as `lock`.
    """
    record = find_backup(data_dir, backup_id)
    _check_restorable(Path(record.path))
    held = lock if lock is not None and lock.held else acquire_data_dir_lock(data_dir)
    try:
        target = database or database_file(data_dir)
        current = files.inspect_file(target)
        if current.problem is not None:
            _move_aside(target)
            files.copy_database(Path(record.path), target)
            return None
        if not current.exists:
            files.copy_database(Path(record.path), target)
            return None
        safety = create_backup(data_dir, "before-restore", database=target)
        files.overwrite_database(Path(record.path), target)
        return safety
    finally:
        if held is not lock:
            held.release()


def _check_restorable(path: Path) -> None:
    from kompetenz.store.database import known_revisions

    state = files.inspect_file(path, full_check=True)
    if state.problem is not None:
        raise BackupError(
            f"Diese Sicherung ist beschädigt ({state.problem}); wählen Sie eine andere."
        )
    if not state.revisions or not state.revisions <= known_revisions():
        raise BackupError(
            "Diese Sicherung stammt nicht von dieser Kompetenz-Version oder ist keine "
            "Kompetenz-Datenbank; wählen Sie eine andere."
        )


def _move_aside(target: Path) -> None:
    stamp = datetime.now(UTC).strftime(_STAMP)
    for path in [target, *files.side_files(target)]:
        if path.exists():
            path.rename(path.with_name(f"{path.name}.beschaedigt-{stamp}"))


def erase_profile_from_backups(
    data_dir: Path, profile_id: int, created_at: datetime
) -> tuple[list[str], list[str]]:
    """Erase one profile (matched by id AND creation time) from every backup.

    Returns the ids of the backups it was erased from and of those that could not be
    opened to check (damaged), so the report to the user is honest about both.
    """
    cleaned: list[str] = []
    failed: list[str] = []
    for backup in list_backups(data_dir):
        url = files.url_for(Path(backup.path))
        engine = create_sqlite_engine(url, wal=False)
        try:
            with engine.begin() as connection:
                result = connection.execute(
                    delete(Profile).where(
                        Profile.id == profile_id, Profile.created_at == created_at
                    )
                )
            if result.rowcount:
                compact(engine)
                cleaned.append(backup.id)
        except SQLAlchemyError:
            failed.append(backup.id)
        finally:
            engine.dispose()
    return cleaned, failed
