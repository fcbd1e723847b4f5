"""`kompetenz certificate …` and `kompetenz keys …` as a user types them."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from certificate_helpers import Clock, pass_quiz
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from PySide6.QtWidgets import QApplication

from kompetenz.certificates.signing import fingerprint, format_fingerprint
from kompetenz.cli import main
from kompetenz.store.records import ProfileRecord
from kompetenz.store.service import ProgressStore

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(data_dir: Path, sample_content: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    """Run the command line on the test's data folder and sample course: (status, out, err)."""

    def invoke(*argv: str | Path) -> tuple[int, str, str]:
        status = main(["--data-dir", str(data_dir), "--content-dir", str(sample_content),
                       *map(str, argv)])
        out, err = capsys.readouterr()
        return status, out, err

    return invoke


def test_export_list_reexport_and_verify(qapp: QApplication, run: Run,
                                         passed_profile: ProfileRecord, tmp_path: Path) -> None:
    first = tmp_path / "zertifikat.pdf"
    status, out, err = run("certificate", "export", "--out", first)
    assert (status, err) == (0, "")
    number = re.search(r"KMP-\d{4}-[A-Z0-9]{4}-[A-Z0-9]{4}", out)
    assert number is not None
    assert out.startswith("Zertifikat KI-Kompetenz Nr. ")  # the only module is the only core one

    status, out, _ = run("certificate", "list")
    assert status == 0
    assert number.group(0) in out
    assert "Zertifikat KI-Kompetenz" in out

    second = tmp_path / "nochmal.pdf"
    assert run("certificate", "reexport", number.group(0), "--out", second)[0] == 0

    status, out, err = run("certificate", "verify", second)
    assert (status, err) == (0, "")
    assert out.startswith("GÜLTIG")
    assert "Name: Annegret Müller-Lüdenscheidt" in out
    assert "Ergebnis 87 %" in out
    assert "nicht bestätigt" in out


