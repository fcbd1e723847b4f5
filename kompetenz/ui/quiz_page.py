"""Taking a quiz: one question at a time, every confirmed answer saved at once.

Keys: 1–9 pick an option, Enter confirms the answer; Tab and the arrow keys move through the
answers as in any group of radio buttons or check boxes.

For screen readers: a new question takes the focus, so it is read first, with "Question 3 of
10" as its description; the answers form a group named by the question; a missing word's gap
is read as "gap" ("Lücke"); a saved answer and a missing answer are announced.

Signals:
    attempt_finished(): the last answer is in; the window shows the result.
    module_requested(): leave the quiz (it can be resumed later).
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kompetenz.quiz.model import QuestionType
from kompetenz.ui.announce import announce
from kompetenz.ui.question_widgets import AnswerWidget, make_answer_widget, spoken_question
from kompetenz.ui.text import fill

if TYPE_CHECKING:
    from kompetenz.learning.quiz_session import QuizResult, QuizSession
    from kompetenz.quiz.attempt_plan import PlannedQuestion


class QuizPage(QWidget):
    attempt_finished = Signal()
    module_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quizPage")
        self.session: QuizSession | None = None
        self.result: QuizResult | None = None
        self.position = 0
        self.answer_widget: AnswerWidget | None = None
        self.counter_label = QLabel()
        self.counter_label.setObjectName("questionCounterLabel")
        self.question_label = QLabel()
        self.question_label.setObjectName("questionText")
        self.question_label.setWordWrap(True)
        self.question_label.setTextFormat(Qt.TextFormat.PlainText)
        # A Tab stop of its own, so the question is where a new question puts the focus.
        self.question_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.answer_area = QScrollArea()
        self.answer_area.setWidgetResizable(True)
        self.answer_area.setObjectName("answerArea")
        self.answer_area.setAccessibleName(self.tr("Question and answers"))
        self.answer_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.answer_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the answers are the Tab stops
        # Answers wrap to the width there is; nothing is ever scrolled sideways out of sight.
        self.answer_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.message_label = QLabel()
        self.message_label.setObjectName("errorLabel")
        self.message_label.setWordWrap(True)
        self.leave_button = QPushButton(self.tr("Pause quiz"))
        self.leave_button.setObjectName("pauseQuizButton")
        self.leave_button.setAccessibleDescription(
            self.tr("Your answers so far are kept; you can resume later.")
        )
        self.leave_button.clicked.connect(self.module_requested)
        self.submit_button = QPushButton(self.tr("Confirm answer"))
        self.submit_button.setObjectName("submitAnswerButton")
        self.submit_button.clicked.connect(self._on_submit_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.leave_button)
        buttons.addStretch(1)
        buttons.addWidget(self.message_label, 1)
        buttons.addWidget(self.submit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counter_label)
        layout.addWidget(self.answer_area, 1)
        layout.addLayout(buttons)

    def start(self, session: QuizSession) -> None:
        self.session = session
        self.result = None
        self._show(session.next_open_position())

    def _show(self, position: int) -> None:
        assert self.session is not None
        if position >= self.session.size:
            self.result = self.session.finish()
            self.attempt_finished.emit()
            return
        self.position = position
        self.show_question(self.session.items[position], position + 1, self.session.size)

    def show_question(self, planned: PlannedQuestion, number: int, total: int) -> None:
        """Lay out one question and its answers; the focus goes to the question."""
        counter = fill(self.tr("Question %1 of %2"), number, total)
        self.counter_label.setText(counter)
        spoken = spoken_question(planned.question.text, self.tr("gap"))
        self.question_label.setText(planned.question.text)
        self.question_label.setAccessibleName(spoken)
        self.question_label.setAccessibleDescription(counter)
        self.answer_widget = make_answer_widget(planned)
        self.answer_widget.name_after(spoken)
        self.answer_widget.setAccessibleDescription(counter)
        self.question_label.setBuddy(self.answer_widget)
        self._put_in_scroll_area(self.answer_widget)
        self.message_label.clear()
        last = number == total
        self.submit_button.setText(
            self.tr("Confirm and finish") if last else self.tr("Confirm answer")
        )
        if planned.question.type is QuestionType.DESCRIPTION:
            self.submit_button.setText(self.tr("Continue"))
        self._order_tab_stops(self.answer_widget)
        self.question_label.setFocus(Qt.FocusReason.OtherFocusReason)

    def _put_in_scroll_area(self, answers: AnswerWidget) -> None:
        """The question scrolls with its answers: on a small screen with large text a long
        question must not squeeze the answers (or itself) out of sight."""
        previous = self.answer_area.takeWidget()
        content = QWidget()
        content.setObjectName("questionContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.question_label)  # moves the label out of the previous content
        layout.addWidget(answers, 1)
        self.answer_area.setWidget(content)
        if previous is not None:
            previous.deleteLater()

    def _order_tab_stops(self, answers: AnswerWidget) -> None:
        """Question, then its answers, then the buttons: the reading order, not the order in
        which the widgets happened to be made."""
        inputs = [
            child
            for child in answers.findChildren(QWidget)
            if child.focusPolicy() & Qt.FocusPolicy.TabFocus and child.parent() is answers
        ]
        chain = [self.question_label, *inputs, self.leave_button, self.submit_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _on_submit_clicked(self) -> None:
        if self.session is None or self.answer_widget is None:
            return
        response = self.answer_widget.response()
        if response is None:
            self.message_label.setText(self.tr("Please answer first."))
            announce(self.message_label, self.message_label.text(), urgent=True)
            return
        from kompetenz.store.errors import StoreError

        try:
            self.session.answer(self.position, response)
        except StoreError as error:  # e.g. the server is gone: say it was NOT saved, stay here
            self.message_label.setText(str(error))
            announce(self.message_label, str(error), urgent=True)
            return
        announce(self, self.tr("Answer saved."))
        self._show(self.position + 1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        typing = isinstance(self.focusWidget(), QPlainTextEdit)
        text = event.text()
        picked = (
            not typing
            and text.isdigit()
            and self.answer_widget is not None
            and self.answer_widget.pick(int(text))
        )
        if picked:
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            not typing or event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self._on_submit_clicked()
            return
        super().keyPressEvent(event)
