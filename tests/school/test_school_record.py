"""The head teacher's record from handed-in files: `school import`, overview, register, report."""

from __future__ import annotations

import csv
import io
import re
import shutil
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication

from kompetenz.certificates.service import CertificateService
from kompetenz.cli import main
from kompetenz.content.loader import load_course
from kompetenz.school.overview import build_overview
from kompetenz.store import open_store
from kompetenz.store.records import Completion, PlannedItem, Role

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    """The head teacher's CLI on a data folder of their own."""

    def invoke(*argv: str | Path) -> tuple[int, str, str]:
        status = main(["--data-dir", str(tmp_path / "schulleitung"), *map(str, argv)])
        out, err = capsys.readouterr()
        return status, out, err

    return invoke


def _certificate(tmp_path: Path, sample_content: Path, name: str) -> Path:
    """A learner on another PC passes the module and exports the certificate as PDF."""
    folder = tmp_path / f"pc-{name}"
    with open_store(folder, clock=lambda: datetime(2026, 11, 30, 8, tzinfo=UTC)) as store:
        profile = store.create_profile(name, school="Gesamtschule Nord", role=Role.TEACHER)
        attempt = store.start_attempt(profile.id, "beispiel", "1.0.0", [PlannedItem("q", ())])
        store.finish_attempt(attempt.id, 91.0, True)
        service = CertificateService(store, load_course([sample_content]), folder,
                                     clock=lambda: datetime(2026, 11, 30, 9, tzinfo=UTC))
        number = service.issue(profile.id, "beispiel", "module").number
        target = tmp_path / f"{name}.pdf"
        service.export_pdf(number, target)
    return target


def _assert_no_score(text: str) -> None:
    """Neither the learner's 91 % nor any percentage appears.

    The report's key fingerprint is random hex that once held "91" (a flaky
    failure), so it is cut out first and the score looked for standing alone.
    """
    text = re.sub(r"Fingerabdruck.*?\)\.", "", text, flags=re.S)
    assert "%" not in text
    assert re.search(r"(?<![0-9A-Za-z])91(?![0-9A-Za-z])", text) is None


def test_import_adds_once_refuses_tampered_files_and_keeps_the_valid_ones(
    qapp: QApplication, run: Run, tmp_path: Path, sample_content: Path
) -> None:
    anna = _certificate(tmp_path, sample_content, "Anna Adler")
    bernd = _certificate(tmp_path, sample_content, "Bernd Berg")
    forged = tmp_path / "gefälscht.pdf"
    shutil.copyfile(bernd, forged)
    forged.write_bytes(forged.read_bytes().replace(b"Bernd Berg", b"Bernd Borg"))
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 nur ein Bild")

    status, out, _ = run("school", "import", anna, forged, scan, bernd, "--role", "teacher")
    lines = out.splitlines()
    assert status == 1
    assert lines[0] == f"{anna}: hinzugefügt"
    assert lines[1].startswith(f"{forged}: abgelehnt – ")
    assert lines[2].startswith(f"{scan}: abgelehnt – ")
    assert lines[3] == f"{bernd}: hinzugefügt"

    status, out, _ = run("school", "import", anna, bernd)
    assert (status, out.splitlines()) == (
        0, [f"{anna}: bereits vorhanden", f"{bernd}: bereits vorhanden"])
    status, out, _ = run("school", "overview")
    assert out.splitlines()[0] == "Personen: 2 · Abschlüsse: 2 · Auffrischung fällig: 0"
    assert "Anna Adler (Lehrkraft)" in out
    assert "Bernd Berg (Lehrkraft)" in out
    _assert_no_score(out)  # the score printed on the certificate never reaches the overview


def test_a_pinned_key_refuses_certificates_of_other_keys(
    qapp: QApplication, run: Run, tmp_path: Path, sample_content: Path
) -> None:
    anna = _certificate(tmp_path, sample_content, "Anna Adler")
    other = tmp_path / "fremd.pem"
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from kompetenz.certificates.signing import public_key_pem

    other.write_bytes(public_key_pem(Ed25519PrivateKey.generate().public_key()))
    status, out, _ = run("school", "import", anna, "--trust", other)
    assert status == 1
    assert "abgelehnt – " in out
    assert "nicht vertraut" in out


