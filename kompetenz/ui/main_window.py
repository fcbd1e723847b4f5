"""The main window: one stack of pages, and the glue between pages and services.

It holds no learner data of its own: every change goes to the store at once, and every page
is refreshed from the store when it is shown. Profiles, certificates and content packs have
their own small controllers (profile_flow, certificate_flow, pack_flow); menus.py builds the
menus.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QMessageBox, QProgressBar, QStackedWidget, QWidget

from kompetenz import __version__
from kompetenz.content.loader import Course
from kompetenz.content.model import Module
from kompetenz.ui.activity import ActivityTracker
from kompetenz.ui.background import run_in_background
from kompetenz.ui.certificate_flow import CertificateFlow
from kompetenz.ui.home_page import HomePage
from kompetenz.ui.lazy_page import LazyPage, is_built
from kompetenz.ui.menus import build_menus
from kompetenz.ui.pack_flow import PackFlow
from kompetenz.ui.profile_flow import ProfileFlow
from kompetenz.ui.services import AppServices
from kompetenz.ui.text import escape, fill

# For annotations only: each is imported where it is first needed, after the first paint.
if TYPE_CHECKING:
    from kompetenz.store import ProgressReader, ProgressStore, ReadOnlyReader
    from kompetenz.store.records import ProfileRecord
    from kompetenz.ui.help_page import HelpPage
    from kompetenz.ui.lesson_page import LessonPage
    from kompetenz.ui.module_page import ModulePage
    from kompetenz.ui.profile_page import ProfilePage
    from kompetenz.ui.progress_page import ProgressPage
    from kompetenz.ui.quiz_page import QuizPage
    from kompetenz.ui.result_page import ResultPage
    from kompetenz.ui.school_page import SchoolPage
    from kompetenz.ui.search_page import SearchPage
    from kompetenz.ui.welcome_page import WelcomePage


def _log_checkpoint_failure(error: Exception) -> None:
    # Nothing is lost: every answer is already committed; SQLite copies the log later itself.
    logging.getLogger(__name__).warning("checkpoint after a quiz failed: %s", error)


# Each page is built, and its module imported, on first use (see lazy_page.py); the builder
# also connects the page's signals, so a page never exists half wired.


def _build_welcome_page(window: MainWindow) -> WelcomePage:
    from kompetenz.ui.welcome_page import WelcomePage

    page = WelcomePage()
    page.profile_requested.connect(window.profiles.create_profile)
    page.cancelled.connect(window.profiles.show_chooser)
    return page


def _build_profile_page(window: MainWindow) -> ProfilePage:
    from kompetenz.ui.profile_page import ProfilePage

    page = ProfilePage()
    page.profile_chosen.connect(window.profiles.choose_profile)
    page.new_profile_requested.connect(window.profiles.show_new_profile_form)
    page.delete_requested.connect(window.profiles.delete_profile)
    return page


def _build_module_page(window: MainWindow) -> ModulePage:
    from kompetenz.ui.module_page import ModulePage

    page = ModulePage()
    page.lesson_chosen.connect(window.open_lesson)
    page.quiz_requested.connect(window.start_quiz)
    page.certificate_requested.connect(window._on_module_certificate_requested)
    page.templates.template_requested.connect(window.open_template)
    return page


def _build_lesson_page(window: MainWindow) -> LessonPage:
    from kompetenz.ui.lesson_page import LessonPage

    page = LessonPage(cache_dir=window.services.data_dir)
    page.set_zoom(window.lesson_zoom)
    page.lesson_completed.connect(window._on_lesson_completed)
    page.lesson_requested.connect(window.open_lesson)
    page.module_requested.connect(window._reopen_module)
    page.note_edited.connect(window._on_lesson_note_edited)
    page.zoom_changed.connect(window._on_lesson_zoom_changed)
    page.templates.template_requested.connect(window.open_template)
    return page


def _build_quiz_page(window: MainWindow) -> QuizPage:
    from kompetenz.ui.quiz_page import QuizPage

    page = QuizPage()
    page.attempt_finished.connect(window._on_attempt_finished)
    page.module_requested.connect(window._reopen_module)
    return page


def _build_result_page(window: MainWindow) -> ResultPage:
    from kompetenz.ui.result_page import ResultPage

    page = ResultPage()
    page.module_requested.connect(window._reopen_module)
    page.retake_requested.connect(window.start_quiz)
    return page


def _build_search_page(window: MainWindow) -> SearchPage:
    from kompetenz.ui.search_page import SearchPage

    page = SearchPage()
    page.result_opened.connect(window._on_search_result_opened)
    return page


def _build_progress_page(window: MainWindow) -> ProgressPage:
    from kompetenz.ui.progress_page import ProgressPage

    page = ProgressPage(window.services.course)
    page.certificate_reexport_requested.connect(window.certificates.export_again)
    page.certificate_print_requested.connect(window.certificates.print_issued)
    page.certificate_release_requested.connect(window.certificates.release)
    page.portfolio_export_requested.connect(window.certificates.export_portfolio)
    page.portfolio_print_requested.connect(window.certificates.print_portfolio)
    return page


def _build_school_page(window: MainWindow) -> SchoolPage:
    from kompetenz.ui.school_page import SchoolPage

    return SchoolPage()


def _build_help_page(window: MainWindow) -> HelpPage:
    from kompetenz.ui.help_page import HelpPage

    return HelpPage(window.services.data_dir)


class MainWindow(QMainWindow):
    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.services = services
        self._store: ProgressStore | None = None
        # Until the store is open: the quick read-only look that fills the first screen, and
        # how to finish opening the store at once if the learner needs it before it is ready.
        self._snapshot: ReadOnlyReader | None = None
        self._open_store_now: Callable[[], None] | None = None
        self.profile: ProfileRecord | None = None
        self.module: Module | None = None
        self.setWindowTitle("Kompetenz")
        self.resize(1100, 760)
        self.lesson_zoom = 0  # the learner's text size in lessons, kept until the reader exists
        self.stack = QStackedWidget()
        self.home_page = HomePage(services.course)
        self.stack.addWidget(self.home_page)
        self.setCentralWidget(self.stack)
        self.activity = ActivityTracker(self)
        self.profiles = ProfileFlow(self)
        self.certificates = CertificateFlow(self)
        self.packs = PackFlow(self)
        self.menu_actions = build_menus(self)
        self.home_page.module_chosen.connect(self.open_module)
        self.home_page.continue_requested.connect(self._on_home_continue_requested)
        self.home_page.tour_dismissed.connect(self._on_home_tour_dismissed)
        self.home_page.role_change_requested.connect(self.profiles.change_role)
        self.activity.active_tick.connect(self._on_activity_tick)
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

    welcome_page = LazyPage(_build_welcome_page)
    profile_page = LazyPage(_build_profile_page)
    module_page = LazyPage(_build_module_page)
    lesson_page = LazyPage(_build_lesson_page)
    quiz_page = LazyPage(_build_quiz_page)
    result_page = LazyPage(_build_result_page)
    search_page = LazyPage(_build_search_page)
    progress_page = LazyPage(_build_progress_page)
    help_page = LazyPage(_build_help_page)
    school_page = LazyPage(_build_school_page)

    def save_note_now(self) -> None:
        """Before leaving the reader: the note being typed is saved (if the reader exists)."""
        if is_built(self, "lesson_page"):
            self.lesson_page.save_note_now()

    # -- store, course and profile ------------------------------------------------------------

    @property
    def store(self) -> ProgressStore | None:
        """The learner's data, or None if it cannot be opened.

        In the first second of a start the store may still be opening in the background
        (see launch.py); asking for it then finishes the opening here and now, so every
        caller gets the real store and nothing is ever saved to a stand-in.
        """
        if self._store is None and self._open_store_now is not None:
            open_now, self._open_store_now = self._open_store_now, None
            open_now()
        return self._store

    @property
    def is_closing(self) -> bool:
        return self._closing.is_set()

    @property
    def store_is_open(self) -> bool:
        return self._store is not None

    def reads(self) -> ProgressReader | None:
        """Where the first screen reads from: the store once it is open, until then the
        read-only snapshot; never a reason to wait for the store."""
        if self._store is not None:
            return self._store
        return self._snapshot if self._snapshot is not None else self.store

    def show_first_screen(self, snapshot: ReadOnlyReader, open_store_now: Callable[[], None]) -> None:
        """The start screen from a read-only snapshot, while the store opens in the background.

        `open_store_now` opens the store on this thread; it runs only if the learner asks for
        something that needs the store before the background opening has finished.
        """
        self._snapshot = snapshot
        self._open_store_now = open_store_now
        self.profiles.start()

    def attach_store(self, store: ProgressStore, *, show_first_screen: bool = True) -> None:
        """Called once the database is open (after the first paint).

        Without `show_first_screen`, the screen the snapshot filled stays as it is.
        """
        self._store = store
        self._open_store_now = None
        if self._snapshot is not None:
            self._snapshot.close()
            self._snapshot = None
        self.statusBar().showMessage(
            fill(self.tr("Your data is stored in %1"), self.services.data_dir), 8000
        )
        if show_first_screen:
            self.profiles.start()

    def set_course(self, course: Course) -> None:
        """The course changed (a content pack was installed): show and index the new one."""
        self.services.course = course
        self.home_page.set_course(course)
        if is_built(self, "progress_page"):
            self.progress_page.course = course
        self._search_built_for = None  # rebuilt when the search is next opened
        if is_built(self, "search_page"):
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
        reads = self.reads()
        assert reads is not None
        self.profile = profile
        tour_seen = reads.get_preference(profile.id, "tour_seen", False)
        self.home_page.set_learner(profile.name, show_tour=not tour_seen, role=profile.role)
        zoom = reads.get_preference(profile.id, "lesson_zoom", 0)
        self.lesson_zoom = zoom if isinstance(zoom, int) else 0
        if is_built(self, "lesson_page"):
            self.lesson_page.set_zoom(self.lesson_zoom)
        self.menu_actions.set_profile_open(True)
        self.activity.start()
        self.show_home()

    def leave_profile(self) -> None:
        """Before another profile is chosen: save what is pending, stop counting time."""
        self.save_note_now()
        self.activity.stop()
        self.profile = None
        self.module = None
        self.menu_actions.set_profile_open(False)

    # -- navigation -------------------------------------------------------------------------

    def show_home(self) -> None:
        self.save_note_now()
        reads = self.reads()
        if reads is not None and self.profile is not None:
            self.home_page.set_progress(
                reads.module_progress(self.profile.id),
                reads.last_opened_lesson(self.profile.id),
            )
            self.stack.setCurrentWidget(self.home_page)
            self.home_page.module_list.setFocus()

    def show_search(self) -> None:
        if self.profile is not None:
            if self._search_built_for is not self.services.course:
                self.build_search_index()
            self.save_note_now()
            self.stack.setCurrentWidget(self.search_page)
            self.search_page.focus_search()

    def show_progress(self) -> None:
        if self.store is not None and self.profile is not None:
            self.save_note_now()
            self.progress_page.show_progress(self.store, self.profile.id)
            self.stack.setCurrentWidget(self.progress_page)

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

    def open_module(self, module_id: str) -> None:
        self.save_note_now()
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
        # Once the overview is on screen, render its lessons ahead, so opening one skips Markdown.
        QTimer.singleShot(300, self, lambda: self._prepare_lessons_of(module))

    def _prepare_lessons_of(self, module: Module) -> None:
        if self.module is not module or self.is_closing:
            return
        self.lesson_page.prepare_module(
            module, lambda: self.module is module and not self._closing.is_set()
        )

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
            from kompetenz.ui.search_page import scroll_to_text

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

    def open_template(self, file_name: str) -> None:
        """A template of the open module, to read, print or save as ODT (template_view.py)."""
        from kompetenz.ui.template_view import open_template

        open_template(self, file_name)

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
        if not is_built(self, "lesson_page"):
            return
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
        store = self._store
        if store is not None:
            # A pause for the learner: fold the quiz's write-ahead log into the database file
            # now, so that this copying never lands in the commit of a later answer.
            run_in_background(store.checkpoint, lambda _done: None, _log_checkpoint_failure)

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
        from kompetenz.datadir import is_portable

        text = fill(
            self.tr(
                "<h3>Kompetenz %1</h3><p>An offline course in AI literacy for school staff.</p>"
                "<p>Licence: GPL-3.0-or-later.</p><p>Your data is stored only on this computer, "
                "in:<br/><code>%2</code></p><p>Kompetenz never connects to the internet.</p>"
            ),
            __version__,
            escape(str(self.services.data_dir)),
        )
        if is_portable(self.services.data_dir):
            text += self.tr(
                "<p><b>Portable mode:</b> the data folder is beside the program (file "
                "<code>portable</code>); nothing is stored in your user profile.</p>"
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
        self.save_note_now()
        self.activity.stop()
        # Only the window's size and place; if it cannot be saved, nothing of the learner's is lost.
        with contextlib.suppress(OSError):
            save_window_geometry(settings_path(self.services.data_dir), self.saveGeometry())
        if self._snapshot is not None:
            self._snapshot.close()
            self._snapshot = None
        self._open_store_now = None  # a store still opening in the background stays closed
        if self._store is not None:
            self._store.close()
        super().closeEvent(event)
