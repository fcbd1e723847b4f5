"""The head teacher's page (Schulleitung): who completed which module when, in which version,
and what is due for refresh; import handed-in certificates and save the Art. 4 documentation.

Completion only: the page never shows scores, answers, notes or time, and says so.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from kompetenz.school.overview import Overview
    from kompetenz.store import ProgressStore
    from kompetenz.ui.services import AppServices

ROLES = ("teacher", "leadership", "administration", "other")


class SchoolPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store: ProgressStore | None = None
        # The course (column order) and the data folder whose PDF key signs the report.
        self.services: AppServices | None = None
        heading = QLabel(self.tr("School overview"))
        heading.setObjectName("pageTitle")
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
        self.role_filter.currentIndexChanged.connect(self.refresh)
        self.table = QTableWidget()
        self.table.setObjectName("schoolOverviewTable")
        self.table.setAccessibleName(self.tr("Staff and modules"))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.import_button = QPushButton(self.tr("Import certificates…"))
        self.import_button.setAccessibleName(self.tr("Import handed-in certificates"))
        self.import_button.clicked.connect(self._import)
        self.report_button = QPushButton(self.tr("Save documentation…"))
        self.report_button.setAccessibleName(self.tr("Save the Art. 4 documentation as PDF or CSV"))
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
        layout.addWidget(self.table, 1)

    def show_store(self, store: ProgressStore) -> None:
        self.store = store
        self.refresh()

    def refresh(self) -> None:
        from kompetenz.school.record import school_overview

        if self.store is not None:
            self._fill(school_overview(self.store, self.role_filter.currentData(),
                                       self._module_order()))

    def _module_order(self) -> tuple[str, ...]:
        return () if self.services is None else tuple(
            module.id for module in self.services.course.modules)

    def _fill(self, overview: Overview) -> None:
        modules = overview.modules
        self.table.clear()
        self.table.setColumnCount(len(modules) + 1)
        self.table.setRowCount(len(overview.people))
        self.table.setHorizontalHeaderLabels([self.tr("Person"), *[t for _, t in modules]])
        for row, person in enumerate(overview.people):
            self.table.setItem(row, 0, QTableWidgetItem(f"{person.name}\n{_role_label(person.role)}"))
            for column, (module_id, _) in enumerate(modules, start=1):
                cell = person.cells.get(module_id)
                text = "–" if cell is None else (
                    f"{cell.completed_on:%d.%m.%Y}\n{cell.module_version} "
                    f"({cell.as_of:%d.%m.%Y})"
                    + ("\n" + self.tr("refresh due") if cell.due else ""))
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()

    def _import(self) -> None:
        from kompetenz.school.intake import import_files

        if self.store is None:
            return
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import certificates"), "", self.tr("Certificates (*.pdf)"))
        if not files:
            return
        lines = import_files(self.store, [Path(f) for f in files])
        QMessageBox.information(self, self.tr("Import certificates"),
                                "\n".join(f"{path.name}: {outcome}" for path, outcome in lines))
        self.refresh()

    def _report(self) -> None:
        from kompetenz.certificates.document import CertificateError
        from kompetenz.school.record import report_input
        from kompetenz.school.report import write_report

        if self.store is None or self.services is None:
            return
        dialogs = self.services.dialogs
        target = dialogs.save_file(
            self, self.tr("Save documentation"), Path.home() / "Dokumentation-KI-Kompetenz.pdf",
            self.tr("PDF (*.pdf);;CSV (*.csv)"))
        if target is None:
            return
        report = report_input(self.store, self.role_filter.currentData(), self._module_order())
        try:
            write_report(target, report, self.services.data_dir)
        except (CertificateError, OSError) as error:  # e.g. a key that needs importing first
            dialogs.inform(self, self.tr("Save documentation"), str(error))


def _role_label(role: str | None) -> str:
    labels = {
        "teacher": QCoreApplication.translate("SchoolPage", "Teacher"),
        "leadership": QCoreApplication.translate("SchoolPage", "School leadership"),
        "administration": QCoreApplication.translate("SchoolPage", "Administration"),
        "other": QCoreApplication.translate("SchoolPage", "Other staff"),
    }
    return "–" if role is None else labels.get(role, role)
