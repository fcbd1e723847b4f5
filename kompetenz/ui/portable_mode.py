"""Portable mode in the window: the note in the status bar, Qt's own settings kept in the data
folder, and the refusal to start where the data folder cannot be written (see datadir.py)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox

from kompetenz.ui.i18n import install_translators

PORTABLE_LABEL = "portableModeLabel"


def refuse_to_start(app: QApplication, problem: str, *, ask: bool) -> int:
    """Portable mode on a write-protected stick: say so, write nothing anywhere, exit 1.
    The settings cannot be read from there, so the dialog is in the default language; the
    self-test (`ask=False`) only prints the message: nobody is there to close a dialog."""
    print(problem, file=sys.stderr)
    if ask:
        install_translators(app, "de")
        title = QCoreApplication.translate("MainWindow", "Kompetenz cannot save here")
        QMessageBox.critical(None, title, problem)
    return 1


def keep_qt_settings_in(data_dir: Path) -> None:
    """What Qt itself stores through QSettings (e.g. the file dialog's last folder in
    `QtProject.conf`) goes to the data folder, not into the user's profile. On Windows Qt
    keeps the registry for its native format; see docs/packaging.md."""
    folder = str(data_dir / "qt")
    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, folder)


def show_portable_mode(window: QMainWindow, data_dir: Path) -> QLabel:
    """A permanent note in the status bar: this copy keeps its data beside the program."""
    label = QLabel(QCoreApplication.translate("MainWindow", "Portable mode"))
    label.setObjectName(PORTABLE_LABEL)
    label.setToolTip(
        QCoreApplication.translate("MainWindow", "Your data is stored beside the program, in %1")
        .replace("%1", str(data_dir))
    )
    label.setAccessibleName(label.text())
    window.statusBar().addPermanentWidget(label)
    return label
