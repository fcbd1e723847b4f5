"""The answer path: `record_answer` as one Core upsert, and the write-ahead log kept short by
`checkpoint()` and bounded by SQLite's automatic checkpoint when nobody calls it.

Timing lives in benchmarks/history.py; these tests check what the fast path must keep doing.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from store_helpers import FakeClock, query

from kompetenz.store.backend import DatabaseBackend
from kompetenz.store.database import open_store
from kompetenz.store.errors import AttemptClosed, AttemptNotFound, StorageFailed
from kompetenz.store.records import PlannedItem
from kompetenz.store.service import ProgressStore
from kompetenz.store.sqlite import backend as sqlite_backend
from kompetenz.store.sqlite import files as sqlite_files

PLAN = [PlannedItem("q-a", (2, 0, 1)), PlannedItem("q-b", ()), PlannedItem("q-c", (1, 0))]


@pytest.fixture
def attempt_id(store: ProgressStore) -> int:
    pid = store.create_profile("Anna").id
    return store.start_attempt(pid, "m1", "1", PLAN).id


def _answers(db_path: Path) -> list[tuple[object, ...]]:
    return query(
        db_path,
        "SELECT id, position, question_key, response, fraction, answered_at FROM answers "
        "ORDER BY position",
    )


def test_a_second_answer_replaces_the_first_in_place(
    store: ProgressStore, attempt_id: int, clock: FakeClock, db_path: Path
) -> None:
    store.record_answer(attempt_id, 1, "q-b", "erste Fassung", None)
    first = _answers(db_path)
    clock.advance(minutes=2)
    store.record_answer(attempt_id, 1, "q-b", {"gewählt": [2]}, 0.5)
    (row,) = _answers(db_path)
    assert row[0] == first[0][0]  # the same row, updated, not a second one
    assert row[1:5] == (1, "q-b", '{"gew\\u00e4hlt": [2]}', 0.5)
    assert str(row[5]).startswith("2025-03-10 08:02:00")
    (answer,) = store.get_attempt(attempt_id).answers
    assert (answer.response, answer.fraction, answer.answered_at) == (
        {"gewählt": [2]},
        0.5,
        clock.now,
    )


def test_a_null_response_is_kept_as_json_null(
    store: ProgressStore, attempt_id: int, db_path: Path
) -> None:
    store.record_answer(attempt_id, 0, "q-a", None, None)
    assert [row[3:5] for row in _answers(db_path)] == [("null", None)]
    assert [(a.response, a.fraction) for a in store.get_attempt(attempt_id).answers] == [
        (None, None)
    ]


@pytest.mark.parametrize(
    ("position", "key", "response", "fraction", "message"),
    [
        (3, "q-a", 1, 1.0, "outside"),
        (-1, "q-c", 1, 1.0, "outside"),
        (True, "q-b", 1, 1.0, "outside"),  # True == 1, but a flag is no position
        (1.0, "q-b", 1, 1.0, "outside"),
        ("1", "q-b", 1, 1.0, "outside"),
        (0, "q-b", 1, 1.0, "holds 'q-a'"),
        (0, "q-a", 1, float("nan"), "fraction"),
        (0, "q-a", 1, -1.01, "fraction"),
        (0, "q-a", 1, True, "fraction"),
        (0, "q-a", float("inf"), 1.0, "JSON"),
        (0, "q-a", {1, 2}, 1.0, "JSON"),
    ],
)
def test_a_refused_answer_writes_nothing(
    store: ProgressStore,
    attempt_id: int,
    db_path: Path,
    position: object,
    key: str,
    response: object,
    fraction: object,
    message: str,
) -> None:
    store.record_answer(attempt_id, 2, "q-c", [1], 1.0)
    before = _answers(db_path)
    with pytest.raises(ValueError, match=message):
        store.record_answer(attempt_id, position, key, response, fraction)  # type: ignore[arg-type]
    assert _answers(db_path) == before


def test_unknown_and_finished_attempts_are_refused(
    store: ProgressStore, attempt_id: int, db_path: Path
) -> None:
    with pytest.raises(AttemptNotFound):
        store.record_answer(attempt_id + 1, 0, "q-a", 1, 1.0)
    store.finish_attempt(attempt_id, 0, False)
    with pytest.raises(AttemptClosed):
        store.record_answer(attempt_id, 0, "q-a", 1, 1.0)
    assert _answers(db_path) == []


def test_the_update_then_insert_path_for_other_engines_replaces_too(
    store: ProgressStore, attempt_id: int, db_path: Path, clock: FakeClock
) -> None:
    """Engines without SQLite's upsert get an UPDATE, then an INSERT if it found nothing."""
    values = {
        "attempt_id": attempt_id,
        "position": 0,
        "question_key": "q-a",
        "response": [1],
        "fraction": 1.0,
        "answered_at": clock.now,
    }
    portable = DatabaseBackend("sqlite://")  # the plain backend of engines not known better
    with store.context.core_transaction() as connection:
        portable.save_answer(connection, values)
    with store.context.core_transaction() as connection:
        portable.save_answer(connection, {**values, "response": [2], "fraction": 0.0})
    assert [row[1:5] for row in _answers(db_path)] == [(0, "q-a", "[2]", 0.0)]


