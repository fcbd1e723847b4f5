"""The verify API the school overview calls: one result type for PDFs and badges, no raising."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kompetenz.certificates.api import BADGE, PDF, check_badge_file, check_certificate_pdf
from kompetenz.certificates.document import CertificateKind
from kompetenz.certificates.keyset import pdf_signing_key, read_trusted_keys
from kompetenz.certificates.service import CertificateService
from kompetenz.certificates.signing import fingerprint, public_key_pem, signing_key
from kompetenz.store.records import ProfileRecord


def test_a_pdf_and_its_badge_give_the_same_answer(
    qapp: QApplication, service: CertificateService, passed_profile: ProfileRecord,
    data_dir: Path, tmp_path: Path
) -> None:
    number = service.issue(passed_profile.id, None, CertificateKind.FULL).number
    pdf, badge = tmp_path / "z.pdf", tmp_path / "z.json"
    service.export_pdf(number, pdf)
    service.export_badge(number, badge)
    school = tmp_path / "schule.pem"
    school.write_bytes(public_key_pem(signing_key(data_dir).public_key()))
    trusted = read_trusted_keys([school])

    from_pdf = check_certificate_pdf(pdf, trusted)
    from_badge = check_badge_file(badge, trusted, expected_name="Annegret Müller-Lüdenscheidt")
    for check, source in ((from_pdf, PDF), (from_badge, BADGE)):
        assert check.valid, check.reason
        assert (check.source, check.reason, check.number) == (source, "", number)
        assert check.name == "Annegret Müller-Lüdenscheidt"
        assert check.role is None  # the sample certificate states no role
        assert [(m.id, m.completed_on, m.version, m.as_of) for m in check.modules] == [
            ("beispiel", date(2026, 9, 1), "1.0.0", date(2026, 7, 2))]
        assert check.key_fingerprint == fingerprint(signing_key(data_dir).public_key())
        assert check.key_trusted is True
    assert from_pdf.pdf_key_fingerprint == pdf_signing_key(data_dir).fingerprint


def test_bad_files_give_a_reason_not_an_exception(tmp_path: Path) -> None:
    missing = tmp_path / "fehlt.pdf"
    for check in (check_certificate_pdf(missing), check_badge_file(missing)):
        assert not check.valid
        assert "fehlt.pdf" in check.reason
        assert check.number is None
