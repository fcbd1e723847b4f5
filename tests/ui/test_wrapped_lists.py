"""Lists whose titles wrap give every row the height of its text (no cut-off status line)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QListView
from ui_helpers import REPO_CONTENT

from kompetenz.content.loader import load_course
from kompetenz.resources import resource_path
from kompetenz.ui.home_page import HomePage
from kompetenz.ui.module_page import ModulePage
from kompetenz.ui.settings import apply_text_scale, scale_stylesheet

PADDING = 2 * 10  # the stylesheet's vertical padding of a list item


@pytest.fixture
def doubled_text(qapp: QApplication):  # type: ignore[no-untyped-def]
    """200 % text with the app's stylesheet, whose item padding a row must make room for."""
    qss = resource_path("styles", "kompetenz.qss").read_text(encoding="utf-8")
    qapp.setStyleSheet(scale_stylesheet(qss, 200))
    apply_text_scale(qapp, 200)
    yield
    qapp.setStyleSheet("")
    apply_text_scale(qapp, 100)


def cut_rows(view: QListView) -> list[str]:
    model = view.model()
    metrics = QFontMetrics(view.font())
    cut = []
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        text = str(index.data())
        rect = view.visualRect(index)
        bounds = QRect(0, 0, rect.width() - 2 * 8, 100_000)  # the item's side padding
        wrapped_text = metrics.boundingRect(bounds, int(Qt.TextFlag.TextWordWrap), text)
        needed = wrapped_text.height() + PADDING
        if rect.height() < needed or rect.right() > view.viewport().width():
            cut.append(f"row {row}: {rect.height()} px for {needed} px of {text[:30]!r}")
    lines = [str(model.index(r, 0).data()).count("\n") + 1 for r in range(model.rowCount())]
    heights = [view.visualRect(model.index(r, 0)).height() for r in range(model.rowCount())]
    wrapped = any(h > (n + 0.5) * metrics.height() for h, n in zip(heights, lines, strict=True))
    assert wrapped, "no title wrapped: the test would not see the problem"
    return cut


def test_lesson_rows_fit_their_wrapped_titles(qtbot, doubled_text) -> None:  # type: ignore[no-untyped-def]
    module = load_course([REPO_CONTENT]).modules[0]
    page = ModulePage()
    qtbot.addWidget(page)
    page.resize(1280, 600)
    page.show()
    page.show_module(module, {}, None)
    QApplication.processEvents()
    page.resize(800, 600)  # the learner makes the window smaller after the list was filled
    QApplication.processEvents()
    assert cut_rows(page.lesson_list) == []


def test_module_rows_fit_their_wrapped_titles(qtbot, doubled_text) -> None:  # type: ignore[no-untyped-def]
    page = HomePage(load_course([REPO_CONTENT]))
    qtbot.addWidget(page)
    page.resize(1280, 600)
    page.show()
    page.set_progress({}, None)
    QApplication.processEvents()
    page.resize(500, 600)  # the module list has the full width: narrower, so titles wrap
    QApplication.processEvents()
    assert cut_rows(page.module_list) == []


def _sized_window(request, qtbot, data_dir, store):  # type: ignore[no-untyped-def]
    from kompetenz.ui.main_window import MainWindow
    from kompetenz.ui.services import AppServices

    width, percent = request.param
    app = QApplication.instance()
    qss = resource_path("styles", "kompetenz.qss").read_text(encoding="utf-8")
    app.setStyleSheet(scale_stylesheet(qss, percent))
    apply_text_scale(app, percent)
    store.create_profile("Wiebke Weite")
    window = MainWindow(AppServices(course=load_course([REPO_CONTENT]), data_dir=data_dir))
    qtbot.addWidget(window)
    window.resize(1280, 700)
    window.show()
    window.attach_store(store)
    window.resize(width, 700)
    yield window
    app.setStyleSheet("")
    apply_text_scale(app, 100)


@pytest.fixture(params=[(800, 150), (800, 200), (600, 100)], ids=lambda p: f"{p[0]}px-{p[1]}%")
def sized_window(request, qtbot, data_dir, store):  # type: ignore[no-untyped-def]
    """The real window over the bundled course, at a width and a text size with the app's
    stylesheet: first wide, then made narrower, as a learner would."""
    yield from _sized_window(request, qtbot, data_dir, store)


@pytest.fixture(params=[(800, 200)], ids=["800px-200%"])
def small_window(request, qtbot, data_dir, store):  # type: ignore[no-untyped-def]
    yield from _sized_window(request, qtbot, data_dir, store)


def rows_not_shown_whole(view: QListView) -> list[str]:
    """Rows that run under the scroll bar, or are lower than their text wrapped to the width
    that can be seen (the status line below a title would be cut off)."""
    model = view.model()
    metrics = QFontMetrics(view.font())
    visible = view.viewport().width()
    found = []
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        rect = view.visualRect(index)
        text = str(index.data())
        bounds = QRect(0, 0, visible - 2 * 8, 100_000)  # the item's side padding
        needed = metrics.boundingRect(bounds, int(Qt.TextFlag.TextWordWrap), text).height()
        if rect.right() >= visible or rect.height() < needed + PADDING:
            found.append(
                f"row {row}: {rect.width()}×{rect.height()} px in {visible} px, "
                f"needs {needed + PADDING} px: {text[:40]!r}"
            )
    return found


def test_every_row_of_the_bundled_course_is_shown_whole(qtbot, sized_window) -> None:  # type: ignore[no-untyped-def]
    """Every lesson list of the bundled course and the home page's lists, once the window
    has settled at a narrow width (measured: at 800 px and 150 % text, lesson 4 of
    "KI-Grundwissen für alle" ran 12 px under the scroll bar, its title wrapped for the
    hidden width, before the delegate measured without the stylesheet's padding)."""
    window = sized_window
    seen: dict[str, list[str]] = {}
    for module in window.services.course.modules:
        window.open_module(module.id)
        qtbot.wait(150)  # the list lays its rows out again 100 ms after a resize
        seen[module.id] = rows_not_shown_whole(window.module_page.lesson_list)
    window.show_home()
    qtbot.wait(150)
    seen["home"] = rows_not_shown_whole(window.home_page.module_list)
    seen["home, other modules"] = rows_not_shown_whole(window.home_page.other_list)
    assert {where: rows for where, rows in seen.items() if rows} == {}


def test_long_button_texts_do_not_widen_the_window(qtbot, small_window) -> None:  # type: ignore[no-untyped-def]
    """Template titles, the module page's quiz and certificate buttons and the lesson page's
    four buttons wrap (measured before: a module with templates made the window 1,155 px
    wide, a lesson 1,251 px; the module overview was squeezed to 195 px)."""
    window = small_window
    widths = {}
    squeezed = {}
    for module in window.services.course.modules:
        window.open_module(module.id)
        qtbot.wait(50)
        widths[module.id] = window.width()
        page = window.module_page
        if page.overview.width() < page.lesson_list.width():  # 3:2, unless buttons forbid it
            squeezed[module.id] = (page.overview.width(), page.lesson_list.width())
        window.open_lesson(module.lessons[0].file_name)
        qtbot.wait(50)
        widths[f"{module.id}, first lesson"] = window.width()
    assert any(module.templates for module in window.services.course.modules)
    assert {where: width for where, width in widths.items() if width > 800} == {}
    assert squeezed == {}  # it was 195 px beside 560 px: words broke in the middle
