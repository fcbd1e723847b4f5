"""On a school server an answer is one statement that commits by itself: the learner waits
for one round trip, not for BEGIN, a read, the write and COMMIT (see benchmarks/school.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
from pg_support import libpq
from sqlalchemy import Connection, event

from kompetenz.store.database import open_store
from kompetenz.store.errors import AttemptClosed
from kompetenz.store.records import PlannedItem
from kompetenz.store.service import ProgressStore

PLAN = [PlannedItem("q-a", (1, 0)), PlannedItem("q-b", ())]


def _statements_of(store: ProgressStore, action: Callable[[], None]) -> list[tuple[str, bool]]:
    """Each statement sent while `action` runs, with whether the driver was in autocommit
    (then psycopg sends no BEGIN and the server commits the statement by itself)."""
    engine = store.context.engine()
    sent: list[tuple[str, bool]] = []

    def on_execute(connection: Connection, cursor: object, statement: str, *rest: object) -> None:
        autocommit = connection.connection.dbapi_connection.autocommit  # type: ignore[union-attr]
        sent.append((statement.split()[0].upper(), bool(autocommit)))

    event.listen(engine, "before_cursor_execute", on_execute)
    try:
        action()
    finally:
        event.remove(engine, "before_cursor_execute", on_execute)
    return sent


@pytest.fixture
def learner(learner_url: str, tmp_path: Path) -> Iterator[tuple[ProgressStore, int]]:
    """A person's store on the school server, and an open attempt of theirs."""
    with open_store(tmp_path, learner_url) as store:
        profile = store.create_profile("Anna")
        yield store, store.start_attempt(profile.id, "beispiel", "1.0.0", PLAN).id


def test_an_answer_is_one_autocommitted_statement_seen_at_once_elsewhere(
    learner: tuple[ProgressStore, int], school_server: str
) -> None:
    store, attempt_id = learner
    sent = _statements_of(store, lambda: store.record_answer(attempt_id, 1, "q-b", [2], 0.5))
    assert sent == [("INSERT", True)]
    with psycopg.connect(libpq(school_server)) as other:  # committed: visible elsewhere
        rows = other.execute("SELECT position, response, fraction FROM answers "
                             "WHERE attempt_id = %s", (attempt_id,)).fetchall()
    assert rows == [(1, [2], 0.5)]


def test_a_refused_answer_still_gets_its_reason_and_writes_nothing(
    learner: tuple[ProgressStore, int], school_server: str
) -> None:
    store, attempt_id = learner
    with pytest.raises(ValueError, match="holds 'q-a'"):
        store.record_answer(attempt_id, 0, "q-b", [1], 1.0)
    store.finish_attempt(attempt_id, 0, False)
    with pytest.raises(AttemptClosed):
        store.record_answer(attempt_id, 1, "q-b", [1], 1.0)
    with psycopg.connect(libpq(school_server)) as other:
        assert other.execute("SELECT count(*) FROM answers").fetchone() == (0,)
