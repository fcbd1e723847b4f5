"""On a school server the app never says that the data stays on this computer.

With `KOMPETENZ_DATABASE_URL` pointing to the school's PostgreSQL server, progress, notes and
reflections are stored there; the texts that tell learners where their data lives must say
so (welcome, tour, notes, reflection, help, about, status bar, profile list), name the server
without its password, and keep the old wording for a data folder.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QMessageBox, QPlainTextEdit, QWidget
from ui_helpers import visit_every_screen

from kompetenz.ui import app_dialogs
from kompetenz.ui.main_window import MainWindow
from kompetenz.ui.question_widgets import EssayWidget
from kompetenz.ui.storage import school_server

SERVER_URL = "postgresql+psycopg://lehrer_anna:Geheim-2026@schulserver.local:5432/kompetenz"
SERVER = "lehrer_anna@schulserver.local:5432/kompetenz"


def _texts(root: QWidget) -> list[str]:
    """What a learner reads or hears: labels, buttons, placeholders, names, descriptions."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        found += [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
        if isinstance(widget, QLabel | QAbstractButton):
            found.append(widget.text())
        if isinstance(widget, QPlainTextEdit):
            found.append(widget.placeholderText())
    return [text for text in found if text]


def _about_text(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> str:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _parent, _title, text: shown.append(text))
    app_dialogs.show_about(window)
    return shown[0]


def test_on_a_school_server_every_text_names_the_server_and_none_this_computer(  # type: ignore[no-untyped-def]
    qtbot, main_window_factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KOMPETENZ_DATABASE_URL", SERVER_URL)
    window: MainWindow = main_window_factory()
    assert window.statusBar().currentMessage() == f"Your data is stored on your school's server {SERVER}"
    seen: list[str] = []

    def collect(screen: str) -> None:
        seen.extend(_texts(window))
        if screen == "help":
            seen.append(window.help_page.view.toPlainText())

    visit_every_screen(window, collect)
    seen.append(_about_text(window, monkeypatch))
    seen += _texts(EssayWidget())
    everything = "\n".join(seen)
    assert "this computer" not in everything
    assert "Geheim-2026" not in everything  # the password is never shown
    for expected in (
        "is saved on your school's server and nowhere else",  # welcome
        "your progress is saved at once, on your school's server",  # tour
        "They are saved as you type, on your school's server",  # lesson notes
        "It is saved on your school's server; the school leadership cannot see it",  # essay
        f"stored on your school's server ({SERVER})",  # help
        f"<code>{SERVER}</code>",  # about
    ):
        assert expected in everything, expected


@pytest.mark.parametrize(("url", "named"), [
    (SERVER_URL, SERVER),
    ("postgresql+psycopg://anna:x@schulserver:fuenf/db", "?"),  # the store refuses it, saying why
    ("kein-url", "?"),
    ("sqlite:////media/stick/kompetenz.sqlite3", None),  # a file: the folder wording stays
])
def test_the_server_is_named_without_its_password(
    monkeypatch: pytest.MonkeyPatch, url: str, named: str | None
) -> None:
    monkeypatch.setenv("KOMPETENZ_DATABASE_URL", url)
    assert school_server() == named


def test_without_a_server_the_texts_say_this_computer(  # type: ignore[no-untyped-def]
    qtbot, main_window_factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KOMPETENZ_DATABASE_URL", raising=False)
    window: MainWindow = main_window_factory()
    seen: list[str] = []
    visit_every_screen(window, lambda screen: seen.extend(_texts(window)))
    seen += [_about_text(window, monkeypatch), *_texts(EssayWidget())]
    everything = "\n".join(seen)
    assert "school's server" not in everything
    assert "Everything stays on this computer" in everything
    assert "It stays on this computer" in everything
