"""What our tools can check of PDF/A-1b after signing: the signature's incremental update keeps
what Qt wrote (PDF 1.4, one uncompressed XMP packet that matches the document information, the
output intent, embedded fonts) and adds only what PDF/A-1 allows (a printable widget, a classic
cross-reference table, no object or cross-reference streams, no encryption, a file ID)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from certificate_helpers import xmp_packet
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication

from kompetenz.certificates.document import CertificateKind
from kompetenz.certificates.service import CertificateService
from kompetenz.store.records import ProfileRecord

PRINT, HIDDEN, INVISIBLE, NO_VIEW = 4, 2, 1, 32


@pytest.fixture
def signed(qapp: QApplication, service: CertificateService, passed_profile: ProfileRecord,
           tmp_path: Path) -> Path:
    number = service.issue(passed_profile.id, None, CertificateKind.FULL).number
    path = tmp_path / "zertifikat.pdf"
    service.export_pdf(number, path)
    return path


def test_the_signed_file_keeps_what_pdf_a_1b_asks_for(signed: Path) -> None:
    data = signed.read_bytes()
    assert data.startswith(b"%PDF-1.4\n")
    assert data.count(b"%%EOF") == 2  # Qt's file and the signature's update, nothing else
    for newer in (b"/ObjStm", b"/XRefStm", b"/Type /XRef", b"/Version", b"/Extensions",
                  b"/Encrypt", b"/JavaScript", b"/EmbeddedFile"):
        assert newer not in data, newer
    reader = PdfReader(signed)
    root = reader.trailer["/Root"]
    assert root["/OutputIntents"][0]["/S"] == "/GTS_PDFA1"
    assert "/ID" in reader.trailer
    metadata = root["/Metadata"].get_object()
    assert "/Filter" not in metadata  # uncompressed, as PDF/A-1 readers expect to find it
    packet = xmp_packet(data).decode("utf-8")
    assert 'pdfaid:part="1" pdfaid:conformance="B"' in packet
    info = reader.metadata
    assert info is not None
    assert f"pdf:Producer=\"{info['/Producer']}\"" in packet  # unchanged by the signing
    assert re.sub(r"\D", "", str(info["/CreationDate"]))[:14] == re.sub(
        r"\D", "", re.search(r'xmp:CreateDate="([^"]+)"', packet).group(1))[:14]  # type: ignore[union-attr]
    fonts = [font.get_object() for font in _fonts(reader)]
    assert fonts
    for font in fonts:
        descriptor = _descriptor(font)
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def test_the_signature_widget_is_printable_and_never_hidden(signed: Path) -> None:
    reader = PdfReader(signed)
    [widget] = [a.get_object() for a in reader.pages[0]["/Annots"]]
    assert widget["/FT"] == "/Sig"
    flags = int(widget["/F"])
    assert flags & PRINT
    assert not flags & (HIDDEN | INVISIBLE | NO_VIEW)
    assert widget["/V"]["/SubFilter"] == "/ETSI.CAdES.detached"


def _fonts(reader: PdfReader) -> list[object]:
    resources = reader.pages[0]["/Resources"]
    return list(resources["/Font"].values()) if "/Font" in resources else []


def _descriptor(font: object) -> dict[str, object]:
    font_dict = font  # a Type0 font keeps its descriptor in the descendant
    if "/DescendantFonts" in font_dict:  # type: ignore[operator]
        font_dict = font_dict["/DescendantFonts"][0].get_object()  # type: ignore[index]
    return font_dict["/FontDescriptor"].get_object()  # type: ignore[index,no-any-return]
