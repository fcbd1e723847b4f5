"""The search page: typing shows hits, Enter or a click opens one, the lesson finds the sentence."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListView

from kompetenz.content.loader import Course
from kompetenz.learning.search import HitKind, SearchIndex
from kompetenz.ui.background import run_in_background
from kompetenz.ui.lesson_page import LessonPage
from kompetenz.ui.search_page import HtmlRole, SearchPage, scroll_to_text

SENTENCE = "Sprachmodelle sagen das wahrscheinlichste nächste Token vorher."


def make_page(qtbot, course: Course | None) -> SearchPage:  # type: ignore[no-untyped-def]
    page = SearchPage()
    qtbot.addWidget(page)
    page.resize(700, 500)
    page.show()
    qtbot.waitExposed(page)
    if course is not None:
        page.set_index(SearchIndex.build(course))
    return page


def rows(page: SearchPage) -> list[str]:
    model = page.findChild(QListView, "searchResultList").model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_typing_shows_the_hit_and_enter_opens_it(qtbot, course: Course) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, course)
    field = page.findChild(QLineEdit, "searchField")
    assert field.accessibleName()
    qtbot.keyClicks(field, "wahrscheinlich")
    assert rows(page) == []  # debounced: nothing is searched while the learner types
    qtbot.waitUntil(lambda: len(rows(page)) == 1, timeout=2000)
    (row,) = rows(page)
    assert "Beispielmodul: Prompts im Schulalltag › Grenzen von Sprachmodellen" in row
    assert SENTENCE in row
    html = page.model.index(0).data(HtmlRole)
    assert "<b>wahrscheinlichste</b>" in html
    assert "Results: 1." in page.findChild(QLabel, "searchStatusLabel").text()

    with qtbot.waitSignal(page.result_opened, timeout=1000) as opened:
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert opened.args == ["beispiel", "02-grenzen.md", SENTENCE]


def test_enter_right_after_typing_searches_at_once(qtbot, course: Course) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, course)
    field = page.findChild(QLineEdit, "searchField")
    qtbot.keyClicks(field, "Gute Prompts")
    with qtbot.waitSignal(page.result_opened, timeout=1000) as opened:
        qtbot.keyClick(field, Qt.Key.Key_Return)
    # the lesson title comes first and opens the lesson at its top
    assert opened.args == ["beispiel", "01-prompts.md", ""]


def test_down_arrow_and_click_open_other_results(qtbot, course: Course) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, course)
    field = page.findChild(QLineEdit, "searchField")
    view = page.findChild(QListView, "searchResultList")
    qtbot.keyClicks(field, "kurz gesagt")
    qtbot.waitUntil(lambda: len(rows(page)) == 2, timeout=2000)
    qtbot.keyClick(field, Qt.Key.Key_Down)
    assert view.hasFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    with qtbot.waitSignal(page.result_opened, timeout=1000) as opened:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened.args == ["beispiel", "02-grenzen.md", "Kurz gesagt"]

    rect = view.visualRect(page.model.index(0))
    with qtbot.waitSignal(page.result_opened, timeout=1000) as clicked:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert clicked.args == ["beispiel", "01-prompts.md", "Kurz gesagt"]


def test_status_says_what_happens(qtbot, course: Course) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, None)
    status = page.findChild(QLabel, "searchStatusLabel")
    field = page.findChild(QLineEdit, "searchField")
    assert status.text() == "Preparing the search…"
    qtbot.keyClicks(field, "Fotosynthese")
    page.set_index(SearchIndex.build(course))  # the index arrives from its worker thread
    assert len(rows(page)) == 1
    field.setText("Quantencomputer")
    qtbot.waitUntil(lambda: not rows(page), timeout=2000)
    assert "Nothing found for “Quantencomputer”" in status.text()
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert field.text() == ""
    qtbot.waitUntil(lambda: "Type a word" in status.text(), timeout=2000)


def test_the_index_can_be_built_off_the_gui_thread(qtbot, course: Course) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, None)
    page.search_field.setText("Fotosynthese")
    errors: list[Exception] = []
    run_in_background(lambda: SearchIndex.build(course), page.set_index, errors.append)
    qtbot.waitUntil(lambda: len(rows(page)) == 1, timeout=5000)
    assert errors == []


def test_the_results_list_renders_without_warnings(qtbot, course: Course) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, course)
    page.search_field.setText("Prompt")
    qtbot.waitUntil(lambda: len(rows(page)) > 2, timeout=2000)
    image = page.grab().toImage()
    assert not image.isNull()
    view = page.findChild(QListView, "searchResultList")
    heights = [view.visualRect(page.model.index(r)).height() for r in range(len(rows(page)))]
    assert min(heights) >= 2 * view.fontMetrics().height()  # two lines per hit, never clipped


def test_scroll_to_text_selects_every_sentence_of_the_rendered_lesson(
    qtbot,  # type: ignore[no-untyped-def]
    course: Course,
) -> None:
    """What the index calls a sentence is exactly what the lesson view shows."""
    lesson_page = LessonPage()
    qtbot.addWidget(lesson_page)
    lesson_page.resize(600, 300)
    lesson_page.show()
    qtbot.waitExposed(lesson_page)
    module = course.modules[0]
    index = SearchIndex.build(course)
    targets = [
        hit
        for word in ("Prompt", "Sprachmodelle", "Kurz", "Antworten", "Format")
        for hit in index.search(word, per_lesson=50)
        if hit.kind in (HitKind.TEXT, HitKind.HEADING)
    ]
    assert len(targets) >= 6
    for hit in targets:
        lesson = module.lesson(hit.file_name)
        assert lesson is not None
        lesson_page.show_lesson(module, lesson, False)
        assert scroll_to_text(lesson_page.view, hit.scroll_text), hit.scroll_text
        selected = lesson_page.view.textCursor().selectedText()
        assert selected == hit.scroll_text
    assert not scroll_to_text(lesson_page.view, "Dieser Satz steht in keiner Lektion.")


def test_scroll_to_text_brings_a_late_sentence_into_view(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QTextBrowser

    view = QTextBrowser()
    qtbot.addWidget(view)
    view.resize(400, 200)
    view.show()
    qtbot.waitExposed(view)
    view.setHtml("".join(f"<p>Absatz {n} mit Fülltext.</p>" for n in range(80)))
    assert view.verticalScrollBar().value() == 0
    assert scroll_to_text(view, "Absatz 70 mit Fülltext.")
    assert view.verticalScrollBar().value() > 0
    cursor_top = view.cursorRect().top()
    assert 0 <= cursor_top < view.viewport().height() // 2  # near the top, not at the edge
