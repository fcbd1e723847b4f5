"""Any change to a signed certificate PDF fails `verify`, whatever part of the file it touches.

Each test edits a genuine export the way a forger with a PDF tool or a hex editor would, checks
that the edit really changed what a reader sees (where it is the page), and expects a German
reason. Poppler's `pdfsig` independently confirms that the untouched file is validly signed.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest
from certificate_helpers import replace_in_xmp
from conftest import ISSUED_AT
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pdfsig_support import append_white_box, pdfsig_report
from PySide6.QtWidgets import QApplication

from kompetenz.certificates.document import CertificateKind
from kompetenz.certificates.keyset import (
    TrustedKeys,
    certificate_fingerprint,
    new_pdf_key,
    pdf_signing_key,
)
from kompetenz.certificates.pdf import write_pdf
from kompetenz.certificates.pdfsign import sign_pdf
from kompetenz.certificates.service import CertificateService
from kompetenz.certificates.signing import fingerprint, sign, signing_key
from kompetenz.certificates.verify import PROTECTION_LEGACY, PROTECTION_PDF, verify_pdf
from kompetenz.store.records import ProfileRecord
from kompetenz.store.service import ProgressStore

CHANGED = "Die PDF-Signatur ist ungültig: Die Datei wurde nach dem Signieren verändert."


@pytest.fixture
def signed_pdf(qapp: QApplication, service: CertificateService, passed_profile: ProfileRecord,
               tmp_path: Path) -> Path:
    record = service.issue(passed_profile.id, None, CertificateKind.FULL)
    path = tmp_path / "zertifikat.pdf"
    service.export_pdf(record.number, path)
    return path


def first_revision(data: bytes) -> bytes:
    """The file as Qt wrote it, before the signature's incremental update."""
    end = data.index(b"%%EOF") + len(b"%%EOF")
    return data[:end] + b"\n"


def test_an_untouched_certificate_is_valid_and_signed_by_the_installation(
    signed_pdf: Path, data_dir: Path
) -> None:
    result = verify_pdf(signed_pdf)
    assert result.valid, result.reasons
    assert result.protection == PROTECTION_PDF
    pdf_key = pdf_signing_key(data_dir)
    assert result.pdf_key_fingerprint == pdf_key.fingerprint
    assert result.document is not None
    assert result.document.pdf_key_fingerprint == pdf_key.fingerprint
    assert signed_pdf.read_bytes().count(b"<?xpacket begin") == 1  # Qt's PDF/A metadata kept


def test_pdfsig_finds_a_valid_signature_over_the_whole_document(signed_pdf: Path) -> None:
    output = pdfsig_report(signed_pdf)
    assert "Signature Validation: Signature is Valid." in output
    assert "Total document signed" in output
    assert "Signature Type: ETSI.CAdES.detached" in output
    assert "Gesamtschule Bochum-Mitte" in output  # the certificate names the school

    first_revision_only = signed_pdf.with_name("ohne.pdf")
    first_revision_only.write_bytes(first_revision(signed_pdf.read_bytes()))
    unsigned = pdfsig_report(first_revision_only, check=False)
    assert "Signature is Valid" not in unsigned


def test_a_changed_letter_in_the_page_content_fails(signed_pdf: Path) -> None:
    before = pypdf.PdfReader(signed_pdf).pages[0].extract_text()
    change_first_glyph(signed_pdf)
    assert pypdf.PdfReader(signed_pdf).pages[0].extract_text() != before  # the page shows it

    result = verify_pdf(signed_pdf)
    assert not result.valid
    assert result.reasons == (CHANGED,)


def change_first_glyph(path: Path) -> None:
    """Swap one glyph of the page's text in place, keeping every byte offset of the file."""
    data = path.read_bytes()
    contents = pypdf.PdfReader(path).pages[0]["/Contents"].get_object()
    compressed = contents._data  # the stream's bytes exactly as stored in the file
    text = zlib.decompress(compressed)
    squeezed = next(candidate for candidate in _glyph_swaps(text)
                    if len(candidate) <= len(compressed))  # the edit must fit in place
    padded = squeezed + b"\n" * (len(compressed) - len(squeezed))
    assert data.count(compressed) == 1
    path.write_bytes(data.replace(compressed, padded))


def _glyph_swaps(text: bytes) -> Iterator[bytes]:
    """The page's content with one glyph of the heading swapped, compressed; several tries,
    as the compressed size varies by a byte or two with the edit."""
    for old in range(1, 12):
        for new in range(1, 12):
            edited = text.replace(b"<%04X> Tj" % old, b"<%04X> Tj" % new, 1)
            if old != new and edited != text:
                yield zlib.compress(edited, 9)


def test_a_changed_letter_in_the_xmp_fails(signed_pdf: Path) -> None:
    replace_in_xmp(signed_pdf, "Annegret", "Annegrat")  # same length: no offset moves
    result = verify_pdf(signed_pdf)
    assert not result.valid
    assert result.reasons[0] == CHANGED
    assert "Der Name weicht von den signierten Daten ab" in result.reasons[1]


