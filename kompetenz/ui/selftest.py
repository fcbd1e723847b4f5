"""`kompetenz --selftest`: start the app the normal way, check it is complete, and quit.

For school IT after a roll-out and for the smoke test of the frozen app (scripts/smoke-frozen):
the real start path runs (data folder, settings, translations, course, window, database and
its migrations), and the app exits 0 only when the first screen is shown and the parts a
frozen build can lose are there: Qt's translations and ours, the style sheet, the window icon
(SVG), the image formats lessons use, the platform and print plugins of this system.
The report goes to standard output, in German; status 1 names what is missing.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QLibraryInfo, QObject, QTimer
from PySide6.QtGui import QImageReader
from PySide6.QtWidgets import QApplication, QLabel

from kompetenz.ui.main_window import MainWindow
from kompetenz.ui.portable_mode import PORTABLE_LABEL

TIMEOUT_MS = 60_000  # an old school PC on a first start, with migrations
POLL_MS = 50
IMAGE_FORMATS = ("png", "jpeg", "gif", "svg")  # what lessons may show (docs/content-format.md)


def native_plugins() -> dict[str, str]:
    """Plugin folder → the plugin this operating system needs from it (file name part)."""
    if sys.platform.startswith("linux"):
        return {"platforms": "xcb", "printsupport": "cups"}
    if sys.platform == "win32":
        return {"platforms": "windows"}  # printing is built into the Windows platform plugin
    if sys.platform == "darwin":
        return {"platforms": "cocoa"}
    return {}


class SelfTest(QObject):
    """Waits for the first screen and the open database, then checks and quits the app."""

    def __init__(self, app: QApplication, window: MainWindow) -> None:
        super().__init__(window)
        self._app = app
        self._window = window
        self._poll = QTimer(self)
        self._poll.timeout.connect(self._wait_for_first_screen)
        self._poll.start(POLL_MS)
        QTimer.singleShot(TIMEOUT_MS, self, self._give_up)

    def _first_screen(self) -> str | None:
        """The page the learner sees first, once it is chosen and the database is open."""
        window = self._window
        page = window.stack.currentWidget()
        chosen = window.profile is not None or page is not window.home_page
        if chosen and window.store_is_open and page is not None and page.isVisible():
            return page.objectName() or type(page).__name__
        return None

    def _wait_for_first_screen(self) -> None:
        page = self._first_screen()
        if page is None:
            return
        self._poll.stop()
        problems = [problem for check in self._checks() if (problem := check()) is not None]
        portable = self._window.statusBar().findChild(QLabel, PORTABLE_LABEL) is not None
        print(
            f"Selbsttest: Startseite gezeigt ({page}), Daten in {self._window.services.data_dir}"
            + (" (portabler Modus)" if portable else "")
        )
        for problem in problems:
            print(f"Selbsttest: FEHLT – {problem}")
        self._finish(1 if problems else 0)

    def _give_up(self) -> None:
        if self._poll.isActive():
            print(f"Selbsttest: FEHLER – keine Startseite nach {TIMEOUT_MS // 1000} s.")
            self._finish(1)

    def _finish(self, status: int) -> None:
        if sys.stdout is not None:  # None in the windowed Windows app (use kompetenz-cli.exe)
            sys.stdout.flush()
        self._window.close()
        self._app.exit(status)

    def _checks(self) -> list[Callable[[], str | None]]:
        return [self._painted, self._translated, self._styled, self._icon, _image_formats,
                _plugins]

    def _painted(self) -> str | None:
        return "Das Fenster lässt sich nicht zeichnen." if self._window.grab().isNull() else None

    def _translated(self) -> str | None:
        translators = self._app.property("kompetenz_translators") or []
        if len(translators) < 2:
            return f"Übersetzungen (Qt und Kompetenz): nur {len(translators)} von 2 geladen."
        return None

    def _styled(self) -> str | None:
        return None if self._app.styleSheet() else "Das Stylesheet (kompetenz.qss) fehlt."

    def _icon(self) -> str | None:
        if self._app.windowIcon().pixmap(32, 32).isNull():
            return "Das Programmsymbol (SVG) lässt sich nicht zeichnen."
        return None


def _image_formats() -> str | None:
    known = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    missing = [name for name in IMAGE_FORMATS if name not in known]
    return f"Bildformate: {', '.join(missing)}" if missing else None


def _plugins() -> str | None:
    from pathlib import Path

    root = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    missing = []
    for folder, name in native_plugins().items():
        files = [p.name for p in (root / folder).glob("*")] if (root / folder).is_dir() else []
        if not any(name in file for file in files):
            missing.append(f"{folder}/{name}")
    return f"Qt-Plugins in {root}: {', '.join(missing)}" if missing else None


def start_selftest(app: QApplication, window: MainWindow) -> SelfTest:
    return SelfTest(app, window)
