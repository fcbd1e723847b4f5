"""Operations: store and file work off the GUI thread, the outcome back on it.

In the spirit of Anki's `CollectionOp` / `QueryOp`: a page or flow hands `Ops.run` the work
(a plain function, run on the window's ONE worker thread, so two operations never race each
other in the database) and what to do with the result or the error (run on the GUI thread).
While anything runs, `busy_changed(True)` lets the window show its busy indicator.

An outcome is delivered only while the window is open and the `requester` (the widget or
flow that asked) still exists: a job that finishes after its window closed does nothing,
quietly, instead of touching widgets that are gone.

Work that holds Python's lock for long stretches (drawing a PDF, turning 100,000 rows into
objects) would starve the GUI thread even on a worker; such work runs in a child process
(`record_job.py`), and the worker only waits for it.

Signals:
    busy_changed(bool): whether any operation is running.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

_log = logging.getLogger(__name__)


class Relay(QObject):
    """Lives on the GUI thread; its queued signal carries the outcome back there."""

    finished = Signal(bool, object)  # succeeded, result or error


class Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: Relay) -> None:
        super().__init__()
        self.work = work
        self.relay = relay

    def run(self) -> None:
        try:
            outcome: tuple[bool, object] = (True, self.work())
        except Exception as error:
            outcome = (False, error)
        # RuntimeError: the window was destroyed meanwhile, nobody is left to tell.
        with contextlib.suppress(RuntimeError):
            self.relay.finished.emit(*outcome)


class Ops(QObject):
    """The window's operations runner (one worker thread)."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pool.setExpiryTimeout(-1)  # one thread, kept: no start-up cost per operation
        self._relays: set[Relay] = set()
        self._closed = False

    @property
    def busy(self) -> bool:
        return bool(self._relays)

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
        *,
        requester: QObject | None = None,
    ) -> None:
        """Run `work` on the worker; then `on_done(result)` or `on_error(exception)` on the
        GUI thread, unless the window closed or `requester` was destroyed meanwhile."""
        if self._closed:
            return
        relay = Relay()
        first = not self._relays
        self._relays.add(relay)

        def finished(succeeded: bool, value: object) -> None:
            self._settle(relay)
            if not self._may_deliver(requester):
                _log.debug("an operation finished after its window closed; result dropped")
                return
            if succeeded:
                on_done(value)
            else:
                assert isinstance(value, Exception)
                on_error(value)

        relay.finished.connect(finished)
        self._pool.start(Job(work, relay))
        if first:
            self.busy_changed.emit(True)

    def _settle(self, relay: Relay) -> None:
        self._relays.discard(relay)
        if not self._relays and shiboken6.isValid(self) and not self._closed:
            self.busy_changed.emit(False)

    def _may_deliver(self, requester: QObject | None) -> bool:
        if self._closed or not shiboken6.isValid(self):
            return False
        return requester is None or shiboken6.isValid(requester)

    def close(self, wait_ms: int = 5000) -> None:
        """The window is closing: outcomes still to come are dropped. Waits (up to `wait_ms`)
        for the running operation, so a database write or a backup is not cut off halfway
        when the process ends."""
        self._closed = True
        self._pool.clear()  # operations not yet started never start
        self._pool.waitForDone(wait_ms)
