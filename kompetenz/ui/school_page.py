"""The head teacher's page (Schulleitung): who completed which module when, in which version,
and what is due for refresh; import handed-in certificates and save the Art. 4 documentation.

Completion only: the page never shows scores, answers, notes or time, and says so.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QStatusBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kompetenz.ui.announce import announce
from kompetenz.ui.text import fill
from kompetenz.ui.wrapping_push_button import WrappingPushButton

if TYPE_CHECKING:
    from kompetenz.school.overview import Cell, Overview
    from kompetenz.store import ProgressStore
    from kompetenz.ui.services import AppServices

ROLES = ("teacher", "leadership", "administration", "other")
HEADER_LINE_LENGTH = 22  # characters: a header about as wide as the "Auffrischung fällig" cells


class SchoolHost(Protocol):
    """What the page needs of its window (the main window is one)."""

    services: AppServices

    def run_busy(self, message: str, work: Callable[[], Any], on_done: Callable[[Any], None],
                 on_error: Callable[[Exception], None], requester: QObject | None = None) -> None:
        ...

    def statusBar(self) -> QStatusBar:
        ...


class SchoolPage(QWidget):
    """Reading the overview, importing files and saving the documentation all run on the
    window's worker (ui/ops.py): with a school server each is a round trip over the network."""

    def __init__(self, host: SchoolHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self._working = 0  # operations of this page still running
        self.store: ProgressStore | None = None
        self._say_summary = False  # after the role filter changed, the table changed unseen
        heading = QLabel(self.tr("School overview"))
        heading.setObjectName("pageHeading")
        notice = QLabel(self.tr(
            "Completion only: name, role, module, completion date, version and certificate "
            "number of what staff released or handed in. Never scores, answers, notes or time — "
            "monitoring staff performance would need the staff council (Personalrat)."
        ))
        notice.setObjectName("hintLabel")
        notice.setWordWrap(True)
        self.role_filter = QComboBox()
        self.role_filter.setObjectName("schoolRoleFilter")
        self.role_filter.setAccessibleName(self.tr("Show role"))
        self.role_filter.addItem(self.tr("All roles"), None)
        for role in ROLES:
            self.role_filter.addItem(_role_label(role), role)
        self.role_filter.currentIndexChanged.connect(self._on_role_chosen)
        self.table = QTableWidget()
        self.table.setObjectName("schoolOverviewTable")
        self.table.setAccessibleName(self.tr("Staff and modules"))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.summary_label = QLabel()
        self.summary_label.setObjectName("hintLabel")
        self.summary_label.setWordWrap(True)
        # Named by their text (voice control users say what they see); the rest is description.
        self.import_button = WrappingPushButton(self.tr("Import certificates and badges…"))
        self.import_button.setObjectName("schoolImportButton")
        self.import_button.setAccessibleDescription(
            self.tr("Check and add the certificates (PDF) and Open Badges staff handed in"))
        self.import_button.clicked.connect(self._import)
        self.report_button = WrappingPushButton(self.tr("Save documentation…"))
        self.report_button.setObjectName("schoolReportButton")
        self.report_button.setAccessibleDescription(
            self.tr("Save the Art. 4 documentation as PDF or CSV"))
        self.report_button.clicked.connect(self._report)
        filter_label = QLabel(self.tr("&Role:"))
        filter_label.setBuddy(self.role_filter)
        bar = QHBoxLayout()
        bar.addWidget(filter_label)
        bar.addWidget(self.role_filter)
        bar.addStretch(1)
        bar.addWidget(self.import_button)
        bar.addWidget(self.report_button)
        layout = QVBoxLayout(self)
        for widget in (heading, notice):
            layout.addWidget(widget)
        layout.addLayout(bar)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)

    def show_store(self, store: ProgressStore) -> None:
        self.store = store
        self.refresh()

    def refresh(self) -> None:
        from kompetenz.school.record import school_overview

        if self.store is None:
            return
        store, role, columns = self.store, self.role_filter.currentData(), self._columns()
        self._run(self.tr("Reading the school overview…"),
                  lambda: school_overview(store, role, columns), self._on_overview_read,
                  self.tr("School overview"), self.tr("The school overview could not be read: %1"))

    def _columns(self) -> tuple[tuple[str, str], ...]:
        """The course's modules (id, title) in its order: each is a column."""
        return tuple((module.id, module.title) for module in self._host.services.course.modules)

    def _on_role_chosen(self) -> None:
        self._say_summary = True
        self.refresh()

    def _on_overview_read(self, overview: Overview) -> None:
        self._host.statusBar().clearMessage()
        self._fill(overview)
        if self._say_summary:
            self._say_summary = False
            announce(self, self.summary_label.text())

    def _fill(self, overview: Overview) -> None:
        modules = overview.modules
        self.summary_label.setText(self._summary(overview))
        self.table.clear()
        self.table.setColumnCount(len(modules) + 1)
        self.table.setRowCount(len(overview.people))
        self.table.setHorizontalHeaderLabels([self.tr("Person")])
        for column, (_, title) in enumerate(modules, start=1):
            # Long titles wrap, so that five modules fit a laptop's width; a screen reader
            # gets the title in one line.
            header = QTableWidgetItem(textwrap.fill(title, HEADER_LINE_LENGTH))
            header.setData(Qt.ItemDataRole.AccessibleTextRole, title)
            self.table.setHorizontalHeaderItem(column, header)
        for row, person in enumerate(overview.people):
            self.table.setItem(row, 0, QTableWidgetItem(f"{person.name}\n{_role_label(person.role)}"))
            for column, (module_id, _) in enumerate(modules, start=1):
                cell = person.cells.get(module_id)
                item = QTableWidgetItem("–" if cell is None else self._cell_text(cell))
                item.setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()

    def _summary(self, overview: Overview) -> str:
        """What the table holds in one line, or, when it is empty, how completions arrive."""
        if overview.people:
            return fill(self.tr("People: %1 · completions: %2 · due for refresh: %3"),
                        len(overview.people), overview.completions(), len(overview.due()))
        if self.role_filter.currentData():
            return self.tr("No completions of staff in this role yet.")
        return self.tr(
            "No completions yet. They appear here when staff release a certificate to the "
            "school (on a school server) or when you import the certificates and badges they "
            "handed in.")

    def _cell_text(self, cell: Cell) -> str:
        """Completion date, then the module as it stood (spelled out, as on the report)."""
        lines = [f"{cell.completed_on:%d.%m.%Y}", fill(self.tr("Version %1"), cell.module_version),
                 fill(self.tr("as of %1"), f"{cell.as_of:%d.%m.%Y}")]
        if cell.due:
            lines.append(self.tr("refresh due"))
        return "\n".join(lines)

    def _import(self) -> None:
        from kompetenz.ui.school_import import ask_hand_ins, import_handed_in

        dialogs = self._host.services.dialogs
        paths = dialogs.open_files(self, self.tr("Import certificates and badges"), self.tr(
            "Certificates and Open Badges (*.pdf *.json *.png *.svg)"))
        if self.store is None or not paths:
            return
        roles = [(None, self.tr("Role unknown")), *[(r, _role_label(r)) for r in ROLES]]
        hand_ins = ask_hand_ins(self, dialogs, paths, roles)
        if hand_ins is None:
            return
        store = self.store
        self._run(self.tr("Checking the handed-in files…"),
                  lambda: import_handed_in(store, hand_ins), self._on_imported,
                  self.tr("Import certificates and badges"), self.tr(
                      "The import stopped: %1\n\nFiles recorded before stay recorded. Choose "
                      "the files again later; those already recorded show as „bereits "
                      "vorhanden“."))

    def _on_imported(self, lines: list[str]) -> None:
        self._host.statusBar().clearMessage()
        self._host.services.dialogs.inform(
            self, self.tr("Import certificates and badges"), "\n".join(lines))
        self.refresh()

    def _report(self) -> None:
        if self.store is None:
            return
        target = self._host.services.dialogs.save_file(
            self, self.tr("Save documentation"), Path.home() / "Dokumentation-KI-Kompetenz.pdf",
            self.tr("PDF (*.pdf);;CSV (*.csv)"))
        if target is None:
            return
        store, role, columns = self.store, self.role_filter.currentData(), self._columns()
        data_dir = self._host.services.data_dir  # its PDF key signs the documentation
        self._run(self.tr("Saving the documentation…"),
                  lambda: self._write_report(store, role, columns, target, data_dir),
                  lambda _: self._on_report_saved(target), self.tr("Save documentation"),
                  self.tr("The documentation could not be saved: %1"))

    @staticmethod
    def _write_report(store: ProgressStore, role: str | None,
                      columns: tuple[tuple[str, str], ...], target: Path, data_dir: Path) -> None:
        """Runs on the worker: reads the store here; a child process draws (ui/record_job.py)."""
        from kompetenz.school.record import report_input
        from kompetenz.ui.record_job import write_school_report

        write_school_report(target, report_input(store, role, columns), data_dir)

    def _on_report_saved(self, target: Path) -> None:
        message = fill(self.tr("Documentation saved: %1"), target)
        self._host.statusBar().showMessage(message, 10000)
        announce(self, message)

    # -- running on the window's worker ------------------------------------------------------

    def _run(self, message: str, work: Callable[[], Any], on_done: Callable[[Any], None],
             title: str, failure: str) -> None:
        """`work` off the GUI thread; the page's buttons wait until it is done. A failure (the
        school server gone, a file not writable) is told in a message box: `title`, and
        `failure` with %1 the error's own German message."""
        self._set_working(True)

        def done(result: Any) -> None:
            self._set_working(False)
            on_done(result)

        def failed(error: Exception) -> None:
            self._set_working(False)
            self._on_failed(title, fill(failure, error))

        self._host.run_busy(message, work, done, failed, requester=self)

    def _set_working(self, working: bool) -> None:
        self._working += 1 if working else -1
        for button in (self.import_button, self.report_button):
            button.setEnabled(self._working == 0)

    def _on_failed(self, title: str, text: str) -> None:
        self._host.statusBar().clearMessage()
        announce(self, text, urgent=True)
        self._host.services.dialogs.inform(self, title, text)


def _role_label(role: str | None) -> str:
    labels = {
        "teacher": QCoreApplication.translate("SchoolPage", "Teacher"),
        "leadership": QCoreApplication.translate("SchoolPage", "School leadership"),
        "administration": QCoreApplication.translate("SchoolPage", "Administration"),
        "other": QCoreApplication.translate("SchoolPage", "Other staff"),
    }
    return "–" if role is None else labels.get(role, role)

