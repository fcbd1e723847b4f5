"""The main window: one stack of pages, and the glue between pages and services.

It holds no learner data of its own: every change goes to the store at once, and every page
is refreshed from the store when it is shown.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QStackedWidget, QToolBar, QWidget

from kompetenz import __version__
from kompetenz.certificates.document import CertificateDocument
from kompetenz.content.model import Module
from kompetenz.store.records import ProfileRecord, Role
from kompetenz.store.service import ProgressStore
from kompetenz.ui.activity import ActivityTracker
from kompetenz.ui.background import run_in_background
from kompetenz.ui.home_page import HomePage
from kompetenz.ui.lesson_page import LessonPage
from kompetenz.ui.module_page import ModulePage
from kompetenz.ui.profile_page import ProfilePage
from kompetenz.ui.quiz_page import QuizPage
from kompetenz.ui.result_page import ResultPage
from kompetenz.ui.services import AppServices
from kompetenz.ui.text import fill
from kompetenz.ui.welcome_page import WelcomePage


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
        for page in (
            self.home_page,
            self.welcome_page,
            self.profile_page,
            self.module_page,
            self.lesson_page,
            self.quiz_page,
            self.result_page,
        ):
            self.stack.addWidget(page)
        self.setCentralWidget(self.stack)
        self.activity = ActivityTracker(self)
        self._build_menus()
        self._connect_pages()
        self.statusBar().showMessage(self.tr("Opening your data…"))

    # -- setup ---------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        switch_action = QAction(self.tr("&Switch profile…"), self)
        switch_action.setObjectName("switchProfileAction")
        switch_action.triggered.connect(self.show_profile_chooser)
        file_menu.addAction(switch_action)
        install_action = QAction(self.tr("&Install content pack…"), self)
        install_action.setObjectName("installPackAction")
        install_action.triggered.connect(self.install_content_pack)
        file_menu.addAction(install_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about_action = QAction(self.tr("&About Kompetenz"), self)
        about_action.triggered.connect(self._on_about_triggered)
        help_menu.addAction(about_action)
        toolbar = QToolBar(self.tr("Navigation"))
        toolbar.setObjectName("navigationToolBar")
        toolbar.setMovable(False)
        self.home_action = QAction(self.tr("⌂ My modules"), self)
        self.home_action.setObjectName("homeAction")
        self.home_action.setShortcut(QKeySequence("Alt+Home"))
        self.home_action.triggered.connect(self.show_home)
        toolbar.addAction(self.home_action)
        home_button = toolbar.widgetForAction(self.home_action)
        if home_button is not None:
            home_button.setAccessibleName(self.tr("My modules"))
        self.addToolBar(toolbar)

    def _connect_pages(self) -> None:
        self.home_page.module_chosen.connect(self.open_module)
        self.home_page.continue_requested.connect(self._on_home_continue_requested)
        self.home_page.tour_dismissed.connect(self._on_home_tour_dismissed)
        self.welcome_page.profile_requested.connect(self._on_welcome_profile_requested)
        self.profile_page.profile_chosen.connect(self._on_profile_chosen)
        self.profile_page.new_profile_requested.connect(self._on_new_profile_requested)
        self.profile_page.delete_requested.connect(self._on_profile_delete_requested)
        self.welcome_page.cancelled.connect(self.show_profile_chooser)
        self.module_page.lesson_chosen.connect(self.open_lesson)
        self.module_page.quiz_requested.connect(self.start_quiz)
        self.module_page.certificate_requested.connect(self.export_certificate)
        self.lesson_page.lesson_completed.connect(self._on_lesson_completed)
        self.lesson_page.lesson_requested.connect(self.open_lesson)
        self.lesson_page.module_requested.connect(self._reopen_module)
        self.lesson_page.note_edited.connect(self._on_lesson_note_edited)
        self.lesson_page.zoom_changed.connect(self._on_lesson_zoom_changed)
        self.quiz_page.attempt_finished.connect(self._on_attempt_finished)
        self.quiz_page.module_requested.connect(self._reopen_module)
        self.result_page.module_requested.connect(self._reopen_module)
        self.result_page.retake_requested.connect(self.start_quiz)
        self.activity.active_tick.connect(self._on_activity_tick)

    # -- store and profile ------------------------------------------------------------------

    def attach_store(self, store: ProgressStore) -> None:
        """Called once the database is open (after the first paint)."""
        self.store = store
        self.statusBar().showMessage(
            fill(self.tr("Your data is stored in %1"), self.services.data_dir), 8000
        )
        profiles = store.list_profiles()
        if not profiles:
            self.stack.setCurrentWidget(self.welcome_page)
            self.welcome_page.name_field.setFocus()
        elif len(profiles) == 1 and not profiles[0].has_password:
            self.use_profile(profiles[0])
        else:
            self.show_profile_chooser()

    def use_profile(self, profile: ProfileRecord) -> None:
        self.profile = profile
        tour_seen = (
            self.store.get_preference(profile.id, "tour_seen", False) if self.store else True
        )
        self.home_page.set_learner(profile.name, show_tour=not tour_seen)
        zoom = self.store.get_preference(profile.id, "lesson_zoom", 0) if self.store else 0
        self.lesson_page.set_zoom(zoom if isinstance(zoom, int) else 0)
        self.activity.start()
        self.show_home()

    def _on_welcome_profile_requested(
        self, name: str, school: str, role: str, password: str
    ) -> None:
        from kompetenz.store.errors import StoreError

        assert self.store is not None
        try:
            profile = self.store.create_profile(name, school or None, Role(role), password or None)
        except StoreError as error:
            self.welcome_page.show_error(str(error))
            return
        self.use_profile(profile)

    def _on_profile_chosen(self, profile_id: int) -> None:
        assert self.store is not None
        profile = self.store.get_profile(profile_id)
        if profile.has_password and not self._password_accepted(profile):
            return
        self.use_profile(profile)

    def _password_accepted(self, profile: ProfileRecord) -> bool:
        assert self.store is not None
        password = self.services.dialogs.ask_password(
            self, self.tr("Password"), fill(self.tr("Password for %1:"), profile.name)
        )
        if password is None:
            return False
        if self.store.check_password(profile.id, password):
            return True
        self.services.dialogs.inform(
            self,
            self.tr("Password"),
            self.tr("The password is not correct. Please try again."),
        )
        return False

    def _on_profile_delete_requested(self, profile_id: int) -> None:
        assert self.store is not None
        profile = self.store.get_profile(profile_id)
        if profile.has_password and not self._password_accepted(profile):
            return
        question = fill(
            self.tr(
                'Delete the profile "%1" and everything recorded for it – lessons read, '
                "quiz answers, notes, reflections and issued certificates? This cannot be undone."
            ),
            profile.name,
        )
        if not self.services.dialogs.confirm(self, self.tr("Delete profile"), question):
            return
        report = self.store.delete_profile(profile_id)
        if self.profile is not None and self.profile.id == profile_id:
            self.profile = None
        self.services.dialogs.inform(
            self,
            self.tr("Profile deleted"),
            fill(
                self.tr(
                    'The profile "%1" was deleted: %2 records in the database and %3 files '
                    "were erased, and it was removed from %4 backups."
                ),
                report.profile_name,
                report.total_rows,
                len(report.files_deleted),
                len(report.backups_cleaned),
            ),
        )
        self.show_profile_chooser()

    def _on_new_profile_requested(self) -> None:
        self.welcome_page.reset(can_cancel=bool(self.store and self.store.list_profiles()))
        self.stack.setCurrentWidget(self.welcome_page)

    def show_profile_chooser(self) -> None:
        """The start screen for a shared PC: choose, create or delete a profile."""
        if self.store is None:
            return
        self.lesson_page.save_note_now()
        self.activity.stop()
        profiles = self.store.list_profiles()
        if not profiles:
            self.profile = None
            self._on_new_profile_requested()
            return
        self.profile_page.show_profiles(profiles)
        self.stack.setCurrentWidget(self.profile_page)
        self.profile_page.profile_list.setFocus()

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

    def open_module(self, module_id: str) -> None:
        self.lesson_page.save_note_now()
        module = self.services.course.module(module_id)
        if module is None or self.store is None or self.profile is None:
            return
        self.module = module
        states = self.store.lesson_states(self.profile.id, module.id)
        progress = self.store.module_progress(self.profile.id).get(module.id)
        unfinished = self.store.unfinished_attempt(self.profile.id, module.id)
        self.module_page.show_module(module, states, progress, unfinished)
        self.stack.setCurrentWidget(self.module_page)
        self.module_page.lesson_list.setFocus()

    def _on_home_continue_requested(self, module_id: str, file_name: str) -> None:
        self.open_module(module_id)
        self.open_lesson(file_name)

    def _on_home_tour_dismissed(self) -> None:
        if self.store is not None and self.profile is not None:
            self.store.set_preference(self.profile.id, "tour_seen", True)

    def _reopen_module(self) -> None:
        if self.module is not None:
            self.open_module(self.module.id)

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
        if (
            self.stack.currentWidget() is self.lesson_page
            and lesson is not None
            and self.store is not None
            and self.profile is not None
        ):
            self.store.add_time(self.profile.id, lesson.module_id, lesson.file_name, seconds)

    # -- quiz -------------------------------------------------------------------------------

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
            QMessageBox.warning(
                self,
                self.tr("Quiz"),
                fill(self.tr("The quiz of this module cannot be started:\n%1"), error),
            )
            return
        self.quiz_page.start(session)
        if self.quiz_page.result is None:
            self.stack.setCurrentWidget(self.quiz_page)

    def _on_attempt_finished(self) -> None:
        from kompetenz.learning.review import review_items

        result, session = self.quiz_page.result, self.quiz_page.session
        if result is None or session is None:
            return
        self.result_page.show_result(
            result, review_items(session, self.tr("true"), self.tr("false"))
        )
        self.stack.setCurrentWidget(self.result_page)

    # -- certificates -----------------------------------------------------------------------

    def export_certificate(self) -> None:
        from kompetenz.certificates.document import CertificateError
        from kompetenz.certificates.service import CertificateService

        if self.module is None or self.store is None or self.profile is None:
            return
        suggested = Path.home() / f"Kompetenz-{self.module.id}-{self.profile.name}.pdf"
        target = self.services.dialogs.save_file(
            self, self.tr("Save certificate"), suggested, self.tr("PDF files (*.pdf)")
        )
        if target is None:
            return
        service = CertificateService(self.store, self.services.course, self.services.data_dir)
        try:
            # Recording happens here on the GUI thread; only the drawing goes to a worker.
            record = service.issue(self.profile.id, self.module.id, "module")
            issued = service.issued(record.number)
        except CertificateError as error:
            QMessageBox.warning(self, self.tr("Certificate"), str(error))
            return
        self.write_certificate_in_background(issued.document, issued.signed_text, target)

    def write_certificate_in_background(
        self, document: CertificateDocument, signed_text: str, target: Path
    ) -> None:
        from kompetenz.certificates.pdf import write_pdf

        self.statusBar().showMessage(self.tr("Creating the certificate…"))
        self.module_page.certificate_button.setEnabled(False)
        run_in_background(
            lambda: write_pdf(target, document, signed_text),
            lambda _: self._on_certificate_saved(target),
            self._on_certificate_failed,
        )

    def _on_certificate_saved(self, target: Path) -> None:
        self.module_page.certificate_button.setEnabled(True)
        self.statusBar().showMessage(fill(self.tr("Certificate saved: %1"), target), 10000)
        self.last_certificate_path: Path | None = target

    def _on_certificate_failed(self, error: Exception) -> None:
        self.module_page.certificate_button.setEnabled(True)
        self.statusBar().clearMessage()
        QMessageBox.warning(
            self,
            self.tr("Certificate"),
            fill(
                self.tr(
                    "The certificate could not be saved: %1\nChoose another folder and try again."
                ),
                error,
            ),
        )

    # -- content packs ----------------------------------------------------------------------

    def install_content_pack(self) -> None:
        from kompetenz.content.pack_install import install_pack
        from kompetenz.resources import bundled_content_dir

        path = self.services.dialogs.open_file(
            self, self.tr("Install content pack"), self.tr("Kompetenz content packs (*.kompetenz)")
        )
        if path is None:
            return
        data_dir = self.services.data_dir
        self.statusBar().showMessage(self.tr("Checking and installing the content pack…"))
        run_in_background(
            lambda: install_pack(path, data_dir, [bundled_content_dir()]),
            self._on_pack_installed,
            self._on_pack_failed,
        )

    def _on_pack_installed(self, result: object) -> None:
        from kompetenz.content.loader import load_course

        self.services.course = load_course(
            self.services.content_roots, cache_dir=self.services.data_dir
        )
        self.home_page.set_course(self.services.course)
        self.statusBar().clearMessage()
        self.services.dialogs.inform(
            self, self.tr("Content pack"), self.tr("The content pack was installed.")
        )
        self.show_home()

    def _on_pack_failed(self, error: Exception) -> None:
        self.statusBar().clearMessage()
        problems = getattr(error, "problems", None) or []
        details = "\n".join(str(p) for p in problems[:10])
        self.services.dialogs.inform(
            self,
            self.tr("Content pack"),
            fill(self.tr("The content pack was not installed. Nothing was changed.\n%1"), error)
            + (f"\n\n{details}" if details else ""),
        )

    # -- misc -------------------------------------------------------------------------------

    def _on_about_triggered(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Kompetenz"),
            fill(
                self.tr(
                    "<h3>Kompetenz %1</h3><p>An offline course in AI literacy for school staff.</p>"
                    "<p>Licence: GPL-3.0-or-later.</p><p>Your data is stored only on this computer, "
                    "in:<br/><code>%2</code></p><p>Kompetenz never connects to the internet.</p>"
                ),
                __version__,
                self.services.data_dir,
            ),
        )

    def bring_to_front(self) -> None:
        """Another start of Kompetenz asked for this window (see single_instance.py)."""
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.activity.stop()
        if self.store is not None:
            self.store.close()
        super().closeEvent(event)
