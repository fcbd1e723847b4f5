"""Starting the app: window first, the learner's progress next, SQLAlchemy last.

1. The module list only needs the manifests (from the content cache), so the window shows it
   at once.
2. After the first paint, a read-only snapshot (plain sqlite3, `store/snapshot.py`) puts the
   learner's progress on the home page: the app is ready for input.
3. Meanwhile a worker thread imports SQLAlchemy and the store, which then opens on the GUI
   thread. If the learner needs the store before that, `MainWindow.store` opens it at once.

A first start, a database to migrate or repair, or another database engine skip step 2: the
store opens at once, as it knows how to explain and repair.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from kompetenz.content.loader import load_course
from kompetenz.datadir import (
    database_url_override,
    installed_content_dir,
    is_portable,
    portable_problem,
    resolve_data_dir,
)
from kompetenz.logsetup import configure_logging
from kompetenz.resources import bundled_content_dir, resource_path
from kompetenz.ui.background import run_in_background
from kompetenz.ui.crash_dialog import install_excepthook
from kompetenz.ui.i18n import install_translators
from kompetenz.ui.main_window import MainWindow
from kompetenz.ui.portable_mode import keep_qt_settings_in, refuse_to_start, show_portable_mode
from kompetenz.ui.services import AppServices
from kompetenz.ui.settings import load_settings, load_window_geometry, settings_path
from kompetenz.ui.style import apply_appearance

if TYPE_CHECKING:
    from kompetenz.store.errors import DatabaseCorrupt


STORE_IMPORT_DELAY_MS = 150


def run_app(args: argparse.Namespace, qt_args: list[str]) -> int:
    app = QApplication([sys.argv[0], *qt_args])
    app.setApplicationName("kompetenz")
    app.setApplicationDisplayName("Kompetenz")
    app.setDesktopFileName("de.kompetenz.Kompetenz")
    app.setWindowIcon(QIcon(str(resource_path("icons", "kompetenz.svg"))))
    data_dir = resolve_data_dir(args.data_dir)
    if (problem := portable_problem(data_dir)) is not None:
        return refuse_to_start(app, problem, ask=not getattr(args, "selftest", False))
    if is_portable(data_dir):
        keep_qt_settings_in(data_dir)
    log_path = configure_logging(data_dir)
    # Uncaught errors go to the log and a calm dialog, never a bare traceback.
    app.setProperty("kompetenz_crash_reporter", install_excepthook(app, data_dir, log_path))
    settings_file = settings_path(data_dir)
    settings = load_settings(settings_file)
    install_translators(app, settings.language)
    apply_appearance(settings)
    roots = content_roots(args, data_dir)
    services = AppServices(
        course=load_course(roots, cache_dir=data_dir), data_dir=data_dir, content_roots=roots
    )
    window = MainWindow(services)
    geometry = load_window_geometry(settings_file)
    if geometry is not None:
        window.restoreGeometry(geometry)
    if is_portable(data_dir):
        show_portable_mode(window, data_dir)
    if getattr(args, "selftest", False):
        from kompetenz.ui.selftest import start_selftest

        start_selftest(app, window)
    window.show()
    # The learner's data only after the window has been painted.
    after_first_paint(window, lambda: open_learner_data(window, services))
    return app.exec()


class _FirstPaint(QObject):
    """Calls `then` once: in a zero-timer after the window's first paint, or after 2 s.

    A zero-timer right after show() can run before the window is painted, so the event
    filter waits for the paint; the fallback covers a window started minimised.
    """

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._then: Callable[[], None] | None = then
        window.installEventFilter(self)
        QTimer.singleShot(2000, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._fire)
        return False

    def _fire(self) -> None:
        if self._then is not None:
            then, self._then = self._then, None
            then()


def after_first_paint(window: QWidget, then: Callable[[], None]) -> None:
    _FirstPaint(window, then)


def content_roots(args: argparse.Namespace, data_dir: Path) -> list[Path]:
    """The bundled course first (installed packs can never shadow it), then installed packs."""
    if args.content_dir:
        return [Path(p) for p in args.content_dir]
    return [bundled_content_dir(), installed_content_dir(data_dir)]


def open_learner_data(window: MainWindow, services: AppServices) -> None:
    """The first screen from a read-only snapshot, then the store opened in the background;
    the store at once where a snapshot will not do."""
    from kompetenz.store import ReadOnlyReader  # after the first paint, like all learner data

    snapshot = None
    if database_url_override() is None and _lock_data_dir(services):
        snapshot = ReadOnlyReader.open(services.data_dir)
    if snapshot is None:
        open_store_into(window, services)
        return
    try:
        window.show_first_screen(
            snapshot, lambda: open_store_into(window, services, show_first_screen=False)
        )
    except (ReadOnlyReader.Error, ValueError):
        # The file changed under the snapshot or holds something it cannot read: the store
        # opens now, shows the first screen again, and explains any problem itself.
        open_store_into(window, services)
        return
    # The import holds Python's lock for most of half a second; starting it once the first
    # screen has settled keeps it from halving the speed of the module list's layout (500
    # modules in a big course) and of the learner's first keys and clicks.
    QTimer.singleShot(
        STORE_IMPORT_DELAY_MS,
        window,
        lambda: run_in_background(
            _import_store,
            lambda _: _store_imported(window, services),
            lambda _error: _store_imported(window, services),  # opening will say what is wrong
        ),
    )


def _lock_data_dir(services: AppServices) -> bool:
    """One running copy per data folder: two writers could each undo the other's work."""
    from kompetenz.store import acquire_data_dir_lock
    from kompetenz.store.errors import DataDirLocked

    if services.lock is None:
        try:
            services.lock = acquire_data_dir_lock(services.data_dir)
        except DataDirLocked:
            return False  # open_store_into tries again and offers the running copy
    return True


