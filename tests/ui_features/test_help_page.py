"""The help page explains the app in plain words and names this computer's shortcuts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QTextBrowser

from kompetenz.ui.help_page import HelpPage, shortcut_text, standard_shortcut


def test_help_explains_the_app_and_where_the_data_is(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data_dir = tmp_path / "Kompetenz Daten"
    page = HelpPage(data_dir)
    qtbot.addWidget(page)
    view = page.findChild(QTextBrowser, "helpView")
    assert view.accessibleName() == "Help text"
    text = view.toPlainText()
    assert str(data_dir) in text
    for topic in ("pass mark", "certificate verify", "never connects to the internet",
                  "own profile", "password", "Keyboard shortcuts"):  # fmt: skip
        assert topic in text, topic
    assert shortcut_text(standard_shortcut(QKeySequence.StandardKey.Find)) in text
    assert 150 <= len(text.split()) <= 300


def test_a_missing_standard_shortcut_falls_back() -> None:
    assert standard_shortcut(QKeySequence.StandardKey.HelpContents, "F1").toString() == "F1"
    fallback = standard_shortcut(QKeySequence.StandardKey.Preferences, "Ctrl+,")
    assert not fallback.isEmpty()
