"""Quiz behaviour a learner relies on: resuming after a crash, limits, keyboard use."""

from __future__ import annotations

from pathlib import Path

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