def _import_store() -> None:
    """SQLAlchemy, the models and the store: the slow imports of a start, on a worker thread."""
    from kompetenz import store

    store.open_store, store.backup_if_due  # noqa: B018 - each name imports its module


def _store_imported(window: MainWindow, services: AppServices) -> None:
    if not window.is_closing and not window.store_is_open:
        open_store_into(window, services, show_first_screen=False)


def open_store_into(
    window: MainWindow, services: AppServices, *, show_first_screen: bool = True
) -> None:
    """Open the learner's data; on failure say what to do, and never pretend to save."""
    from kompetenz.store import acquire_data_dir_lock, backup_if_due, open_store
    from kompetenz.store.errors import DatabaseCorrupt, DataDirLocked, StoreError

    try:
        # One running copy per data folder (see _lock_data_dir).
        if services.lock is None:
            services.lock = acquire_data_dir_lock(services.data_dir)
        store = open_store(services.data_dir, database_url_override())
    except DataDirLocked as error:
        offer_running_copy(window, services.data_dir, str(error))
        return
    except DatabaseCorrupt as error:
        if not (error.backups and offer_restore(window, services, error)):
            window.close()
        return
    except StoreError as error:
        QMessageBox.critical(
            window,
            QCoreApplication.translate("MainWindow", "Your data cannot be opened"),
            str(error),
        )
        window.close()
        return
    window.attach_store(store, show_first_screen=show_first_screen)
    from kompetenz.ui.single_instance import InstanceServer  # QtNetwork: not before the paint

    server = InstanceServer(services.data_dir, window)
    server.raise_requested.connect(window.bring_to_front)
    if not store.backend.supports_file_backups:
        return  # a school server is backed up by its administration, not by each PC
    # The daily copy of a long history takes a moment: off the GUI thread, like other slow work.
    data_dir = services.data_dir
    window.run_busy(
        "",
        lambda: backup_if_due(data_dir),
        lambda _: None,
        lambda error: window.statusBar().showMessage(
            QCoreApplication.translate("MainWindow", "The daily backup failed: %1").replace(
                "%1", str(error)
            )
        ),
    )


def offer_running_copy(window: MainWindow, data_dir: Path, message: str) -> None:
    """Another copy owns this data folder: bring it forward, or quit."""
    from kompetenz.ui.single_instance import ask_running_copy_to_raise

    translate = QCoreApplication.translate
    box = QMessageBox(window)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(translate("MainWindow", "Kompetenz is already open"))
    box.setText(message)
    show = box.addButton(
        translate("MainWindow", "Show the open window"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(translate("MainWindow", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is show:
        ask_running_copy_to_raise(data_dir)
    window.close()


def offer_restore(window: MainWindow, services: AppServices, error: DatabaseCorrupt) -> bool:
    """A damaged database: offer the newest backup instead of starting empty over it.

    If the learner agrees (True), the backup is checked and copied back as an operation off
    the GUI thread, and the data opens once it is back. The damaged file is kept beside it
    (renamed), so nothing is destroyed either way.
    """
    from kompetenz.store import restore_backup

    translate = QCoreApplication.translate
    question = "\n\n".join(
        (
            str(error),
            translate(
                "MainWindow",
                "Kompetenz can restore the newest backup. The damaged file is kept beside it.",
            ),
            translate("MainWindow", "Restore the newest backup"),
        )
    )
    title = translate("MainWindow", "Your data cannot be opened")
    if not services.dialogs.confirm(window, title, question + "?"):
        return False

    def failed(failure: Exception) -> None:
        services.dialogs.inform(window, translate("MainWindow", "Restore failed"), str(failure))
        window.close()

    data_dir, backup_id, lock = services.data_dir, error.backups[0], services.lock
    window.run_busy(
        "",
        lambda: restore_backup(data_dir, backup_id, lock=lock),
        lambda _: open_store_into(window, services),
        failed,
    )
    return True
