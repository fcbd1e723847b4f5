"""Lessons, quiz attempts, the module overview, notes and certificates."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from store_helpers import FakeClock, query

from kompetenz.store.errors import (
    AttemptClosed,
    AttemptNotFound,
    CertificateNumberTaken,
    ProfileNotFound,
)
from kompetenz.store.records import PlannedItem
from kompetenz.store.service import ProgressStore

PLAN = [PlannedItem("q-a", (2, 0, 1)), PlannedItem("q-b", ()), PlannedItem("q-c", (1, 0))]


@pytest.fixture
def pid(store: ProgressStore) -> int:
    return store.create_profile("Anna").id


def test_open_lesson_keeps_first_time_and_tracks_last(
    store: ProgressStore, pid: int, clock: FakeClock
) -> None:
    first = store.open_lesson(pid, "m1", "01.md")
    clock.advance(minutes=5)
    store.open_lesson(pid, "m1", "02.md")
    clock.advance(minutes=5)
    again = store.open_lesson(pid, "m1", "01.md")
    assert again.first_opened_at == first.first_opened_at == datetime(2025, 3, 10, 8, tzinfo=UTC)
    assert again.completed_at is None
    assert not again.is_completed
    last = store.last_opened_lesson(pid)
    assert last is not None
    assert last.lesson_file == "01.md"
    assert store.last_opened_lesson(store.create_profile("Bert").id) is None


def test_complete_and_time(store: ProgressStore, pid: int, clock: FakeClock) -> None:
    store.open_lesson(pid, "m1", "01.md")
    store.add_time(pid, "m1", "01.md", 30)
    store.add_time(pid, "m1", "01.md", 12.5)
    clock.advance(minutes=1)
    done = store.complete_lesson(pid, "m1", "01.md")
    clock.advance(minutes=1)
    assert store.complete_lesson(pid, "m1", "01.md").completed_at == done.completed_at
    store.add_time(pid, "m2", "x.md", 3)  # time before opening creates the row
    states = store.lesson_states(pid, "m1")
    assert set(states) == {"01.md"}
    assert states["01.md"].seconds_spent == 42.5
    assert states["01.md"].is_completed
    assert store.lesson_states(pid, "m2")["x.md"].first_opened_at is None
    for bad in (-1, float("nan"), float("inf"), True):
        with pytest.raises(ValueError, match="seconds"):
            store.add_time(pid, "m1", "01.md", bad)


def test_lessons_of_unknown_profile(store: ProgressStore) -> None:
    with pytest.raises(ProfileNotFound):
        store.open_lesson(99, "m1", "01.md")


def test_datetimes_are_stored_as_utc_and_returned_aware(
    store: ProgressStore, pid: int, clock: FakeClock, db_path: Path
) -> None:
    clock.now = datetime(2025, 6, 1, 10, 30, tzinfo=timezone(timedelta(hours=2)))
    state = store.open_lesson(pid, "m1", "01.md")
    assert state.first_opened_at == datetime(2025, 6, 1, 8, 30, tzinfo=UTC)
    assert state.first_opened_at.utcoffset() == timedelta(0)
    raw = query(db_path, "SELECT first_opened_at FROM lesson_progress")[0][0]
    assert raw.startswith("2025-06-01 08:30:00")


def test_answers_are_recorded_replaced_and_resumed(
    store: ProgressStore, pid: int, db_path: Path
) -> None:
    attempt = store.start_attempt(pid, "m1", "2025.1", PLAN)
    assert attempt.plan == tuple(PLAN)
    assert not attempt.is_finished
    assert attempt.answers == ()
    store.record_answer(attempt.id, 0, "q-a", [2], 1.0)
    store.record_answer(attempt.id, 1, "q-b", "Meine Reflexion", None)
    store.record_answer(attempt.id, 0, "q-a", [0], 0.0)  # changed mind: replaces
    # committed: visible to a separate connection right away
    assert query(db_path, "SELECT position, response FROM answers ORDER BY position") == [
        (0, "[0]"),
        (1, '"Meine Reflexion"'),
    ]
    resumed = store.unfinished_attempt(pid, "m1")
    assert resumed is not None
    assert resumed.id == attempt.id
    assert [(a.position, a.response, a.fraction) for a in resumed.answers] == [
        (0, [0], 0.0),
        (1, "Meine Reflexion", None),
    ]
    assert resumed.plan[0].choice_order == (2, 0, 1)
    assert store.unfinished_attempt(pid, "m2") is None


def test_record_answer_checks_against_the_plan(store: ProgressStore, pid: int) -> None:
    attempt = store.start_attempt(pid, "m1", "1", PLAN)
    with pytest.raises(ValueError, match="outside"):
        store.record_answer(attempt.id, 3, "q-x", 1, 1.0)
    with pytest.raises(ValueError, match="holds 'q-a'"):
        store.record_answer(attempt.id, 0, "q-b", 1, 1.0)
    with pytest.raises(ValueError, match="fraction"):
        store.record_answer(attempt.id, 0, "q-a", 1, 1.5)
    with pytest.raises(ValueError, match="JSON"):
        store.record_answer(attempt.id, 0, "q-a", {1, 2}, 1.0)
    with pytest.raises(AttemptNotFound):
        store.record_answer(999, 0, "q-a", 1, 1.0)
    assert store.get_attempt(attempt.id).answers == ()


def test_finish_attempt_closes_it(store: ProgressStore, pid: int, clock: FakeClock) -> None:
    attempt = store.start_attempt(pid, "m1", "1", PLAN)
    store.record_answer(attempt.id, 0, "q-a", [2], 1.0)
    clock.advance(minutes=3)
    finished = store.finish_attempt(attempt.id, 66.7, True)
    assert finished.is_finished
    assert finished.passed is True
    assert finished.score_percent == 66.7
    assert finished.finished_at == clock.now
    assert len(finished.answers) == 1
    assert store.unfinished_attempt(pid, "m1") is None
    with pytest.raises(AttemptClosed):
        store.record_answer(attempt.id, 1, "q-b", "spät", None)
    with pytest.raises(AttemptClosed):
        store.finish_attempt(attempt.id, 100, True)
    with pytest.raises(ValueError, match="score_percent"):
        store.finish_attempt(store.start_attempt(pid, "m1", "1", PLAN).id, 101, True)


def test_attempts_newest_first(store: ProgressStore, pid: int, clock: FakeClock) -> None:
    ids = []
    for module in ("m1", "m2", "m1"):
        ids.append(store.start_attempt(pid, module, "1", PLAN).id)
        clock.advance(minutes=1)
    assert [a.id for a in store.attempts(pid)] == ids[::-1]
    assert [a.id for a in store.attempts(pid, "m1")] == [ids[2], ids[0]]
    other = store.create_profile("Bert").id
    assert store.attempts(other) == []


def test_module_progress(store: ProgressStore, pid: int, clock: FakeClock) -> None:
    store.complete_lesson(pid, "m1", "01.md")
    store.open_lesson(pid, "m1", "02.md")
    store.add_time(pid, "m1", "01.md", 60)
    store.add_time(pid, "m1", "02.md", 30)
    results = [(55.0, False), (80.0, True), (90.0, True), (90.0, True), (70.0, True)]
    finish_times = []
    for score, passed in results:
        attempt = store.start_attempt(pid, "m1", "1", PLAN)
        clock.advance(minutes=10)
        finish_times.append(store.finish_attempt(attempt.id, score, passed).finished_at)
    store.start_attempt(pid, "m1", "1", PLAN)  # unfinished: not counted
    store.start_attempt(pid, "m3", "1", PLAN)  # only an unfinished attempt: no entry
    failed = store.start_attempt(pid, "m2", "1", PLAN)
    store.finish_attempt(failed.id, 40, False)

    progress = store.module_progress(pid)

    assert set(progress) == {"m1", "m2"}
    m1 = progress["m1"]
    assert m1.lessons_completed == frozenset({"01.md"})
    assert m1.seconds_spent == 90
    assert m1.best_score_percent == 90.0
    assert m1.passed is True
    assert m1.passed_at == finish_times[2]  # the best passing one; earliest of a tie
    assert m1.attempts == 5
    m2 = progress["m2"]
    assert (m2.passed, m2.passed_at, m2.best_score_percent, m2.attempts) == (False, None, 40, 1)
    assert m2.lessons_completed == frozenset()


def test_notes(store: ProgressStore, pid: int, clock: FakeClock) -> None:
    assert store.note(pid, "m1", "01.md") == ""
    store.save_note(pid, "m1", "01.md", "Erster Gedanke")
    clock.advance(hours=1)
    store.save_note(pid, "m1", "01.md", "Zweiter Gedanke\nmit Zeile")
    store.save_note(pid, "m0", "09.md", "Anderes Modul")
    assert store.note(pid, "m1", "01.md") == "Zweiter Gedanke\nmit Zeile"
    notes = store.notes(pid)
    assert [(n.module_id, n.text) for n in notes] == [
        ("m0", "Anderes Modul"),
        ("m1", "Zweiter Gedanke\nmit Zeile"),
    ]
    assert notes[1].updated_at == clock.now
    store.save_note(pid, "m1", "01.md", "   ")
    assert store.note(pid, "m1", "01.md") == ""
    assert len(store.notes(pid)) == 1


def test_certificates(store: ProgressStore, pid: int) -> None:
    issued = datetime(2025, 3, 1, 12, tzinfo=UTC)
    record = store.record_certificate(
        pid, "KOMP-2025-0001", "full", ["m1", "m2"], issued, '{"n":1}', "c2ln"
    )
    assert record.module_ids == ("m1", "m2")
    assert record.issued_at == issued
    assert store.certificates(pid) == [record]
    assert store.find_certificate("KOMP-2025-0001") == record
    assert store.find_certificate("KOMP-2025-0002") is None
    with pytest.raises(CertificateNumberTaken, match="bereits vergeben"):
        store.record_certificate(pid, "KOMP-2025-0001", "full", [], issued, "", "")
    with pytest.raises(ValueError, match="kind"):
        store.record_certificate(pid, "KOMP-2025-0003", "gold", [], issued, "", "")
    with pytest.raises(ValueError, match="timezone"):
        store.record_certificate(pid, "KOMP-2025-0004", "full", [], datetime(2025, 1, 1), "", "")


def test_attempt_scores_lists_finished_attempts_oldest_first(tmp_path: Path) -> None:
    from kompetenz.store.database import open_store
    from kompetenz.store.records import PlannedItem

    store = open_store(tmp_path / "data")
    learner = store.create_profile("Sabine Scores")
    other = store.create_profile("Otto Other")
    plan = [PlannedItem("q1", ())]
    for score in (40.0, 90.0):
        attempt = store.start_attempt(learner.id, "m1", "1.0", plan)
        store.finish_attempt(attempt.id, score, score >= 80)
    store.start_attempt(learner.id, "m1", "1.0", plan)  # unfinished: not a score yet
    theirs = store.start_attempt(other.id, "m1", "1.0", plan)
    store.finish_attempt(theirs.id, 10.0, False)
    assert store.attempt_scores(learner.id) == {"m1": [40.0, 90.0]}
    assert store.attempt_scores(other.id) == {"m1": [10.0]}
    store.close()


def test_module_progress_for_one_module_equals_its_part_of_all(tmp_path: Path) -> None:
    from kompetenz.store.database import open_store
    from kompetenz.store.records import PlannedItem

    store = open_store(tmp_path / "data")
    learner = store.create_profile("Mona Modul")
    store.complete_lesson(learner.id, "m1", "a.md")
    store.complete_lesson(learner.id, "m2", "b.md")
    attempt = store.start_attempt(learner.id, "m2", "1.0", [PlannedItem("q", ())])
    store.finish_attempt(attempt.id, 85.0, True)
    everything = store.module_progress(learner.id)
    assert store.module_progress(learner.id, "m2") == {"m2": everything["m2"]}
    assert store.module_progress(learner.id, "m1") == {"m1": everything["m1"]}
    assert store.module_progress(learner.id, "m3") == {}
    store.close()
