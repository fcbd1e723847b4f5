"""The lesson reader: notes saved as you type, text size remembered, links inside the app."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl

from kompetenz.ui.main_window import MainWindow


def _open_first_lesson(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(window.welcome_page.name_field, "Lena Notiz")
    qtbot.keyClick(window.welcome_page.name_field, Qt.Key.Key_Return)
    window.open_module("beispiel")
    window.open_lesson("01-prompts.md")
    assert window.stack.currentWidget() is window.lesson_page


def test_notes_are_saved_while_typing(qtbot, main_window: MainWindow, store) -> None:  # type: ignore[no-untyped-def]
    _open_first_lesson(qtbot, main_window)
    editor = main_window.lesson_page.notes_editor
    editor.setFocus()
    qtbot.keyClicks(editor, "Rolle nicht vergessen")
    profile = main_window.profile
    assert profile is not None
    qtbot.waitUntil(
        lambda: store.note(profile.id, "beispiel", "01-prompts.md") == "Rolle nicht vergessen",
        timeout=3000,
    )
    # Moving to the next lesson right after typing must not lose the last keystrokes.
    qtbot.keyClicks(editor, "!")
    main_window.open_lesson("02-grenzen.md")
    assert store.note(profile.id, "beispiel", "01-prompts.md") == "Rolle nicht vergessen!"
    assert editor.toPlainText() == ""
    main_window.open_lesson("01-prompts.md")
    assert editor.toPlainText() == "Rolle nicht vergessen!"


def test_text_size_changes_with_ctrl_plus_and_is_remembered(
    qtbot,
    main_window: MainWindow,  # type: ignore[no-untyped-def]
    store,
) -> None:
    _open_first_lesson(qtbot, main_window)
    view = main_window.lesson_page.view
    before = view.font().pointSizeF()
    qtbot.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert view.font().pointSizeF() > before
    profile = main_window.profile
    assert profile is not None
    assert store.get_preference(profile.id, "lesson_zoom", 0) == 2
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert store.get_preference(profile.id, "lesson_zoom", 0) == 1


def test_lesson_links_open_inside_the_app(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _open_first_lesson(qtbot, main_window)
    main_window.lesson_page.view.anchorClicked.emit(QUrl("lesson:02-grenzen.md"))
    assert main_window.lesson_page.lesson is not None
    assert main_window.lesson_page.lesson.file_name == "02-grenzen.md"
    assert "Grenzen von Sprachmodellen" in main_window.lesson_page.view.toPlainText()


def test_headings_form_an_outline_to_jump_to(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _open_first_lesson(qtbot, main_window)
    page = main_window.lesson_page
    outline = page.outline
    entries = [outline.itemText(row) for row in range(outline.count())]
    assert entries == ["Jump to a section…", "Gute Prompts", "   Kurz gesagt"]
    assert outline.itemData(2, Qt.ItemDataRole.AccessibleTextRole) == "Kurz gesagt, level 2"
    outline.activated.emit(2)
    cursor = page.view.textCursor()
    assert cursor.block().text() == "Kurz gesagt"
    assert cursor.block().blockFormat().headingLevel() == 2
    assert main_window.focusWidget() is page.view
    assert outline.currentIndex() == 0  # ready for the next jump


def test_tab_moves_from_link_to_link_in_the_lesson(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _open_first_lesson(qtbot, main_window)
    view = main_window.lesson_page.view
    view.setFocus()
    view.moveCursor(view.textCursor().MoveOperation.Start)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert view.textCursor().selectedText() == "den Grenzen"
    assert view.textCursor().charFormat().anchorHref().endswith("02-grenzen.md")
    with qtbot.waitSignal(main_window.lesson_page.lesson_requested, timeout=2000) as opened:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened.args == ["02-grenzen.md"]
