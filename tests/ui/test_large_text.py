"""Usable at 200 % text size: no label or button is squeezed below the size its text needs."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from ui_helpers import visit_every_screen

from kompetenz.ui.main_window import MainWindow
from kompetenz.ui.settings import apply_text_scale


def clipped_widgets(root: QWidget) -> list[str]:
    clipped = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, QLabel | QAbstractButton) or not widget.isVisible():
            continue
        if not widget.text():
            continue
        need = widget.minimumSizeHint()
        if widget.width() < need.width() or widget.height() < need.height():
            clipped.append(
                f"{type(widget).__name__} {widget.objectName()!r}: {widget.text()[:40]!r}"
            )
    return clipped


@pytest.fixture
def doubled_text(qapp: QApplication):  # type: ignore[no-untyped-def]
    apply_text_scale(qapp, 200)
    yield
    apply_text_scale(qapp, 100)


def test_every_screen_fits_its_text_at_double_size(
    qtbot, doubled_text, main_window_factory
) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = main_window_factory()
    window.resize(1280, 900)
    problems: dict[str, list[str]] = {}

    def check(screen: str) -> None:
        qtbot.wait(10)  # let the layouts settle at the new size
        found = clipped_widgets(window)
        if found:
            problems[screen] = found

    visit_every_screen(window, check)
    assert problems == {}


def test_the_check_sees_a_squeezed_button(qtbot, doubled_text) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QPushButton

    root = QWidget()
    qtbot.addWidget(root)
    button = QPushButton("Eine ziemlich lange Beschriftung", root)
    button.setObjectName("squeezed")
    root.show()
    button.setGeometry(0, 0, 40, 10)
    assert clipped_widgets(root) == ["QPushButton 'squeezed': 'Eine ziemlich lange Beschriftung'"]
