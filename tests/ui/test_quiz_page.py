"""Quiz behaviour a learner relies on: resuming after a crash, limits, keyboard use."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kompetenz.content.loader import load_course
from kompetenz.ui.main_window import MainWindow
from kompetenz.ui.services import AppServices

ANSWER_KEYS = {"bsp-teile": ["1", "2"], "bsp-token": ["1"], "bsp-fehler": ["2"]}


def _start(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(window.welcome_page.name_field, "Quiz Tester")
    qtbot.keyClick(window.welcome_page.name_field, Qt.Key.Key_Return)
    window.open_module("beispiel")
    qtbot.mouseClick(window.module_page.start_quiz_button, Qt.MouseButton.LeftButton)


def _answer_current(qtbot, window: MainWindow) -> str:  # type: ignore[no-untyped-def]
    quiz = window.quiz_page
    title = quiz.session.items[quiz.position].question.title
    for key in ANSWER_KEYS[title]:
        qtbot.keyClick(quiz, key)
    qtbot.keyClick(quiz, Qt.Key.Key_Return)
    return str(title)


def test_an_interrupted_attempt_is_resumed_with_its_answers(  # type: ignore[no-untyped-def]
    qtbot, main_window: MainWindow, store, sample_content: Path, data_dir: Path
) -> None:
    _start(qtbot, main_window)
    first = _answer_current(qtbot, main_window)
    assert main_window.quiz_page.counter_label.text() == "Question 2 of 3"
    main_window.close()  # the app is closed in the middle of the quiz

    window = MainWindow(AppServices(course=load_course([sample_content]), data_dir=data_dir))
    qtbot.addWidget(window)
    window.show()
    window.attach_store(store)
    window.open_module("beispiel")
    assert window.module_page.start_quiz_button.text() == "Resume quiz – question 2 of 3"
    qtbot.mouseClick(window.module_page.start_quiz_button, Qt.MouseButton.LeftButton)
    assert window.quiz_page.counter_label.text() == "Question 2 of 3"
    answered = [first]
    while window.stack.currentWidget() is window.quiz_page:
        answered.append(_answer_current(qtbot, window))
    assert sorted(answered) == sorted(ANSWER_KEYS)
    assert "Passed: 100 %" in window.result_page.score_label.text()
    window.close()


def test_nothing_is_recorded_without_an_answer(qtbot, main_window: MainWindow, store) -> None:  # type: ignore[no-untyped-def]
    _start(qtbot, main_window)
    qtbot.keyClick(main_window.quiz_page, Qt.Key.Key_Return)
    assert main_window.quiz_page.message_label.text() == "Please answer first."
    assert main_window.quiz_page.counter_label.text() == "Question 1 of 3"
    profile = main_window.profile
    assert profile is not None
    attempt = store.unfinished_attempt(profile.id, "beispiel")
    assert attempt is not None
    assert attempt.answers == ()


def test_the_attempt_limit_from_module_toml_is_kept(  # type: ignore[no-untyped-def]
    qtbot, sample_module_dir: Path, sample_content: Path, data_dir: Path, store
) -> None:
    manifest = sample_module_dir / "module.toml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace("[quiz]", "[quiz]\nmax_attempts = 1"),
        encoding="utf-8",
    )
    window = MainWindow(AppServices(course=load_course([sample_content]), data_dir=data_dir))
    qtbot.addWidget(window)
    window.show()
    window.attach_store(store)
    _start(qtbot, window)
    while window.stack.currentWidget() is window.quiz_page:
        qtbot.keyClick(window.quiz_page, "1")
        qtbot.keyClick(window.quiz_page, Qt.Key.Key_Return)
    window.open_module("beispiel")
    assert not window.module_page.start_quiz_button.isEnabled()
    assert window.module_page.start_quiz_button.text() == "No attempts left"
    assert "Attempts: 1 of 1." in window.module_page.quiz_label.text()


def test_a_paused_quiz_is_offered_for_resuming_on_module_page_and_home(  # type: ignore[no-untyped-def]
    qtbot, main_window: MainWindow
) -> None:
    _start(qtbot, main_window)
    _answer_current(qtbot, main_window)
    qtbot.mouseClick(main_window.quiz_page.leave_button, Qt.MouseButton.LeftButton)
    page = main_window.module_page
    assert main_window.stack.currentWidget() is page
    assert page.start_quiz_button.text() == "Resume quiz – question 2 of 3"
    assert page.quiz_label.text().startswith("Quiz paused: 1 of 3 questions answered.")
    main_window.show_home()
    row = main_window.home_page.model.index(0)
    assert "Resume quiz – question 2 of 3" in row.data()


@pytest.fixture
def short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    """Requested before the store: a locked database refuses within 50 ms, not 5 s."""
    from kompetenz.store.sqlite import files

    monkeypatch.setattr(files, "BUSY_TIMEOUT_MS", 50)


def test_an_answer_that_could_not_be_saved_says_so_and_can_be_given_again(  # type: ignore[no-untyped-def]
    short_busy_timeout: None, qtbot, main_window: MainWindow, store, data_dir: Path
) -> None:
    _start(qtbot, main_window)
    blocker = sqlite3.connect(data_dir / "kompetenz.sqlite3", isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # as a server gone away: the write cannot happen
    try:
        title = _answer_current(qtbot, main_window)
        message = main_window.quiz_page.message_label.text()
        assert "Ihre letzte Antwort wurde NICHT gespeichert" in message
        assert main_window.quiz_page.counter_label.text() == "Question 1 of 3"
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert store.get_attempt(main_window.quiz_page.session.attempt_id).answers == ()
    assert title in ANSWER_KEYS
    qtbot.keyClick(main_window.quiz_page, Qt.Key.Key_Return)  # the choice is still there: retry
    assert main_window.quiz_page.counter_label.text() == "Question 2 of 3"
    assert len(store.get_attempt(main_window.quiz_page.session.attempt_id).answers) == 1
