"""My progress: lessons read and time per module, quiz scores over the attempts, certificates.

The page shows the `ProgressView` the learner's session reads when the page is opened; it
keeps nothing that the store does not already hold.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kompetenz.content.loader import Course
from kompetenz.content.model import Module
from kompetenz.learning.overview import lessons_done
from kompetenz.store.records import CertificateRecord, ModuleProgress
from kompetenz.ui.charts import LessonBar, LessonBarsChart, ScoreChart, percent_text
from kompetenz.ui.text import escape, fill
from kompetenz.ui.wrapping_push_button import WrappingPushButton

if TYPE_CHECKING:
    from kompetenz.learning.session import ProgressView

_Index = QModelIndex | QPersistentModelIndex


def duration_text(seconds: float) -> str:
    """Learning time in whole minutes, as a learner says it: "42 min", "1 h 5 min"."""
    minutes = round(seconds / 60)
    if minutes < 60:
        return fill(QCoreApplication.translate("ProgressPage", "%1 min"), minutes)
    return fill(
        QCoreApplication.translate("ProgressPage", "%1 h %2 min"), minutes // 60, minutes % 60
    )


def date_text(day: date) -> str:
    """The locale's short date, with four-digit years: a certificate's date must be plain."""
    locale = QLocale()
    pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")
    return locale.toString(QDate(day.year, day.month, day.day), pattern)


class CertificateTableModel(QAbstractTableModel):
    """The learner's issued certificates: number, kind, modules, date of issue, and whether
    the school leadership can see it."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._records: tuple[CertificateRecord, ...] = ()
        self._titles: Mapping[str, str] = {}
        self._released: frozenset[str] = frozenset()

    def set_certificates(
        self,
        records: Sequence[CertificateRecord],
        module_titles: Mapping[str, str],
        released: frozenset[str] = frozenset(),
    ) -> None:
        self.beginResetModel()
        self._records, self._titles, self._released = tuple(records), module_titles, released
        self.endResetModel()

    def number_at(self, row: int) -> str:
        return self._records[row].number

    def is_released(self, row: int) -> bool:
        return self._records[row].number in self._released

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            QCoreApplication.translate("ProgressPage", "Number"),
            QCoreApplication.translate("ProgressPage", "Kind"),
            QCoreApplication.translate("ProgressPage", "Modules"),
            QCoreApplication.translate("ProgressPage", "Issued on"),
            QCoreApplication.translate("ProgressPage", "School"),
        )[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._records[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._cell(record, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return "\n".join(self._titles.get(m, m) for m in record.module_ids)
        return None

    def _cell(self, record: CertificateRecord, column: int) -> str:
        if column == 0:
            return record.number
        if column == 1:
            if record.kind == "full":
                return QCoreApplication.translate("ProgressPage", "AI literacy certificate")
            return QCoreApplication.translate("ProgressPage", "Certificate of participation")
        if column == 2:
            titles = [self._titles.get(m, m) for m in record.module_ids]
            return (
                ", ".join(titles)
                if len(titles) <= 2
                else fill(QCoreApplication.translate("ProgressPage", "%1 modules"), len(titles))
            )
        if column == 3:
            return date_text(record.issued_at.astimezone().date())
        if record.number in self._released:
            return QCoreApplication.translate("ProgressPage", "released")
        return QCoreApplication.translate("ProgressPage", "not released")


class ProgressPage(QWidget):
    """The learner's progress over the whole course; refresh it with `show_progress`.

    Signals:
        certificate_reexport_requested(number): save this issued certificate as a PDF again.
        certificate_print_requested(number): print this issued certificate (with preview).
        certificate_badge_requested(number): save this issued certificate as an Open Badge.
        certificate_release_requested(number): let the school leadership see it.
        certificate_withdraw_requested(number): take that back.
        portfolio_export_requested(): save the whole learning record as one PDF.
        portfolio_print_requested(): print the whole learning record (with preview).
    """

    certificate_reexport_requested = Signal(str)
    certificate_print_requested = Signal(str)
    certificate_badge_requested = Signal(str)
    certificate_release_requested = Signal(str)
    certificate_withdraw_requested = Signal(str)
    portfolio_export_requested = Signal()
    portfolio_print_requested = Signal()

    def __init__(self, course: Course, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progressPage")
        self.course = course
        heading = QLabel(self.tr("My progress"))
        heading.setObjectName("pageHeading")
        self.summary_label = QLabel()
        self.summary_label.setObjectName("progressSummaryLabel")
        self.summary_label.setWordWrap(True)
        self.lesson_chart = LessonBarsChart()
        self.quiz_box = QVBoxLayout()
        self.quiz_box.setSpacing(2)
        self.certificate_model = CertificateTableModel(self)
        self.certificate_table = QTableView()
        self.certificate_table.setObjectName("certificateTable")
        self.certificate_table.setAccessibleName(self.tr("Issued certificates"))
        self.certificate_table.setModel(self.certificate_model)
        self.certificate_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.certificate_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.certificate_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.certificate_table.setTabKeyNavigation(False)
        self.certificate_table.selectionModel().selectionChanged.connect(
            lambda *_: self._show_release_state())
        self.certificate_table.verticalHeader().hide()
        self.certificate_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.certificate_table.horizontalHeader().setStretchLastSection(True)
        self.no_certificates_label = QLabel(
            self.tr("No certificates yet. Pass a module's quiz to receive one.")
        )
        self.no_certificates_label.setObjectName("hintLabel")
        self.no_certificates_label.setWordWrap(True)
        self.reexport_button = WrappingPushButton(self.tr("Export again…"))
        self.reexport_button.setObjectName("reexportCertificateButton")
        self.reexport_button.setAccessibleDescription(
            self.tr("Export the selected certificate again")
        )
        self.reexport_button.clicked.connect(self._on_reexport_button_clicked)
        self.print_certificate_button = WrappingPushButton(self.tr("Print…"))
        self.print_certificate_button.setObjectName("printCertificateButton")
        self.print_certificate_button.setAccessibleDescription(
            self.tr("Print the selected certificate")
        )
        self.print_certificate_button.clicked.connect(self._on_print_certificate_button_clicked)
        self.badge_button = WrappingPushButton(self.tr("Save as Open Badge…"))
        self.badge_button.setObjectName("badgeCertificateButton")
        self.badge_button.setAccessibleDescription(
            self.tr("Save the selected certificate as an Open Badge")
        )
        self.badge_button.clicked.connect(self._on_badge_button_clicked)
        self.release_button = WrappingPushButton(self.tr("Release to school…"))
        self.release_button.setObjectName("releaseCertificateButton")
        self.release_button.setAccessibleDescription(
            self.tr("Release the selected certificate to the school leadership")
        )
        self.release_button.clicked.connect(self._on_release_button_clicked)
        self.portfolio_button = WrappingPushButton(self.tr("Save my learning record…"))
        self.portfolio_button.setObjectName("exportPortfolioButton")
        self.portfolio_button.setAccessibleDescription(
            self.tr("Save the whole learning record as one PDF")
        )
        self.portfolio_button.clicked.connect(self.portfolio_export_requested)
        self.print_portfolio_button = WrappingPushButton(self.tr("Print my learning record…"))
        self.print_portfolio_button.setObjectName("printPortfolioButton")
        self.print_portfolio_button.setAccessibleDescription(
            self.tr("Print the whole learning record")
        )
        self.print_portfolio_button.clicked.connect(self.portfolio_print_requested)

        content = QWidget()
        content.setObjectName("progressContent")
        layout = QVBoxLayout(content)
        layout.addWidget(heading)
        layout.addWidget(self.summary_label)
        record_buttons = QHBoxLayout()
        record_buttons.addWidget(self.portfolio_button)
        record_buttons.addWidget(self.print_portfolio_button)
        record_buttons.addStretch(1)
        layout.addLayout(record_buttons)
        layout.addSpacing(self.fontMetrics().height() // 2)
        layout.addWidget(_section(self.tr("Lessons read")))
        layout.addWidget(self.lesson_chart)
        layout.addSpacing(self.fontMetrics().height() // 2)
        layout.addWidget(_section(self.tr("Quiz results")))
        layout.addLayout(self.quiz_box)
        layout.addSpacing(self.fontMetrics().height() // 2)
        layout.addWidget(_section(self.tr("Certificates")))
        layout.addWidget(self.no_certificates_label)
        layout.addWidget(self.certificate_table)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reexport_button)
        buttons.addWidget(self.print_certificate_button)
        buttons.addWidget(self.badge_button)
        buttons.addWidget(self.release_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("progressScrollArea")
        scroll.setAccessibleName(self.tr("My progress"))
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def show_progress(self, view: ProgressView) -> None:
        """Show the learner's progress, scores and certificates."""
        progress = view.progress
        modules = self.course.modules
        self._show_summary(modules, progress)
        self.lesson_chart.set_rows([self._lesson_bar(m, progress.get(m.id)) for m in modules])
        self._clear_quiz_box()
        scores = view.scores
        for module in modules:
            self._add_quiz_block(module, progress.get(module.id), scores.get(module.id, []))
        certificates = view.certificates
        titles = {m.id: m.title for m in modules}
        self.certificate_model.set_certificates(certificates, titles, view.released)
        self.certificate_table.setVisible(bool(certificates))
        self.no_certificates_label.setVisible(not certificates)
        self.reexport_button.setVisible(bool(certificates))
        self.print_certificate_button.setVisible(bool(certificates))
        self.badge_button.setVisible(bool(certificates))
        self.release_button.setVisible(bool(certificates))
        if certificates:
            self.certificate_table.selectRow(len(certificates) - 1)  # the newest
            self._fit_table_height()
        self._show_release_state()

    def _fit_table_height(self) -> None:
        """Show every row without an inner scroll bar; the page itself scrolls."""
        table = self.certificate_table
        table.resizeRowsToContents()
        height = table.horizontalHeader().sizeHint().height() + table.verticalHeader().length()
        table.setFixedHeight(height + 2 * table.frameWidth())

    def _show_summary(
        self, modules: Sequence[Module], progress: Mapping[str, ModuleProgress]
    ) -> None:
        done = sum(lessons_done(m, progress.get(m.id)) for m in modules)
        total = sum(len(m.lessons) for m in modules)
        passed = sum(1 for m in modules if (p := progress.get(m.id)) and p.passed)
        seconds = sum(p.seconds_spent for p in progress.values())
        self.summary_label.setText(
            fill(
                self.tr(
                    "Overall: %1 of %2 lessons read · %3 of %4 quizzes passed · %5 of learning"
                ),
                done,
                total,
                passed,
                len(modules),
                duration_text(seconds),
            )
        )

    def _lesson_bar(self, module: Module, progress: ModuleProgress | None) -> LessonBar:
        done = lessons_done(module, progress)
        text = fill(
            self.tr("%1 of %2 lessons · %3"),
            done,
            len(module.lessons),
            duration_text(progress.seconds_spent if progress else 0),
        )
        return LessonBar(module.title, done, len(module.lessons), text)

    def _add_quiz_block(
        self, module: Module, progress: ModuleProgress | None, scores: list[float]
    ) -> None:
        title = QLabel(f"<b>{escape(module.title)}</b>")
        title.setWordWrap(True)
        pass_mark = percent_text(module.quiz.pass_percent)
        if not scores:
            state = fill(self.tr("Quiz not taken yet. Pass mark: %1."), pass_mark)
        else:
            best = progress.best_score_percent if progress else max(scores)
            verdict = (
                self.tr("passed") if progress and progress.passed else self.tr("not yet passed")
            )
            state = fill(
                self.tr("Best result %1 – %2 · attempts: %3 · pass mark %4"),
                percent_text(best or 0),
                verdict,
                len(scores),
                pass_mark,
            )
        detail = QLabel(state)
        detail.setObjectName("quizResultLabel")
        detail.setWordWrap(True)
        self.quiz_box.addWidget(title)
        self.quiz_box.addWidget(detail)
        if scores:
            chart = ScoreChart()
            chart.set_scores(scores, module.quiz.pass_percent, module.title)
            self.quiz_box.addWidget(chart)
        self.quiz_box.addSpacing(self.fontMetrics().height() // 2)

    def _clear_quiz_box(self) -> None:
        while (item := self.quiz_box.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.hide()
                widget.deleteLater()

    def selected_certificate(self) -> str | None:
        rows = self.certificate_table.selectionModel().selectedRows()
        return self.certificate_model.number_at(rows[0].row()) if rows else None

    def _on_reexport_button_clicked(self) -> None:
        if (number := self.selected_certificate()) is not None:
            self.certificate_reexport_requested.emit(number)

    def _on_release_button_clicked(self) -> None:
        rows = self.certificate_table.selectionModel().selectedRows()
        if not rows:
            return
        number = self.certificate_model.number_at(rows[0].row())
        if self.certificate_model.is_released(rows[0].row()):
            self.certificate_withdraw_requested.emit(number)
        else:
            self.certificate_release_requested.emit(number)

    def _show_release_state(self) -> None:
        """The button offers what can be done with the selected certificate: release it, or
        take the release back; its name follows the text (screen readers)."""
        rows = self.certificate_table.selectionModel().selectedRows()
        released = bool(rows) and self.certificate_model.is_released(rows[0].row())
        if released:
            self.release_button.setText(self.tr("Withdraw release…"))
            self.release_button.setAccessibleDescription(
                self.tr("The school leadership will no longer see the selected certificate"))
        else:
            self.release_button.setText(self.tr("Release to school…"))
            self.release_button.setAccessibleDescription(
                self.tr("Release the selected certificate to the school leadership"))

    def _on_print_certificate_button_clicked(self) -> None:
        if (number := self.selected_certificate()) is not None:
            self.certificate_print_requested.emit(number)

    def _on_badge_button_clicked(self) -> None:
        if (number := self.selected_certificate()) is not None:
            self.certificate_badge_requested.emit(number)


def _section(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("sectionHeading")
    return label