def test_verify_with_a_trusted_key_and_the_qr_text(qapp: QApplication, run: Run,
                                                   passed_profile: ProfileRecord,
                                                   tmp_path: Path) -> None:
    pdf = tmp_path / "z.pdf"
    assert run("certificate", "export", "--module", "beispiel", "--out", pdf)[0] == 0
    published = tmp_path / "schule.pub.pem"
    status, out, _ = run("keys", "export-public", "--out", published)
    assert status == 0
    assert "Fingerabdruck" in out

    status, out, _ = run("certificate", "verify", pdf, "--trust", published)
    assert status == 0
    assert "(vertrauenswürdig laut --trust)" in out

    stranger = tmp_path / "fremd.pem"
    stranger.write_bytes(Ed25519PrivateKey.generate().public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
    status, out, err = run("certificate", "verify", pdf, "--trust", stranger)
    assert (status, out) == (1, "")
    assert err.startswith("UNGÜLTIG\n– Signiert mit einem Schlüssel, dem nicht vertraut wird")

    qr_text = re.search(rb"KOMPETENZ1\.[A-Z0-9.]+", pdf.read_bytes())
    assert qr_text is not None
    status, out, _ = run("certificate", "verify", "--qr-text", qr_text.group(0).decode())
    assert status == 0
    assert "Teilnahmebescheinigung Nr. KMP-" in out
    assert run("certificate", "verify", "--qr-text", "KOMPETENZ1.KAPUTT")[0] == 1


def test_a_school_key_signs_later_certificates(qapp: QApplication, run: Run,
                                               passed_profile: ProfileRecord,
                                               tmp_path: Path) -> None:
    school = Ed25519PrivateKey.generate()
    key_file = tmp_path / "schule.pem"
    key_file.write_bytes(school.private_bytes(serialization.Encoding.PEM,
                                              serialization.PrivateFormat.PKCS8,
                                              serialization.NoEncryption()))
    status, out, _ = run("keys", "import", key_file)
    assert status == 0
    assert format_fingerprint(fingerprint(school.public_key())) in out

    pdf = tmp_path / "z.pdf"
    assert run("certificate", "export", "--out", pdf)[0] == 0
    status, out, _ = run("certificate", "verify", pdf)
    assert f"Signaturschlüssel: {format_fingerprint(fingerprint(school.public_key()))}" in out

    status, out, _ = run("keys", "export-public")
    assert status == 0
    assert "-----BEGIN CERTIFICATE-----" in out  # the PDF key's certificate comes along
    public = serialization.load_pem_public_key(out.split("-----BEGIN CERTIFICATE")[0].encode())
    assert isinstance(public, Ed25519PublicKey)
    assert public.public_bytes_raw() == school.public_key().public_bytes_raw()


def test_refusals_are_german_messages_without_traceback(qapp: QApplication, run: Run,
                                                        store: ProgressStore, clock: Clock,
                                                        profile: ProfileRecord,
                                                        tmp_path: Path) -> None:
    out_file = tmp_path / "z.pdf"
    status, out, err = run("certificate", "export", "--out", out_file)
    assert (status, out) == (1, "")
    assert err == ("Fehler: Es ist noch kein Modul abgeschlossen (Wissensüberprüfung bestanden). "
                   "Für das Zertifikat KI-Kompetenz fehlen: „Beispielmodul: Prompts im "
                   "Schulalltag“.\n")
    pass_quiz(store, clock, profile.id, "beispiel", 40.0, passed=False)
    status, _, err = run("certificate", "export", "--module", "beispiel", "--out", out_file)
    assert status == 1
    assert "Die Wissensüberprüfung ist noch nicht bestanden" in err
    assert not out_file.exists()

    status, _, err = run("certificate", "reexport", "KMP-2026-AAAA-BBBB", "--out", out_file)
    assert (status, err) == (1, "Fehler: Ein Zertifikat mit der Nummer KMP-2026-AAAA-BBBB "
                                "gibt es hier nicht.\n")
    status, _, err = run("certificate", "export", "--out", tmp_path / "fehlt" / "z.pdf")
    assert status == 1
    assert "Den Ordner" in err

    garbage = tmp_path / "kaputt.pem"
    garbage.write_text("kein Schlüssel")
    status, _, err = run("keys", "import", garbage)
    assert status == 1
    assert err.startswith("Fehler: Die Datei muss genau einen privaten Ed25519-Schlüssel "
                          "enthalten")
    status, _, err = run("certificate", "verify", tmp_path / "fehlt.pdf")
    assert status == 1
    assert "Traceback" not in err


def test_without_a_choice_several_passed_modules_need_one_named(
    qapp: QApplication, run: Run, store: ProgressStore, clock: Clock,
    profile: ProfileRecord, sample_content: Path, tmp_path: Path,
) -> None:
    for order, module_id in enumerate(("zwei", "drei"), start=2):
        folder = sample_content / "de" / module_id
        shutil.copytree(sample_content / "de" / "beispiel", folder)
        manifest = folder / "module.toml"
        manifest.write_text(manifest.read_text(encoding="utf-8")
                            .replace('"beispiel"', f'"{module_id}"')
                            .replace("Beispielmodul", f"Modul {module_id}")
                            .replace("order = 1", f"order = {order}"), encoding="utf-8")
    pass_quiz(store, clock, profile.id, "zwei", 90.0)
    status, out, _ = run("certificate", "export", "--out", tmp_path / "a.pdf")
    assert status == 0
    assert out.startswith("Teilnahmebescheinigung")  # the only passed module

    pass_quiz(store, clock, profile.id, "drei", 95.0)
    status, _, err = run("certificate", "export", "--out", tmp_path / "b.pdf")
    assert status == 1
    assert err == ("Fehler: Abgeschlossen sind mehrere Module (zwei, drei). Wählen Sie eines mit "
                   "--module ID. Für das Zertifikat KI-Kompetenz fehlen noch: „Beispielmodul: "
                   "Prompts im Schulalltag“.\n")
    assert run("certificate", "export", "--module", "drei", "--out", tmp_path / "b.pdf")[0] == 0

    store.create_profile("Zweites Profil")
    status, _, err = run("certificate", "list")
    assert status == 1
    assert "Geben Sie mit --profile NAME an" in err
    status, out, _ = run("certificate", "list", "--profile", "Zweites Profil")
    assert (status, out) == (0, "Für „Zweites Profil“ wurde noch kein Zertifikat ausgestellt.\n")
    status, out, _ = run("certificate", "list", "--profile", "Annegret Müller-Lüdenscheidt")
    assert len(out.splitlines()) == 2


def test_the_key_set_is_created_exported_and_imported_as_one(
    qapp: QApplication, run: Run, passed_profile: ProfileRecord, tmp_path: Path
) -> None:
    status, out, _ = run("keys", "create", "--school", "Gesamtschule Bochum-Mitte")
    assert status == 0
    ed_line, pdf_line = out.splitlines()[1:3]
    assert ed_line.startswith("Fingerabdruck (Ed25519")
    assert pdf_line.startswith("Fingerabdruck (PDF-Signatur, ECDSA P-256, Gesamtschule Bochum")

    key_set = tmp_path / "schluesselsatz.pem"
    assert run("keys", "export", "--out", key_set)[0] == 0
    assert key_set.read_bytes().count(b"PRIVATE KEY-----\n") == 4  # two keys, BEGIN and END
    published = tmp_path / "schule-oeffentlich.pem"
    status, out, _ = run("keys", "export-public", "--out", published)
    assert status == 0
    assert ed_line in out
    assert pdf_line in out
    assert b"PRIVATE" not in published.read_bytes()

    pdf = tmp_path / "z.pdf"
    assert run("certificate", "export", "--out", pdf)[0] == 0
    status, out, err = run("certificate", "verify", pdf, "--trust", published)
    assert (status, err) == (0, "")
    assert "(vertrauenswürdig laut --trust)" in out
    assert "Schutz: PDF-Signatur über die ganze Datei" in out
    assert f"PDF-Signaturschlüssel: {pdf_line.rsplit(': ', 1)[1]}" in out

    assert run("keys", "create", "--school", "Andere Schule")[0] == 0
    other = tmp_path / "andere.pem"
    assert run("keys", "export-public", "--out", other)[0] == 0
    status, out, err = run("certificate", "verify", pdf, "--trust", other)
    assert (status, out) == (1, "")
    assert "dem nicht vertraut wird" in err

    assert run("keys", "import", key_set)[0] == 0  # back to the school's set
    status, out, _ = run("keys", "export-public")
    assert status == 0
    status, out, _ = run("keys", "export-public", "--out", tmp_path / "wieder.pem")
    assert ed_line in out
    assert pdf_line in out


def test_a_tampered_file_or_a_broken_key_gives_a_reason_and_no_log_output(
    qapp: QApplication, run: Run, passed_profile: ProfileRecord, data_dir: Path, tmp_path: Path
) -> None:
    pdf = tmp_path / "z.pdf"
    assert run("certificate", "export", "--out", pdf)[0] == 0
    data = pdf.read_bytes()
    pdf.write_bytes(data.replace(b"/Producer", b"/Producex", 1))
    status, out, err = run("certificate", "verify", pdf)
    assert (status, out) == (1, "")
    assert err.splitlines() == ["UNGÜLTIG", "– Die PDF-Signatur ist ungültig: Die Datei wurde "
                                "nach dem Signieren verändert."]

    (data_dir / "keys" / "pdf-signing-cert.pem").write_text("kaputt")
    status, _, err = run("certificate", "export", "--out", tmp_path / "neu.pdf")
    assert status == 1
    assert "Das Zertifikat des PDF-Signaturschlüssels ist nicht lesbar" in err
    assert "Traceback" not in err


def test_badge_export_and_verify_on_the_command_line(
    qapp: QApplication, run: Run, passed_profile: ProfileRecord, tmp_path: Path
) -> None:
    assert run("certificate", "export", "--out", tmp_path / "z.pdf")[0] == 0
    number = run("certificate", "list")[1].split("\t")[0]
    for suffix in (".json", ".png", ".svg"):
        badge = tmp_path / f"nachweis{suffix}"
        status, out, err = run("certificate", "badge", number, "--out", badge)
        assert (status, err) == (0, ""), err
        status, out, err = run("certificate", "verify", badge, "--name",
                               "Annegret Müller-Lüdenscheidt")
        assert (status, err) == (0, "")
        assert out.startswith("GÜLTIG: Die Signatur des Open Badge stimmt.")
        assert f"(Nr. {number})" in out
        assert "Ausgestellt für: Annegret Müller-Lüdenscheidt" in out
        assert "Inhaltsversion 1.0.0" in out

    badge = tmp_path / "nachweis.json"
    badge.write_text(badge.read_text("utf-8").replace("Beispielmodul", "Beispielmodal", 1))
    status, out, err = run("certificate", "verify", badge)
    assert (status, out) == (1, "")
    assert err == ("UNGÜLTIG\n– Die Signatur des Nachweises ist ungültig: Er wurde nach dem "
                   "Signieren verändert.\n")
    status, _, err = run("certificate", "badge", number, "--out", tmp_path / "n.txt")
    assert status == 1
    assert "Die Endung wählt das Format" in err


def test_settings_are_shown_saved_and_checked(run: Run) -> None:
    assert run("certificate", "settings")[1] == "Keine Angaben festgelegt.\n"
    status, out, _ = run("certificate", "settings", "--provider", "Gesamtschule Bochum-Mitte",
                         "--ai-system", "telli", "--hours-per-day", "6", "--state", "Hessen")
    assert status == 0
    assert '"ai_systems": [\n    "telli"\n  ]' in out
    status, _, err = run("certificate", "settings", "--issuer-id", "https://schule.example")
    assert status == 1
    assert "did:web" in err
    status, _, err = run("certificate", "settings", "--refresh-months", "-2")
    assert status == 1
    assert "größer als 0" in err


def test_importing_the_same_plain_key_again_keeps_the_pdf_key(run: Run, tmp_path: Path) -> None:
    school = Ed25519PrivateKey.generate()
    key_file = tmp_path / "schule.pem"
    key_file.write_bytes(school.private_bytes(serialization.Encoding.PEM,
                                              serialization.PrivateFormat.PKCS8,
                                              serialization.NoEncryption()))
    first = run("keys", "import", key_file, "--school", "Schule am See")[1]
    again = run("keys", "import", key_file)[1]
    assert "ECDSA P-256, Schule am See" in first
    assert first.splitlines()[1:3] == again.splitlines()[1:3]  # both fingerprints unchanged
