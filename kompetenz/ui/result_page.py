"""The result of an attempt and the review of every question.

Signals:
    module_requested(): back to the module overview.
    retake_requested(): start another attempt.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from kompetenz.ui.announce import announce, spoken
from kompetenz.ui.text import escape, fill

if TYPE_CHECKING:
    from kompetenz.learning.quiz_session import QuizResult
    from kompetenz.learning.review import ReviewItem


class ResultPage(QWidget):
    module_requested = Signal()
    retake_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultPage")
        self.score_label = QLabel()
        self.score_label.setObjectName("scoreLabel")
        self.score_label.setWordWrap(True)
        # The verdict is where the focus goes when the result appears, and it is announced.
        self.score_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.review = QTextBrowser()
        self.review.setObjectName("reviewView")
        self.review.setAccessibleName(self.tr("Review of your answers"))
        self.back_button = QPushButton(self.tr("Back to the module"))
        self.back_button.setObjectName("resultBackButton")
        self.back_button.clicked.connect(self.module_requested)
        self.retake_button = QPushButton(self.tr("Take the quiz again"))
        self.retake_button.setObjectName("retakeQuizButton")
        self.retake_button.clicked.connect(self.retake_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.retake_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.score_label)
        layout.addWidget(self.review, 1)
        layout.addLayout(buttons)

    def show_result(self, result: QuizResult, items: list[ReviewItem]) -> None:
        score = f"{result.score_percent:.0f}"
        if result.passed:
            text = fill(
                self.tr("✔ Passed: %1 % (pass mark %2 %)."), score, f"{result.pass_percent:.0f}"
            )
        else:
            text = fill(
                self.tr("✘ Not passed yet: %1 % (pass mark %2 %). Read the review and try again."),
                score,
                f"{result.pass_percent:.0f}",
            )
        self.score_label.setText(text)
        self.score_label.setAccessibleName(spoken(text))
        self.score_label.setProperty("passed", result.passed)
        self.review.setHtml("".join(self._item_html(item) for item in items))
        self.score_label.setFocus(Qt.FocusReason.OtherFocusReason)
        announce(self.score_label, text)

    def _item_html(self, item: ReviewItem) -> str:
        verdicts = {
            "right": self.tr("✔ right"),
            "partly": self.tr("◐ partly right"),
            "wrong": self.tr("✘ wrong"),
            "ungraded": self.tr("✎ not graded"),
        }
        # Translated outside the f-strings below: lupdate does not look inside them.
        question = self.tr("Question %1")
        yours = self.tr("Your answer:")
        right = self.tr("Right answer:")
        parts = [
            f"<h3>{escape(fill(question, item.number))} – {escape(verdicts[item.verdict])}</h3>",
            f"<p>{escape(item.question_text)}</p>",
            f"<p><b>{escape(yours)}</b> {escape(item.your_answer)}</p>",
        ]
        if item.correct_answer and item.verdict != "right":
            parts.append(f"<p><b>{escape(right)}</b> {escape(item.correct_answer)}</p>")
        parts.extend(f"<p><i>{escape(text)}</i></p>" for text in item.feedback)
        if item.general_feedback:
            parts.append(f"<p>{escape(item.general_feedback)}</p>")
        return "".join(parts) + "<hr/>"
