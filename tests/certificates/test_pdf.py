"""The PDF a learner hands in: issued through the real store, read back with pypdf."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from certificate_helpers import xmp_packet
from pypdf import PdfReader
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

from kompetenz.certificates.document import CertificateError, CertificateKind
from kompetenz.certificates.service import CertificateService
from kompetenz.certificates.signing import signing_key
from kompetenz.certificates.xmp import find_certificate_metadata
from kompetenz.content.loader import load_course
from kompetenz.store.records import ProfileRecord
from kompetenz.store.service import ProgressStore


@pytest.fixture
def exported(qapp: QApplication, service: CertificateService, passed_profile: ProfileRecord,
             tmp_path: Path) -> tuple[str, Path]:
    record = service.issue(passed_profile.id, "beispiel", CertificateKind.MODULE)
    path = tmp_path / "bescheinigung.pdf"
    service.export_pdf(record.number, path)
    return record.number, path


def page_text(path: Path) -> str:
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    return " ".join(reader.pages[0].extract_text().split())


def test_the_page_says_who_did_what_when(exported: tuple[str, Path]) -> None:
    number, path = exported
    text = page_text(path)

    for expected in ("Teilnahmebescheinigung", "Annegret Müller-Lüdenscheidt",
                     "Gesamtschule Bochum-Mitte", "Beispielmodul: Prompts im Schulalltag",
                     "01.09.2026", "87 %", "0,5 Std.", "26. November 2026", number,
                     "Inhaltlicher Stand", "02.07.2026",
                     "Selbstlernkurs mit Wissensüberprüfung, offline durchgeführt",
                     "erkennen, dass Sprachmodelle Fehler machen",
                     "Nachweis einer Maßnahme zur Förderung der KI-Kompetenz nach Art. 4 KI-VO",
                     "Inhaltsversion 1.0.0 · Stand 02.07.2026",
                     "Prüfen: kompetenz certificate verify <Datei> – oder QR-Code scannen"):
        assert expected in text, expected


def test_the_file_is_an_a4_pdf_a_with_the_signed_data_in_its_metadata(
    exported: tuple[str, Path], service: CertificateService
) -> None:
    number, path = exported
    data = path.read_bytes()
    reader = PdfReader(path)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    assert reader.metadata is not None
    assert reader.metadata.title == "Teilnahmebescheinigung – Annegret Müller-Lüdenscheidt"
    assert reader.metadata.creator.startswith("Kompetenz ")

    packet = xmp_packet(data).decode("utf-8")
    issued = service.issued(number)
    assert issued.signed_text in packet
    assert 'pdfaid:part="1" pdfaid:conformance="B"' in packet
    created = re.search(r'xmp:CreateDate="([^"]+)"', packet)
    assert created is not None
    info_date = re.sub(r"[^0-9]", "", str(reader.metadata["/CreationDate"]))[:14]
    assert re.sub(r"[^0-9]", "", created.group(1))[:14] == info_date
    assert b"/FontFile2" in data  # fonts embedded
    assert len(data) < 300_000


def test_a_reexport_says_exactly_what_was_issued_even_after_the_course_changed(
    qapp: QApplication, exported: tuple[str, Path], store: ProgressStore,
    sample_module_dir: Path, data_dir: Path, tmp_path: Path,
) -> None:
    number, first = exported
    manifest = sample_module_dir / "module.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8")
                        .replace("Beispielmodul: Prompts im Schulalltag", "Neuer Titel")
                        .replace("workload_hours = 0.5", "workload_hours = 3"), encoding="utf-8")
    changed_course = load_course([sample_module_dir.parent.parent])
    assert changed_course.modules[0].title == "Neuer Titel"
    signing_key(data_dir)  # and the installation key stays, but could have changed: no matter

    again = tmp_path / "nochmal.pdf"
    CertificateService(store, changed_course, data_dir).export_pdf(number, again)

    assert find_certificate_metadata(again.read_bytes()) == find_certificate_metadata(
        first.read_bytes())
    assert page_text(again) == page_text(first)
    assert "Neuer Titel" not in page_text(again)


def test_unknown_numbers_and_unwritable_places_are_reported_in_german(
    exported: tuple[str, Path], service: CertificateService, tmp_path: Path
) -> None:
    with pytest.raises(CertificateError, match="Nummer KMP-2026-XXXX-XXXX gibt es hier nicht"):
        service.issued("KMP-2026-XXXX-XXXX")
    number, _ = exported
    with pytest.raises(CertificateError, match="kann nicht geschrieben werden"):
        service.export_pdf(number, tmp_path / "fehlt" / "x.pdf")
    assert not (tmp_path / "fehlt").exists()


def test_the_page_can_be_drawn_on_any_painter_for_printing(
    exported: tuple[str, Path], service: CertificateService
) -> None:
    number, _ = exported
    image = QImage(420, 594, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    service.draw(number, painter, QRectF(0, 0, 420, 594))
    painter.end()

    def dark_share(left: int, top: int, right: int, bottom: int) -> float:
        pixels = [QColor(image.pixel(x, y)).lightness() < 128
                  for y in range(top, bottom) for x in range(left, right)]
        return sum(pixels) / len(pixels)

    assert dark_share(0, 0, 420, 15) == 0  # the margin stays white
    assert dark_share(100, 60, 320, 85) > 0.05  # the title
    assert 0.3 < dark_share(310, 490, 372, 552) < 0.7  # the QR code (37 mm, bottom right)


def test_the_pdf_export_leaves_no_half_file_behind(exported: tuple[str, Path]) -> None:
    _, path = exported
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []
