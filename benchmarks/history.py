"""A learner with a long history: the progress page, the module overview, recording answers.

The database is created by the real migrations (`open_store`), then filled with SQLAlchemy
Core bulk inserts, which is how thousands of quiz attempts get there in seconds instead of an
evening of clicking. Other profiles get rows too, so a query that forgot `profile_id` in its
index would have to wade through them.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from benchmarks.results import Figure, median, percentile

if TYPE_CHECKING:
    from sqlalchemy import Connection


@dataclass(frozen=True)
class HistorySize:
    attempts: int  # of the measured profile
    answers_per_attempt: int
    modules: int
    lessons_per_module: int
    other_profiles: int
    other_share: float  # other profiles' rows, as a share of the measured profile's
    record_calls: int  # record_answer calls timed

    @property
    def answers(self) -> int:
        return self.attempts * self.answers_per_attempt


FULL = HistorySize(5000, 20, 50, 20, 5, 0.2, 600)
QUICK = HistorySize(100, 10, 5, 4, 5, 0.2, 40)


def _fill_profile(
    connection: Connection, profile_id: int, size: HistorySize, share: float, start: datetime
) -> None:
    """Bulk-insert lessons, attempts and answers for one profile (Core, one transaction)."""
    from sqlalchemy import insert

    from kompetenz.store.models import Answer, LessonProgress, QuizAttempt

    attempts = max(1, int(size.attempts * share))
    per_module = max(1, attempts // size.modules)
    lesson_rows = [
        {
            "profile_id": profile_id,
            "module_id": f"modul-{m:04d}",
            "lesson_file": f"{n + 1:02d}-lektion.md",
            "first_opened_at": start,
            "last_opened_at": start + timedelta(minutes=n),
            "completed_at": start + timedelta(minutes=n, seconds=30),
            "seconds_spent": 300.0,
        }
        for m in range(size.modules)
        for n in range(size.lessons_per_module)
    ]
    connection.execute(insert(LessonProgress), lesson_rows)
    for m in range(size.modules):
        module_id = f"modul-{m:04d}"
        plan = [
            {"question_key": f"{module_id}-q{q:03d}", "choice_order": [2, 0, 3, 1]}
            for q in range(size.answers_per_attempt)
        ]
        attempt_rows = []
        for a in range(per_module):
            started = start + timedelta(days=a, minutes=m)
            attempt_rows.append(
                {
                    "profile_id": profile_id,
                    "module_id": module_id,
                    "module_version": "1.0.0",
                    "started_at": started,
                    "finished_at": started + timedelta(minutes=12),
                    "score_percent": float(40 + (a * 7 + m) % 61),
                    "passed": (40 + (a * 7 + m) % 61) >= 80,
                    "plan": plan,
                }
            )
        result = connection.execute(insert(QuizAttempt).returning(QuizAttempt.id), attempt_rows)
        ids = [row[0] for row in result]
        answer_rows = [
            {
                "attempt_id": attempt_id,
                "position": p,
                "question_key": plan[p]["question_key"],
                "response": [p % 4] if p % 3 else p % 4,
                "fraction": 1.0 if (attempt_id + p) % 3 else 0.0,
                "answered_at": start + timedelta(seconds=attempt_id * 60 + p),
            }
            for attempt_id in ids
            for p in range(size.answers_per_attempt)
        ]
        connection.execute(insert(Answer), answer_rows)


def build_history(data_dir: Path, size: HistorySize) -> int:
    """A data folder whose first profile has the long history; returns its id."""
    from sqlalchemy import create_engine

    from kompetenz.store import database_file, open_store

    with open_store(data_dir) as store:
        main = store.create_profile("Erika Musterfrau", "Gesamtschule Bochum-Mitte")
        others = [store.create_profile(f"Kollegin {i}") for i in range(size.other_profiles)]
    start = datetime(2025, 1, 6, 7, 30, tzinfo=UTC)
    # A plain engine for the bulk load: one big transaction, no per-row fsync.
    engine = create_engine(f"sqlite:///{database_file(data_dir)}")
    try:
        with engine.begin() as connection:
            _fill_profile(connection, main.id, size, 1.0, start)
            for profile in others:
                _fill_profile(connection, profile.id, size, size.other_share, start)
    finally:
        engine.dispose()
    return main.id


def _timed(call: Callable[[], object], repeats: int) -> list[float]:
    times = []
    for _ in range(repeats):
        begin = time.perf_counter()
        call()
        times.append((time.perf_counter() - begin) * 1000)
    return times


def run(workdir: Path, quick: bool) -> list[Figure]:
    from kompetenz.store import open_store
    from kompetenz.store.records import PlannedItem

    size = QUICK if quick else FULL
    data_dir = workdir / "history-data"
    began = time.perf_counter()
    profile_id = build_history(data_dir, size)
    build_s = time.perf_counter() - began
    module_id = "modul-0000"
    figures = []
    with open_store(data_dir) as store:
        attempts = store.attempts(profile_id, module_id)
        shape = (
            f"{size.attempts:,} attempts / {size.answers:,} answers, "
            f"{size.other_profiles} other profiles at {size.other_share:.0%}; "
            f"the module shown has {len(attempts)} attempts"
        )

        def progress_page() -> None:
            # What ui/progress_page.py `show_progress` reads: progress, the score lists of
            # every module (one query, no answers) and the certificates.
            store.module_progress(profile_id)
            store.attempt_scores(profile_id)
            store.certificates(profile_id)

        def review_of_one_module() -> None:
            # All attempts of one module with every answer: what a review of them would read.
            store.attempts(profile_id, module_id)

        def module_overview() -> None:
            # What MainWindow.open_module reads.
            store.lesson_states(profile_id, module_id)
            store.module_progress(profile_id, module_id)
            store.unfinished_attempt(profile_id, module_id)

        repeats = 3 if quick else 10
        # The targets are the progress page and the module overview; the review of all
        # attempts is on no page today, so it is reported without a target.
        for name, call, times_run, what, target in (
            (
                "History: progress page",
                progress_page,
                repeats,
                f"module_progress + attempt_scores + certificates; {shape}",
                50.0,
            ),
            (
                "History: module overview",
                module_overview,
                repeats,
                "lesson_states + module_progress(module) + unfinished_attempt",
                50.0,
            ),
            (
                "History: all attempts of one module, with answers",
                review_of_one_module,
                repeats,
                "attempts(profile, module): on no page today; for a future review list",
                None,
            ),
        ):
            times = _timed(call, times_run)
            figures.append(
                Figure(
                    name,
                    median(times),
                    target,
                    "ms",
                    f"median of {times_run}, max {max(times):.1f} ms; {what}",
                    times,
                )
            )
        figures.extend(_record_answers(store, profile_id, size.record_calls, PlannedItem, data_dir))
    figures[0].note += f"; built in {build_s:.1f} s"
    return figures


class _SyncProbe:
    """What one commit in WAL mode costs the disk: two 4 KiB pages (with their 24-byte frame
    headers) appended to a file in the data folder, then one `fdatasync`, as SQLite does."""

    def __init__(self, folder: Path) -> None:
        import os

        self._os = os
        self._sync = getattr(os, "fdatasync", os.fsync)
        self._path = folder / "sync-probe.tmp"
        self._fd = os.open(self._path, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
        self._frame = (b"h" * 24, os.urandom(4096))
        self._offset = 0

    def __call__(self) -> float:
        """Append two frames and sync; the sync's time in ms."""
        for _ in range(2):
            for chunk in self._frame:
                self._os.pwrite(self._fd, chunk, self._offset)
                self._offset += len(chunk)
        begin = time.perf_counter()
        self._sync(self._fd)
        return (time.perf_counter() - begin) * 1000

    def close(self) -> None:
        self._os.close(self._fd)
        self._path.unlink()


