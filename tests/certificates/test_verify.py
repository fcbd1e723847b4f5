"""Checking certificates: genuine ones pass, changed ones fail and say what was changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from certificate_helpers import replace_in_xmp, xmp_packet
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtWidgets import QApplication

from kompetenz.certificates.document import CertificateDocument, CertificateKind, canonical_json
from kompetenz.certificates.service import CertificateService, IssuedCertificate
from kompetenz.certificates.signing import fingerprint, sign, signing_key
from kompetenz.certificates.verify import verify_pdf, verify_qr_text
from kompetenz.store.records import ProfileRecord

PDF_CHANGED = ("Die PDF-Datei wurde nach dem Signieren verändert",
               "Die PDF-Signatur ist ungültig: Die Datei wurde nach dem Signieren verändert.")


@pytest.fixture
def issued(qapp: QApplication, service: CertificateService, passed_profile: ProfileRecord,
           tmp_path: Path) -> tuple[IssuedCertificate, Path]:
    record = service.issue(passed_profile.id, None, CertificateKind.FULL)
    path = tmp_path / "zertifikat.pdf"
    return service.export_pdf(record.number, path), path


def test_a_genuine_certificate_is_valid_and_states_what_it_certifies(
    issued: tuple[IssuedCertificate, Path], data_dir: Path
) -> None:
    certificate, path = issued
    own_key = signing_key(data_dir).public_key()

    for result in (verify_pdf(path), verify_pdf(path, [own_key]),
                   verify_qr_text(certificate.signed_text, [own_key])):
        assert result.valid, result.reasons
        assert result.key_fingerprint == fingerprint(own_key)
        assert result.statement is not None
        assert result.statement.name == "Annegret Müller-Lüdenscheidt"
        assert result.statement.number == certificate.record.number
        assert [(m.title, m.score_percent) for m in result.statement.modules] == [
            ("Beispielmodul: Prompts im Schulalltag", 87)]
    assert verify_pdf(path).key_trusted is None
    assert verify_pdf(path, [own_key]).key_trusted is True
    assert verify_pdf(path).document == certificate.document


def test_a_changed_name_fails(issued: tuple[IssuedCertificate, Path]) -> None:
    _, path = issued
    replace_in_xmp(path, '"name":"Annegret Müller-Lüdenscheidt"', '"name":"Annette Müller"')

    result = verify_pdf(path)
    assert not result.valid
    assert result.reasons[0].startswith(PDF_CHANGED)
    assert result.reasons[1:] == ("Der Name weicht von den signierten Daten ab (signiert: "
                                  "„Annegret Müller-Lüdenscheidt“, im Dokument: „Annette Müller“).",)


@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        ('"score_percent":87', '"score_percent":97', "Das Ergebnis des Moduls „Beispielmodul: "
         "Prompts im Schulalltag“ weicht von den signierten Daten ab (signiert: „87“, im "
         "Dokument: „97“)."),
        ('"completed_on":"2026-09-01"', '"completed_on":"2026-08-01"', "Das Abschlussdatum des "
         "Moduls „Beispielmodul: Prompts im Schulalltag“ weicht von den signierten Daten ab"),
        ('"issued_on":"2026-11-26"', '"issued_on":"2025-11-26"',
         "Das Ausstellungsdatum weicht von den signierten Daten ab"),
        ('"id":"beispiel"', '"id":"grundlagen"', "Die Module im Dokument weichen von den "
         "signierten Daten ab."),
        ("Fehler machen", "Wunder wirken", "Die Lernziele oder weitere Angaben im Dokument "
         "weichen von den signierten Daten ab."),
    ],
)
def test_a_changed_date_score_module_or_objective_fails(
    issued: tuple[IssuedCertificate, Path], old: str, new: str, reason: str
) -> None:
    _, path = issued
    replace_in_xmp(path, old, new)

    result = verify_pdf(path)
    assert not result.valid
    assert any(r.startswith(reason) for r in result.reasons), result.reasons


def better_score(document: CertificateDocument, forger: Ed25519PrivateKey) -> CertificateDocument:
    data = json.loads(document.to_json())
    data["modules"][0]["score_percent"] = 100
    data["key_fingerprint"] = fingerprint(forger.public_key())
    return CertificateDocument.from_json(canonical_json(data))


def forge(certificate: IssuedCertificate, path: Path, forger: Ed25519PrivateKey) -> None:
    """Change the score and sign everything anew with the forger's own key."""
    forged = better_score(certificate.document, forger)
    replace_in_xmp(path, certificate.signed_text, sign(forged, forger))
    replace_in_xmp(path, certificate.document.to_json(), forged.to_json())


