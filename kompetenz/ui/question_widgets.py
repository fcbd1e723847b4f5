"""One input widget per question type; each returns a Response the grader understands.

Choices appear in the attempt's planned order, but responses always name the option's index
in the quiz file, so shuffling never changes what is stored or how it is graded.

Each widget is the question's answer group for assistive technology: a flat group box (the
answers framed as one block) named after the question, so a screen reader says which question
an answer belongs to. Choices wrap at any width (wrapping_buttons.py).
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from kompetenz.quiz.attempt_plan import PlannedQuestion
from kompetenz.quiz.grading import Response
from kompetenz.quiz.model import MatchPair, QuestionType
from kompetenz.ui.storage import school_server
from kompetenz.ui.text import fill
from kompetenz.ui.wrapping_buttons import WrappingCheckBox, WrappingRadioButton

BLANK = "_____"  # how GIFT shows the gap of a missing-word question


def spoken_question(text: str, gap_name: str) -> str:
    """The question as a screen reader should say it: a gap is a word ("Lücke"), not a line,
    spaced as a word: "nennt man _____." is said as "nennt man Lücke.", not "Lücke .".
    """
    spoken = text.replace(BLANK, f" {gap_name} ")
    spoken = re.sub(r" +([.,;:!?)])", r"\1", spoken)
    return re.sub(r" {2,}", " ", spoken).strip()


class AnswerWidget(QGroupBox):
    """Base: the learner's current response, or None while nothing is chosen."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("answerGroup")
        self.setFlat(True)

    def name_after(self, question: str) -> None:
        """The group is named by the question, as a fieldset by its legend."""
        self.setAccessibleName(question)

    def response(self) -> Response:
        return None

    def pick(self, number: int) -> bool:
        """Number keys choose an option (1 = first shown); False when the type has none."""
        return False


class ChoiceWidget(AnswerWidget):
    def __init__(self, planned: PlannedQuestion, multiple: bool) -> None:
        super().__init__()
        self._multiple = multiple
        self._buttons: list[tuple[int, QAbstractButton]] = []
        # Radio buttons form one exclusive group: one Tab stop, the arrows choose. Check boxes
        # stay out of any group, so that each is a Tab stop of its own, as in native dialogs.
        group = None if multiple else QButtonGroup(self)
        layout = QVBoxLayout(self)
        choices = planned.question.choices()
        for shown, index in enumerate(planned.choice_order, start=1):
            text = f"&{shown}  {choices[index].text}" if shown < 10 else choices[index].text
            button: QAbstractButton = (
                WrappingCheckBox(text) if multiple else WrappingRadioButton(text)
            )
            button.setObjectName(f"choice{shown}")
            if group is not None:
                group.addButton(button)
            layout.addWidget(button)
            self._buttons.append((index, button))
        if multiple:
            hint = QLabel(self.tr("Several answers can be right."))
            hint.setObjectName("hintLabel")
            layout.addWidget(hint)
        layout.addStretch(1)

    def response(self) -> Response:
        chosen = [index for index, button in self._buttons if button.isChecked()]
        if self._multiple:
            # Ticking nothing is "not answered yet", as in Moodle, not a deliberate empty answer.
            return frozenset(chosen) if chosen else None
        return chosen[0] if chosen else None

    def pick(self, number: int) -> bool:
        if not 1 <= number <= len(self._buttons):
            return False
        button = self._buttons[number - 1][1]
        button.setChecked(not button.isChecked() if self._multiple else True)
        button.setFocus()
        return True


class TrueFalseWidget(AnswerWidget):
    def __init__(self) -> None:
        super().__init__()
        self.true_button = WrappingRadioButton(self.tr("&1  True"))
        self.true_button.setObjectName("choice1")
        self.false_button = WrappingRadioButton(self.tr("&2  False"))
        self.false_button.setObjectName("choice2")
        layout = QVBoxLayout(self)
        layout.addWidget(self.true_button)
        layout.addWidget(self.false_button)
        layout.addStretch(1)

    def response(self) -> Response:
        if self.true_button.isChecked():
            return True
        return False if self.false_button.isChecked() else None

    def pick(self, number: int) -> bool:
        button = {1: self.true_button, 2: self.false_button}.get(number)
        if button is None:
            return False
        button.setChecked(True)
        button.setFocus()
        return True


