"""Every question of the course fits a small screen at the largest text size.

At 800×600 and at 100 % and 200 % text, with the app's stylesheet: the answers wrap instead
of scrolling sideways, every answer control lies inside the visible width of the answer area,
and no control is given less height than its wrapped text needs.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from ui_helpers import REPO_CONTENT

from kompetenz.content.loader import load_course
from kompetenz.learning.quiz_session import load_questions
from kompetenz.quiz.attempt_plan import PlannedQuestion, plan_attempt
from kompetenz.quiz.gift import parse_gift
from kompetenz.resources import resource_path
from kompetenz.ui.quiz_page import QuizPage
from kompetenz.ui.settings import apply_text_scale, scale_stylesheet

LONG = (
    "Das Modell kennt aus dem Training nur den Stand bis zu seinem Stichtag und erfindet "
    "deshalb im Zweifel eine plausible, aber falsche Antwort, wenn niemand die Quelle prüft"
)
URL = "https://example.invalid/" + "sehr-langer-pfad/" * 8
SYNTHETIC_GIFT = f"""
::lang-single:: {LONG}? {{={LONG} ~{LONG}. Und noch ein Satz dazu. ~{URL} ~kurz}}

::lang-multi:: {LONG}? {{~%50%{LONG} ~%50%{LONG}! ~%-100%{URL}}}

::lang-match:: {LONG} {{={LONG} -> {LONG} =Kurz -> {URL} =Mittel -> Eine Antwort}}

::lang-missing:: {LONG} {{=Token ~{LONG}}} und danach geht es weiter.

::lang-essay:: {LONG}? {{}}
"""

INPUTS = (QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QLabel)


def every_question() -> list[PlannedQuestion]:
    course = load_course([REPO_CONTENT])
    assert course.modules
    assert not course.failures
    planned = [
        item
        for module in course.modules
        for item in plan_attempt(load_questions(module), None, False, random.Random(1))
    ]
    synthetic = plan_attempt(parse_gift(SYNTHETIC_GIFT), None, False, random.Random(1))
    return planned + synthetic


@pytest.fixture(params=[100, 200], ids=["text 100 %", "text 200 %"])
def text_scale(request, qapp: QApplication) -> Iterator[int]:  # type: ignore[no-untyped-def]
    qss = resource_path("styles", "kompetenz.qss").read_text(encoding="utf-8")
    qapp.setStyleSheet(scale_stylesheet(qss, request.param))
    apply_text_scale(qapp, request.param)
    yield request.param
    qapp.setStyleSheet("")
    apply_text_scale(qapp, 100)


def layout_problems(page: QuizPage) -> list[str]:
    area = page.answer_area
    answers = page.answer_widget
    assert answers is not None
    problems = []
    if area.horizontalScrollBar().maximum() > 0 or answers.width() > area.viewport().width():
        problems.append(f"answers {answers.width()} px wide in {area.viewport().width()} px")
    right_edge = area.viewport().width()
    for widget in answers.findChildren(QWidget):
        if not isinstance(widget, INPUTS) or not widget.isVisibleTo(page):
            continue
        left = widget.mapTo(area.viewport(), widget.rect().topLeft()).x()
        right = widget.mapTo(area.viewport(), widget.rect().topRight()).x()
        name = f"{type(widget).__name__} {widget.objectName()!r}"
        if left < 0 or right >= right_edge:
            problems.append(f"{name} spans x {left}..{right} of 0..{right_edge - 1}")
        if widget.hasHeightForWidth() and widget.height() < widget.heightForWidth(widget.width()):
            problems.append(f"{name} is cut off at the bottom")
    label = page.question_label
    if label.height() < label.heightForWidth(label.width()) or label.width() > page.width():
        problems.append("the question text is cut off")
    return problems


def test_every_question_fits_800_by_600(qtbot, text_scale: int) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    page = QuizPage()
    QVBoxLayout(window).addWidget(page)
    window.resize(800, 600)
    window.show()
    questions = every_question()
    assert len(questions) > 40  # the real course, not an empty folder
    assert window.width() == 800  # nothing in the quiz forces the window wider
    problems = {}
    for number, planned in enumerate(questions, start=1):
        page.show_question(planned, number, len(questions))
        QApplication.processEvents()
        found = layout_problems(page)
        if found:
            problems[planned.question.title or planned.question.text[:40]] = found
    assert problems == {}


def test_the_check_sees_answers_that_do_not_wrap(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QRadioButton

    from kompetenz.ui import question_widgets

    page = QuizPage()
    qtbot.addWidget(page)
    page.resize(800, 600)
    page.show()
    original = question_widgets.WrappingRadioButton
    question_widgets.WrappingRadioButton = QRadioButton  # type: ignore[misc, assignment]
    try:
        page.show_question(every_question()[-5], 1, 1)  # the synthetic long single choice
        QApplication.processEvents()
        assert any("choice" in problem for problem in layout_problems(page))
    finally:
        question_widgets.WrappingRadioButton = original  # type: ignore[misc]
