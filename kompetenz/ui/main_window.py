"""The main window: one stack of pages, and the glue between pages and services.

It holds no learner data of its own: every change goes to the store at once, and every page
is refreshed from the store when it is shown. Profiles, certificates and content packs have
their own small controllers (profile_flow, certificate_flow, pack_flow); menus.py builds the
menus.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QMessageBox, QProgressBar, QStackedWidget, QWidget

from kompetenz import __version__
from kompetenz.content.loader import Course
from kompetenz.content.model import Module
from kompetenz.store.records import ProfileRecord
from kompetenz.ui.activity import ActivityTracker
from kompetenz.ui.background import run_in_background
from kompetenz.ui.certificate_flow import CertificateFlow
from kompetenz.ui.help_page import HelpPage
from kompetenz.ui.home_page import HomePage
from kompetenz.ui.lesson_page import LessonPage
from kompetenz.ui.menus import build_menus
from kompetenz.ui.module_page import ModulePage
from kompetenz.ui.pack_flow import PackFlow
from kompetenz.ui.profile_flow import ProfileFlow
from kompetenz.ui.profile_page import ProfilePage
from kompetenz.ui.progress_page import ProgressPage
from kompetenz.ui.quiz_page import QuizPage
from kompetenz.ui.result_page import ResultPage
from kompetenz.ui.search_page import SearchPage, scroll_to_text
from kompetenz.ui.services import AppServices
from kompetenz.ui.text import escape, fill
from kompetenz.ui.welcome_page import WelcomePage

if TYPE_CHECKING:
    from kompetenz.store.service import ProgressStore


class MainWindow(QMainWindow):
    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.services = services
        self.store: ProgressStore | None = None
        self.profile: ProfileRecord | None = None
        self.module: Module | None = None
        self.setWindowTitle("Kompetenz")
        self.resize(1100, 760)
        self.stack = QStackedWidget()
        self.home_page = HomePage(services.course)
        self.welcome_page = WelcomePage()
        self.profile_page = ProfilePage()
        self.module_page = ModulePage()
        self.lesson_page = LessonPage()
        self.quiz_page = QuizPage()
        self.result_page = ResultPage()
        self.search_page = SearchPage()
        self.progress_page = ProgressPage(services.course)
        self.help_page = HelpPage(services.data_dir)
        for page in (
            self.home_page,
            self.welcome_page,
            self.profile_page,
            self.module_page,
            self.lesson_page,
            self.quiz_page,
            self.result_page,
            self.search_page,
            self.progress_page,
            self.help_page,
        ):
            self.stack.addWidget(page)
        self.setCentralWidget(self.stack)
        self.activity = ActivityTracker(self)
        self.profiles = ProfileFlow(self)
        self.certificates = CertificateFlow(self)
        self.packs = PackFlow(self)
        self.menu_actions = build_menus(self)
        self._connect_pages()
        self.busy_bar = QProgressBar()
        self.busy_bar.setObjectName("busyIndicator")
        self.busy_bar.setAccessibleName(self.tr("Working…"))
        self.busy_bar.setRange(0, 0)  # an indeterminate bar: something is happening
        self.busy_bar.setMaximumWidth(160)
        self.busy_bar.hide()
        self.statusBar().addPermanentWidget(self.busy_bar)
        self._busy_jobs = 0
        self._search_built_for: Course | None = None
        self._closing = threading.Event()  # tells background work that the window is closing
        self.statusBar().showMessage(self.tr("Opening your data…"))

    def _connect_pages(self) -> None:
        self.home_page.module_chosen.connect(self.open_module)
        self.home_page.continue_requested.connect(self._on_home_continue_requested)
        self.home_page.tour_dismissed.connect(self._on_home_tour_dismissed)
        self.module_page.lesson_chosen.connect(self.open_lesson)
        self.module_page.quiz_requested.connect(self.start_quiz)
        self.module_page.certificate_requested.connect(self._on_module_certificate_requested)
        self.lesson_page.lesson_completed.connect(self._on_lesson_completed)
        self.lesson_page.lesson_requested.connect(self.open_lesson)
        self.lesson_page.module_requested.connect(self._reopen_module)
        self.lesson_page.note_edited.connect(self._on_lesson_note_edited)
        self.lesson_page.zoom_changed.connect(self._on_lesson_zoom_changed)
        self.quiz_page.attempt_finished.connect(self._on_attempt_finished)
        self.quiz_page.module_requested.connect(self._reopen_module)
        self.result_page.module_requested.connect(self._reopen_module)
        self.result_page.retake_requested.connect(self.start_quiz)
        self.search_page.result_opened.connect(self._on_search_result_opened)
        self.progress_page.certificate_reexport_requested.connect(self.certificates.export_again)
        self.progress_page.certificate_print_requested.connect(self.certificates.print_issued)
        self.progress_page.portfolio_export_requested.connect(self.certificates.export_portfolio)
        self.progress_page.portfolio_print_requested.connect(self.certificates.print_portfolio)
        self.activity.active_tick.connect(self._on_activity_tick)

    # -- store, course and profile ------------------------------------------------------------

    def attach_store(self, store: ProgressStore) -> None:
        """Called once the database is open (after the first paint)."""
        self.store = store
        self.statusBar().showMessage(
            fill(self.tr("Your data is stored in %1"), self.services.data_dir), 8000
        )
        self.profiles.start()

    def set_course(self, course: Course) -> None:
        """The course changed (a content pack was installed): show and index the new one."""
        self.services.course = course
        self.home_page.set_course(course)
        self.progress_page.course = course
        self._search_built_for = None  # rebuilt when the search is next opened
        self.search_page.set_index(None)

    def run_busy(
        self,
        message: str,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        """Slow work off the GUI thread, with a busy bar in the status bar while it runs."""
        self._busy_jobs += 1
        self.busy_bar.show()
        if message:
            self.statusBar().showMessage(message)

        def finished(callback: Callable[[Any], None], value: Any) -> None:
            self._busy_jobs -= 1
            self.busy_bar.setVisible(self._busy_jobs > 0)
            callback(value)

        run_in_background(
            work,
            lambda value: finished(on_done, value),
            lambda error: finished(on_error, error),
        )

    def build_search_index(self) -> None:
        """Index every lesson off the GUI thread; done when the search is first opened, so a
        big course does not compete with the first minutes of reading for the processor."""
        from kompetenz.learning.search import SearchIndex

        course = self.services.course
        self._search_built_for = course
        self.run_busy(
            "",
            lambda: SearchIndex.build(course, cancelled=self._closing.is_set),
            self.search_page.set_index,
            self._on_search_index_failed,
        )

    def _on_search_index_failed(self, error: Exception) -> None:
        from kompetenz.learning.search import BuildCancelled

        if not isinstance(error, BuildCancelled):  # cancelled: the window is closing anyway
            self.statusBar().showMessage(fill(self.tr("The search is not available: %1"), error))

    def use_profile(self, profile: ProfileRecord) -> None:
        assert self.store is not None
        self.profile = profile
        tour_seen = self.store.get_preference(profile.id, "tour_seen", False)
        self.home_page.set_learner(profile.name, show_tour=not tour_seen)
        zoom = self.store.get_preference(profile.id, "lesson_zoom", 0)
        self.lesson_page.set_zoom(zoom if isinstance(zoom, int) else 0)
        self.menu_actions.set_profile_open(True)
        self.activity.start()
        self.show_home()

    def leave_profile(self) -> None:
        """Before another profile is chosen: save what is pending, stop counting time."""
        self.lesson_page.save_note_now()
        self.activity.stop()
        self.profile = None
        self.module = None
        self.menu_actions.set_profile_open(False)

    # -- navigation -------------------------------------------------------------------------

    def show_home(self) -> None:
        self.lesson_page.save_note_now()
        if self.store is not None and self.profile is not None:
            self.home_page.set_progress(
                self.store.module_progress(self.profile.id),
                self.store.last_opened_lesson(self.profile.id),
            )
            self.stack.setCurrentWidget(self.home_page)
            self.home_page.module_list.setFocus()

    def show_search(self) -> None:
        if self.profile is not None:
            if self._search_built_for is not self.services.course:
                self.build_search_index()
            self.lesson_page.save_note_now()
            self.stack.setCurrentWidget(self.search_page)
            self.search_page.focus_search()

    def show_progress(self) -> None:
        if self.store is not None and self.profile is not None:
            self.lesson_page.save_note_now()
            self.progress_page.show_progress(self.store, self.profile.id)
            self.stack.setCurrentWidget(self.progress_page)

    def show_help(self) -> None:
        self.lesson_page.save_note_now()
        self.stack.setCurrentWidget(self.help_page)
        self.help_page.view.setFocus()

    def open_module(self, module_id: str) -> None:
        self.lesson_page.save_note_now()
        module = self.services.course.module(module_id)
        if module is None or self.store is None or self.profile is None:
            return
        self.module = module
        states = self.store.lesson_states(self.profile.id, module.id)
        progress = self.store.module_progress(self.profile.id, module.id).get(module.id)
        unfinished = self.store.unfinished_attempt(self.profile.id, module.id)
        self.module_page.show_module(module, states, progress, unfinished)
        self.stack.setCurrentWidget(self.module_page)
        self.module_page.lesson_list.setFocus()

    def _reopen_module(self) -> None:
        if self.module is not None:
            self.open_module(self.module.id)

    def _on_home_continue_requested(self, module_id: str, file_name: str) -> None:
        self.open_module(module_id)
        self.open_lesson(file_name)

    def _on_home_tour_dismissed(self) -> None:
        if self.store is not None and self.profile is not None:
            self.store.set_preference(self.profile.id, "tour_seen", True)

    def _on_search_result_opened(self, module_id: str, file_name: str, text: str) -> None:
        self.open_module(module_id)
        if not file_name:
            return
        self.open_lesson(file_name)
        if text:
            # After the lesson view has laid out its text, so the found sentence can be shown.
            QTimer.singleShot(0, lambda: scroll_to_text(self.lesson_page.view, text))

    # -- lessons ----------------------------------------------------------------------------

    def open_lesson(self, file_name: str) -> None:
        if self.module is None or self.store is None or self.profile is None:
            return
        lesson = self.module.lesson(file_name)
        if lesson is None:
            return
        self.store.open_lesson(self.profile.id, self.module.id, file_name)
        state = self.store.lesson_states(self.profile.id, self.module.id).get(file_name)
        note = self.store.note(self.profile.id, self.module.id, file_name)
        self.lesson_page.show_lesson(self.module, lesson, bool(state and state.is_completed), note)
        self.stack.setCurrentWidget(self.lesson_page)

    def _on_lesson_completed(self, file_name: str) -> None:
        if self.module is not None and self.store is not None and self.profile is not None:
            self.store.complete_lesson(self.profile.id, self.module.id, file_name)

    def _on_lesson_note_edited(self, module_id: str, file_name: str, text: str) -> None:
        if self.store is not None and self.profile is not None:
            self.store.save_note(self.profile.id, module_id, file_name, text)

    def _on_lesson_zoom_changed(self, steps: int) -> None:
        if self.store is not None and self.profile is not None:
            self.store.set_preference(self.profile.id, "lesson_zoom", steps)

    def _on_activity_tick(self, seconds: float) -> None:
        lesson = self.lesson_page.lesson
        reading = self.stack.currentWidget() is self.lesson_page and lesson is not None
        if reading and lesson is not None and self.store is not None and self.profile is not None:
            self.store.add_time(self.profile.id, lesson.module_id, lesson.file_name, seconds)

    # -- quiz and certificate ---------------------------------------------------------------

    def start_quiz(self) -> None:
        from kompetenz.learning.quiz_session import AttemptsExhausted, start_or_resume
        from kompetenz.quiz.gift import GiftError

        if self.module is None or self.store is None or self.profile is None:
            return
        try:
            session = start_or_resume(self.store, self.profile.id, self.module)
        except AttemptsExhausted as error:
            QMessageBox.information(self, self.tr("Quiz"), str(error))
            return
        except (GiftError, OSError) as error:
            message = fill(self.tr("The quiz of this module cannot be started:\n%1"), error)
            QMessageBox.warning(self, self.tr("Quiz"), message)
            return
        self.quiz_page.start(session)
        if self.quiz_page.result is None:
            self.stack.setCurrentWidget(self.quiz_page)

    def _on_attempt_finished(self) -> None:
        from kompetenz.learning.review import review_items

        result, session = self.quiz_page.result, self.quiz_page.session
        if result is None or session is None:
            return
        items = review_items(session, self.tr("true"), self.tr("false"))
        self.result_page.show_result(result, items)
        self.stack.setCurrentWidget(self.result_page)

    def _on_module_certificate_requested(self) -> None:
        if self.module is not None:
            self.certificates.export_for_module(self.module.id)

    # -- settings, about, closing -----------------------------------------------------------

    def open_settings(self) -> None:
        from kompetenz.ui.settings import load_settings, save_settings, settings_path
        from kompetenz.ui.settings_dialog import SettingsDialog
        from kompetenz.ui.style import apply_appearance

        path = settings_path(self.services.data_dir)
        dialog = SettingsDialog(load_settings(path), self)
        if not dialog.exec():
            return
        chosen = dialog.result_settings()
        try:
            save_settings(path, chosen)
        except OSError as error:
            self.statusBar().showMessage(
                fill(self.tr("The settings could not be saved: %1"), error.strerror or error)
            )
        apply_appearance(chosen)

    def show_about(self) -> None:
        from kompetenz.about import version_report

        text = fill(
            self.tr(
                "<h3>Kompetenz %1</h3><p>An offline course in AI literacy for school staff.</p>"
                "<p>Licence: GPL-3.0-or-later.</p><p>Your data is stored only on this computer, "
                "in:<br/><code>%2</code></p><p>Kompetenz never connects to the internet.</p>"
            ),
            __version__,
            escape(str(self.services.data_dir)),
        )
        QMessageBox.about(
            self, self.tr("About Kompetenz"), f"{text}<pre>{escape(version_report())}</pre>"
        )

    def bring_to_front(self) -> None:
        """Another start of Kompetenz asked for this window (see single_instance.py)."""
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:
        from kompetenz.ui.settings import save_window_geometry, settings_path

        self._closing.set()
        self.lesson_page.save_note_now()
        self.activity.stop()
        # Only the window's size and place; if it cannot be saved, nothing of the learner's is lost.
        with contextlib.suppress(OSError):
            save_window_geometry(settings_path(self.services.data_dir), self.saveGeometry())
        if self.store is not None:
            self.store.close()
        super().closeEvent(event)
