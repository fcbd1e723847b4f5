"""The builders of the window's pages, each run the first time its page is needed.

Each page is built, and its module imported, on first use (see lazy_page.py); the builder also
connects the page's signals to the flow that handles them, so a page never exists half wired.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kompetenz.ui.help_page import HelpPage
    from kompetenz.ui.lesson_page import LessonPage
    from kompetenz.ui.main_window import MainWindow
    from kompetenz.ui.module_page import ModulePage
    from kompetenz.ui.profile_page import ProfilePage
    from kompetenz.ui.progress_page import ProgressPage
    from kompetenz.ui.quiz_page import QuizPage
    from kompetenz.ui.result_page import ResultPage
    from kompetenz.ui.school_page import SchoolPage
    from kompetenz.ui.search_page import SearchPage
    from kompetenz.ui.welcome_page import WelcomePage


def build_welcome_page(window: MainWindow) -> WelcomePage:
    from kompetenz.ui.welcome_page import WelcomePage

    page = WelcomePage()
    page.profile_requested.connect(window.profiles.create_profile)
    page.cancelled.connect(window.profiles.show_chooser)
    return page


def build_profile_page(window: MainWindow) -> ProfilePage:
    from kompetenz.ui.profile_page import ProfilePage

    page = ProfilePage()
    page.profile_chosen.connect(window.profiles.choose_profile)
    page.new_profile_requested.connect(window.profiles.show_new_profile_form)
    page.delete_requested.connect(window.profiles.delete_profile)
    return page


def build_module_page(window: MainWindow) -> ModulePage:
    from kompetenz.ui.module_page import ModulePage

    page = ModulePage()
    page.lesson_chosen.connect(window.learning.open_lesson)
    page.quiz_requested.connect(window.learning.start_quiz)
    page.certificate_requested.connect(window.learning.request_module_certificate)
    page.templates.template_requested.connect(window.learning.open_template)
    return page


def build_lesson_page(window: MainWindow) -> LessonPage:
    from kompetenz.ui.lesson_page import LessonPage

    page = LessonPage(cache_dir=window.services.data_dir)
    page.set_zoom(window.lesson_zoom)
    page.lesson_completed.connect(window.learning.complete_lesson)
    page.lesson_requested.connect(window.learning.open_lesson)
    page.module_requested.connect(window.learning.reopen_module)
    page.note_edited.connect(window.learning.save_note)
    page.zoom_changed.connect(window.learning.set_lesson_zoom)
    page.templates.template_requested.connect(window.learning.open_template)
    return page


def build_quiz_page(window: MainWindow) -> QuizPage:
    from kompetenz.ui.quiz_page import QuizPage

    page = QuizPage()
    page.attempt_finished.connect(window.learning.show_result)
    page.module_requested.connect(window.learning.reopen_module)
    return page


def build_result_page(window: MainWindow) -> ResultPage:
    from kompetenz.ui.result_page import ResultPage

    page = ResultPage()
    page.module_requested.connect(window.learning.reopen_module)
    page.retake_requested.connect(window.learning.start_quiz)
    return page


def build_search_page(window: MainWindow) -> SearchPage:
    from kompetenz.ui.search_page import SearchPage

    page = SearchPage()
    page.result_opened.connect(window.learning.open_search_result)
    return page


def build_progress_page(window: MainWindow) -> ProgressPage:
    from kompetenz.ui.progress_page import ProgressPage

    page = ProgressPage(window.services.course)
    page.certificate_reexport_requested.connect(window.certificates.export_again)
    page.certificate_print_requested.connect(window.certificates.print_issued)
    page.portfolio_export_requested.connect(window.certificates.export_portfolio)
    page.certificate_badge_requested.connect(window.certificates.export_badge)
    page.certificate_release_requested.connect(window.certificates.release)
    page.certificate_withdraw_requested.connect(window.certificates.withdraw)
    page.portfolio_print_requested.connect(window.certificates.print_portfolio)
    return page


def build_school_page(window: MainWindow) -> SchoolPage:
    from kompetenz.ui.school_page import SchoolPage

    return SchoolPage(window)


def build_help_page(window: MainWindow) -> HelpPage:
    from kompetenz.ui.help_page import HelpPage

    return HelpPage(window.services.data_dir)
