"""Printing through the preview: the pages a printer gets are the pages of the PDF files.

The preview is built but never shown; `paintRequested` is emitted with a QPrinter that writes
a PDF, which pypdf reads back.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kompetenz.certificates.pdf import write_pdf
from kompetenz.certificates.portfolio import build_portfolio
from kompetenz.certificates.service import CertificateService, IssuedCertificate
from kompetenz.content.loader import load_course
from kompetenz.store.records import PlannedItem
from kompetenz.store.service import ProgressStore
from kompetenz.ui import printing
from kompetenz.ui.printing import certificate_painter, make_preview_dialog, make_printer

NAME = "Annegret Müller-Lüdenscheidt"


@pytest.fixture
def issued(store: ProgressStore, sample_content: Path, data_dir: Path) -> IssuedCertificate:
    profile = store.create_profile(NAME, school="Gesamtschule Bochum-Mitte")
    attempt = store.start_attempt(profile.id, "beispiel", "1.0.0", [PlannedItem("bsp-teile", ())])
    store.finish_attempt(attempt.id, 87.5, True)
    service = CertificateService(store, load_course([sample_content]), data_dir)
    return service.issued(service.issue(profile.id, "beispiel", "module").number)


def pdf_printer(path: Path) -> QPrinter:
    printer = make_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def where(path: Path, text: str) -> tuple[float, float]:
    """Where `text` starts on the first page, in PDF points from the lower left corner."""
    found: list[tuple[float, float]] = []

    def visit(part: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text in part:
            found.append((round(cm[0] * tm[4] + cm[4], 1), round(cm[3] * tm[5] + cm[5], 1)))

    PdfReader(path).pages[0].extract_text(visitor_text=visit)
    assert found, f"{text!r} not on the page"
    return found[0]


def test_the_preview_prints_the_certificate_where_the_pdf_file_has_it(
    qtbot: QtBot, issued: IssuedCertificate, tmp_path: Path
) -> None:
    dialog = make_preview_dialog(None, certificate_painter(issued.document, issued.signed_text))
    qtbot.addWidget(dialog)
    layout = dialog.printer().pageLayout()
    assert (layout.pageSize().id(), layout.orientation()) == (
        QPageSize.PageSizeId.A4,
        QPageLayout.Orientation.Portrait,
    )
    assert dialog.printer().fullPage()

    printed, exported = tmp_path / "gedruckt.pdf", tmp_path / "export.pdf"
    dialog.paintRequested.emit(pdf_printer(printed))
    write_pdf(exported, issued.document, issued.signed_text)

    reader = PdfReader(printed)
    assert len(reader.pages) == 1
    assert [round(float(v)) for v in reader.pages[0].mediabox] == [0, 0, 595, 842]
    text = " ".join(reader.pages[0].extract_text().split())
    assert NAME in text
    assert issued.record.number in text
    for anchor in ("Müller-Lüdenscheidt", "Teilnahmebescheinigung", "Prüfen:", "Nr."):
        printed_at, exported_at = where(printed, anchor), where(exported, anchor)
        assert printed_at == pytest.approx(exported_at, abs=0.5), anchor


def test_print_portfolio_sends_every_page_with_its_number(
    qtbot: QtBot,
    issued: IssuedCertificate,
    store: ProgressStore,
    sample_content: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    profile_id = issued.record.profile_id
    for number in range(25):
        store.save_note(profile_id, "beispiel", "01-prompts.md", f"Notiz {number} " + "Text " * 900)
        attempt = store.start_attempt(profile_id, "beispiel", "1.0.0", [])
        store.finish_attempt(attempt.id, 50.0, False)
    portfolio = build_portfolio(store, load_course([sample_content]), profile_id)
    printed = tmp_path / "lernnachweis.pdf"

    def exec_without_showing(dialog: printing.PrintPreview) -> int:
        dialog.paintRequested.emit(pdf_printer(printed))
        return 0

    monkeypatch.setattr(printing.PrintPreview, "exec", exec_without_showing)
    parent = QWidget()
    qtbot.addWidget(parent)
    printing.print_portfolio(parent, portfolio)

    pages = [" ".join(page.extract_text().split()) for page in PdfReader(printed).pages]
    assert len(pages) >= 2
    assert NAME in pages[0]
    assert "Mein Lernnachweis – Kompetenz" in pages[0]
    for number, text in enumerate(pages, start=1):
        assert text.endswith(f"Seite {number} von {len(pages)}")


def test_print_certificate_opens_the_preview(
    qtbot: QtBot, issued: IssuedCertificate, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    printed = tmp_path / "zertifikat.pdf"
    shown: list[str] = []

    def exec_without_showing(dialog: printing.PrintPreview) -> int:
        shown.append(type(dialog).__name__)
        dialog.paintRequested.emit(pdf_printer(printed))
        return 0

    monkeypatch.setattr(printing.PrintPreview, "exec", exec_without_showing)
    parent = QWidget()
    qtbot.addWidget(parent)
    printing.print_certificate(parent, issued.document, issued.signed_text)
    assert shown == ["PrintPreview"]
    assert NAME in " ".join(PdfReader(printed).pages[0].extract_text().split())
