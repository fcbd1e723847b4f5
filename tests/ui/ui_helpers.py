"""Shared helpers for the UI tests (a module, not a conftest, so tests can import it)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from kompetenz.ui.services import Dialogs


class AnsweringDialogs(Dialogs):
    """Answers the app's dialogs as a learner would: a fixed path, a password, yes or no."""

    def __init__(self, save_path: Path) -> None:
        self.save_path = save_path
        self.asked: list[str] = []
        self.password: str | None = None
        self.confirm_answer = True
        self.messages: list[str] = []
        self.open_path: Path | None = None

    def save_file(self, parent: QWidget, title: str, suggested: Path, filter_text: str) -> Path:
        self.asked.append(title)
        return self.save_path

    def open_file(self, parent: QWidget, title: str, filter_text: str) -> Path | None:
        self.asked.append(title)
        return self.open_path

    def confirm(self, parent: QWidget, title: str, text: str) -> bool:
        self.asked.append(text)
        return self.confirm_answer

    def ask_password(self, parent: QWidget, title: str, label: str) -> str | None:
        self.asked.append(label)
        return self.password

    def inform(self, parent: QWidget, title: str, text: str) -> None:
        self.messages.append(text)
