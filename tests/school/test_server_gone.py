"""The server goes away in the middle of a quiz: the learner is told the last answer was NOT
saved, nothing saved before is lost, and a retry once the server is back saves it."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from pg_support import libpq
from sqlalchemy.engine import make_url
from tcp_proxy import TcpProxy

from kompetenz.store.database import open_store
from kompetenz.store.errors import AnswerNotSaved, StoreError
from kompetenz.store.records import PlannedItem

PLAN = [PlannedItem("q1", (0, 1)), PlannedItem("q2", (1, 0)), PlannedItem("q3", ())]


def _answers(admin_url: str) -> list[tuple[int, str]]:
    with psycopg.connect(libpq(admin_url)) as raw:
        rows = raw.execute("SELECT position, question_key FROM answers ORDER BY position")
        return [(int(p), str(k)) for p, k in rows.fetchall()]


def test_killing_the_server_mid_quiz_says_not_saved_and_a_retry_saves(
    learner_url: str, school_server: str, tmp_path: Path
) -> None:
    real = make_url(learner_url)
    proxy = TcpProxy((str(real.host), int(real.port or 5432))).start()
    through_proxy = real.set(port=proxy.port).render_as_string(hide_password=False)
    with open_store(tmp_path / "data", through_proxy) as store:
        profile = store.create_profile("Anna")
        attempt = store.start_attempt(profile.id, "grundlagen", "1", PLAN)
        store.record_answer(attempt.id, 0, "q1", [1], 1.0)

        proxy.kill()
        with pytest.raises(AnswerNotSaved) as failed:
            store.record_answer(attempt.id, 1, "q2", [0], 0.0)
        message = str(failed.value)
        assert "NICHT gespeichert" in message
        assert "Schulserver" in message
        assert _answers(school_server) == [(0, "q1")]  # no false "saved", nothing lost
        with pytest.raises(StoreError):  # reads fail clearly too, never a driver traceback
            store.get_attempt(attempt.id)

        proxy = TcpProxy((str(real.host), int(real.port or 5432)), port=proxy.port).start()
        store.record_answer(attempt.id, 1, "q2", [0], 0.0)  # the learner retries
        assert [a.position for a in store.get_attempt(attempt.id).answers] == [0, 1]
    proxy.kill()
    assert _answers(school_server) == [(0, "q1"), (1, "q2")]
