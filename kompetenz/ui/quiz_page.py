"""Taking a quiz: one question at a time, every confirmed answer saved at once.

Keys: 1–9 pick an option, Enter confirms the answer.

Signals:
    attempt_finished(): the last answer is in; the window shows the result.
    module_requested(): leave the quiz (it can be resumed later).
"""

from __future__ import annotations

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
from kompetenz.ui.question_widgets import AnswerWidget, make_answer_widget
from kompetenz.ui.text import fill

if TYPE_CHECKING:
    from kompetenz.learning.quiz_session import QuizResult, QuizSession


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
        self.answer_area = QScrollArea()
        self.answer_area.setWidgetResizable(True)
        self.answer_area.setObjectName("answerArea")
        self.answer_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.message_label = QLabel()
        self.message_label.setObjectName("errorLabel")
        self.leave_button = QPushButton(self.tr("Pause quiz"))
        self.leave_button.setObjectName("pauseQuizButton")
        self.leave_button.setAccessibleName(self.tr("Pause the quiz and go back to the module"))
        self.leave_button.clicked.connect(self.module_requested)
        self.submit_button = QPushButton(self.tr("Confirm answer"))
        self.submit_button.setObjectName("submitAnswerButton")
        self.submit_button.setAccessibleName(self.tr("Confirm answer"))
        self.submit_button.clicked.connect(self._on_submit_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.leave_button)
        buttons.addStretch(1)
        buttons.addWidget(self.message_label)
        buttons.addWidget(self.submit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counter_label)
        layout.addWidget(self.question_label)
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
        planned = self.session.items[position]
        self.counter_label.setText(
            fill(self.tr("Question %1 of %2"), position + 1, self.session.size)
        )
        self.question_label.setText(planned.question.text)
        self.answer_widget = make_answer_widget(planned)
        self.answer_area.setWidget(self.answer_widget)
        self.message_label.clear()
        last = position == self.session.size - 1
        self.submit_button.setText(
            self.tr("Confirm and finish") if last else self.tr("Confirm answer")
        )
        if planned.question.type is QuestionType.DESCRIPTION:
            self.submit_button.setText(self.tr("Continue"))
        self.answer_widget.setFocus()
        first_input = self.answer_widget.focusNextChild()
        if not first_input:
            self.submit_button.setFocus()

    def _on_submit_clicked(self) -> None:
        if self.session is None or self.answer_widget is None:
            return
        response = self.answer_widget.response()
        if response is None:
            self.message_label.setText(self.tr("Please answer first."))
            return
        from kompetenz.store.errors import StoreError

        try:
            self.session.answer(self.position, response)
        except StoreError as error:  # e.g. the server is gone: say it was NOT saved, stay here
            self.message_label.setText(str(error))
            return
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
