"""Several PCs write to one PostgreSQL at the same moment: nothing lost, nothing twice."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import psycopg
from concurrency_worker import CERTIFICATES, POSITIONS, ROUNDS, run_pc
from pg_support import libpq

from kompetenz.store.database import open_store
from kompetenz.store.records import PlannedItem

PCS = 3


def test_three_processes_answering_noting_and_issuing_at_once_lose_and_duplicate_nothing(
    learner_url: str, school_server: str, sample_content: Path, tmp_path: Path
) -> None:
    plan = [PlannedItem(f"q{i}", ()) for i in range(POSITIONS)]
    with open_store(tmp_path / "setup", learner_url) as store:
        profile = store.create_profile("Anna")
        passed = store.start_attempt(profile.id, "beispiel", "1.0.0", [PlannedItem("q", ())])
        store.finish_attempt(passed.id, 90.0, True)
        attempt = store.start_attempt(profile.id, "beispiel", "1.0.0", plan)

    context = multiprocessing.get_context("spawn")
    barrier = context.Manager().Barrier(PCS)
    with context.Pool(PCS) as pool:
        jobs = [
            pool.apply_async(run_pc, (learner_url, str(tmp_path / f"pc{n}"), str(sample_content),
                                      profile.id, attempt.id, n, barrier))
            for n in range(PCS)
        ]
        issued = [job.get(timeout=300) for job in jobs]  # re-raises any worker's error

    numbers = [n for per_pc in issued for n in per_pc]
    assert len(numbers) == PCS * CERTIFICATES == len(set(numbers))
    with psycopg.connect(libpq(school_server)) as raw:
        answers = raw.execute(
            "SELECT position, response FROM answers WHERE attempt_id = %s ORDER BY position",
            (attempt.id,),
        ).fetchall()
        notes = raw.execute("SELECT lesson_file, text FROM notes ORDER BY lesson_file").fetchall()
        stored = raw.execute("SELECT number FROM certificates").fetchall()
        lessons = raw.execute("SELECT seconds_spent FROM lesson_progress").fetchall()
    assert [p for p, _ in answers] == list(range(POSITIONS))  # one row a position
    assert all(r["round"] == ROUNDS - 1 for _, r in answers)  # each PC's last write survived
    assert sorted(f for f, _ in notes) == sorted(
        [f"{p:02}.md" for p in range(POSITIONS)] + [f"pc-{n}.md" for n in range(PCS)]
    )
    assert {t for f, t in notes if f.startswith("pc-")} == {f"Runde {ROUNDS - 1}"}
    assert sorted(n for (n,) in stored) == sorted(numbers)  # none lost, none twice
    assert lessons == [(float(PCS * ROUNDS),)]  # one lesson row; every second counted
    with open_store(tmp_path / "setup", learner_url) as store:
        for n in range(PCS):  # preferences changed at once on three PCs: all kept
            assert store.get_preference(profile.id, f"pc{n}") == ROUNDS - 1
