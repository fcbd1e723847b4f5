"""A module's overview: what it teaches, its lessons with their state, the quiz, the certificate.

Signals:
    lesson_chosen(file_name): open this lesson.
    quiz_requested(): start or resume the quiz.
    certificate_requested(): export a certificate for this module.
    templates.template_requested(file_name): open one of the module's templates.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kompetenz.content.model import Module
from kompetenz.store.records import AttemptRecord, LessonState, ModuleProgress
from kompetenz.ui.template_box import TemplateBox
from kompetenz.ui.text import escape, fill
from kompetenz.ui.wrapping_delegate import WrappingItemDelegate
from kompetenz.ui.wrapping_push_button import WrappingPushButton

FileNameRole = Qt.ItemDataRole.UserRole + 1


class ModulePage(QWidget):
    lesson_chosen = Signal(str)
    quiz_requested = Signal()
    certificate_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("modulePage")
        self.module: Module | None = None
        self.title_label = QLabel()
        self.title_label.setObjectName("pageHeading")
        self.title_label.setWordWrap(True)
        self.overview = QTextBrowser()
        self.overview.setObjectName("moduleOverview")
        self.overview.setAccessibleName(self.tr("About this module"))
        self.overview.setOpenLinks(False)
        self.overview.document().setDocumentMargin(12)
        self.lesson_list = QListWidget()
        self.lesson_list.setObjectName("lessonList")
        self.lesson_list.setAccessibleName(self.tr("Lessons"))
        WrappingItemDelegate(self.lesson_list)
        self.lesson_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.lesson_list.itemActivated.connect(self._on_lesson_list_activated)
        self.lesson_list.itemClicked.connect(self._on_lesson_list_activated)
        self.quiz_label = QLabel()
        self.quiz_label.setObjectName("quizStateLabel")
        self.quiz_label.setWordWrap(True)
        # Both wrap their text: in one row at 200 % text they would squeeze the overview.
        self.start_quiz_button = WrappingPushButton(self.tr("Start quiz"))
        self.start_quiz_button.setObjectName("startQuizButton")
        self.start_quiz_button.clicked.connect(self.quiz_requested)
        self.certificate_button = WrappingPushButton(self.tr("Export certificate…"))
        self.certificate_button.setObjectName("exportCertificateButton")
        self.certificate_button.clicked.connect(self.certificate_requested)

        lessons_heading = QLabel(self.tr("Lessons"))
        lessons_heading.setObjectName("sectionHeading")
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_quiz_button)
        buttons.addWidget(self.certificate_button)
        buttons.addStretch(1)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.overview, 1)
        right = QVBoxLayout()
        right.addWidget(lessons_heading)
        right.addWidget(self.lesson_list, 1)
        right.addWidget(self.quiz_label)
        right.addLayout(buttons)
        self.templates = TemplateBox(self.tr("Templates for your school"))
        self.template_area = _scrolling(self.templates)
        right.addWidget(self.template_area)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addLayout(columns, 1)

    def show_module(
        self,
        module: Module,
        states: dict[str, LessonState],
        progress: ModuleProgress | None,
        unfinished: AttemptRecord | None = None,
    ) -> None:
        self.module = module
        self.title_label.setText(module.title)
        self.overview.setHtml(self._overview_html(module))
        self.templates.set_templates(module.templates)
        self.template_area.setVisible(bool(module.templates))
        self.lesson_list.clear()
        for number, lesson in enumerate(module.lessons, start=1):
            state = states.get(lesson.file_name)
            # A symbol and a word for the state: never colour alone.
            mark = (
                self.tr("✔ read")
                if state and state.is_completed
                else (self.tr("◐ started") if state else self.tr("○ not started"))
            )
            item = QListWidgetItem(f"{number}. {lesson.title}\n{mark}")
            item.setData(FileNameRole, lesson.file_name)
            self.lesson_list.addItem(item)
        if self.lesson_list.count():
            self.lesson_list.setCurrentRow(_first_unread(module, states))
        self._show_quiz_state(module, progress, unfinished)

    def _show_quiz_state(
        self, module: Module, progress: ModuleProgress | None, unfinished: AttemptRecord | None
    ) -> None:
        pass_mark = fill(self.tr("Pass mark: %1 %."), f"{module.quiz.pass_percent:.0f}")
        if progress and progress.passed:
            state = fill(self.tr("Quiz passed with %1 %."), f"{progress.best_score_percent:.0f}")
        elif progress and progress.best_score_percent is not None:
            state = fill(self.tr("Best result so far: %1 %."), f"{progress.best_score_percent:.0f}")
        elif unfinished is not None:
            state = fill(
                self.tr("Quiz paused: %1 of %2 questions answered."),
                len(unfinished.answers),
                len(unfinished.plan),
            )
        else:
            state = self.tr("Quiz not taken yet.")
        self.quiz_label.setText(f"{state} {pass_mark}")
        passed = bool(progress and progress.passed)
        self.certificate_button.setEnabled(passed)
        self.certificate_button.setToolTip(
            "" if passed else self.tr("Pass the quiz to receive a certificate for this module.")
        )
        self._set_quiz_button(module, progress, unfinished)

    def _overview_html(self, module: Module) -> str:
        objectives = "".join(f"<li>{escape(o)}</li>" for o in module.objectives)
        learn_heading = self.tr("You will learn to")  # lupdate cannot see tr() in an f-string
        facts = [
            (self.tr("For"), ", ".join(module.audience)),
            (self.tr("Time needed"), fill(self.tr("about %1 minutes"), module.estimated_minutes)),
            (self.tr("Facts as of"), module.as_of.strftime("%d.%m.%Y")),
            (self.tr("Version"), module.version),
        ]
        rows = "".join(
            f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in facts if v
        )
        return (
            f"<p>{escape(module.summary)}</p>"
            f"<h3>{escape(learn_heading)}</h3><ul>{objectives}</ul>"
            f"<table cellpadding='4'>{rows}</table>"
        )

    def _set_quiz_button(
        self, module: Module, progress: ModuleProgress | None, unfinished: AttemptRecord | None
    ) -> None:
        attempts = progress.attempts if progress else 0
        limit = module.quiz.max_attempts
        self.start_quiz_button.setEnabled(True)
        if unfinished is not None:
            total = len(unfinished.plan)
            self.start_quiz_button.setText(
                fill(
                    self.tr("Resume quiz – question %1 of %2"),
                    min(len(unfinished.answers) + 1, total),
                    total,
                )
            )
        elif limit and attempts >= limit:
            self.start_quiz_button.setText(self.tr("No attempts left"))
            self.start_quiz_button.setEnabled(False)
        else:
            self.start_quiz_button.setText(
                self.tr("Retake quiz") if attempts else self.tr("Start quiz")
            )
        if limit:
            self.quiz_label.setText(
                self.quiz_label.text()
                + " "
                + fill(self.tr("Attempts: %1 of %2."), min(attempts, limit), limit)
            )

    def _on_lesson_list_activated(self, item: QListWidgetItem) -> None:
        self.lesson_chosen.emit(str(item.data(FileNameRole)))


def _first_unread(module: Module, states: dict[str, LessonState]) -> int:
    for row, lesson in enumerate(module.lessons):
        state = states.get(lesson.file_name)
        if not (state and state.is_completed):
            return row
    return 0


def _scrolling(box: QWidget) -> QScrollArea:
    """The templates scroll when the window is short (800 × 600 at 200 % text) instead of
    squeezing their buttons to one line of clipped text. Not a Tab stop: the buttons are."""
    area = QScrollArea()
    area.setObjectName("templateScrollArea")
    area.setWidget(box)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setSizeAdjustPolicy(QScrollArea.SizeAdjustPolicy.AdjustToContents)
    return area
