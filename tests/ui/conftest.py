from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from ui_helpers import AnsweringDialogs

from kompetenz.content.loader import load_course
from kompetenz.store.database import open_store
from kompetenz.store.service import ProgressStore
from kompetenz.ui.main_window import MainWindow
from kompetenz.ui.services import AppServices


@pytest.fixture
def store(data_dir: Path) -> Iterator[ProgressStore]:
    store = open_store(data_dir)
    yield store
    store.close()


@pytest.fixture
def main_window_factory(  # type: ignore[no-untyped-def]
    qtbot, sample_content: Path, data_dir: Path, tmp_path: Path, store: ProgressStore
):
    """Builds the real main window over the sample course and a temporary data folder, only
    when the test asks (e.g. after installing translators)."""

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
        qtbot.waitExposed(window)
        window.attach_store(store)
        return window

    return build


@pytest.fixture
def main_window(main_window_factory) -> MainWindow:  # type: ignore[no-untyped-def]
    return main_window_factory()  # type: ignore[no-any-return]
