"""Home: where to continue, how far the learner is, the modules, and what could not be loaded.

The modules come in two lists: the learner's path first (the modules that are core for their
role, `core_for` in module.toml, needed for the "Zertifikat KI-Kompetenz"), then the others.

Signals:
    module_chosen(module_id): the learner opened a module.
    continue_requested(module_id, file_name): back to the lesson last opened.
    tour_dismissed(): the first-run tour was read or skipped; never show it again.
    role_change_requested(): the learner wants to choose another role (and so another path).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kompetenz.content.loader import Course
from kompetenz.content.model import Module
from kompetenz.learning.overview import course_overview
from kompetenz.ui.module_list import ModuleIdRole, ModuleListModel
from kompetenz.ui.roles import role_label
from kompetenz.ui.storage import school_server
from kompetenz.ui.text import escape, fill
from kompetenz.ui.wrapping_delegate import WrappingItemDelegate

# For annotations only: the records are imported with the learner's data, after the first paint.
if TYPE_CHECKING:
    from kompetenz.store.records import LessonState, ModuleProgress


class HomePage(QWidget):
    module_chosen = Signal(str)
    continue_requested = Signal(str, str)
    tour_dismissed = Signal()
    role_change_requested = Signal()

    def __init__(self, course: Course, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("homePage")
        self.course = course
        self.role: str | None = None  # None until a learner is known: every module is listed
        self._progress: Mapping[str, ModuleProgress] = {}
        self._paused: Mapping[str, tuple[int, int]] = {}
        self._continue_target: tuple[str, str] | None = None
        self.greeting = QLabel(self.tr("Your modules"))
        self.greeting.setObjectName("pageHeading")
        self.tour = self._build_tour()
        self.overview_label = QLabel()
        self.overview_label.setObjectName("overviewLabel")
        self.overview_label.setWordWrap(True)
        self.overall_bar = QProgressBar()
        self.overall_bar.setObjectName("overallProgressBar")
        self.overall_bar.setAccessibleName(self.tr("Overall progress"))
        self.overall_bar.setRange(0, 100)
        self.overall_bar.setFormat(self.tr("%p % done"))
        self.overall_bar.hide()  # shown once the learner's progress is known
        self.continue_button = QPushButton()
        self.continue_button.setObjectName("continueButton")
        self.continue_button.setAccessibleDescription(self.tr("Continue where you left off"))
        self.continue_button.clicked.connect(self._on_continue_clicked)
        self.continue_button.hide()
        self.path_heading = QLabel(self.tr("Your modules"))
        self.path_heading.setObjectName("sectionHeading")
        self.path_heading.setWordWrap(True)
        self.change_role_button = QPushButton(self.tr("Change role…"))
        self.change_role_button.setObjectName("changeRoleButton")
        self.change_role_button.setAccessibleDescription(
            self.tr("Change your role and learning path")
        )
        self.change_role_button.clicked.connect(self.role_change_requested)
        self.change_role_button.hide()  # shown once a learner (and so a role) is known
        self.module_list = self._module_view("moduleList", self.tr("Your learning path"))
        self.others_heading = QLabel(self.tr("Further modules (optional)"))
        self.others_heading.setObjectName("sectionHeading")
        self.other_list = self._module_view("otherModuleList", self.tr("Further modules"))
        self.model = self.other_model = ModuleListModel((), self)  # filled by _show_lists
        hint = QLabel(
            self.tr("Click a module to open it, or choose it with the arrow keys and press Enter.")
        )
        hint.setObjectName("hintLabel")
        hint.setWordWrap(True)
        if not course.modules:
            hint.setText(self.tr("No modules were found. Ask your trainer for a content pack."))
        self.failures_label = QLabel()
        self.failures_label.setObjectName("failuresLabel")
        self.failures_label.setWordWrap(True)
        self.failures_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._show_failures()
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.overview_label, 1)
        progress_row.addWidget(self.continue_button)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_heading, 1)
        path_row.addWidget(self.change_role_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.greeting)
        layout.addWidget(self.tour)
        layout.addLayout(progress_row)
        layout.addWidget(self.overall_bar)
        layout.addWidget(hint)
        layout.addLayout(path_row)
        layout.addWidget(self.module_list, 1)
        layout.addWidget(self.others_heading)
        layout.addWidget(self.other_list, 1)
        layout.addWidget(self.failures_label)
        self._lists_layout = layout
        self._show_lists()

    def _module_view(self, name: str, accessible_name: str) -> QListView:
        view = QListView()
        view.setObjectName(name)
        view.setAccessibleName(accessible_name)
        view.setSpacing(4)
        WrappingItemDelegate(view)  # rows as tall as their wrapped titles
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # A course with hundreds of modules lays out in batches instead of before the first paint.
        view.setLayoutMode(QListView.LayoutMode.Batched)
        view.activated.connect(self._on_module_list_activated)
        view.clicked.connect(self._on_module_list_activated)
        return view

    def _split(self) -> tuple[tuple[Module, ...], tuple[Module, ...]]:
        """The learner's path (their core modules) and the other modules, in course order."""
        if self.role is None:
            return self.course.modules, ()
        path = tuple(m for m in self.course.modules if m.is_core_for(self.role))
        return path, tuple(m for m in self.course.modules if not m.is_core_for(self.role))

    def _show_lists(self) -> None:
        path, others = self._split()
        for old in {self.model, self.other_model}:
            old.deleteLater()  # the views drop them when they get the new models below
        self.model = ModuleListModel(path, self)
        self.other_model = ModuleListModel(others, self)
        for view, model in ((self.module_list, self.model), (self.other_list, self.other_model)):
            model.set_progress(self._progress)
            model.set_paused(self._paused)
            view.setModel(model)
            view.setVisible(bool(model.rowCount()))
        if self.model.rowCount():  # only the path starts with a current module: one highlight
            self.module_list.setCurrentIndex(self.model.index(0))
        self.others_heading.setVisible(bool(others))
        self.path_heading.setText(self._path_text(path))
        # The path counts double: it is what the learner is here for.
        self._lists_layout.setStretchFactor(self.module_list, 2 * max(len(path), 1))
        self._lists_layout.setStretchFactor(self.other_list, max(len(others), 1))

    def _path_text(self, path: tuple[Module, ...]) -> str:
        if self.role is None:
            return self.tr("Your modules")
        label = role_label(self.role)
        if not path:
            return fill(self.tr("No module is required for your role (%1)."), label)
        return fill(
            self.tr(
                "Your learning path as %1: these modules lead to the "
                "certificate „Zertifikat KI-Kompetenz“"
            ),
            label,
        )

    def set_role(self, role: str) -> None:
        """Show the path of `role` first (the learner's role, or a newly chosen one)."""
        self.role = role
        self.change_role_button.show()
        self._show_lists()

    def _build_tour(self) -> QFrame:
        frame = QFrame()
        frame.setObjectName("tourPanel")
        text = QLabel(
            self.tr(
                "<b>Welcome!</b> Each module has short lessons and a quiz at the end. "
                "Read the lessons in any order; your progress is saved at once. "
                "Pass a module's quiz to get a certificate for your continuing-education "
                "records. Everything stays on this computer – Kompetenz works without internet."
            )
            if school_server() is None
            else self.tr(
                "<b>Welcome!</b> Each module has short lessons and a quiz at the end. "
                "Read the lessons in any order; your progress is saved at once, on your "
                "school's server. Pass a module's quiz to get a certificate for your "
                "continuing-education records. Kompetenz connects to nothing but that server."
            )
        )
        text.setWordWrap(True)
        button = QPushButton(self.tr("Got it"))
        button.setObjectName("tourDismissButton")
        button.setAccessibleDescription(self.tr("Close the introduction"))
        button.clicked.connect(self._on_tour_dismiss_clicked)
        row = QHBoxLayout(frame)
        row.addWidget(text, 1)
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        frame.hide()
        return frame

    def set_course(self, course: Course) -> None:
        """A content pack was installed or removed: show the new list of modules."""
        self.course = course
        self._show_lists()
        self._show_failures()

    def _show_failures(self) -> None:
        intro = self.tr("These modules could not be loaded. The others work normally:")
        self.failures_label.setText(_failures_html(self.course, intro))
        self.failures_label.setVisible(bool(self.course.failures))

    def set_learner(self, name: str, show_tour: bool, role: str | None = None) -> None:
        self.greeting.setText(fill(self.tr("Hello, %1"), name))
        self.tour.setVisible(show_tour)
        if role is not None:
            self.set_role(role)

    def set_progress(
        self, progress: Mapping[str, ModuleProgress], last_lesson: LessonState | None
    ) -> None:
        self._progress = progress
        self.model.set_progress(progress)
        self.other_model.set_progress(progress)
        overview = course_overview(self.course.modules, progress)
        self.overall_bar.setValue(overview.percent)
        self.overall_bar.show()
        self.overview_label.setText(
            fill(
                self.tr("%1 of %2 lessons read · %3 of %4 quizzes passed · about %5 min to go"),
                overview.lessons_done,
                overview.lessons_total,
                overview.modules_passed,
                overview.modules_total,
                overview.minutes_remaining,
            )
        )
        self._set_continue_target(last_lesson)

    def set_paused_quizzes(self, paused: Mapping[str, tuple[int, int]]) -> None:
        """Module id → (next question, questions in all) of each quiz the learner paused:
        the module lists say "Resume quiz – question 3 of 10" for them."""
        self._paused = paused
        self.model.set_paused(paused)
        self.other_model.set_paused(paused)

    def _set_continue_target(self, last_lesson: LessonState | None) -> None:
        module = self.course.module(last_lesson.module_id) if last_lesson else None
        lesson = module.lesson(last_lesson.lesson_file) if module and last_lesson else None
        if module is None or lesson is None:
            self._continue_target = None
            self.continue_button.hide()
            return
        self._continue_target = (module.id, lesson.file_name)
        self.continue_button.setText(fill(self.tr("Continue: %1 →"), lesson.title))
        self.continue_button.setToolTip(module.title)
        self.continue_button.show()

    def _on_continue_clicked(self) -> None:
        if self._continue_target is not None:
            self.continue_requested.emit(*self._continue_target)

    def _on_tour_dismiss_clicked(self) -> None:
        self.tour.hide()
        self.tour_dismissed.emit()
        self.module_list.setFocus()

    def _on_module_list_activated(self, index: QModelIndex) -> None:
        self.module_chosen.emit(str(index.data(ModuleIdRole)))


def _failures_html(course: Course, intro: str) -> str:
    items = "".join(
        f"<li><b>{escape(f.folder.name)}</b>: {escape(f.summary)}</li>" for f in course.failures
    )
    return f"<p>⚠ {escape(intro)}</p><ul>{items}</ul>"
