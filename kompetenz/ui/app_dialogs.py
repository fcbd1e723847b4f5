"""The settings dialog and the about box, opened from the window's menus.

Their texts keep the translation context "MainWindow": they were the window's own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from kompetenz import __version__
from kompetenz.ui.text import escape, fill

if TYPE_CHECKING:
    from kompetenz.ui.main_window import MainWindow


def open_settings(window: MainWindow) -> None:
    from kompetenz.ui.settings import load_settings, save_settings, settings_path
    from kompetenz.ui.settings_dialog import SettingsDialog
    from kompetenz.ui.style import apply_appearance

    path = settings_path(window.services.data_dir)
    dialog = SettingsDialog(load_settings(path), window)
    if not dialog.exec():
        return
    chosen = dialog.result_settings()
    try:
        save_settings(path, chosen)
    except OSError as error:
        message = QCoreApplication.translate("MainWindow", "The settings could not be saved: %1")
        window.statusBar().showMessage(fill(message, error.strerror or error))
    apply_appearance(chosen)


def show_about(window: MainWindow) -> None:
    from kompetenz.about import version_report
    from kompetenz.datadir import is_portable
    from kompetenz.ui.storage import school_server

    server = school_server()
    text = fill(
        QCoreApplication.translate(
            "MainWindow",
            "<h3>Kompetenz %1</h3><p>An offline course in AI literacy for school staff.</p>"
            "<p>Licence: GPL-3.0-or-later.</p><p>Your data is stored only on this computer, "
            "in:<br/><code>%2</code></p><p>Kompetenz never connects to the internet.</p>",
        )
        if server is None
        else QCoreApplication.translate(
            "MainWindow",
            "<h3>Kompetenz %1</h3><p>An offline course in AI literacy for school staff.</p>"
            "<p>Licence: GPL-3.0-or-later.</p><p>Your data is stored on your school's server:"
            "<br/><code>%2</code></p><p>Kompetenz connects to nothing but that server.</p>",
        ),
        __version__,
        escape(server or str(window.services.data_dir)),
    )
    if is_portable(window.services.data_dir):
        text += QCoreApplication.translate(
            "MainWindow",
            "<p><b>Portable mode:</b> the data folder is beside the program (file "
            "<code>portable</code>); nothing is stored in your user profile.</p>",
        )
    title = QCoreApplication.translate("MainWindow", "About Kompetenz")
    QMessageBox.about(window, title, f"{text}<pre>{escape(version_report())}</pre>")
