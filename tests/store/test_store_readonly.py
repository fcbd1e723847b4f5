"""The read-only first-screen reader answers exactly as the store does, or not at all."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from store_helpers import FakeClock

from kompetenz.store.records import PlannedItem, Role
from kompetenz.store.service import ProgressStore
from kompetenz.store.sqlite.readonly import ReadOnlyReader

# The snapshot reads the SQLite file directly; a server has none.
pytestmark = pytest.mark.sqlite_only

PLAN = [PlannedItem(f"q{i}", (0, 1)) for i in range(3)]


def _history(store: ProgressStore, clock: FakeClock) -> tuple[int, int]:
    """Two learners with what the first screen shows: lessons, time, attempts (finished,
    unfinished, passed twice with the same best score), notes and preferences."""
    anna = store.create_profile("Anna Lehrerin", "Gesamtschule Essen", Role.TEACHER)
    bernd = store.create_profile("Bernd Sekretariat", None, Role.ADMINISTRATION, "geheim123")
    for module in ("grundlagen", "ethik-recht"):
        for number, lesson in enumerate(("01.md", "02.md", "03.md")):
            clock.advance(minutes=3)
            store.open_lesson(anna.id, module, lesson)
            store.add_time(anna.id, module, lesson, 60.5 * (number + 1))
            if number < 2:
                store.complete_lesson(anna.id, module, lesson)
    store.open_lesson(bernd.id, "verwaltung", "01.md")
    for module, scores in (("grundlagen", (60.0, 90.0, 90.0, 85.0)), ("ethik-recht", (40.0,))):
        for score in scores:
            clock.advance(minutes=10)
            attempt = store.start_attempt(anna.id, module, "1.0.1", PLAN)
            for position, item in enumerate(PLAN):
                store.record_answer(attempt.id, position, item.question_key, 0, 1.0)
            clock.advance(minutes=5)
            store.finish_attempt(attempt.id, score, score >= 80)
    store.start_attempt(anna.id, "verwaltung", "1.0.1", PLAN)  # never finished
    store.set_preference(anna.id, "tour_seen", True)
    store.set_preference(anna.id, "lesson_zoom", 3)
    clock.advance(minutes=1)
    store.open_lesson(anna.id, "grundlagen", "02.md")  # the lesson to continue
    return anna.id, bernd.id


def test_the_snapshot_reads_what_the_store_reads(
    store: ProgressStore, clock: FakeClock, data_dir: Path
) -> None:
    anna, bernd = _history(store, clock)
    snapshot = ReadOnlyReader.open(data_dir)
    assert snapshot is not None
    try:
        assert snapshot.list_profiles() == store.list_profiles()
        assert [p.has_password for p in snapshot.list_profiles()] == [False, True]
        for profile in (anna, bernd):
            assert snapshot.module_progress(profile) == store.module_progress(profile)
            assert snapshot.last_opened_lesson(profile) == store.last_opened_lesson(profile)
            for key in ("tour_seen", "lesson_zoom", "missing"):
                assert snapshot.get_preference(profile, key, "x") == store.get_preference(
                    profile, key, "x"
                )
            for module in ("grundlagen", "ethik-recht", "verwaltung", "none"):
                assert snapshot.module_progress(profile, module) == store.module_progress(
                    profile, module
                )
    finally:
        snapshot.close()
    # What the records say, so that agreeing on a wrong answer would not pass either.
    progress = store.module_progress(anna)
    grundlagen = progress["grundlagen"]
    assert grundlagen.lessons_completed == frozenset({"01.md", "02.md"})
    assert grundlagen.seconds_spent == pytest.approx(60.5 + 121 + 181.5)
    assert (grundlagen.attempts, grundlagen.best_score_percent, grundlagen.passed) == (4, 90, True)
    ninety = [a.finished_at for a in store.attempts(anna, "grundlagen") if a.score_percent == 90]
    assert len(ninety) == 2
    assert ninety[0] != ninety[1]
    assert grundlagen.passed_at == min(t for t in ninety if t)  # the earlier of two equal bests
    assert progress["ethik-recht"].passed is False
    assert "verwaltung" not in progress  # an unfinished attempt is not counted
    last = store.last_opened_lesson(anna)
    assert last is not None
    assert (last.module_id, last.lesson_file) == ("grundlagen", "02.md")
    assert last.first_opened_at is not None
    assert last.first_opened_at.tzinfo is not None


def test_a_snapshot_never_writes(store: ProgressStore, clock: FakeClock, data_dir: Path) -> None:
    _history(store, clock)
    store.checkpoint()
    database = data_dir / "kompetenz.sqlite3"
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    snapshot = ReadOnlyReader.open(data_dir)
    assert snapshot is not None
    profiles = snapshot.list_profiles()
    snapshot.module_progress(profiles[0].id)
    with pytest.raises(sqlite3.OperationalError):  # query_only: a write is refused
        snapshot._connection.execute("DELETE FROM profiles")
    snapshot.close()
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before
    assert len(store.list_profiles()) == 2


def test_no_database_yet_means_no_snapshot(tmp_path: Path) -> None:
    assert ReadOnlyReader.open(tmp_path) is None
    assert not (tmp_path / "kompetenz.sqlite3").exists()  # and none was created


def test_another_revision_means_no_snapshot(store: ProgressStore, data_dir: Path) -> None:
    store.close()
    with sqlite3.connect(data_dir / "kompetenz.sqlite3") as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    assert ReadOnlyReader.open(data_dir) is None


def test_a_damaged_file_means_no_snapshot(tmp_path: Path) -> None:
    (tmp_path / "kompetenz.sqlite3").write_bytes(b"not a database at all" * 100)
    assert ReadOnlyReader.open(tmp_path) is None


def test_the_snapshot_does_not_import_sqlalchemy(
    store: ProgressStore, clock: FakeClock, data_dir: Path
) -> None:
    _history(store, clock)
    code = (
        "import sys; from pathlib import Path\n"
        "from kompetenz.store.sqlite.readonly import ReadOnlyReader\n"
        f"snapshot = ReadOnlyReader.open(Path({str(data_dir)!r}))\n"
        "profile = snapshot.list_profiles()[0]\n"
        "assert snapshot.module_progress(profile.id), 'no progress read'\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "[]"