def test_data_re_signed_with_another_key_fails_against_the_schools_key(
    issued: tuple[IssuedCertificate, Path], data_dir: Path
) -> None:
    certificate, path = issued
    forger = Ed25519PrivateKey.generate()
    forge(certificate, path, forger)

    unchecked = verify_pdf(path)  # the data is consistent in itself, the PDF signature is not
    assert not unchecked.valid
    # The forged text may or may not have the old length: the file's structure breaks, or
    # only the digest; either way the PDF signature fails.
    assert unchecked.reasons[0].startswith(PDF_CHANGED)
    assert unchecked.key_fingerprint == fingerprint(forger.public_key())
    assert unchecked.key_fingerprint != certificate.document.key_fingerprint

    school = signing_key(data_dir).public_key()
    result = verify_pdf(path, [school])
    assert not result.valid
    assert result.key_trusted is False
    assert result.reasons[-1].startswith("Signiert mit einem Schlüssel, dem nicht vertraut wird")


def test_a_signature_that_does_not_fit_its_data_fails(
    issued: tuple[IssuedCertificate, Path]
) -> None:
    certificate, path = issued
    prefix, payload, key, signature = certificate.signed_text.split(".")
    forger = Ed25519PrivateKey.generate()
    _, forged_payload, _, _ = sign(better_score(certificate.document, forger), forger).split(".")
    assert forged_payload != payload
    replace_in_xmp(path, certificate.signed_text, ".".join((prefix, forged_payload, key,
                                                            signature)))

    result = verify_pdf(path)
    assert not result.valid
    assert result.reasons == ("Die Signatur ist ungültig: Die signierten Angaben wurden "
                              "verändert.",)


def test_changed_bytes_and_appended_changes_fail(issued: tuple[IssuedCertificate, Path]) -> None:
    certificate, path = issued
    original = path.read_bytes()
    payload = certificate.signed_text.split(".")[1]
    flipped = payload[:20] + ("Q" if payload[20] != "Q" else "R") + payload[21:]
    path.write_bytes(original.replace(payload.encode(), flipped.encode()))
    assert not verify_pdf(path).valid

    path.write_bytes(original + b"\n1 0 obj\n<< >>\nendobj\ntrailer\n<< >>\n%%EOF\n")
    result = verify_pdf(path)
    assert len(result.reasons) == 1
    assert result.reasons[0].startswith(PDF_CHANGED)


def test_files_without_certificate_data_are_refused(tmp_path: Path) -> None:
    other = tmp_path / "anderes.pdf"
    other.write_bytes(b"%PDF-1.4\n%%EOF\n")
    assert verify_pdf(other).reasons[0].startswith("Die Datei enthält keine Zertifikatsdaten")
    not_pdf = tmp_path / "bild.png"
    not_pdf.write_bytes(b"\x89PNG")
    assert verify_pdf(not_pdf).reasons == (f"{not_pdf}: Das ist keine PDF-Datei.",)
    assert "nicht lesbar" in verify_pdf(tmp_path / "fehlt.pdf").reasons[0]


def test_the_metadata_packet_is_stored_uncompressed(issued: tuple[IssuedCertificate, Path]
                                                    ) -> None:
    certificate, path = issued
    assert certificate.record.number.encode() in xmp_packet(path.read_bytes())
