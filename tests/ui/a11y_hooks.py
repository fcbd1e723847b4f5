"""Listening to what the app tells assistive technology, through Qt's own update hook.

PySide6 does not wrap `QAccessible::installUpdateHandler`, the hook Qt's own accessibility
tests use; it is called here from the Qt library PySide6 ships, through ctypes. Every
accessibility event the app sends (focus, name changes, announcements) then reaches
`AccessibilityEvents.record` instead of the platform's bridge (AT-SPI on Linux).
"""

from __future__ import annotations

import ctypes
import sys
from pathlib import Path

import PySide6
import shiboken6
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent

_HANDLER = ctypes.CFUNCTYPE(None, ctypes.c_void_p)
_INSTALL = "_ZN11QAccessible20installUpdateHandlerEPFvP16QAccessibleEventE"


def _qt_gui() -> ctypes.CDLL:
    folder = Path(PySide6.__file__).parent / "Qt" / "lib"
    names = sorted(folder.glob("libQt6Gui.so*")) if sys.platform.startswith("linux") else []
    if not names:
        raise RuntimeError("the accessibility hook needs Linux and PySide6's own Qt libraries")
    return ctypes.CDLL(str(names[0]))


class AccessibilityEvents:
    """Records announcements (message, politeness) and the objects that got the focus."""

    def __init__(self) -> None:
        self.announcements: list[tuple[str, QAccessible.AnnouncementPoliteness]] = []
        self.focused: list[object] = []
        self._callback = _HANDLER(self.record)
        self._install = _qt_gui()[_INSTALL]
        self._install.restype = ctypes.c_void_p
        self._install.argtypes = [ctypes.c_void_p]
        self._previous: int | None = None

    def start(self) -> None:
        QAccessible.setActive(True)  # Qt sends nothing while no assistive technology listens
        self._previous = self._install(ctypes.cast(self._callback, ctypes.c_void_p))

    def stop(self) -> None:
        self._install(self._previous)
        QAccessible.setActive(False)

    def record(self, address: int) -> None:
        event = shiboken6.wrapInstance(address, QAccessibleEvent)
        if event.type() == QAccessible.Event.Announcement:
            announcement = shiboken6.wrapInstance(address, QAccessibleAnnouncementEvent)
            self.announcements.append((announcement.message(), announcement.politeness()))
        elif event.type() == QAccessible.Event.Focus:
            self.focused.append(event.object())

    def messages(self) -> list[str]:
        return [message for message, _politeness in self.announcements]
