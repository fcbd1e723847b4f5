"""The lesson page prepares the next lesson ahead, and what it shows is what a cold open shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from kompetenz.content import render_cache
from kompetenz.content.loader import load_module
from kompetenz.content.model import Module
from kompetenz.ui.lesson_page import LessonPage


@pytest.fixture
def module(sample_module_dir: Path) -> Module:
    return load_module(sample_module_dir, "de")


def _page(qtbot: QtBot, data_dir: Path | None = None) -> LessonPage:
    page = LessonPage(cache_dir=data_dir)
    qtbot.addWidget(page)
    page.resize(900, 600)
    page.show()
    qtbot.waitExposed(page)
    return page


def _cold_html(qtbot: QtBot, module: Module, file_name: str) -> str:
    """What a fresh page with nothing kept shows for the lesson."""
    page = _page(qtbot)
    lesson = module.lesson(file_name)
    assert lesson is not None
    page.show_lesson(module, lesson, False)
    return page.view.toHtml()


def _open_first_and_wait_for_next(qtbot: QtBot, page: LessonPage, module: Module) -> None:
    with qtbot.waitSignal(page.next_lesson_prepared, timeout=10_000) as prepared:
        page.show_lesson(module, module.lessons[0], False)
    assert prepared.args == [module.lessons[1].file_name]


def test_next_lesson_is_rendered_ahead_and_shows_what_a_cold_open_shows(
    qtbot: QtBot,
    module: Module,
    data_dir: Path,
) -> None:
    page = _page(qtbot, data_dir)
    _open_first_and_wait_for_next(qtbot, page, module)
    assert page.renders.renders == 2  # the first lesson, and the next one ahead
    page.next_button.click()  # the page asks for it; the main window would then open it
    page.show_lesson(module, module.lessons[1], False)
    assert page.renders.renders == 2  # not rendered again
    assert "Grenzen von Sprachmodellen" in page.view.toPlainText()
    assert page.view.toHtml() == _cold_html(qtbot, module, module.lessons[1].file_name)


def test_a_lesson_edited_after_it_was_prepared_shows_the_edit(
    qtbot: QtBot,
    module: Module,
) -> None:
    page = _page(qtbot)
    _open_first_and_wait_for_next(qtbot, page, module)
    module.lessons[1].path.write_text("# Grenzen\n\nFrisch geändert.\n", encoding="utf-8")
    page.show_lesson(module, module.lessons[1], False)
    assert "Frisch geändert." in page.view.toPlainText()
    assert page.view.toHtml() == _cold_html(qtbot, module, module.lessons[1].file_name)


def test_a_zoom_change_after_preparing_is_kept(qtbot: QtBot, module: Module) -> None:
    page = _page(qtbot)
    _open_first_and_wait_for_next(qtbot, page, module)
    page.change_zoom(3)
    page.show_lesson(module, module.lessons[1], False)
    assert page.view.document().defaultFont().pointSizeF() == page.view.font().pointSizeF()
    cold = _page(qtbot)
    assert page.view.font().pointSizeF() > cold.view.font().pointSizeF()


def test_the_disk_cache_gives_a_later_session_the_same_page(
    qtbot: QtBot,
    module: Module,
    data_dir: Path,
) -> None:
    first = _page(qtbot, data_dir)
    first.show_lesson(module, module.lessons[0], False)
    assert list((data_dir / render_cache.FOLDER).glob("*.json"))
    later = _page(qtbot, data_dir)
    later.show_lesson(module, module.lessons[0], False)
    assert later.renders.renders == 0
    assert later.view.toHtml() == _cold_html(qtbot, module, module.lessons[0].file_name)


def test_images_are_decoded_once_for_every_document_that_shows_them(
    qtbot: QtBot,
    module: Module,
) -> None:
    page = _page(qtbot)
    lesson = module.lessons[0]
    uri = (module.folder / "bilder" / "schema.png").resolve().as_uri()
    keys = []
    for _ in range(2):
        page.show_lesson(module, lesson, False)
        image = page.view.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(uri))
        assert image is not None
        assert not image.isNull()
        keys.append(image.cacheKey())
    assert keys[0] == keys[1]


def test_a_lesson_that_cannot_be_read_says_so(qtbot: QtBot, module: Module) -> None:
    page = _page(qtbot)
    module.lessons[0].path.write_bytes(b"# Kaputt \xff\n")
    page.show_lesson(module, module.lessons[0], False)
    assert "UTF-8" in page.view.toPlainText()
