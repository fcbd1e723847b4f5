"""While the learner looks at a module's overview, its lessons are rendered ahead."""

from __future__ import annotations

from kompetenz.ui.main_window import MainWindow


def test_opening_a_lesson_after_the_overview_renders_nothing(
    qtbot, main_window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    main_window.welcome_page.name_field.setText("Vera Vorbereitet")
    main_window.welcome_page.start_button.click()
    main_window.open_module("beispiel")
    module = main_window.module
    assert module is not None
    lessons = len(module.lessons)
    qtbot.waitUntil(lambda: main_window.lesson_page.renders.renders == lessons, timeout=10000)
    main_window.open_lesson(module.lessons[-1].file_name)
    assert main_window.lesson_page.renders.renders == lessons  # shown from the cache
    assert module.lessons[-1].title in main_window.lesson_page.view.toPlainText()


def test_closing_the_window_stops_the_preparing(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    main_window.welcome_page.name_field.setText("Max Eilig")
    main_window.welcome_page.start_button.click()
    main_window.open_module("beispiel")
    main_window.close()  # before the overview's pause is over
    qtbot.wait(600)
    assert "lesson_page" not in main_window.__dict__  # not even the reader was built
