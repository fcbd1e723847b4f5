"""The window keeps answering while slow work runs, and work that outlives its window is
dropped quietly.

A `GapMeter` is a timer on the GUI thread that fires every 10 ms; the longest pause between
two of its ticks is how long the event loop was blocked. Two things that say nothing about
the app are taken out, so the test holds on a machine shared with other work:

- the time the operating system kept the GUI thread waiting for a processor (Linux reports it
  per thread as the run delay in /proc/self/task/<id>/schedstat; a sleep or a wait for
  Python's lock is not counted there, so those still show as stalls);
- full garbage collections over the objects earlier tests left in this process: they are
  frozen out of collection while the meter runs.
"""

from __future__ import annotations

import gc
import logging
import shutil
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from ui_helpers import AnsweringDialogs

from kompetenz.content.loader import load_course
from kompetenz.store import ProgressStore, create_backup, open_store
from kompetenz.ui.main_window import MainWindow
from kompetenz.ui.ops import Ops
from kompetenz.ui.services import AppServices

REPO_ROOT = Path(__file__).resolve().parents[2]


class GapMeter:
    """The longest time the GUI thread's event loop went without running a 10 ms timer, less
    the time the thread waited for a processor."""

    def __init__(self) -> None:
        self.longest = 0.0
        self._last = (time.perf_counter(), 0.0)
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._tick)
        self._schedstat = Path(f"/proc/self/task/{threading.get_native_id()}/schedstat")

    def __enter__(self) -> GapMeter:
        gc.collect()
        gc.freeze()
        self._last = self._now()
        self._timer.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._tick()
        self._timer.stop()
        gc.unfreeze()

    def _now(self) -> tuple[float, float]:
        """The wall clock, and how long this thread has waited for a processor (seconds)."""
        try:
            waited = int(self._schedstat.read_text().split()[1]) / 1e9
        except (OSError, IndexError, ValueError):  # not Linux: count every pause
            waited = 0.0
        return time.perf_counter(), waited

    def _tick(self) -> None:
        now, waited = self._now()
        stalled = (now - self._last[0]) - (waited - self._last[1])
        self.longest = max(self.longest, stalled)
        self._last = (now, waited)