def test_a_changed_letter_in_the_document_information_fails(signed_pdf: Path) -> None:
    data = signed_pdf.read_bytes()
    title = "Annegret".encode("utf-16-be")
    assert data.index(title) < data.index(b"<?xpacket")  # the /Info title, not the XMP
    signed_pdf.write_bytes(data.replace(title, "Annegrat".encode("utf-16-be"), 1))
    assert "Annegrat" in str(pypdf.PdfReader(signed_pdf).metadata)

    assert verify_pdf(signed_pdf).reasons == (CHANGED,)


def test_an_appended_update_that_draws_over_the_page_fails(signed_pdf: Path) -> None:
    assert b"100 500 400 120 re f" in append_white_box(signed_pdf, "100 500 400 120")

    result = verify_pdf(signed_pdf)
    assert not result.valid
    assert result.reasons == ("Nach dem Signieren wurde etwas an die Datei angehängt (eine "
                              "spätere Änderung, die die Seite überdecken kann).",)


def test_a_copy_cut_back_to_the_unsigned_revision_fails(signed_pdf: Path) -> None:
    signed_pdf.write_bytes(first_revision(signed_pdf.read_bytes()))
    result = verify_pdf(signed_pdf)
    assert not result.valid
    assert result.reasons[0].startswith("Die PDF-Signatur fehlt")


def test_a_copy_with_the_signature_removed_fails(signed_pdf: Path, tmp_path: Path) -> None:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(signed_pdf))
    del writer._root_object["/AcroForm"]
    del writer.pages[0]["/Annots"]
    stripped = tmp_path / "ohne-signatur.pdf"
    with stripped.open("wb") as stream:
        writer.write(stream)
    assert not pypdf.PdfReader(stripped).get_fields()

    result = verify_pdf(stripped)
    assert not result.valid
    assert result.reasons[0].startswith("Die PDF-Signatur fehlt")


def test_a_signature_replaced_by_another_key_fails(signed_pdf: Path, data_dir: Path) -> None:
    signed_pdf.write_bytes(first_revision(signed_pdf.read_bytes()))
    forger = new_pdf_key("Gesamtschule Bochum-Mitte")  # same name, other key
    sign_pdf(signed_pdf, forger, "Zertifikat")

    result = verify_pdf(signed_pdf)
    assert not result.valid
    assert result.reasons[0].startswith("Die PDF-Signatur stammt von einem anderen Schlüssel")
    assert result.pdf_key_fingerprint == forger.fingerprint


def test_with_trust_only_the_trusted_key_passes(signed_pdf: Path, data_dir: Path) -> None:
    own = signing_key(data_dir).public_key()
    own_certificate = pdf_signing_key(data_dir).certificate
    assert verify_pdf(signed_pdf, [own]).key_trusted is True
    by_certificate = TrustedKeys(frozenset({certificate_fingerprint(own_certificate)}))
    assert verify_pdf(signed_pdf, by_certificate).valid

    other = Ed25519PrivateKey.generate().public_key()
    result = verify_pdf(signed_pdf, [other])
    assert not result.valid
    assert result.key_trusted is False
    assert result.reasons == (
        "Signiert mit einem Schlüssel, dem nicht vertraut wird (Fingerabdruck "
        f"{' '.join(fingerprint(own)[i:i + 4] for i in range(0, 16, 4))}; erwartet: "
        f"{' '.join(fingerprint(other)[i:i + 4] for i in range(0, 16, 4))}).",)


@pytest.mark.parametrize("damage", ["truncated", "garbage", "foreign"])
def test_damaged_or_foreign_pdfs_are_refused_with_a_reason(
    signed_pdf: Path, tmp_path: Path, damage: str
) -> None:
    data = signed_pdf.read_bytes()
    damaged = tmp_path / "kaputt.pdf"
    if damage == "truncated":
        damaged.write_bytes(data[: len(data) * 2 // 3])
    elif damage == "garbage":
        damaged.write_bytes(data[:-400] + bytes(range(256)) + data[-144:])
    else:
        writer = pypdf.PdfWriter()
        writer.add_blank_page(595, 842)
        with damaged.open("wb") as stream:
            writer.write(stream)
    result = verify_pdf(damaged)
    assert not result.valid
    assert result.reasons
    assert all(reason.endswith(".") for reason in result.reasons)


def test_certificates_issued_before_pdf_signing_still_verify(
    qapp: QApplication, service: CertificateService, store: ProgressStore,
    passed_profile: ProfileRecord, data_dir: Path, tmp_path: Path
) -> None:
    issued = service.issued(service.issue(passed_profile.id, None, CertificateKind.FULL).number)
    older = replace(issued.document, pdf_key_fingerprint=None, number="KMP-2026-2345-6789")
    key = signing_key(data_dir)
    as_before = tmp_path / "alt.pdf"
    write_pdf(as_before, older, sign(older, key))  # what the app wrote before: no PDF signature

    result = verify_pdf(as_before)
    assert result.valid, result.reasons
    assert result.protection == PROTECTION_LEGACY
    assert result.pdf_key_fingerprint is None

    store.record_certificate(passed_profile.id, older.number, older.kind.value, ["beispiel"],
                             ISSUED_AT, payload=older.to_json(), signature=sign(older, key))
    again = tmp_path / "neu-exportiert.pdf"
    service.export_pdf(older.number, again)  # a re-export gains the PDF signature
    result = verify_pdf(again)
    assert result.valid, result.reasons
    assert result.protection == PROTECTION_PDF
