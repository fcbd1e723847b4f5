"""The Art. 4 documentation as a signed PDF: written by `school report`, checked by poppler's
`pdfsig` and by `school verify-report`, refused after any change; its columns follow the
course. The CSV stays a plain, unsigned table."""

from __future__ import annotations

import re
import shutil
import zlib
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pypdf
import pytest
from cryptography.hazmat.primitives import serialization
from pdfsig_support import append_white_box, pdfsig_report
from PySide6.QtWidgets import QApplication

from kompetenz.certificates.keyset import installed_pdf_key, new_pdf_key, pdf_key_paths
from kompetenz.certificates.pdfsign import sign_pdf
from kompetenz.certificates.signing import format_fingerprint
from kompetenz.cli import main
from kompetenz.content.loader import load_course
from kompetenz.resources import bundled_content_dir
from kompetenz.store import open_store
from kompetenz.store.records import Completion

Run = Callable[..., tuple[int, str, str]]
SCHOOL = "Gesamtschule Nord"
# The bundled course lists grundwissen, grundlagen, unterricht, ethik-recht, verwaltung:
# by id the columns would read ethik-recht, grundlagen, grundwissen.
TITLES = {"grundwissen": "KI-Grundwissen für alle", "grundlagen": "Grundlagen generativer KI",
          "ethik-recht": "Ethik, Recht und Datenschutz"}


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "schulleitung"


