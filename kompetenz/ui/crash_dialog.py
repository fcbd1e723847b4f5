"""Uncaught exceptions: the traceback goes to the log, the learner gets a calm German message.

The text is German on purpose and does not go through the translator: it must work even when
the failure is in the translations. Exceptions in worker threads are logged on their thread
and shown on the GUI thread (a queued signal).
"""

from __future__ import annotations

import contextlib
import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox, QWidget

from kompetenz.logsetup import configure_logging

log = logging.getLogger("kompetenz.crash")

TITLE = "Kompetenz – ein Fehler ist aufgetreten"
HEADLINE = "In Kompetenz ist ein unerwarteter Fehler aufgetreten."
DETAILS = (
    "Ihre Daten sind sicher: Jede Antwort und jeder Lernfortschritt wird in dem Moment "
    "gespeichert, in dem Sie ihn eingeben.\n\n"
    "Sie können weiterarbeiten oder Kompetenz beenden und neu starten. Wenn der Fehler "
    "wiederkommt, geben Sie bitte diese Protokolldatei an Ihre IT-Betreuung weiter:\n{log_path}"
)


class CrashDialog(QMessageBox):
    """Non-modal, so a test (and a learner) can go on; no technical details in it."""

    def __init__(self, log_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(TITLE)
        self.setText(HEADLINE)
        self.setInformativeText(DETAILS.format(log_path=log_path))
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.continue_button = self.addButton("Weiter", QMessageBox.ButtonRole.AcceptRole)
        self.continue_button.setObjectName("crashContinueButton")
        self.quit_button = self.addButton("Beenden", QMessageBox.ButtonRole.DestructiveRole)
        self.quit_button.setObjectName("crashQuitButton")
        self.setDefaultButton(self.continue_button)
        self.setModal(False)


class CrashReporter(QObject):
    """Logs uncaught exceptions and shows one `CrashDialog` at a time.

    Signals:
        crash_shown(exception_name): a dialog is now showing for this exception.
    """

    crash_shown = Signal(str)
    _reported = Signal(str)  # from any thread to the GUI thread

    def __init__(
        self, app: QApplication, log_path: Path, quit_app: Callable[[], None] | None = None
    ) -> None:
        super().__init__(app)
        self.log_path = log_path
        self.dialog: CrashDialog | None = None
        self.count = 0
        self._showing = False
        self._quit_app = quit_app or (lambda: app.exit(1))
        self._previous = (sys.excepthook, threading.excepthook)
        self._reported.connect(self._on_reported)

    def handle(
        self, exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._quit_app()
            return
        error = exc if exc is not None else RuntimeError(exc_type.__name__)
        # If logging itself broke, the message to the learner matters more.
        with contextlib.suppress(Exception):
            log.critical("Unerwarteter Fehler", exc_info=(exc_type, error, tb))
        self.count += 1
        if self._showing:
            return  # the error came from showing the dialog: do not loop
        self._showing = True
        try:
            self._reported.emit(exc_type.__name__)
        finally:
            self._showing = False

    def _on_reported(self, name: str) -> None:
        if self.dialog is not None and shiboken6.isValid(self.dialog) and self.dialog.isVisible():
            return  # one dialog, however many errors follow it
        # No parent: the window that failed may be on its way out and would take the dialog along.
        self.dialog = CrashDialog(self.log_path)
        self.dialog.buttonClicked.connect(self._on_dialog_button_clicked)
        self.dialog.show()
        self.crash_shown.emit(name)

    def _on_dialog_button_clicked(self, button: QAbstractButton) -> None:
        if self.dialog is not None and button is self.dialog.quit_button:
            self._quit_app()

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous


def install_excepthook(
    app: QApplication,
    data_dir: Path,
    log_path: Path | None = None,
    *,
    quit_app: Callable[[], None] | None = None,
) -> CrashReporter:
    """Route uncaught exceptions (GUI and worker threads) to the log and the crash dialog.

    Without `log_path`, logging is configured here (`configure_logging(data_dir)`).
    `quit_app` is what "Beenden" does; by default the app exits with status 1.
    """
    if log_path is None:
        log_path = configure_logging(data_dir)
    reporter = CrashReporter(app, log_path, quit_app)
    sys.excepthook = reporter.handle

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        reporter.handle(args.exc_type, args.exc_value, args.exc_traceback)

    threading.excepthook = thread_hook
    return reporter
