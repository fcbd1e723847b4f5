from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from kompetenz.content.loader import load_course
from kompetenz.store.database import open_store
from kompetenz.store.service import ProgressStore
from kompetenz.ui.main_window import MainWindow
from kompetenz.ui.services import AppServices, Dialogs


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


@pytest.fixture
def store(data_dir: Path) -> Iterator[ProgressStore]:
    store = open_store(data_dir)
    yield store
    store.close()


@pytest.fixture
def main_window(
    qtbot,
    sample_content: Path,
    data_dir: Path,
    tmp_path: Path,  # type: ignore[no-untyped-def]
    store: ProgressStore,
) -> MainWindow:
    services = AppServices(
        course=load_course([sample_content]),
        data_dir=data_dir,
        content_roots=[sample_content, data_dir / "content"],
        dialogs=AnsweringDialogs(tmp_path / "bescheinigung.pdf"),
    )
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.attach_store(store)
    return window


@pytest.fixture
def main_window_factory(
    qtbot,
    sample_content: Path,
    data_dir: Path,
    tmp_path: Path,  # type: ignore[no-untyped-def]
    store: ProgressStore,
):
    """Builds the main window only when the test asks, e.g. after installing translators."""

    def build() -> MainWindow:
        services = AppServices(
            course=load_course([sample_content]),
            data_dir=data_dir,
            content_roots=[sample_content, data_dir / "content"],
            dialogs=AnsweringDialogs(tmp_path / "bescheinigung.pdf"),
        )
        window = MainWindow(services)
        qtbot.addWidget(window)
        window.show()
        window.attach_store(store)
        return window

    return build
