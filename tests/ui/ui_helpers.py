"""Shared helpers for the UI tests (a module, not a conftest, so tests can import it)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QTableWidget, QWidget

from kompetenz.ui.services import Dialogs

if TYPE_CHECKING:
    from kompetenz.ui.main_window import MainWindow

REPO_CONTENT = Path(__file__).resolve().parents[2] / "content"  # the course the app ships
ROLES_COURSE = Path(__file__).resolve().parents[1] / "data" / "roles"  # a course with templates


def copy_of_roles_course(tmp_path: Path) -> Path:
    """A private copy of the roles test course, for a `sample_content` fixture to return."""
    target = tmp_path / "content"
    shutil.copytree(ROLES_COURSE, target)
    return target


class AnsweringDialogs(Dialogs):
    """Answers the app's dialogs as a learner would: a fixed path, a password, yes or no."""

    def __init__(self, save_path: Path) -> None:
        self.save_path = save_path
        self.asked: list[str] = []
        self.password: str | None = None
        self.confirm_answer = True
        self.messages: list[str] = []
        self.open_path: Path | None = None
        self.choice: int | None = None  # the option `choose` picks; None: cancelled

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

    def choose(
        self, parent: QWidget, title: str, label: str, options: list[str], current: int
    ) -> int | None:
        self.asked.append(label)
        self.options = options
        return self.choice

    def inform(self, parent: QWidget, title: str, text: str) -> None:
        self.messages.append(text)


def visit_every_screen(window: MainWindow, check: Callable[[str], None]) -> None:
    """Walk a fresh window over the sample course through each screen, calling `check(name)`
    on each: welcome, home, module, lesson, quiz, progress, search and help."""
    check("welcome")
    window.welcome_page.name_field.setText("Greta Großschrift")
    window.welcome_page.start_button.click()
    check("home")
    window.open_module("beispiel")
    check("module")
    window.open_lesson("01-prompts.md")
    check("lesson")
    window.start_quiz()
    check("quiz")
    window.show_progress()
    check("progress")
    window.show_search()
    check("search")
    window.show_help()
    check("help")


def column_headings(table: QTableWidget) -> list[str]:
    """A table's column headers as a screen reader gets them (shown ones may wrap)."""
    tree = QAccessible.queryAccessibleInterface(table)
    children = (tree.child(n) for n in range(tree.childCount()))
    return [child.text(QAccessible.Text.Name) for child in children
            if child.role() == QAccessible.Role.ColumnHeader]
