"""From first start to certificate through the real main window, with clicks and keys only."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListView, QListWidget, QPushButton, QTextBrowser

from kompetenz.ui.main_window import MainWindow

# What a learner who read the lessons answers, by question title: the keys they press.
ANSWER_KEYS = {"bsp-teile": ["1", "2"], "bsp-token": ["1"], "bsp-fehler": ["2"]}


def _click(qtbot, window: MainWindow, name: str) -> None:  # type: ignore[no-untyped-def]
    button = window.findChild(QPushButton, name)
    assert button is not None, name
    assert button.isVisible(), name
    assert button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _click_row(qtbot, view: QListView, row: int) -> None:  # type: ignore[no-untyped-def]
    index = view.model().index(row, 0)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_first_start_to_certificate(
    qtbot,
    main_window: MainWindow,
    data_dir: Path,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    window = main_window
    # 2. First start asks for the learner's name and shows the modules.
    assert window.stack.currentWidget() is window.welcome_page
    qtbot.keyClicks(window.welcome_page.name_field, "Erika Musterfrau")
    qtbot.keyClicks(window.welcome_page.school_field, "Gesamtschule Bochum-Mitte")
    _click(qtbot, window, "startButton")
    assert window.stack.currentWidget() is window.home_page
    module_list = window.findChild(QListView, "moduleList")
    assert "Beispielmodul" in module_list.model().index(0, 0).data()
    assert "0 of 2 lessons read" in module_list.model().index(0, 0).data()

    # 3. Open the module, read every lesson, moving on with "next".
    _click_row(qtbot, module_list, 0)
    assert window.stack.currentWidget() is window.module_page
    _click_row(qtbot, window.findChild(QListWidget, "lessonList"), 0)
    view = window.findChild(QTextBrowser, "lessonView")
    assert "Rolle, Aufgabe, Kontext" in view.toPlainText()
    assert "Teil" in view.toHtml()
    assert "<table" in view.toHtml()
    _click(qtbot, window, "nextLessonButton")
    assert "Grenzen von Sprachmodellen" in view.toPlainText()
    _click(qtbot, window, "nextLessonButton")
    assert window.stack.currentWidget() is window.module_page

    # 4. Take the quiz with the keyboard: number keys pick, Enter confirms.
    _click(qtbot, window, "startQuizButton")
    quiz = window.quiz_page
    for _ in range(3):
        assert window.stack.currentWidget() is quiz
        title = quiz.session.items[quiz.position].question.title
        for key in ANSWER_KEYS[title]:
            qtbot.keyClick(quiz, key)
        qtbot.keyClick(quiz, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.result_page
    assert "Passed: 100 %" in window.result_page.score_label.text()
    review = window.result_page.review.toPlainText()
    assert "Richtig, das sind zwei Teile." in review  # per-answer feedback
    assert "Richtig, sie können sich irren." in review

    # 6. Export the certificate for the completed module.
    _click(qtbot, window, "resultBackButton")
    _click(qtbot, window, "exportCertificateButton")
    # The PDF is drawn off the GUI thread; the window shows that it is working meanwhile.
    assert window.busy_bar.isVisible()
    pdf = tmp_path / "bescheinigung.pdf"
    qtbot.waitUntil(
        lambda: window.module_page.certificate_button.isEnabled() and pdf.exists(), timeout=10_000
    )
    qtbot.waitUntil(lambda: not window.busy_bar.isVisible(), timeout=5000)
    # pypdf may return the gaps between words as tabs; compare words, not whitespace.
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(pdf).pages).split())
    assert "Erika Musterfrau" in text
    assert "Beispielmodul" in text
    assert "100" in text
    assert date.today().strftime("%d.%m.%Y") in text

    # The database holds what the learner did.
    with sqlite3.connect(data_dir / "kompetenz.sqlite3") as db:
        done = db.execute(
            "SELECT lesson_file FROM lesson_progress WHERE completed_at IS NOT NULL "
            "ORDER BY lesson_file"
        ).fetchall()
        attempts = db.execute("SELECT score_percent, passed FROM quiz_attempts").fetchall()
        answers = db.execute("SELECT COUNT(*) FROM answers").fetchone()
    assert done == [("01-prompts.md",), ("02-grenzen.md",)]
    assert attempts == [(100.0, 1)]
    assert answers == (3,)


def test_progress_survives_a_restart(
    qtbot,
    main_window: MainWindow,
    store,  # type: ignore[no-untyped-def]
    sample_content: Path,
    data_dir: Path,
) -> None:
    from kompetenz.content.loader import load_course
    from kompetenz.store.database import open_store
    from kompetenz.ui.services import AppServices

    qtbot.keyClicks(main_window.welcome_page.name_field, "Max Lehrer")
    qtbot.keyClick(main_window.welcome_page.name_field, Qt.Key.Key_Return)
    _click_row(qtbot, main_window.home_page.module_list, 0)
    _click_row(qtbot, main_window.module_page.lesson_list, 0)
    _click(qtbot, main_window, "markDoneButton")
    main_window.close()
    store.close()

    reopened = open_store(data_dir)
    window = MainWindow(AppServices(course=load_course([sample_content]), data_dir=data_dir))
    qtbot.addWidget(window)
    window.show()
    window.attach_store(reopened)
    try:
        assert window.stack.currentWidget() is window.home_page
        assert "Max Lehrer" in window.home_page.greeting.text()
        assert "1 of 2 lessons read" in window.home_page.model.index(0, 0).data()
    finally:
        window.close()
        reopened.close()


def test_an_issued_certificate_is_exported_again_identical(  # type: ignore[no-untyped-def]
    qtbot, main_window: MainWindow, store, tmp_path: Path
) -> None:
    from kompetenz.certificates.service import CertificateService

    window = main_window
    qtbot.keyClicks(window.welcome_page.name_field, "Rita Reexport")
    qtbot.keyClick(window.welcome_page.name_field, Qt.Key.Key_Return)
    window.open_module("beispiel")
    window.start_quiz()
    quiz = window.quiz_page
    while window.stack.currentWidget() is quiz:
        for key in ANSWER_KEYS[quiz.session.items[quiz.position].question.title]:
            qtbot.keyClick(quiz, key)
        qtbot.keyClick(quiz, Qt.Key.Key_Return)
    profile = window.profile
    assert profile is not None
    service = CertificateService(store, window.services.course, window.services.data_dir)
    record = service.issue(profile.id, "beispiel", "module")
    window.show_progress()
    window.services.dialogs.save_path = tmp_path / "nochmal.pdf"
    _click(qtbot, window, "reexportCertificateButton")
    again = tmp_path / "nochmal.pdf"
    qtbot.waitUntil(lambda: again.exists() and not window.busy_bar.isVisible(), timeout=10_000)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(again).pages).split())
    assert record.number in text
    assert "Rita Reexport" in text
    # The window's export carries the PDF signature; the same page saves an Open Badge.
    from kompetenz.certificates.api import check_badge_file
    from kompetenz.certificates.verify import PROTECTION_PDF, verify_pdf

    checked = verify_pdf(again)
    assert checked.valid, checked.reasons
    assert checked.protection == PROTECTION_PDF
    badge = tmp_path / "nachweis.png"
    window.services.dialogs.save_path = badge
    _click(qtbot, window, "badgeCertificateButton")
    qtbot.waitUntil(lambda: badge.exists() and not window.busy_bar.isVisible(), timeout=10_000)
    result = check_badge_file(badge, expected_name="Rita Reexport")
    assert result.valid, result.reason
    assert result.number == record.number
