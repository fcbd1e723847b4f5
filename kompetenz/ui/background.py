"""Work that is not the learner's data (rendering lessons ahead, the search index, importing
the store at start-up) off the GUI thread, the result back on it.

Store and file work goes through the window's `Ops` (ops.py) instead: one worker, outcomes
tied to the window's life. This runs on Qt's global pool, beside it, so a long index build
never makes an operation wait.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QThreadPool

from kompetenz.ui.ops import Job, Relay

_running: set[Relay] = set()


def run_in_background(
    work: Callable[[], Any], on_done: Callable[[Any], None], on_error: Callable[[Exception], None]
) -> None:
    relay = Relay()
    _running.add(relay)

    def finished(succeeded: bool, value: Any) -> None:
        _running.discard(relay)
        if succeeded:
            on_done(value)
        else:
            on_error(value)

    relay.finished.connect(finished)
    QThreadPool.globalInstance().start(Job(work, relay))
