"""What a Fortbildung certificate states from the school's settings: printed only when set."""

from __future__ import annotations

from pathlib import Path

import pytest
from certificate_helpers import Clock
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication

from kompetenz.certificates.details import HESSEN_NOTE, ProviderDetails, day_equivalent
from kompetenz.certificates.document import CertificateKind
from kompetenz.certificates.issuer import IssuerSettings, save_settings
from kompetenz.certificates.service import CertificateService
from kompetenz.certificates.verify import verify_pdf
from kompetenz.store.records import ProfileRecord


def page_text(path: Path) -> str:
    return " ".join(PdfReader(path).pages[0].extract_text().split())


def export(service: CertificateService, profile: ProfileRecord, path: Path) -> str:
    number = service.issue(profile.id, "beispiel", CertificateKind.MODULE).number
    service.export_pdf(number, path)
    return page_text(path)


def test_the_school_settings_appear_on_the_page_and_in_the_signed_data(
    qapp: QApplication, service: CertificateService, passed_profile: ProfileRecord,
    data_dir: Path, tmp_path: Path
) -> None:
    save_settings(data_dir, IssuerSettings(
        provider="Gesamtschule Bochum-Mitte", provider_address="Musterweg 1, 44787 Bochum",
        accreditation_number="NRW-2026-0815", hours_per_day=0.5, ai_systems=("telli",),
        state="Hessen"))
    path = tmp_path / "z.pdf"
    text = export(service, passed_profile, path)
    for expected in ("Teilnahmebescheinigung",
                     "Nachweis einer Maßnahme zur Förderung der KI-Kompetenz nach Art. 4 KI-VO",
                     "Anbieter", "Gesamtschule Bochum-Mitte, Musterweg 1, 44787 Bochum",
                     "Veranstaltungsnr.", "NRW-2026-0815", "KI-Systeme der Schule", "telli",
                     "0,5 Std. (entspricht 1 Fortbildungstag)", "Inhaltsversion 1.0.0"):
        assert expected in text, expected
    assert " ".join(HESSEN_NOTE.split()) in text
    assert text.count("Hessischen Lehrkräfteakademie") == 1  # said once, plainly
    assert "Pflichtnachweis" not in text
    result = verify_pdf(path)
    assert result.valid, result.reasons
    assert result.document is not None
    assert result.document.details.ai_systems == ("telli",)


def test_without_settings_nothing_extra_is_printed(
    qapp: QApplication, service: CertificateService, passed_profile: ProfileRecord,
    tmp_path: Path
) -> None:
    text = export(service, passed_profile, tmp_path / "z.pdf")
    for absent in ("Anbieter", "Veranstaltungsnr.", "KI-Systeme", "Fortbildungstag",
                   "Lehrkräfteakademie", "Pflichtnachweis"):
        assert absent not in text, absent


def test_settings_apply_to_new_certificates_only(
    qapp: QApplication, service: CertificateService, passed_profile: ProfileRecord,
    data_dir: Path, tmp_path: Path
) -> None:
    number = service.issue(passed_profile.id, "beispiel", CertificateKind.MODULE).number
    save_settings(data_dir, IssuerSettings(provider="Später gesetzt"))
    service.export_pdf(number, tmp_path / "alt.pdf")
    assert "Später gesetzt" not in page_text(tmp_path / "alt.pdf")


@pytest.mark.parametrize(("total", "per_day", "expected"), [
    (6.0, 6.0, "entspricht 1 Fortbildungstag"), (4.5, 6.0, "entspricht 0,75 Fortbildungstagen"),
    (13.0, 6.0, "entspricht 2 Fortbildungstagen"), (1.0, 6.0, "entspricht 0 Fortbildungstagen")])
def test_the_day_equivalent_never_rounds_up(total: float, per_day: float, expected: str) -> None:
    assert day_equivalent(total, per_day) == expected


def test_details_survive_the_json_round_trip() -> None:
    details = ProviderDetails("Schule", None, "A-1", 6.0, ("telli", "fobizz"), "Hessen")
    assert ProviderDetails.from_dict(details.to_dict()) == details
    assert details.in_hessen
    assert not ProviderDetails()


def test_the_cli_prints_what_the_school_set(
    qapp: QApplication, data_dir: Path, sample_content: Path, store: object,
    clock: Clock, passed_profile: ProfileRecord, tmp_path: Path,
    capsys: pytest.CaptureFixture[str]
) -> None:
    from kompetenz.cli import main

    def run(*argv: str) -> int:
        return main(["--data-dir", str(data_dir), "--content-dir", str(sample_content), *argv])

    assert run("certificate", "settings", "--provider", "Schule am See", "--ai-system",
               "telli", "--state", "Hessen") == 0
    assert "Hessischen Lehrkräfteakademie" in capsys.readouterr().out
    assert run("certificate", "export", "--out", str(tmp_path / "z.pdf")) == 0
    capsys.readouterr()
    assert run("certificate", "verify", str(tmp_path / "z.pdf")) == 0
    out = capsys.readouterr().out
    assert "Anbieter: Schule am See" in out
    assert "KI-Systeme der Schule: telli" in out
    assert "Inhaltsversion „Beispielmodul: Prompts im Schulalltag“: 1.0.0" in out
