"""Home, modules, lessons and the quiz: the pages of learning, fed by the `LearnerSession`.

Each handler asks the session (no Qt, no store in sight) and shows what it returns; the
window only owns the pages. Every call here is one quick write or read on a local database.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QMessageBox

from kompetenz.ui.lazy_page import is_built
from kompetenz.ui.text import fill

if TYPE_CHECKING:
    from kompetenz.content.loader import Course
    from kompetenz.content.model import Module
    from kompetenz.learning.session import LearnerSession
    from kompetenz.ui.main_window import MainWindow


def _log_checkpoint_failure(error: Exception) -> None:
    # Nothing is lost: every answer is already committed; SQLite copies the log later itself.
    logging.getLogger(__name__).warning("checkpoint after a quiz failed: %s", error)


class LearningFlow(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.module: Module | None = None  # the module being worked on
        self.search_built_for: Course | None = None  # the course the search index is of

    @property
    def session(self) -> LearnerSession | None:
        return self.window.session

    # -- home and modules -------------------------------------------------------------------

    def show_home(self) -> None:
        window = self.window
        window.save_note_now()
        if self.session is not None:
            home = self.session.home()
            window.home_page.set_progress(home.progress, home.continue_with)
            window.stack.setCurrentWidget(window.home_page)
            window.home_page.module_list.setFocus()

    def open_module(self, module_id: str) -> None:
        window = self.window
        window.save_note_now()
        if self.session is None or (view := self.session.module(module_id)) is None:
            return
        module = self.module = view.module
        window.module_page.show_module(module, view.lessons, view.progress, view.unfinished)
        window.stack.setCurrentWidget(window.module_page)
        window.module_page.lesson_list.setFocus()
        # Once the overview is on screen, render its lessons ahead, so opening one skips Markdown.
        QTimer.singleShot(300, self, lambda: self._prepare_lessons_of(module))

    def _prepare_lessons_of(self, module: Module) -> None:
        window = self.window
        if self.module is not module or window.is_closing:
            return
        window.lesson_page.prepare_module(
            module, lambda: self.module is module and not window.is_closing
        )

    def reopen_module(self) -> None:
        if self.module is not None:
            self.open_module(self.module.id)

    def continue_lesson(self, module_id: str, file_name: str) -> None:
        self.open_module(module_id)
        self.open_lesson(file_name)

    def dismiss_tour(self) -> None:
        if self.session is not None:
            self.session.dismiss_tour()

    def open_search_result(self, module_id: str, file_name: str, text: str) -> None:
        self.open_module(module_id)
        if not file_name:
            return
        self.open_lesson(file_name)
        if text:
            # After the lesson view has laid out its text, so the found sentence can be shown.
            from kompetenz.ui.search_page import scroll_to_text

            page = self.window.lesson_page
            QTimer.singleShot(0, page, lambda: scroll_to_text(page.view, text))

    # -- search and progress ----------------------------------------------------------------

    def show_search(self) -> None:
        window = self.window
        if self.session is None:
            return
        if self.search_built_for is not window.services.course:
            self._build_search_index()
        window.save_note_now()
        window.stack.setCurrentWidget(window.search_page)
        window.search_page.focus_search()

    def _build_search_index(self) -> None:
        """Index every lesson off the GUI thread when the search is first opened, so a big
        course does not compete with the first minutes of reading for the processor."""
        from kompetenz.learning.search import BuildCancelled, SearchIndex
        from kompetenz.ui.background import run_in_background

        window = self.window
        course = self.search_built_for = window.services.course
        page = window.search_page

        def failed(error: Exception) -> None:
            if not isinstance(error, BuildCancelled) and not window.is_closing:
                text = QCoreApplication.translate("MainWindow", "The search is not available: %1")
                window.statusBar().showMessage(fill(text, error))

        # Course content, not the learner's data: built beside the operations, not after them.
        run_in_background(
            lambda: SearchIndex.build(course, cancelled=lambda: window.is_closing),
            lambda index: None if window.is_closing else page.set_index(index),
            failed,
        )

    def show_progress(self) -> None:
        window = self.window
        if self.session is not None:
            window.save_note_now()
            window.progress_page.show_progress(self.session.progress())
            window.stack.setCurrentWidget(window.progress_page)

    # -- lessons ----------------------------------------------------------------------------

    def open_lesson(self, file_name: str) -> None:
        if self.module is None or self.session is None:
            return
        view = self.session.open_lesson(self.module.id, file_name)
        if view is None:
            return
        page = self.window.lesson_page
        page.show_lesson(view.module, view.lesson, view.completed, view.note)
        self.window.stack.setCurrentWidget(page)

    def open_template(self, file_name: str) -> None:
        """A template of the open module, to read, print or save as ODT (template_view.py)."""
        from kompetenz.ui.template_view import open_template

        open_template(self.window, file_name)

    def complete_lesson(self, file_name: str) -> None:
        if self.module is not None and self.session is not None:
            self.session.complete_lesson(self.module.id, file_name)

    def save_note(self, module_id: str, file_name: str, text: str) -> None:
        if self.session is not None:
            self.session.save_note(module_id, file_name, text)

    def set_lesson_zoom(self, steps: int) -> None:
        if self.session is not None:
            self.session.set_lesson_zoom(steps)

    def count_reading_time(self, seconds: float) -> None:
        window = self.window
        if not is_built(window, "lesson_page") or self.session is None:
            return
        lesson = window.lesson_page.lesson
        if lesson is not None and window.stack.currentWidget() is window.lesson_page:
            self.session.add_reading_time(lesson.module_id, lesson.file_name, seconds)

    # -- quiz -------------------------------------------------------------------------------

    def start_quiz(self) -> None:
        # The texts keep the window's translation context: they were its own.
        from kompetenz.learning.quiz_session import AttemptsExhausted
        from kompetenz.quiz.gift import GiftError

        window = self.window
        if self.module is None or self.session is None:
            return
        try:
            quiz = self.session.start_quiz(self.module.id)
        except AttemptsExhausted as error:
            title = QCoreApplication.translate("MainWindow", "Quiz")
            QMessageBox.information(window, title, str(error))
            return
        except (GiftError, OSError) as error:
            title = QCoreApplication.translate("MainWindow", "Quiz")
            message = QCoreApplication.translate(
                "MainWindow", "The quiz of this module cannot be started:\n%1"
            )
            QMessageBox.warning(window, title, fill(message, error))
            return
        window.quiz_page.start(quiz)
        if window.quiz_page.result is None:
            window.stack.setCurrentWidget(window.quiz_page)

    def show_result(self) -> None:
        from kompetenz.learning.review import review_items

        window = self.window
        result, quiz = window.quiz_page.result, window.quiz_page.session
        if result is None or quiz is None:
            return
        true = QCoreApplication.translate("MainWindow", "true")
        false = QCoreApplication.translate("MainWindow", "false")
        items = review_items(quiz, true, false)
        window.result_page.show_result(result, items)
        window.stack.setCurrentWidget(window.result_page)
        store = window.data.store
        if store is not None:
            # A pause for the learner: fold the quiz's write-ahead log into the database file
            # now, so that this copying never lands in the commit of a later answer.
            window.ops.run(store.checkpoint, lambda _done: None, _log_checkpoint_failure)

    def request_module_certificate(self) -> None:
        if self.module is not None:
            self.window.certificates.export_for_module(self.module.id)