class TextWidget(AnswerWidget):
    """Short answers and numbers: one line of text (a decimal comma is fine)."""

    def __init__(self, numerical: bool) -> None:
        super().__init__()
        self.field = QLineEdit()
        self.field.setObjectName("answerField")
        self.field.setAccessibleName(
            self.tr("Your answer (a number)") if numerical else self.tr("Your answer")
        )
        self.field.setPlaceholderText(self.tr("e.g. 3,5") if numerical else self.tr("Your answer"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addStretch(1)

    def response(self) -> Response:
        text = self.field.text().strip()
        return text or None


class EssayWidget(AnswerWidget):
    """A reflection: kept as the learner wrote it, counted as answered, never graded."""

    def __init__(self) -> None:
        super().__init__()
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("essayEditor")
        self.editor.setAccessibleName(self.tr("Your reflection"))
        self.editor.setTabChangesFocus(True)
        self.count_label = QLabel()
        self.count_label.setObjectName("wordCountLabel")
        self.editor.textChanged.connect(self._on_editor_text_changed)
        note = QLabel(
            self.tr("Your reflection is not graded. It stays on this computer.")
            if school_server() is None
            else self.tr("Your reflection is not graded. It is saved on your school's server; "
                         "the school leadership cannot see it.")
        )
        note.setObjectName("hintLabel")
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor)
        layout.addWidget(self.count_label)
        layout.addWidget(note)
        self._on_editor_text_changed()

    def _on_editor_text_changed(self) -> None:
        words = len(re.findall(r"\w+", self.editor.toPlainText()))
        self.count_label.setText(fill(self.tr("Words: %1"), words))

    def response(self) -> Response:
        text = self.editor.toPlainText()
        return text if text.strip() else None


class MatchingWidget(AnswerWidget):
    def __init__(self, planned: PlannedQuestion) -> None:
        super().__init__()
        pairs = planned.question.answers
        assert isinstance(pairs, tuple)
        options = _matching_options(planned)
        self._boxes: list[tuple[int, QComboBox]] = []
        # Each item above its choice, not beside it: a form layout's label column does not
        # give a wrapped label the height it needs, and below leaves both the full width.
        layout = QVBoxLayout(self)
        for index, pair in enumerate(pairs):
            if not isinstance(pair, MatchPair) or not pair.question:
                continue
            box = QComboBox()
            box.setObjectName(f"match{len(self._boxes) + 1}")
            box.setAccessibleName(fill(self.tr("Match for: %1"), pair.question))
            # Long options are shown shortened in the box (in full in its list), so a long
            # option never makes the quiz wider than the window.
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(12)
            box.addItem(self.tr("– choose –"), None)
            for option in options:
                box.addItem(option, option)
            label = QLabel(pair.question)
            label.setWordWrap(True)
            label.setBuddy(box)
            layout.addWidget(label)
            layout.addWidget(box)
            layout.addSpacing(box.fontMetrics().height() // 2)
            self._boxes.append((index, box))
        layout.addStretch(1)

    def response(self) -> Response:
        chosen = {index: box.currentData() for index, box in self._boxes}
        answered = {index: str(value) for index, value in chosen.items() if value is not None}
        return answered or None


class DescriptionWidget(AnswerWidget):
    """Text only; nothing to answer."""

    def response(self) -> Response:
        return ""


def _matching_options(planned: PlannedQuestion) -> list[str]:
    answers = planned.question.answers
    pairs = [p for p in answers if isinstance(p, MatchPair)] if isinstance(answers, tuple) else []
    distinct = list(dict.fromkeys(pair.answer for pair in pairs))
    order = [i for i in planned.choice_order if 0 <= i < len(distinct)]
    return [distinct[i] for i in order] if len(order) == len(distinct) else distinct


def make_answer_widget(planned: PlannedQuestion) -> AnswerWidget:
    kind = planned.question.type
    if kind in (QuestionType.SINGLE_CHOICE, QuestionType.MISSING_WORD):
        return ChoiceWidget(planned, multiple=False)
    if kind is QuestionType.MULTIPLE_CHOICE:
        return ChoiceWidget(planned, multiple=True)
    if kind is QuestionType.TRUE_FALSE:
        return TrueFalseWidget()
    if kind in (QuestionType.SHORT_ANSWER, QuestionType.NUMERICAL):
        return TextWidget(numerical=kind is QuestionType.NUMERICAL)
    if kind is QuestionType.MATCHING:
        return MatchingWidget(planned)
    if kind is QuestionType.ESSAY:
        return EssayWidget()
    return DescriptionWidget()
