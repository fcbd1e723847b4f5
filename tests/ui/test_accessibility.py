"""Every screen can be used with a screen reader and the keyboard alone."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTextEdit,
    QWidget,
)

from kompetenz.content.loader import load_course
from kompetenz.ui.main_window import MainWindow
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


def unnamed_interactive_widgets(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QScrollBar):
            continue  # part of its scroll area, which screen readers announce themselves
        if (
            isinstance(widget, QAbstractItemView)
            and widget.parent() is not None
            and isinstance(widget.parent().parent(), QComboBox)
        ):
            continue  # a combo box's own popup list; the combo box carries the name
        if not widget.accessibleName().strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
        elif widget.focusPolicy() == Qt.FocusPolicy.NoFocus and not isinstance(
            widget, QAbstractButton
        ):
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} takes no focus")
    return missing


def test_every_screen_names_its_controls(
    qtbot,
    sample_content: Path,
    data_dir: Path,  # type: ignore[no-untyped-def]
    store,
) -> None:
    (sample_content / "de" / "beispiel" / "quiz.gift").write_text(ALL_TYPES_GIFT, encoding="utf-8")
    window = MainWindow(AppServices(course=load_course([sample_content]), data_dir=data_dir))
    qtbot.addWidget(window)
    window.show()
    window.attach_store(store)
    seen: dict[str, list[str]] = {"welcome": unnamed_interactive_widgets(window)}
    qtbot.keyClicks(window.welcome_page.name_field, "Anna Zugang")
    qtbot.keyClick(window.welcome_page.name_field, Qt.Key.Key_Return)
    seen["home"] = unnamed_interactive_widgets(window)
    window.open_module("beispiel")
    seen["module"] = unnamed_interactive_widgets(window)
    window.open_lesson("01-prompts.md")
    seen["lesson"] = unnamed_interactive_widgets(window)
    window.start_quiz()
    quiz = window.quiz_page
    types = []
    while window.stack.currentWidget() is quiz:
        planned = quiz.session.items[quiz.position]
        types.append(planned.question.type.value)
        seen[f"quiz {planned.question.type.value}"] = unnamed_interactive_widgets(window)
        _answer_somehow(qtbot, quiz)
    assert len(types) == 8  # every type but the description, which is never drawn
    seen["result"] = unnamed_interactive_widgets(window)
    window.show_search()
    seen["search"] = unnamed_interactive_widgets(window)
    window.show_progress()
    seen["progress"] = unnamed_interactive_widgets(window)
    window.show_help()
    seen["help"] = unnamed_interactive_widgets(window)
    window.profiles.show_chooser()
    seen["profiles"] = unnamed_interactive_widgets(window)
    problems = {screen: names for screen, names in seen.items() if names}
    assert problems == {}


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


def test_the_check_finds_an_unnamed_control(qtbot) -> None:  # type: ignore[no-untyped-def]
    root = QWidget()
    qtbot.addWidget(root)
    field = QLineEdit(root)
    field.setObjectName("anonymous")
    root.show()
    assert unnamed_interactive_widgets(root) == ["QLineEdit 'anonymous'"]