def test_report_as_csv_and_pdf_holds_register_matrix_and_no_scores(
    qapp: QApplication, run: Run, tmp_path: Path, sample_content: Path
) -> None:
    anna = _certificate(tmp_path, sample_content, "Anna Adler")
    assert run("school", "import", anna, "--role", "teacher")[0] == 0
    assert run("school", "settings", "--school", "Gesamtschule Nord", "--keeper",
               "Schulleitung (Frau Kaya)", "--refresh-months", "12")[0] == 0
    assert run("school", "register", "add", "telli", "--step", "bedarfsanalyse",
               "--kind", "ki-system", "--details", "Chatbot der Länder für Schulen")[0] == 0
    assert run("school", "register", "add", "Fortbildung Prompts", "--step",
               "massnahmenplanung", "--kind", "massnahme", "--due", "2027-03-31")[0] == 0

    status, _, err = run("school", "report", "--out", tmp_path / "matrix.csv")
    assert (status, err) == (0, "")
    data = (tmp_path / "matrix.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    # The installed course's modules come first (nobody has done them), then the handed-in one.
    column = rows[0].index("Beispielmodul: Prompts im Schulalltag: abgeschlossen am")
    assert rows[0][:2] == ["Name", "Rolle"]
    assert rows[1][:2] == ["Anna Adler", "Lehrkraft"]
    assert rows[1][column] == "30.11.2026"
    assert set(rows[1][2:column]) <= {""}

    status, _, err = run("school", "report", "--out", tmp_path / "doku.pdf")
    assert (status, err) == (0, "")
    text = " ".join(page.extract_text() for page in PdfReader(tmp_path / "doku.pdf").pages)
    for expected in ("Art. 4 KI-VO", "Gesamtschule Nord", "Schulleitung (Frau Kaya)", "telli",
                     "Fortbildung Prompts", "Anna Adler", "30.11.2026", "Personalrat"):
        assert "".join(expected.split()) in "".join(text.split()), expected  # lines wrap
    _assert_no_score(text)


def test_the_overview_counts_a_certificate_once_and_marks_refresh_by_role() -> None:
    def record(name: str, role: str, day: date) -> Completion:
        return Completion("KMP-1", name, role, "grundlagen", "Grundlagen", "1.0",
                          date(2026, 12, 3), day)

    records = [record("Anna", "teacher", date(2024, 1, 10)), record("Anna", "teacher",
               date(2024, 1, 10)), record("Olaf", "other", date(2026, 6, 1))]
    overview = build_overview(records, today=date(2026, 12, 3), refresh_months=24)
    assert [p.name for p in overview.people] == ["Anna", "Olaf"]
    assert [(p.name, m) for p, m in overview.due()] == [("Anna", "grundlagen")]
    only_other = build_overview(records, today=date(2026, 12, 3), role="other")
    assert [p.name for p in only_other.people] == ["Olaf"]


def test_every_course_module_is_a_column_and_unknown_ones_follow() -> None:
    done = [Completion("KMP-1", "Anna", "teacher", "recht", "Recht (alt)", "1.0",
                       date(2026, 1, 1), date(2026, 3, 1)),
            Completion("KMP-2", "Anna", "teacher", "alt-modul", "Altes Modul", "0.9",
                       date(2025, 1, 1), date(2025, 3, 1))]
    course = [("grundwissen", "KI-Grundwissen"), ("recht", "Ethik und Recht")]
    overview = build_overview(done, today=date(2026, 12, 3), course_modules=course)
    # A module nobody has done is a column too; the course's title wins over the handed-in one.
    assert overview.modules == (("grundwissen", "KI-Grundwissen"), ("recht", "Ethik und Recht"),
                                ("alt-modul", "Altes Modul"))
    assert set(overview.people[0].cells) == {"recht", "alt-modul"}
    assert (overview.completions(), overview.completed_by("recht"),
            overview.completed_by("grundwissen")) == (2, 1, 0)


@pytest.mark.parametrize("url", ["kein-url", "postgresql+psycopg://anna:x@schulserver:fuenf/db"])
def test_a_server_address_that_does_not_parse_is_a_message_and_nothing_is_written(
    run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, url: str
) -> None:
    """A port that is not a number made SQLAlchemy raise ValueError, shown as a traceback."""
    monkeypatch.setenv("KOMPETENZ_DATABASE_URL", url)
    for argv in (("profile", "list"), ("school", "overview")):
        status, _, err = run(*argv)
        assert status == 1
        assert "keine gültige Datenbank-URL" in err
        assert "Traceback" not in err
    assert not (tmp_path / "schulleitung").exists()


def test_server_commands_need_the_administrators_server_url(
    run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    status, _, err = run("school", "init-server")
    assert status == 1
    assert "KOMPETENZ_DATABASE_URL" in err
    monkeypatch.setenv("KOMPETENZ_DATABASE_URL", f"sqlite:///{tmp_path / 'x.sqlite3'}")
    for argv in (("school", "init-server"), ("school", "add-person", "Anna")):
        status, _, err = run(*argv)
        assert status == 1
        assert "PostgreSQL" in err
        assert "Traceback" not in err
    assert not (tmp_path / "x.sqlite3").exists()


def test_an_open_badge_is_imported_with_the_holders_name_and_refused_without_it(
    qapp: QApplication, run: Run, tmp_path: Path, sample_content: Path
) -> None:
    folder = tmp_path / "pc-badge"
    with open_store(folder, clock=lambda: datetime(2026, 11, 30, 8, tzinfo=UTC)) as store:
        profile = store.create_profile("Anna Adler", role=Role.TEACHER)
        attempt = store.start_attempt(profile.id, "beispiel", "1.0.0", [PlannedItem("q", ())])
        store.finish_attempt(attempt.id, 91.0, True)
        service = CertificateService(store, load_course([sample_content]), folder,
                                     clock=lambda: datetime(2026, 11, 30, 9, tzinfo=UTC))
        number = service.issue(profile.id, "beispiel", "module").number
        badge = tmp_path / "anna.json"
        service.export_badge(number, badge)

    status, out, _ = run("school", "import", badge)
    assert status == 1
    assert "--name" in out
    status, out, _ = run("school", "import", badge, "--name", "Bernd Berg")
    assert status == 1
    assert "abgelehnt" in out
    status, out, _ = run("school", "import", badge, "--name", "Anna Adler", "--role", "teacher")
    assert (status, out.strip()) == (0, f"{badge}: hinzugefügt")
    status, out, _ = run("school", "overview")
    assert "Anna Adler (Lehrkraft)" in out
    assert number in out


def test_many_files_are_checked_in_child_processes_with_the_same_outcome_in_order(
    qapp: QApplication, run: Run, tmp_path: Path, sample_content: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from concurrent import futures

    from kompetenz.school import intake

    anna = _certificate(tmp_path, sample_content, "Anna Adler")
    bernd = _certificate(tmp_path, sample_content, "Bernd Berg")
    forged = tmp_path / "gefälscht.pdf"
    forged.write_bytes(bernd.read_bytes().replace(b"Bernd Berg", b"Bernd Borg"))
    files = [anna, forged, bernd, tmp_path / "fehlt.pdf", anna, bernd]
    pools: list[int] = []

    class CountedPool(futures.ProcessPoolExecutor):
        def __init__(self, max_workers: int, **options: object) -> None:
            pools.append(max_workers)
            super().__init__(max_workers, **options)  # type: ignore[arg-type]

    one_by_one = intake.verify_files(files)
    monkeypatch.setattr(intake, "PARALLEL_FROM", 4)
    monkeypatch.setattr(intake, "ProcessPoolExecutor", CountedPool)
    monkeypatch.setattr(intake.os, "cpu_count", lambda: 2)
    side_by_side = intake.verify_files(files)

    assert pools == [2]  # two children, as many as cores
    assert side_by_side == one_by_one
    assert [type(r).__name__ for r in side_by_side] == [
        "VerifiedCompletion", "Refusal", "VerifiedCompletion", "Refusal",
        "VerifiedCompletion", "VerifiedCompletion"]