@pytest.fixture
def run(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    """The head teacher's CLI on their data folder, with the bundled course."""

    def invoke(*argv: str | Path) -> tuple[int, str, str]:
        status = main(["--data-dir", str(data_dir), *map(str, argv)])
        out, err = capsys.readouterr()
        return status, out, err

    return invoke


@pytest.fixture
def school(run: Run, data_dir: Path) -> Run:
    """A school with its key set, settings, a register entry and staff with completions."""
    assert run("keys", "create", "--school", SCHOOL)[0] == 0
    assert run("school", "settings", "--school", SCHOOL, "--keeper", "Schulleitung")[0] == 0
    assert run("school", "register", "add", "telli", "--step", "bedarfsanalyse",
               "--kind", "ki-system")[0] == 0
    with open_store(data_dir) as store:
        store.add_school_records([
            Completion(f"KMP-2026-{n}", name, "teacher", module, TITLES[module], "1.0",
                       date(2026, 12, 3), date(2026, 11, 20 + n))
            for n, (name, module) in enumerate([("Anna Adler", "ethik-recht"),
                                                ("Anna Adler", "grundwissen"),
                                                ("Bernd Berg", "grundlagen")])
        ], "fingerprint")
    return run


@pytest.fixture
def report(qapp: QApplication, school: Run, tmp_path: Path) -> Path:
    path = tmp_path / "doku.pdf"
    status, out, err = school("school", "report", "--out", path)
    assert (status, err) == (0, ""), err
    assert out.strip() == f"Gespeichert: {path}"
    return path


def test_pdfsig_finds_a_valid_signature_over_the_whole_report(report: Path) -> None:
    output = pdfsig_report(report)
    assert "Signature Validation: Signature is Valid." in output
    assert "Total document signed" in output
    assert f"O={SCHOOL}" in output


def test_the_first_page_names_the_signing_key(report: Path, data_dir: Path) -> None:
    pdf_key = installed_pdf_key(data_dir)
    assert pdf_key is not None
    first_page = " ".join(pypdf.PdfReader(report).pages[0].extract_text().split())
    assert (f"Diese Datei ist digital signiert (Schlüssel von „{SCHOOL}“, Fingerabdruck "
            f"{format_fingerprint(pdf_key.fingerprint)})") in first_page
    assert "kompetenz school verify-report DATEI" in first_page


def test_verify_report_accepts_the_untouched_file_and_the_schools_key(
    report: Path, school: Run, tmp_path: Path, data_dir: Path
) -> None:
    status, out, err = school("school", "verify-report", report)
    assert (status, err) == (0, "")
    pdf_key = installed_pdf_key(data_dir)
    assert pdf_key is not None
    shown = format_fingerprint(pdf_key.fingerprint)
    assert out.splitlines()[:2] == [
        "GÜLTIG: Die Dokumentation ist signiert und seit dem Signieren unverändert.",
        f"Signiert von: {SCHOOL}"]
    assert f"Fingerabdruck: {shown} – nicht bestätigt" in out

    public = tmp_path / "schule-oeffentlich.pem"
    assert school("keys", "export-public", "--out", public)[0] == 0
    status, out, _ = school("school", "verify-report", report, "--trust", public)
    assert status == 0
    assert f"Fingerabdruck: {shown} (vertrauenswürdig laut --trust)" in out


def _refusal(run: Run, *argv: str | Path) -> str:
    status, out, err = run("school", "verify-report", *argv)
    assert (status, out) == (1, "")
    assert err.startswith("ABGELEHNT: ")
    assert "Traceback" not in err
    return err


def test_a_changed_byte_in_the_page_content_is_refused(report: Path, school: Run) -> None:
    before = pypdf.PdfReader(report).pages[0].extract_text()
    _change_page_text(report)
    assert pypdf.PdfReader(report).pages[0].extract_text() != before  # a reader sees it
    err = _refusal(school, report)
    assert "Die Datei wurde nach dem Signieren verändert." in err


def _change_page_text(path: Path) -> None:
    """Swap one glyph on the first page in place, so that every byte offset stays."""
    data = path.read_bytes()
    stored = pypdf.PdfReader(path).pages[0]["/Contents"].get_object()._data
    text = zlib.decompress(stored)
    for old in range(1, 40):
        edited = text.replace(b"<%04X> Tj" % old, b"<%04X> Tj" % (old + 1), 1)
        squeezed = zlib.compress(edited, 9)
        if edited != text and len(squeezed) <= len(stored):
            path.write_bytes(data.replace(stored, squeezed + b"\n" * (len(stored) - len(squeezed))))
            return
    raise AssertionError("no glyph could be swapped in place")


def test_an_appended_update_is_refused(report: Path, school: Run) -> None:
    append_white_box(report, "50 600 500 100")
    err = _refusal(school, report)
    assert "Nach dem Signieren wurde etwas an die Datei angehängt" in err


def test_another_schools_key_is_refused_with_trust(
    report: Path, school: Run, tmp_path: Path
) -> None:
    other = tmp_path / "andere-schule.pem"
    other.write_bytes(new_pdf_key("Andere Schule").certificate.public_bytes(
        serialization.Encoding.PEM))
    err = _refusal(school, report, "--trust", other)
    assert "Signiert mit einem Schlüssel, dem nicht vertraut wird" in err


def test_an_unsigned_copy_another_signed_pdf_and_other_files_are_refused(
    report: Path, school: Run, tmp_path: Path, data_dir: Path
) -> None:
    unsigned = tmp_path / "ohne-signatur.pdf"
    data = report.read_bytes()
    unsigned.write_bytes(data[:data.index(b"%%EOF") + 5] + b"\n")  # Qt's file before signing
    assert "keine PDF-Signatur" in _refusal(school, unsigned)

    pdf_key = installed_pdf_key(data_dir)
    assert pdf_key is not None
    as_certificate = tmp_path / "zertifikat.pdf"
    shutil.copyfile(unsigned, as_certificate)
    sign_pdf(as_certificate, pdf_key, "Zertifikat KI-Kompetenz Nr. KMP-2026-0001")
    err = _refusal(school, as_certificate)  # intact, the school's key, but not a report
    assert "Das ist keine Dokumentation nach Art. 4 KI-VO" in err
    assert "kompetenz certificate verify DATEI" in err

    assert "Datei nicht lesbar" in _refusal(school, tmp_path)  # a folder
    table = tmp_path / "doku.csv"
    table.write_text("Name;Rolle\n")
    assert "Das ist keine PDF-Datei." in _refusal(school, table)


def test_certificate_verify_points_a_report_to_verify_report(report: Path, school: Run) -> None:
    status, out, err = school("certificate", "verify", report)
    assert (status, out) == (1, "")
    assert "ist kein Zertifikat, sondern die Dokumentation der Schule" in err
    assert f"kompetenz school verify-report {report}" in err


def test_the_csv_is_the_plain_table_and_unsigned(school: Run, tmp_path: Path) -> None:
    path = tmp_path / "matrix.csv"
    assert school("school", "report", "--out", path)[:3:2] == (0, "")
    data = path.read_bytes()
    assert data.startswith("\ufeffName;Rolle;".encode())
    assert b"%PDF" not in data
    assert b"signiert" not in data
    assert data.decode("utf-8-sig").splitlines()[1].startswith("Anna Adler;Lehrkraft;")


def test_columns_follow_the_course_in_overview_csv_and_pdf(
    report: Path, school: Run, tmp_path: Path
) -> None:
    in_course_order = [TITLES["grundwissen"], TITLES["grundlagen"], TITLES["ethik-recht"]]
    assert sorted(in_course_order) != in_course_order  # by title the order would differ too

    _, out, _ = school("school", "overview")
    shown = [line.strip().split(":")[0] for line in out.splitlines() if line.startswith("  ")]
    assert [title for title in shown if title in in_course_order][:3] == in_course_order

    csv_path = tmp_path / "matrix.csv"
    school("school", "report", "--out", csv_path)
    header = csv_path.read_text(encoding="utf-8-sig").splitlines()[0].split(";")
    columns = [h.removesuffix(": abgeschlossen am") for h in header[2::4]]
    # Every module of the course is a column, also the two nobody has completed.
    assert columns == [m.title for m in load_course([bundled_content_dir()]).modules]
    assert [c for c in columns if c in in_course_order] == in_course_order

    text = " ".join(" ".join(page.extract_text() for page in
                             pypdf.PdfReader(report).pages).split())
    positions = [text.index(title) for title in in_course_order]
    assert positions == sorted(positions)
    # The matrix numbers its columns; the list below it names version, as-of date and number.
    done = {TITLES["grundwissen"]: 1, TITLES["grundlagen"]: 1, TITLES["ethik-recht"]: 1}
    for n, title in enumerate(columns, start=1):
        assert f"Modul {n}: {title} – abgeschlossen von {done.get(title, 0)}" in text
    assert "Personen: 2 · Abschlüsse: 3 · Auffrischung fällig: 0" in text
    details = text[text.index("Nachweise im Einzelnen"):]
    assert "Anna Adler Ethik, Recht und Datenschutz 20.11.2026 1.0 (03.12.2026) KMP-2026-0" \
        in details


def test_a_password_protected_pdf_key_is_named_without_a_prompt(
    qapp: QApplication, school: Run, data_dir: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch
) -> None:
    key_file, _ = pdf_key_paths(data_dir)
    pdf_key = installed_pdf_key(data_dir)
    assert pdf_key is not None
    key_file.write_bytes(pdf_key.key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(b"geheim")))
    monkeypatch.setattr("getpass.getpass", _no_prompt)
    target = tmp_path / "doku.pdf"
    status, _, err = school("school", "report", "--out", target)
    assert status == 1
    assert err.startswith(f"Fehler: {key_file}: Der PDF-Signaturschlüssel ist mit einem "
                          "Passwort geschützt.")
    assert "kompetenz keys import" in err
    assert not target.exists()