def test_a_locked_database_is_a_readable_error_on_the_answer_path(
    data_dir: Path,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    new_data_dir: Callable[[Path], Path],
) -> None:
    monkeypatch.setattr(sqlite_files, "BUSY_TIMEOUT_MS", 50)
    new_data_dir(data_dir)
    with open_store(data_dir) as store:
        attempt = store.start_attempt(store.create_profile("Anna").id, "m1", "1", PLAN)
        blocker = sqlite3.connect(db_path, isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(StorageFailed, match="locked"):
                store.record_answer(attempt.id, 0, "q-a", [1], 1.0)
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
        store.record_answer(attempt.id, 0, "q-a", [1], 1.0)
        assert len(store.get_attempt(attempt.id).answers) == 1


@pytest.mark.sqlite_only  # SQLite file internals
def test_every_connection_stays_durable_and_checkpoints_late(store: ProgressStore) -> None:
    raw = store.context.engine().raw_connection()
    try:
        cursor = raw.cursor()
        settings = {
            name: cursor.execute(f"PRAGMA {name}").fetchone()[0]
            for name in ("journal_mode", "synchronous", "wal_autocheckpoint")
        }
    finally:
        raw.close()
    assert settings == {
        "journal_mode": "wal",
        "synchronous": 2,  # FULL: the log is synced at every commit
        "wal_autocheckpoint": sqlite_backend.WAL_AUTOCHECKPOINT_PAGES,
    }
    assert sqlite_backend.WAL_AUTOCHECKPOINT_PAGES > 0  # 0 would let the log grow forever


@pytest.mark.sqlite_only  # SQLite file internals
def test_checkpoint_moves_the_answers_into_the_database_file(
    store: ProgressStore, attempt_id: int, tmp_path: Path
) -> None:
    """After `checkpoint()` the main file alone holds every answer: copied without its log
    (as a backup tool that ignores `-wal` would), it still has them."""
    store.record_answer(attempt_id, 0, "q-a", [1], 1.0)
    store.record_answer(attempt_id, 1, "q-b", "Text", None)
    copy = tmp_path / "main-file-only.sqlite3"
    assert store.data_dir is not None
    shutil.copyfile(store.data_dir / "kompetenz.sqlite3", copy)
    assert query(copy, "SELECT count(*) FROM answers") == [(0,)]  # still only in the log

    assert store.checkpoint() is True
    shutil.copyfile(store.data_dir / "kompetenz.sqlite3", copy)
    assert query(copy, "SELECT position, response FROM answers ORDER BY position") == [
        (0, "[1]"),
        (1, '"Text"'),
    ]
    assert store.checkpoint() is True  # nothing new: still fine
    assert len(store.get_attempt(attempt_id).answers) == 2


def _answer_many(store: ProgressStore, count: int) -> None:
    plan = [PlannedItem(f"q{i}", (0,)) for i in range(count)]
    attempt = store.start_attempt(store.create_profile("Viel").id, "m1", "1", plan)
    for position in range(count):
        store.record_answer(attempt.id, position, f"q{position}", [0], 1.0)


@pytest.mark.parametrize(("pages", "bounded"), [(20, True), (0, False)])
def test_the_log_stays_bounded_when_nobody_checkpoints(
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    new_data_dir: Callable[[Path], Path],
    pages: int,
    bounded: bool,
) -> None:
    """The safety net is SQLite's own checkpoint at `WAL_AUTOCHECKPOINT_PAGES` (made small
    here); the second case shows the measurement would notice the net missing."""
    monkeypatch.setattr(sqlite_backend, "WAL_AUTOCHECKPOINT_PAGES", pages)
    new_data_dir(data_dir)
    with open_store(data_dir) as store:
        _answer_many(store, 150)  # two pages each: 300 pages without a checkpoint
        wal_bytes = (data_dir / "kompetenz.sqlite3-wal").stat().st_size
    frame = 4096 + 24
    assert (wal_bytes < 40 * frame) is bounded
