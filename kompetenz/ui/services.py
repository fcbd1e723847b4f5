"""What the windows need, built once at start-up and passed in (never looked up globally)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from kompetenz.content.loader import Course

if TYPE_CHECKING:
    from kompetenz.store import DataDirLock


class Dialogs:
    """The questions the app asks through native dialogs; tests hand in their own answers."""

    def save_file(
        self, parent: QWidget, title: str, suggested: Path, filter_text: str
    ) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), filter_text)
        return Path(chosen) if chosen else None

    def open_file(self, parent: QWidget, title: str, filter_text: str) -> Path | None:
        chosen, _ = QFileDialog.getOpenFileName(parent, title, str(Path.home()), filter_text)
        return Path(chosen) if chosen else None

    def open_files(self, parent: QWidget, title: str, filter_text: str) -> list[Path]:
        chosen, _ = QFileDialog.getOpenFileNames(parent, title, str(Path.home()), filter_text)
        return [Path(name) for name in chosen]

    def ask_badge_holder(
        self, parent: QWidget, file_name: str, roles: Sequence[tuple[str | None, str]]
    ) -> tuple[str, str | None] | None:
        """Whose Open Badge `file_name` is: (name, role or None), or None if skipped."""
        from kompetenz.ui.school_import import BadgeHolderDialog

        dialog = BadgeHolderDialog(file_name, roles, parent)
        try:
            return dialog.holder() if dialog.exec() else None
        finally:
            dialog.deleteLater()

    def confirm(self, parent: QWidget, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            parent,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def ask_password(self, parent: QWidget, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
        return text if ok else None

    def choose(
        self, parent: QWidget, title: str, label: str, options: list[str], current: int
    ) -> int | None:
        """The index of the option chosen, or None if the learner cancelled."""
        chosen, ok = QInputDialog.getItem(parent, title, label, options, current, False)
        return options.index(chosen) if ok and chosen in options else None

    def inform(self, parent: QWidget, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)


@dataclass
class AppServices:
    course: Course
    data_dir: Path
    # Where the course was loaded from, to load it again after a content pack was installed.
    content_roots: list[Path] = field(default_factory=list)
    dialogs: Dialogs = field(default_factory=Dialogs)
    lock: DataDirLock | None = None  # held while the app runs; released when the process ends