def _no_prompt(prompt: str = "") -> str:
    raise AssertionError(f"the report must not ask for a password: {prompt}")


def test_the_first_report_makes_a_pdf_key_for_the_school(
    qapp: QApplication, run: Run, data_dir: Path, tmp_path: Path
) -> None:
    assert run("school", "settings", "--school", "Realschule Süd")[0] == 0
    assert installed_pdf_key(data_dir) is None
    assert run("school", "report", "--out", tmp_path / "doku.pdf")[0] == 0
    pdf_key = installed_pdf_key(data_dir)
    assert pdf_key is not None
    assert pdf_key.holder == "Realschule Süd"
    status, out, _ = run("school", "verify-report", tmp_path / "doku.pdf")
    assert status == 0
    assert "Signiert von: Realschule Süd" in out


def test_a_long_matrix_repeats_its_header_and_keeps_each_person_on_one_page(
    qapp: QApplication, school: Run, data_dir: Path, tmp_path: Path
) -> None:
    # Staff of "weiteres Schulpersonal" have a role label of five lines in the matrix.
    with open_store(data_dir) as store:
        store.add_school_records([
            Completion(f"KMP-2026-P{n:02}", f"Person{n:02}", "other", "grundwissen",
                       TITLES["grundwissen"], "1.0", date(2026, 12, 3), date(2026, 11, 1))
            for n in range(60)
        ], "fingerprint")
    target = tmp_path / "doku.pdf"
    assert school("school", "report", "--out", target)[0] == 0
    pages = [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(target).pages]
    matrix_pages = [text for text in pages[1:] if re.search(r"Person\d\d weiteres", text)]
    assert len(matrix_pages) >= 2
    for text in matrix_pages:
        assert text.startswith("Person Modul 1 Modul 2"), text[:60]
    for n in range(60):
        # the name and the end of its role label on the same page
        assert any(f"Person{n:02} weiteres Schulpersonal (Hausmeister, OGS, Schulbegleitung, "
                   "Schulsozialarbeit, IT)" in text for text in pages), n
