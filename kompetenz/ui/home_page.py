"""Home: where to continue, how far the learner is, the modules, and what could not be loaded.

Signals:
    module_chosen(module_id): the learner opened a module.
    continue_requested(module_id, file_name): back to the lesson last opened.
    tour_dismissed(): the first-run tour was read or skipped; never show it again.
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
from kompetenz.learning.overview import course_overview
from kompetenz.ui.module_list import ModuleIdRole, ModuleListModel
from kompetenz.ui.text import escape, fill
from kompetenz.ui.wrapping_delegate import WrappingItemDelegate

# For annotations only: the records are imported with the learner's data, after the first paint.
if TYPE_CHECKING:
    from kompetenz.store.records import LessonState, ModuleProgress


class HomePage(QWidget):
    module_chosen = Signal(str)
    continue_requested = Signal(str, str)
    tour_dismissed = Signal()

    def __init__(self, course: Course, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("homePage")
        self.course = course
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
        self.model = ModuleListModel(course.modules, self)
        self.module_list = QListView()
        self.module_list.setObjectName("moduleList")
        self.module_list.setAccessibleName(self.tr("Modules"))
        self.module_list.setModel(self.model)
        WrappingItemDelegate(self.module_list)
        self.module_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.module_list.setSpacing(4)
        # A course with hundreds of modules lays out in batches instead of before the first paint.
        self.module_list.setLayoutMode(QListView.LayoutMode.Batched)
        self.module_list.activated.connect(self._on_module_list_activated)
        self.module_list.clicked.connect(self._on_module_list_activated)
        if self.model.rowCount():
            self.module_list.setCurrentIndex(self.model.index(0))
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
        layout = QVBoxLayout(self)
        layout.addWidget(self.greeting)
        layout.addWidget(self.tour)
        layout.addLayout(progress_row)
        layout.addWidget(self.overall_bar)
        layout.addWidget(hint)
        layout.addWidget(self.module_list, 1)
        layout.addWidget(self.failures_label)

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
        self.model = ModuleListModel(course.modules, self)
        self.module_list.setModel(self.model)
        self._show_failures()

    def _show_failures(self) -> None:
        intro = self.tr("These modules could not be loaded. The others work normally:")
        self.failures_label.setText(_failures_html(self.course, intro))
        self.failures_label.setVisible(bool(self.course.failures))

    def set_learner(self, name: str, show_tour: bool) -> None:
        self.greeting.setText(fill(self.tr("Hello, %1"), name))
        self.tour.setVisible(show_tour)

    def set_progress(
        self, progress: Mapping[str, ModuleProgress], last_lesson: LessonState | None
    ) -> None:
        self.model.set_progress(progress)
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
        the module list says "Resume quiz – question 3 of 10" for them."""
        self.model.set_paused(paused)

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
