"""Counting the time a learner actually spends in a lesson, idle time left out.

Every tick adds the tick's length only if the window is active and the learner has touched the
mouse or keyboard within the idle limit, so a lesson left open over lunch does not count.

Signals:
    active_tick(seconds): the learner was active for this many seconds.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class ActivityTracker(QObject):
    active_tick = Signal(float)

    def __init__(
        self, window: QWidget, tick_seconds: float = 15.0, idle_limit_seconds: float = 120.0
    ) -> None:
        super().__init__(window)
        self._window = window
        self._tick = tick_seconds
        self._idle_limit = idle_limit_seconds
        self._last_input = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setInterval(int(tick_seconds * 1000))
        self._timer.timeout.connect(self._on_timer_timeout)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def start(self) -> None:
        self._last_input = time.monotonic()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self._last_input = time.monotonic()
        return False

    def _on_timer_timeout(self) -> None:
        idle = time.monotonic() - self._last_input
        if self._window.isActiveWindow() and idle <= self._idle_limit:
            self.active_tick.emit(self._tick)