def _record_answers(
    store: Any, profile_id: int, calls: int, planned_item: type, data_dir: Path
) -> list[Figure]:
    """`record_answer` as the quiz page calls it: one committed transaction per answer.

    Each attempt is finished and followed by `checkpoint()`, as the app does after a quiz,
    so the log is copied into the database outside the timed calls (the fresh database
    starts with an empty log too). Between two answers one sync of the probe file is timed,
    so the disk's own spread is measured under the same load as the answers.
    """
    plan_length = 50
    plan = [planned_item(f"bench-q{q:03d}", (0, 1, 2, 3)) for q in range(plan_length)]
    times: list[float] = []
    syncs: list[float] = []
    probe = _SyncProbe(data_dir)
    try:
        while len(times) < calls:
            attempt = store.start_attempt(profile_id, "modul-0001", "1.0.0", plan)
            for position in range(min(plan_length, calls - len(times))):
                syncs.append(probe())
                begin = time.perf_counter()
                store.record_answer(
                    attempt.id, position, plan[position].question_key, [position % 4], 1.0
                )
                times.append((time.perf_counter() - begin) * 1000)
            store.finish_attempt(attempt.id, 50.0, False)
            store.checkpoint()
    finally:
        probe.close()
    return [
        Figure(
            "History: record one answer (p95)",
            percentile(times, 95),
            5.0,
            "ms",
            f"{calls} calls, median {median(times):.1f} ms, max {max(times):.1f} ms; "
            "WAL + synchronous=FULL, one fdatasync per answer, Core upsert",
            times,
        ),
        Figure(
            "History: one fdatasync of the disk (p95)",
            percentile(syncs, 95),
            None,
            "ms",
            f"{calls} syncs between the answers, median {median(syncs):.2f} ms, "
            f"max {max(syncs):.1f} ms; the floor under each answer",
            syncs,
        ),
    ]
