"""The main window: one stack of pages, the menus, and the wiring between them.

It holds no learner data and no use case of its own: what the learner does goes to the
`LearnerSession` (kompetenz/learning/session.py) through small controllers — `LearningFlow`
(home, modules, lessons, quiz), `ProfileFlow` (choose, create, delete, passwords),
`CertificateFlow` (certificates and the learning record) and `PackFlow` (content packs).
Slow work runs through `ops` (ui/ops.py) on one worker thread; the busy bar shows meanwhile.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QProgressBar, QStackedWidget, QWidget

from kompetenz.content.loader import Course
from kompetenz.learning.startup import LearnerData
from kompetenz.ui import page_builders as build
from kompetenz.ui.activity import ActivityTracker
from kompetenz.ui.certificate_flow import CertificateFlow
from kompetenz.ui.home_page import HomePage
from kompetenz.ui.lazy_page import LazyPage, is_built
from kompetenz.ui.learning_flow import LearningFlow
from kompetenz.ui.menus import build_menus
from kompetenz.ui.ops import Ops
from kompetenz.ui.pack_flow import PackFlow
from kompetenz.ui.profile_flow import ProfileFlow
from kompetenz.ui.services import AppServices
from kompetenz.ui.storage import school_server
from kompetenz.ui.text import fill

# For annotations only: each is imported where it is first needed, after the first paint.
if TYPE_CHECKING:
    from kompetenz.content.model import Module
    from kompetenz.learning.session import LearnerSession
    from kompetenz.store import ProgressStore, ReadOnlyReader
    from kompetenz.store.records import ProfileRecord


class MainWindow(QMainWindow):
    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.services = services
        self.data = LearnerData()  # the quick first-screen reader, then the store
        self.session: LearnerSession | None = None  # the learner's, once a profile is chosen
        self.setWindowTitle("Kompetenz")
        self.resize(1100, 760)
        self.lesson_zoom = 0  # the learner's text size in lessons, kept until the reader exists
        self.stack = QStackedWidget()
        self.home_page = HomePage(services.course)
        self.stack.addWidget(self.home_page)
        self.setCentralWidget(self.stack)
        self.ops = Ops(self)
        self.activity = ActivityTracker(self)
        self.learning = LearningFlow(self)
        self.profiles = ProfileFlow(self)
        self.certificates = CertificateFlow(self)
        self.packs = PackFlow(self)
        self.menu_actions = build_menus(self)
        self.home_page.module_chosen.connect(self.learning.open_module)
        self.home_page.continue_requested.connect(self.learning.continue_lesson)
        self.home_page.tour_dismissed.connect(self.learning.dismiss_tour)
        self.home_page.role_change_requested.connect(self.profiles.change_role)
        self.activity.active_tick.connect(self.learning.count_reading_time)
        self.busy_bar = QProgressBar()
        self.busy_bar.setObjectName("busyIndicator")
        self.busy_bar.setAccessibleName(self.tr("Working…"))
        self.busy_bar.setRange(0, 0)  # an indeterminate bar: something is happening
        self.busy_bar.setMaximumWidth(160)
        self.busy_bar.hide()
        self.statusBar().addPermanentWidget(self.busy_bar)
        self.ops.busy_changed.connect(self.busy_bar.setVisible)
        self._closing = threading.Event()  # tells background work that the window is closing
        self.statusBar().showMessage(self.tr("Opening your data…"))

    welcome_page = LazyPage(build.build_welcome_page)
    profile_page = LazyPage(build.build_profile_page)
    module_page = LazyPage(build.build_module_page)
    lesson_page = LazyPage(build.build_lesson_page)
    quiz_page = LazyPage(build.build_quiz_page)
    result_page = LazyPage(build.build_result_page)
    search_page = LazyPage(build.build_search_page)
    progress_page = LazyPage(build.build_progress_page)
    help_page = LazyPage(build.build_help_page)
    school_page = LazyPage(build.build_school_page)

    def save_note_now(self) -> None:
        """Before leaving the reader: the note being typed is saved (if the reader exists)."""
        if is_built(self, "lesson_page"):
            self.lesson_page.save_note_now()

    # -- the learner's data -------------------------------------------------------------------

    @property
    def store(self) -> ProgressStore | None:
        """The store, its opening finished here if it is still under way (see LearnerData)."""
        return self.data.store

    @property
    def store_is_open(self) -> bool:
        return self.data.is_open

    @property
    def is_closing(self) -> bool:
        return self._closing.is_set()

    @property
    def profile(self) -> ProfileRecord | None:
        return None if self.session is None else self.session.profile

    @property
    def module(self) -> Module | None:
        return self.learning.module

    def show_first_screen(self, reader: ReadOnlyReader, open_store_now: Callable[[], None]) -> None:
        """The start screen from the read-only reader while the store opens in the background;
        `open_store_now` runs only if the learner needs the store before then."""
        self.data.begin_with(reader, open_store_now)
        self.profiles.start()

    def attach_store(self, store: ProgressStore, *, show_first_screen: bool = True) -> None:
        """Called once the database is open; without `show_first_screen` the screen the
        reader filled stays as it is."""
        self.data.attach(store)
        server = school_server()
        self.statusBar().showMessage(
            fill(self.tr("Your data is stored in %1"), self.services.data_dir)
            if server is None
            else fill(self.tr("Your data is stored on your school's server %1"), server),
            8000,
        )
        if show_first_screen:
            self.profiles.start()

    def use_profile(self, profile: ProfileRecord) -> None:
        self.session = self.data.session_for(profile, self.services.course)
        preferences = self.session.preferences()
        self.home_page.set_learner(
            profile.name, show_tour=not preferences.tour_seen, role=profile.role
        )
        self.lesson_zoom = preferences.lesson_zoom
        if is_built(self, "lesson_page"):
            self.lesson_page.set_zoom(self.lesson_zoom)
        self.menu_actions.set_profile_open(True)
        self.activity.start()
        self.show_home()

    def leave_profile(self) -> None:
        """Before another profile is chosen: save what is pending, stop counting time."""
        self.save_note_now()
        self.activity.stop()
        self.session = None
        self.learning.module = None
        self.menu_actions.set_profile_open(False)

    def set_course(self, course: Course) -> None:
        """The course changed (a content pack was installed): show and index the new one."""
        self.services.course = course
        if self.session is not None:
            self.session.course = course
        self.home_page.set_course(course)
        if is_built(self, "progress_page"):
            self.progress_page.course = course
        self.learning.search_built_for = None  # rebuilt when the search is next opened
        if is_built(self, "search_page"):
            self.search_page.set_index(None)

    def run_busy(
        self,
        message: str,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
        requester: QObject | None = None,
    ) -> None:
        """An operation off the GUI thread (see ui/ops.py), with `message` in the status bar."""
        if message:
            self.statusBar().showMessage(message)
        self.ops.run(work, on_done, on_error, requester=requester)

    # -- navigation -------------------------------------------------------------------------

    def show_home(self) -> None:
        self.learning.show_home()

    def open_module(self, module_id: str) -> None:
        self.learning.open_module(module_id)

    def open_lesson(self, file_name: str) -> None:
        self.learning.open_lesson(file_name)

    def start_quiz(self) -> None:
        self.learning.start_quiz()

    def show_search(self) -> None:
        self.learning.show_search()

    def show_progress(self) -> None:
        self.learning.show_progress()

    def show_school(self) -> None:
        """The head teacher's overview (Schulleitung): completions released or handed in."""
        if self.store is not None:
            self.save_note_now()
            self.school_page.show_store(self.store)
            self.stack.setCurrentWidget(self.school_page)

    def show_help(self) -> None:
        self.save_note_now()
        self.stack.setCurrentWidget(self.help_page)
        self.help_page.view.setFocus()

    # -- closing ----------------------------------------------------------------------------

    def bring_to_front(self) -> None:
        """Another start of Kompetenz asked for this window (see single_instance.py)."""
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:
        from kompetenz.ui.settings import save_window_geometry, settings_path

        self._closing.set()
        self.save_note_now()
        self.activity.stop()
        # Only the window's size and place; if it cannot be saved, nothing of the learner's is lost.
        with contextlib.suppress(OSError):
            save_window_geometry(settings_path(self.services.data_dir), self.saveGeometry())
        self.ops.close()  # outcomes still to come are dropped; a running write may finish
        self.data.close()
        super().closeEvent(event)
