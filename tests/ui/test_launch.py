"""Start-up order: the learner's data is opened only after the window has been painted."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kompetenz.ui.launch import after_first_paint


def test_the_callback_waits_for_the_first_paint_and_runs_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    calls: list[str] = []
    after_first_paint(window, lambda: calls.append("opened"))
    qtbot.wait(50)
    assert calls == []  # not shown, not painted: nothing yet
    window.show()
    qtbot.waitUntil(lambda: calls == ["opened"], timeout=1500)
    window.update()
    qtbot.wait(100)
    assert calls == ["opened"]


def test_a_window_that_is_never_painted_still_opens_its_data(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    calls: list[str] = []
    after_first_paint(window, lambda: calls.append("opened"))
    qtbot.waitUntil(lambda: calls == ["opened"], timeout=3000)
