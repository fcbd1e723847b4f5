"""The head teacher's page: the overview matrix, the role filter, the completion-only notice."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel

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
    assert [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())] == [
        "Person", "Grundlagen", "Recht"]
    assert table.item(0, 0).text() == "Anna Adler\nTeacher"
    assert table.item(0, 1).text() == "30.11.2026\n1.2 (03.12.2026)"
    assert table.item(1, 2).text() == "–"
    page.role_filter.setCurrentIndex(page.role_filter.findData("other"))
    qtbot.waitUntil(lambda: table.rowCount() == 1)
    assert table.item(0, 0).text().startswith("Olaf Ohm")
    labels = " ".join(label.text() for label in page.findChildren(QLabel))
    assert "Personalrat" in labels
    assert "Never scores" in labels
