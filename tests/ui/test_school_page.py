"""The head teacher's page: the overview matrix in the course's order, the role filter, the
completion-only notice, and the signed report."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from a11y_hooks import AccessibilityEvents
from PySide6.QtWidgets import QLabel
from ui_helpers import column_headings

from kompetenz.certificates.keyset import pdf_key_paths, pdf_signing_key
from kompetenz.content.loader import load_course
from kompetenz.resources import bundled_content_dir
from kompetenz.school.report_check import check_report
from kompetenz.store.records import Completion
from kompetenz.ui.main_window import MainWindow


def _completion(number: str, name: str, role: str, module: str) -> Completion:
    return Completion(number, name, role, module, module.title(), "1.2", date(2026, 12, 3),
                      date(2026, 11, 30))


def test_the_school_page_shows_completions_by_role_and_never_a_score(  # type: ignore[no-untyped-def]
    qtbot, main_window: MainWindow, store
) -> None:
    store.add_school_records([
        _completion("KMP-1", "Anna Adler", "teacher", "grundlagen"),
        _completion("KMP-1", "Anna Adler", "teacher", "recht"),
        _completion("KMP-2", "Olaf Ohm", "other", "grundlagen"),
    ], "fingerprint")
    main_window.show_school()
    page = main_window.school_page
    assert main_window.stack.currentWidget() is page
    table = page.table
    qtbot.waitUntil(lambda: table.rowCount() == 2)  # read on the window's worker
    assert table.rowCount() == 2
    # The course's module comes first, even though nobody has completed it yet.
    assert column_headings(table) == [
        "Person", "Beispielmodul: Prompts im Schulalltag", "Grundlagen", "Recht"]
    assert table.horizontalHeaderItem(1).text() == "Beispielmodul: Prompts\nim Schulalltag"
    assert table.item(0, 0).text() == "Anna Adler\nTeacher"
    assert table.item(0, 1).text() == "–"
    assert table.item(0, 2).text() == "30.11.2026\nVersion 1.2\nas of 03.12.2026"
    assert table.item(1, 3).text() == "–"
    page.role_filter.setCurrentIndex(page.role_filter.findData("other"))
    qtbot.waitUntil(lambda: table.rowCount() == 1)
    assert table.item(0, 0).text().startswith("Olaf Ohm")
    labels = " ".join(label.text() for label in page.findChildren(QLabel))
    assert "Personalrat" in labels
    assert "Never scores" in labels


def test_the_page_orders_columns_as_the_course_and_saves_a_signed_report(  # type: ignore[no-untyped-def]
    qtbot, main_window: MainWindow, store, tmp_path: Path
) -> None:
    main_window.set_course(load_course([bundled_content_dir()]))
    store.add_school_records([
        _completion("KMP-1", "Anna Adler", "teacher", "ethik-recht"),
        _completion("KMP-1", "Anna Adler", "teacher", "grundwissen"),
    ], "fingerprint")
    main_window.show_school()
    table = main_window.school_page.table
    course = main_window.services.course.modules
    qtbot.waitUntil(lambda: table.rowCount() == 1)
    titles = column_headings(table)[1:]
    assert titles == [module.title for module in course]  # every module, in the course's order
    done = [c for c in range(1, table.columnCount()) if table.item(0, c).text() != "–"]
    assert [course[c - 1].id for c in done] == ["grundwissen", "ethik-recht"]

    target = tmp_path / "doku.pdf"
    main_window.services.dialogs.save_path = target
    main_window.school_page.report_button.click()
    qtbot.waitUntil(target.exists)
    check = check_report(target)
    assert check.valid, check.reasons
    assert check.fingerprint == pdf_signing_key(main_window.services.data_dir).fingerprint


def test_a_report_that_cannot_be_signed_is_explained_in_a_message(  # type: ignore[no-untyped-def]
    qtbot, main_window: MainWindow, tmp_path: Path
) -> None:
    key_file, cert_file = pdf_key_paths(main_window.services.data_dir)
    key_file.parent.mkdir(parents=True, exist_ok=True)
    key_file.write_text("kein Schlüssel")
    cert_file.write_text("kein Zertifikat")
    dialogs = main_window.services.dialogs
    target = tmp_path / "doku.pdf"
    dialogs.save_path = target
    main_window.show_school()
    qtbot.waitUntil(main_window.school_page.report_button.isEnabled)  # the overview is read
    main_window.school_page.report_button.click()
    qtbot.waitUntil(lambda: bool(dialogs.messages))
    assert len(dialogs.messages) == 1
    assert "kompetenz keys import" in dialogs.messages[0]
    assert not target.exists()


def test_the_summary_counts_or_says_how_completions_arrive_and_is_said_on_a_new_filter(  # type: ignore[no-untyped-def]
    qtbot, main_window: MainWindow, store
) -> None:
    main_window.show_school()
    page = main_window.school_page
    qtbot.waitUntil(lambda: not main_window.ops.busy)
    assert page.summary_label.isVisible()
    assert "import the certificates and badges" in page.summary_label.text()
    store.add_school_records([_completion("KMP-1", "Anna Adler", "teacher", "grundlagen"),
                              _completion("KMP-1", "Anna Adler", "teacher", "recht"),
                              _completion("KMP-2", "Olaf Ohm", "other", "recht")], "fp")
    page.refresh()
    qtbot.waitUntil(lambda: page.table.rowCount() == 2)
    assert page.summary_label.text() == "People: 2 · completions: 3 · due for refresh: 0"
    events = AccessibilityEvents()
    events.start()
    try:
        page.role_filter.setCurrentIndex(page.role_filter.findData("other"))
        qtbot.waitUntil(lambda: page.table.rowCount() == 1)
        page.role_filter.setCurrentIndex(page.role_filter.findData("administration"))
        qtbot.waitUntil(lambda: page.table.rowCount() == 0)  # nobody in this role
    finally:
        events.stop()
    assert page.summary_label.text() == "No completions of staff in this role yet."
    # A changed filter changes the table unseen: the new summary is said.
    assert events.messages() == ["People: 1 · completions: 1 · due for refresh: 0",
                                 "No completions of staff in this role yet."]
