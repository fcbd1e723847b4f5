"""Printing a certificate, the learning record ("Mein Lernnachweis") or a text document (a
template) through Qt's print preview.

The pages are drawn by the same code that writes the PDF files, onto a QPrinter set to A4
portrait in full-page mode: its painter then starts at the sheet's corner and the sheet in
device pixels is the rect to draw into, just as `write_pdf` passes
`QRectF(0, 0, writer.width(), writer.height())` of a QPdfWriter without margins. The preview
draws on the GUI thread, as Qt requires: a certificate in some 60 ms, a record of 9 pages in
some 200 ms.

The preview's title and buttons come with Qt's translations. Qt leaves its page field, zoom
field and page view without a name and its toolbar out of the Tab order (there is no menu either,
so "Print" could not be reached without a mouse); `make_reachable` names them and makes each
toolbar button a Tab stop.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QComboBox, QGraphicsView, QLineEdit, QToolBar, QToolButton, QWidget

if TYPE_CHECKING:
    from kompetenz.certificates.document import CertificateDocument
    from kompetenz.certificates.portfolio import Portfolio

Paint = Callable[[QPainter, QPrinter], None]


def make_printer() -> QPrinter:
    """A high-resolution printer for A4 portrait, drawing on the whole sheet."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    printer.setFullPage(True)
    return printer


def sheet_rect(printer: QPrinter) -> QRectF:
    """The whole sheet in the printer's device pixels: where a full-page painter draws."""
    return QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))


class PrintPreview(QPrintPreviewDialog):
    """Qt's print preview over an A4 printer (`make_printer`) that lives as long as it does."""

    def __init__(self, parent: QWidget | None, paint: Paint) -> None:
        printer = make_printer()
        super().__init__(printer, parent)
        self._printer = printer  # the dialog only borrows it
        self.paintRequested.connect(lambda target: _paint_on(target, paint))
        make_reachable(self)


def make_preview_dialog(parent: QWidget | None, paint: Paint) -> QPrintPreviewDialog:
    """A print preview whose pages `paint(painter, printer)` draws; not shown yet.

    Apart from `exec()` so that a test can emit `paintRequested` with a PDF printer.
    """
    return PrintPreview(parent, paint)


class DocumentPreview(QPrintPreviewDialog):
    """Qt's print preview of a text document on A4 with margins; Qt breaks it into pages."""

    MARGIN_MM = 20

    def __init__(self, parent: QWidget | None, document: QTextDocument) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        margins = QMarginsF(*(self.MARGIN_MM,) * 4)
        printer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                margins,
                QPageLayout.Unit.Millimeter,
            )
        )
        super().__init__(printer, parent)
        self._printer = printer  # the dialog only borrows it
        self.paintRequested.connect(document.print_)
        make_reachable(self)


def make_reachable(dialog: QPrintPreviewDialog) -> None:
    """Name the preview's nameless controls and put its toolbar buttons in the Tab order."""
    translate = QCoreApplication.translate
    for button in dialog.findChildren(QToolButton):
        if isinstance(button.parent(), QToolBar):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    more = dialog.findChild(QToolButton, "qt_toolbar_ext_button")
    if more is not None:  # shown when the window is too narrow for every button
        more.setAccessibleName(translate("Printing", "More buttons"))
    zoom = dialog.findChild(QComboBox)
    zoom_field = zoom.lineEdit() if zoom is not None else None
    for field in (zoom, zoom_field):
        if field is not None:
            field.setAccessibleName(translate("Printing", "Zoom"))
    for field in dialog.findChildren(QLineEdit):
        if field is not zoom_field:
            field.setAccessibleName(translate("Printing", "Page number"))
    view = dialog.findChild(QGraphicsView)
    if view is not None:
        for part in (view, view.viewport()):
            part.setAccessibleName(translate("Printing", "Print preview"))


def document_preview_dialog(parent: QWidget | None, document: QTextDocument) -> QPrintPreviewDialog:
    """A print preview of `document`, not shown yet (apart from `exec()` for tests)."""
    return DocumentPreview(parent, document)


def _paint_on(printer: QPrinter, paint: Paint) -> None:
    painter = QPainter()
    if not painter.begin(printer):  # e.g. the printer went away; Qt has said so already
        return
    try:
        paint(painter, printer)
    finally:
        painter.end()


def certificate_painter(document: CertificateDocument, signed_text: str) -> Paint:
    from kompetenz.certificates.pdf import draw_certificate

    def paint(painter: QPainter, printer: QPrinter) -> None:
        draw_certificate(painter, sheet_rect(printer), document, signed_text)

    return paint


def portfolio_painter(portfolio: Portfolio) -> Paint:
    from kompetenz.certificates.portfolio import draw_portfolio

    def paint(painter: QPainter, printer: QPrinter) -> None:
        draw_portfolio(painter, printer, sheet_rect(printer), portfolio)

    return paint


def print_certificate(parent: QWidget, document: CertificateDocument, signed_text: str) -> None:
    """Show the print preview of an issued certificate; the learner prints from there."""
    _show(make_preview_dialog(parent, certificate_painter(document, signed_text)))


def print_portfolio(parent: QWidget, portfolio: Portfolio) -> None:
    """Show the print preview of the learning record, every page of it."""
    _show(make_preview_dialog(parent, portfolio_painter(portfolio)))


def _show(dialog: QPrintPreviewDialog) -> None:
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()
