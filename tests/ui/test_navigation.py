"""Search, progress and help reached from the real window with the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel

from kompetenz.ui.main_window import MainWindow


def _sign_in(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(window.welcome_page.name_field, "Sven Sucher")
    qtbot.keyClick(window.welcome_page.name_field, Qt.Key.Key_Return)


def test_search_finds_a_sentence_and_opens_the_lesson_there(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _sign_in(qtbot, main_window)
    assert main_window.search_page.index is None  # built on first use, not at start-up
    find = QKeySequence(QKeySequence.StandardKey.Find)[0]
    qtbot.keyClick(main_window, find.key(), find.keyboardModifiers())
    assert main_window.stack.currentWidget() is main_window.search_page
    qtbot.waitUntil(lambda: main_window.search_page.index is not None, timeout=5000)
    field = main_window.search_page.search_field
    qtbot.keyClicks(field, "personenbez")
    qtbot.waitUntil(lambda: main_window.search_page.model.rowCount() > 0, timeout=3000)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert main_window.stack.currentWidget() is main_window.lesson_page
    assert main_window.lesson_page.lesson is not None
    assert main_window.lesson_page.lesson.file_name == "02-grenzen.md"
    qtbot.waitUntil(
        lambda: "personenbezogenen" in main_window.lesson_page.view.textCursor().selectedText(),
        timeout=3000,
    )


def test_progress_page_shows_what_was_done(qtbot, main_window: MainWindow, store) -> None:  # type: ignore[no-untyped-def]
    _sign_in(qtbot, main_window)
    profile = main_window.profile
    assert profile is not None
    store.complete_lesson(profile.id, "beispiel", "01-prompts.md")
    main_window.show_progress()
    assert main_window.stack.currentWidget() is main_window.progress_page
    texts = " ".join(label.text() for label in main_window.progress_page.findChildren(QLabel))
    assert "1 of 2" in texts


def test_help_opens_with_f1(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _sign_in(qtbot, main_window)
    help_key = QKeySequence(QKeySequence.StandardKey.HelpContents)[0]
    qtbot.keyClick(main_window, help_key.key(), help_key.keyboardModifiers())
    assert main_window.stack.currentWidget() is main_window.help_page
    assert "certificate" in main_window.help_page.view.toPlainText().lower()


def test_the_learning_record_is_saved_from_the_progress_page(  # type: ignore[no-untyped-def]
    qtbot, main_window: MainWindow, tmp_path
) -> None:
    from pypdf import PdfReader

    _sign_in(qtbot, main_window)
    main_window.show_progress()
    main_window.services.dialogs.save_path = tmp_path / "lernnachweis.pdf"
    qtbot.mouseClick(main_window.progress_page.portfolio_button, Qt.MouseButton.LeftButton)
    target = tmp_path / "lernnachweis.pdf"
    qtbot.waitUntil(
        lambda: target.exists() and not main_window.busy_bar.isVisible(), timeout=10_000
    )
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(target).pages).split())
    assert "Sven Sucher" in text
    assert "Lernnachweis" in text
    # The dialog and the message name what is saved: the learning record, not a certificate.
    assert main_window.services.dialogs.asked[-1] == "Save learning record"
    assert main_window.statusBar().currentMessage().startswith("Learning record saved: ")
