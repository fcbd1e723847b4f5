"""Every screen can be used with a screen reader and the keyboard alone.

Checked through Qt's accessibility interfaces, i.e. what a screen reader gets: every control
and every Tab stop has a name; a button's name contains its visible text (so a learner who
says what they see, with voice control, hits it); in the quiz the question names the answer
group and takes the focus, a gap is read as a word, the verdict is focusable and announced.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from a11y_hooks import AccessibilityEvents
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTextEdit,
    QWidget,
)

from kompetenz.content.loader import load_course
from kompetenz.ui.main_window import MainWindow
from kompetenz.ui.quiz_page import QuizPage
from kompetenz.ui.services import AppServices

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractItemView,
    QTextEdit,
    QPlainTextEdit,
    QAbstractSlider,
    QAbstractSpinBox,
)

ALL_TYPES_GIFT = """
::a-single:: Eine Antwort? {=ja#gut ~nein#schlecht}

::a-multi:: Mehrere? {~%50%a#x ~%50%b#y ~%-100%c#z}

::a-tf:: Wahr? {T#falsch#richtig}

::a-short:: Wort? {=Token =Tokens}

::a-num:: Zahl? {#2024}

::a-match:: Paare {=A -> 1 =B -> 2 =C -> 3}

::a-missing:: Ein {=Token ~Satz} ist ein Wortteil.

::a-essay:: Was nehmen Sie mit? {}

::a-text:: Ein Hinweis ohne Frage.
"""


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def _said(text: str) -> str:
    """Visible text as it is compared: no mnemonic marks, single spaces, any case."""
    return re.sub(r"\s+", " ", text.replace("&", "")).strip().casefold()


def _is_popup_list(widget: QWidget) -> bool:
    parent = widget.parent()
    return (
        isinstance(widget, QAbstractItemView)
        and parent is not None
        and isinstance(parent.parent(), QComboBox)
    )


def accessibility_problems(root: QWidget) -> list[str]:
    """Nameless controls or Tab stops, and buttons whose name hides their visible text."""
    problems = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or isinstance(widget, QScrollBar) or _is_popup_list(widget):
            continue
        tab_stop = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if not (isinstance(widget, INTERACTIVE) or tab_stop):
            continue
        label = f"{type(widget).__name__} {widget.objectName()!r}"
        name = accessible_name(widget)
        if not name.strip():
            problems.append(f"{label} has no name")
        elif isinstance(widget, QAbstractButton) and _said(widget.text()) not in _said(name):
            problems.append(f"{label} shows {widget.text()!r} but is named {name!r}")
        elif widget.focusPolicy() == Qt.FocusPolicy.NoFocus and not isinstance(
            widget, QAbstractButton
        ):
            problems.append(f"{label} takes no focus")
    return problems


def quiz_problems(window: MainWindow, quiz: QuizPage) -> list[str]:
    """The question is focused, names the answer group and is tied to it as its label."""
    problems = []
    group = quiz.answer_widget
    assert group is not None
    question = quiz.question_label.accessibleName()
    if "_____" in question or not question:
        problems.append(f"the question is read as {question!r}")
    if accessible_name(group) != question:
        problems.append(f"the answer group is named {accessible_name(group)!r}")
    interface = QAccessible.queryAccessibleInterface(group)
    labels = [
        other.object() for other, _relation in interface.relations(QAccessible.RelationFlag.Label)
    ]
    if quiz.question_label not in labels:
        problems.append("the question is not the answer group's label")
    if window.focusWidget() is not quiz.question_label:
        problems.append(f"the focus is on {window.focusWidget()!r}, not on the question")
    return problems


@pytest.fixture
def all_types_window(qtbot, sample_content: Path, data_dir: Path, store) -> MainWindow:  # type: ignore[no-untyped-def]
    (sample_content / "de" / "beispiel" / "quiz.gift").write_text(ALL_TYPES_GIFT, encoding="utf-8")
    window = MainWindow(AppServices(course=load_course([sample_content]), data_dir=data_dir))
    qtbot.addWidget(window)
    window.show()
    window.attach_store(store)
    qtbot.keyClicks(window.welcome_page.name_field, "Anna Zugang")
    qtbot.keyClick(window.welcome_page.name_field, Qt.Key.Key_Return)
    return window


@pytest.fixture
def events() -> Iterator[AccessibilityEvents]:
    recorder = AccessibilityEvents()
    recorder.start()
    yield recorder
    recorder.stop()


def test_every_screen_names_its_controls(qtbot, all_types_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window = all_types_window
    seen: dict[str, list[str]] = {"home": accessibility_problems(window)}
    window.home_page.tour.show()
    seen["home with tour"] = accessibility_problems(window)
    window.open_module("beispiel")
    seen["module"] = accessibility_problems(window)
    window.open_lesson("01-prompts.md")
    seen["lesson"] = accessibility_problems(window)
    window.lesson_page.mark_done_button.click()
    seen["lesson read"] = accessibility_problems(window)
    window.start_quiz()
    quiz = window.quiz_page
    types = []
    while window.stack.currentWidget() is quiz:
        kind = quiz.session.items[quiz.position].question.type.value
        types.append(kind)
        seen[f"quiz {kind}"] = accessibility_problems(window) + quiz_problems(window, quiz)
        _answer_somehow(qtbot, quiz)
        assert len(types) <= 8, f"the quiz does not go on after {types}: {_stuck(window)}"
    assert len(types) == 8  # every type but the description, which is never drawn
    seen["result"] = accessibility_problems(window)
    if window.focusWidget() is not window.result_page.score_label:
        seen["result"].append("the verdict does not have the focus")
    window.open_module("beispiel")
    seen["module after the quiz"] = accessibility_problems(window)
    window.show_search()
    seen["search"] = accessibility_problems(window)
    window.show_progress()
    seen["progress"] = accessibility_problems(window)
    window.show_help()
    seen["help"] = accessibility_problems(window)
    window.profiles.show_chooser()
    seen["profiles"] = accessibility_problems(window)
    problems = {screen: found for screen, found in seen.items() if found}
    assert problems == {}


def _stuck(window: MainWindow) -> str:
    """What the window shows when an answer was not taken (instead of a test that never ends)."""
    from PySide6.QtWidgets import QLabel

    labels = [label.text() for label in window.quiz_page.findChildren(QLabel) if label.isVisible()]
    modal = QApplication.activeModalWidget()
    return f"labels {labels}, modal {modal!r}, focus {window.focusWidget()!r}"


def _answer_somehow(qtbot, quiz) -> None:  # type: ignore[no-untyped-def]
    widget = quiz.answer_widget
    field = widget.findChild(QLineEdit) or widget.findChild(QPlainTextEdit)
    if field is not None:
        field.setFocus()
        qtbot.keyClicks(field, "2024")
    for box in widget.findChildren(QComboBox):
        box.setCurrentIndex(1)
    qtbot.keyClick(quiz, "1")
    qtbot.mouseClick(quiz.submit_button, Qt.MouseButton.LeftButton)


def test_a_gap_is_read_as_a_word(qtbot, all_types_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window = all_types_window
    window.open_module("beispiel")
    window.start_quiz()
    quiz = window.quiz_page
    while quiz.session.items[quiz.position].question.title != "a-missing":
        _answer_somehow(qtbot, quiz)
    assert quiz.question_label.text() == "Ein _____ ist ein Wortteil."
    assert quiz.question_label.accessibleName() == "Ein gap ist ein Wortteil."
    assert accessible_name(quiz.answer_widget) == "Ein gap ist ein Wortteil."


def test_the_keyboard_moves_through_answers_as_through_native_groups(  # type: ignore[no-untyped-def]
    qtbot, all_types_window: MainWindow
) -> None:
    window = all_types_window
    window.activateWindow()
    qtbot.waitActive(window)
    window.open_module("beispiel")
    window.start_quiz()
    quiz = window.quiz_page
    assert quiz.session.items[quiz.position].question.title == "a-single"
    radios = [quiz.answer_widget.findChild(QAbstractButton, f"choice{n}") for n in (1, 2)]
    qtbot.keyClick(quiz.question_label, Qt.Key.Key_Tab)
    assert window.focusWidget() is radios[0]
    qtbot.keyClick(radios[0], Qt.Key.Key_Space)
    qtbot.keyClick(radios[0], Qt.Key.Key_Down)  # the arrows choose within the group
    assert window.focusWidget() is radios[1]
    assert radios[1].isChecked()
    qtbot.keyClick(radios[1], Qt.Key.Key_Tab)  # one Tab stop for the group
    assert window.focusWidget() is quiz.leave_button
    while quiz.session.items[quiz.position].question.title != "a-multi":
        _answer_somehow(qtbot, quiz)
    boxes = [quiz.answer_widget.findChild(QAbstractButton, f"choice{n}") for n in (1, 2, 3)]
    qtbot.keyClick(quiz.question_label, Qt.Key.Key_Tab)
    assert window.focusWidget() is boxes[0]
    qtbot.keyClick(boxes[0], Qt.Key.Key_Tab)  # each check box is a Tab stop of its own
    assert window.focusWidget() is boxes[1]
    qtbot.keyClick(boxes[1], Qt.Key.Key_Down)  # and the arrows move between them
    assert window.focusWidget() is boxes[2]
    qtbot.keyClick(boxes[2], Qt.Key.Key_Up)
    assert window.focusWidget() is boxes[1]
    qtbot.keyClick(boxes[1], Qt.Key.Key_Space)
    assert [box.isChecked() for box in boxes] == [False, True, False]


def test_verdict_saves_and_errors_are_announced(  # type: ignore[no-untyped-def]
    qtbot, all_types_window: MainWindow, events: AccessibilityEvents
) -> None:
    window = all_types_window
    window.open_module("beispiel")
    window.start_quiz()
    quiz = window.quiz_page
    qtbot.mouseClick(quiz.submit_button, Qt.MouseButton.LeftButton)  # nothing chosen yet
    assert events.announcements[-1] == (
        "Please answer first.",
        QAccessible.AnnouncementPoliteness.Assertive,
    )
    _answer_somehow(qtbot, quiz)
    assert events.messages()[-1] == "Answer saved."
    while window.stack.currentWidget() is quiz:
        _answer_somehow(qtbot, quiz)
    label = window.result_page.score_label
    verdict = label.text()
    assert verdict.startswith(("✔ Passed", "✘ Not passed"))
    said = verdict[2:]  # the sign is for the eye; a screen reader would say "check mark" first
    assert events.announcements[-1] == (said, QAccessible.AnnouncementPoliteness.Polite)
    assert label.accessibleName() == said


def test_a_missing_name_on_the_first_screen_is_announced(  # type: ignore[no-untyped-def]
    qtbot, main_window_factory, events: AccessibilityEvents
) -> None:
    window = main_window_factory()
    qtbot.keyClick(window.welcome_page.name_field, Qt.Key.Key_Return)
    assert events.announcements[-1] == (
        window.welcome_page.error_label.text(),
        QAccessible.AnnouncementPoliteness.Assertive,
    )
    assert window.welcome_page.error_label.text()


def test_the_check_finds_an_unnamed_control_and_a_hidden_label(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QPushButton

    root = QWidget()
    qtbot.addWidget(root)
    field = QLineEdit(root)
    field.setObjectName("anonymous")
    button = QPushButton("Verstanden", root)
    button.setObjectName("renamed")
    button.setAccessibleName("Einführung schließen")
    root.show()
    assert accessibility_problems(root) == [
        "QLineEdit 'anonymous' has no name",
        "QPushButton 'renamed' shows 'Verstanden' but is named 'Einführung schließen'",
    ]