@pytest.fixture(scope="module")
def long_history(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """The benchmark's long history (5,000 attempts, 100,000 answers), built once."""
    sys.path.insert(0, str(REPO_ROOT))  # benchmarks/ is not part of the package
    try:
        from benchmarks.history import FULL, build_history
    finally:
        sys.path.remove(str(REPO_ROOT))
    data_dir = tmp_path_factory.mktemp("history") / "data"
    return data_dir, build_history(data_dir, FULL)


def _window(qtbot, store: ProgressStore, sample_content: Path, save_to: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    assert store.data_dir is not None
    services = AppServices(
        course=load_course([sample_content]),
        data_dir=store.data_dir,
        dialogs=AnsweringDialogs(save_to),
    )
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.attach_store(store, show_first_screen=False)
    return window


@pytest.fixture
def history_store(long_history: tuple[Path, int], tmp_path: Path) -> Iterator[ProgressStore]:
    source, _ = long_history
    data_dir = tmp_path / "data"
    shutil.copytree(source, data_dir)
    with open_store(data_dir) as store:
        yield store


def test_the_meter_sees_a_sleep_and_a_worker_that_holds_pythons_lock(qtbot) -> None:  # type: ignore[no-untyped-def]
    """What the old code did (sleeping on the GUI thread; long work on a worker that keeps
    Python's lock) must show as a stall, or the tests below could never fail."""
    with GapMeter() as slept:
        QTimer.singleShot(30, lambda: time.sleep(0.3))
        qtbot.wait(400)
    assert slept.longest >= 0.25
    done = threading.Event()
    with GapMeter() as starved:
        # One C call over 20 million numbers never lets go of the lock in between.
        threading.Thread(target=lambda: (sum(range(20_000_000)), done.set())).start()
        qtbot.waitUntil(done.is_set, timeout=30_000)
    assert starved.longest >= 0.1


def test_five_wrong_passwords_never_block_the_event_loop(  # type: ignore[no-untyped-def]
    qtbot, main_window: MainWindow, store: ProgressStore
) -> None:
    """Each wrong try doubles the wait (0.5, 1, 2, 4 s): shown as a countdown, never slept."""
    locked = store.create_profile("Gesperrt", password="richtig123")
    store.create_profile("Offen")
    dialogs = main_window.services.dialogs
    assert isinstance(dialogs, AnsweringDialogs)
    dialogs.password = "falsch"
    main_window.profiles.show_chooser()
    page = main_window.profile_page
    with GapMeter() as meter:
        for attempt in range(1, 6):
            qtbot.waitUntil(page.profile_list.isEnabled, timeout=20_000)  # the countdown ended
            page.profile_chosen.emit(locked.id)
            qtbot.waitUntil(lambda n=attempt: len(dialogs.messages) == n, timeout=20_000)
            assert "not correct" in dialogs.messages[-1]
    assert main_window.profile is None
    assert store.password_delay(locked.id) > 0  # the back-off is there, only not slept here
    assert meter.longest < 0.1, f"the event loop stood still for {meter.longest:.3f} s"


def test_the_record_of_a_long_history_is_made_while_the_window_answers(  # type: ignore[no-untyped-def]
    qtbot, history_store: ProgressStore, long_history: tuple[Path, int], sample_content: Path,
    tmp_path: Path
) -> None:
    _, learner_id = long_history
    target = tmp_path / "Lernnachweis.pdf"
    window = _window(qtbot, history_store, sample_content, target)
    window.use_profile(history_store.get_profile(learner_id))
    with GapMeter() as meter:
        window.certificates.export_portfolio()
        assert window.busy_bar.isVisible()
        qtbot.waitUntil(lambda: not window.busy_bar.isVisible(), timeout=300_000)
    assert target.read_bytes().startswith(b"%PDF")
    assert target.stat().st_size > 100_000  # every module and attempt of the history in it
    assert meter.longest < 0.25, f"the event loop stood still for {meter.longest:.3f} s"


def test_deleting_a_profile_with_a_long_history_and_backups_keeps_the_window_answering(  # type: ignore[no-untyped-def]
    qtbot, history_store: ProgressStore, long_history: tuple[Path, int], sample_content: Path,
    tmp_path: Path
) -> None:
    _, learner_id = long_history
    assert history_store.data_dir is not None
    for _ in range(3):
        create_backup(history_store.data_dir, "manual")
    window = _window(qtbot, history_store, sample_content, tmp_path / "unused.pdf")
    dialogs = window.services.dialogs
    assert isinstance(dialogs, AnsweringDialogs)
    window.profiles.show_chooser()
    with GapMeter() as meter:
        window.profile_page.delete_requested.emit(learner_id)
        qtbot.waitUntil(lambda: bool(dialogs.messages), timeout=300_000)
    assert "was deleted" in dialogs.messages[-1]
    assert "3 backups" in dialogs.messages[-1]
    assert learner_id not in {p.id for p in history_store.list_profiles()}
    assert meter.longest < 0.25, f"the event loop stood still for {meter.longest:.3f} s"


def test_a_job_that_finishes_after_its_window_closed_does_nothing(  # type: ignore[no-untyped-def]
    qtbot, main_window: MainWindow, caplog: pytest.LogCaptureFixture
) -> None:
    delivered: list[object] = []
    caplog.set_level(logging.DEBUG)
    main_window.run_busy(
        "", lambda: time.sleep(0.3) or "spät", delivered.append, delivered.append
    )
    main_window.close()  # waits for the running job, whose outcome then has nowhere to go
    qtbot.wait(100)
    QApplication.processEvents()
    assert delivered == []
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


def test_a_job_whose_requester_was_destroyed_is_dropped_quietly(  # type: ignore[no-untyped-def]
    qtbot, caplog: pytest.LogCaptureFixture
) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    requester = QWidget()
    ops = Ops(owner)
    busy: list[bool] = []
    ops.busy_changed.connect(busy.append)
    delivered: list[object] = []
    caplog.set_level(logging.DEBUG)
    ops.run(lambda: time.sleep(0.2) or 1, delivered.append, delivered.append, requester=requester)
    requester.deleteLater()
    qtbot.waitUntil(lambda: busy == [True, False], timeout=5000)
    assert delivered == []
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    # The next operation of a living requester still arrives, on the GUI thread.
    ops.run(lambda: 2, delivered.append, delivered.append, requester=owner)
    qtbot.waitUntil(lambda: delivered == [2], timeout=5000)
