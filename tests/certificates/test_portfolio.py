"""The learning record ("Mein Lernnachweis") of a learner as a PDF, read back with pypdf."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from certificate_helpers import Clock
from pypdf import PdfReader
from PySide6.QtGui import QTextBlock, QTextDocument, QTextTable
from PySide6.QtWidgets import QApplication

from kompetenz.certificates.document import CertificateError, CertificateKind
from kompetenz.certificates.portfolio import (
    ModuleRecord,
    Portfolio,
    Writing,
    build_portfolio,
    write_portfolio_pdf,
)
from kompetenz.certificates.portfolio_layout import portfolio_text
from kompetenz.certificates.service import CertificateService
from kompetenz.cli import main
from kompetenz.content.loader import Course
from kompetenz.store.records import PlannedItem, ProfileRecord
from kompetenz.store.service import ProgressStore

TODAY = date(2026, 11, 26)
QUESTION = "Reflexion\\: Wofür wollen Sie Prompts im Unterricht nutzen?"
KEYS = ("bsp-teile", "bsp-token", "bsp-fehler", "bsp-reflexion")
Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def course(course: Course, sample_module_dir: Path) -> Course:
    """The sample course with an essay question added (read when the portfolio is built)."""
    quiz = sample_module_dir / "quiz.gift"
    quiz.write_text(
        quiz.read_text(encoding="utf-8") + f"\n::bsp-reflexion:: {QUESTION} {{}}\n",
        encoding="utf-8",
    )
    return course


def take_quiz(
    store: ProgressStore, clock: Clock, profile_id: int, score: float, reflection: str | None = None
) -> None:
    """One finished attempt through the real store, a day after the last one."""
    clock.now += timedelta(days=1)
    attempt = store.start_attempt(
        profile_id, "beispiel", "1.0.0", [PlannedItem(key, ()) for key in KEYS]
    )
    store.record_answer(attempt.id, 0, "bsp-teile", [0, 1], 1.0)
    if reflection is not None:
        store.record_answer(attempt.id, 3, "bsp-reflexion", reflection, None)
    store.finish_attempt(attempt.id, score, score >= 60)


def pdf_text(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


@pytest.fixture
def active_profile(store: ProgressStore, profile: ProfileRecord, clock: Clock) -> ProfileRecord:
    store.open_lesson(profile.id, "beispiel", "01-prompts.md")
    store.add_time(profile.id, "beispiel", "01-prompts.md", 754)
    store.complete_lesson(profile.id, "beispiel", "01-prompts.md")
    store.save_note(profile.id, "beispiel", "01-prompts.md", "Rollen an der Tafel sammeln.")
    take_quiz(store, clock, profile.id, 50.0, "Für Arbeitsblätter mit Rolle und Format.")
    take_quiz(store, clock, profile.id, 87.5, "Für Arbeitsblätter mit Rolle und Format.")
    return profile


def test_the_record_holds_lessons_attempts_reflections_notes_and_certificates(
    qapp: QApplication,
    store: ProgressStore,
    course: Course,
    active_profile: ProfileRecord,
    service: CertificateService,
    tmp_path: Path,
) -> None:
    number = service.issue(active_profile.id, "beispiel", CertificateKind.MODULE).number
    portfolio = build_portfolio(store, course, active_profile.id, today=TODAY)
    module = portfolio.modules[0]
    assert (module.lessons_read, len(module.lessons)) == (1, 2)
    assert [(a.score_percent, a.passed) for a in module.attempts] == [(50, False), (87, True)]
    assert [w.text for w in module.reflections] == ["Für Arbeitsblätter mit Rolle und Format."]
    assert module.reflections[0].heading == QUESTION.replace("\\", "")

    path = tmp_path / "lernnachweis.pdf"
    assert write_portfolio_pdf(path, portfolio) == 1
    [text] = pdf_text(path)
    for expected in (
        "Mein Lernnachweis – Kompetenz",
        "Annegret Müller-Lüdenscheidt",
        "Gesamtschule Bochum-Mitte · Lehrkraft",
        "Stand: 26. November 2026",
        "nicht signiert und kein Zertifikat",
        "Beispielmodul: Prompts im Schulalltag",
        "1 von 2 Lektionen gelesen · Lernzeit 13 Min. · Bestehensgrenze 60 %",
        "Gute Prompts gelesen am 01.09.2026",
        "50 % nicht bestanden",
        "87 % bestanden",
        "Wofür wollen Sie Prompts im Unterricht nutzen?",
        "Für Arbeitsblätter mit Rolle und Format.",
        "Rollen an der Tafel sammeln.",
        number,
        "Teilnahmebescheinigung",
        "Seite 1 von 1",
    ):
        assert expected in text, expected
    assert text.count("Für Arbeitsblätter mit Rolle und Format.") == 1  # the same text once
    metadata = PdfReader(path).metadata
    assert metadata is not None
    assert metadata.title == "Mein Lernnachweis – Kompetenz: Annegret Müller-Lüdenscheidt"


def test_a_learner_who_did_nothing_yet_gets_one_tidy_page(
    qapp: QApplication,
    store: ProgressStore,
    course: Course,
    profile: ProfileRecord,
    tmp_path: Path,
) -> None:
    path = tmp_path / "leer.pdf"
    assert write_portfolio_pdf(path, build_portfolio(store, course, profile.id)) == 1
    [text] = pdf_text(path)
    assert "0 von 2 – – nicht begonnen" in text
    assert "Noch kein Zertifikat ausgestellt." in text
    assert "Wissensüberprüfung" not in text  # no empty module section
    assert text.endswith("Seite 1 von 1")


def test_a_long_history_flows_over_numbered_pages_with_every_line_once(
    qapp: QApplication,
    store: ProgressStore,
    course: Course,
    profile: ProfileRecord,
    clock: Clock,
    tmp_path: Path,
) -> None:
    for attempt in range(1, 31):
        thoughts = " ".join(f"Gedanke{attempt}x{i}" for i in range(60))
        reflection = f"Anfang{attempt} {thoughts}\n\nZweiter Absatz."
        take_quiz(store, clock, profile.id, 40.0 + attempt, reflection)
    path = tmp_path / "lang.pdf"
    pages = write_portfolio_pdf(path, build_portfolio(store, course, profile.id))
    texts = pdf_text(path)
    assert pages == len(texts) >= 4
    for number, text in enumerate(texts, start=1):
        assert text.endswith(f"Seite {number} von {pages}"), text[-80:]
    words = re.findall(r"Gedanke\d+x\d+", " ".join(texts))
    assert len(words) == len(set(words)) == 30 * 60  # no line drawn twice, none lost
    assert all(f"Anfang{attempt} " in " ".join(texts) for attempt in range(1, 31))


@pytest.mark.parametrize("lines", range(0, 64, 3))
def test_no_heading_closes_a_page_and_no_paragraph_spans_two(
    qapp: QApplication, lines: int
) -> None:
    """A text growing by a few lines moves the headings after it over a page's end."""
    day = date(2026, 9, 1)
    reflection = Writing("Eine Frage?", "Zeile mit etwas Text. " * 4 * (lines + 40), day)
    notes = tuple(Writing(f"Lektion {n}", "Eine Notiz. " * 20, day) for n in range(3))
    module = ModuleRecord("Modul", (("Lektion", day),), 600, 80, (), (reflection,), notes)
    text = portfolio_text(Portfolio("Name", None, "Lehrkraft", day, (module,), ()))
    blocks = []  # (the pages its lines are on, heading?) in document order
    block = text.begin()
    while block.isValid():
        blocks.append((_pages_of(text, block), block.blockFormat().headingLevel() > 0))
        block = block.next()
    assert all(len(pages) <= 1 for pages, _ in blocks)
    for (pages, heading), (next_pages, _) in itertools.pairwise(blocks):
        assert not heading or not next_pages or pages == next_pages
    for page in range(text.pageCount()):
        assert any(not heading for pages, heading in blocks if page in pages), page


@pytest.mark.parametrize("lines", range(0, 40, 3))
def test_no_table_row_spans_two_pages(qapp: QApplication, lines: int) -> None:
    """Lesson titles wrap to two lines; a first module growing by a few lines moves every
    row of the second one's table over a page's end once."""
    day = date(2026, 9, 1)
    growing = Writing("Eine Frage?", "Zeile mit etwas Text. " * 4 * (lines + 1), day)
    first = ModuleRecord("Erstes Modul", (("Lektion", day),), 600, 80, (), (growing,), ())
    title = "Eine Lektion mit einem so langen Titel, dass er in der Tabelle zweizeilig umbricht"
    lessons = tuple((f"{title} ({n})", day) for n in range(40))
    second = ModuleRecord("Zweites Modul", lessons, 600, 80, (), (), ())
    text = portfolio_text(Portfolio("Name", None, "Lehrkraft", day, (first, second), ()))
    rows = [row for table in _tables(text) for row in _rows(table)]
    assert sum(row[0].layout().lineCount() > 1 for row in rows) >= 40  # the titles wrapped
    for row in rows:
        pages = set().union(*(_pages_of(text, block) for block in row))
        assert len(pages) == 1, [block.text() for block in row]


def _tables(text: QTextDocument) -> list[QTextTable]:
    frames, tables = [text.rootFrame()], []
    while frames:
        frame = frames.pop()
        frames += frame.childFrames()
        if isinstance(frame, QTextTable):
            tables.append(frame)
    return tables


def _rows(table: QTextTable) -> list[list[QTextBlock]]:
    """Each row's blocks, every cell's from first to last."""
    rows = []
    for row in range(table.rows()):
        blocks = []
        for column in range(table.columns()):
            cell = table.cellAt(row, column)
            block, end = cell.firstCursorPosition().block(), cell.lastCursorPosition().block()
            while True:
                blocks.append(block)
                if block == end:
                    break
                block = block.next()
        rows.append(blocks)
    return rows


def _pages_of(text: QTextDocument, block: QTextBlock) -> set[int]:
    top, lines = text.documentLayout().blockBoundingRect(block).top(), block.layout()
    height = text.pageSize().height()
    return {int((top + lines.lineAt(i).y()) // height) for i in range(lines.lineCount())}


def test_what_is_no_longer_in_the_course_is_still_listed(
    store: ProgressStore,
    course: Course,
    active_profile: ProfileRecord,
    sample_module_dir: Path,
) -> None:
    store.save_note(active_profile.id, "alt-modul", "01-alt.md", "Aus einem alten Kurs.")
    (sample_module_dir / "quiz.gift").unlink()
    portfolio = build_portfolio(store, course, active_profile.id)
    assert [m.title for m in portfolio.modules] == [
        "Beispielmodul: Prompts im Schulalltag",
        "alt-modul (nicht mehr im Kurs)",
    ]
    assert portfolio.modules[0].reflections[0].heading == "(Die Frage steht nicht mehr im Kurs.)"
    assert portfolio.modules[1].notes[0].text == "Aus einem alten Kurs."


def test_a_target_that_cannot_be_written_is_refused_in_german(
    qapp: QApplication,
    store: ProgressStore,
    course: Course,
    profile: ProfileRecord,
    tmp_path: Path,
) -> None:
    portfolio: Portfolio = build_portfolio(store, course, profile.id)
    with pytest.raises(CertificateError, match="kann nicht geschrieben werden"):
        write_portfolio_pdf(tmp_path / "fehlt" / "x.pdf", portfolio)
    existing = tmp_path / "alt.pdf"
    existing.write_bytes(b"old")
    write_portfolio_pdf(existing, portfolio)  # replaced as a whole, once complete
    assert existing.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.glob("*.pdf*")] == ["alt.pdf"]  # no temporary file left


@pytest.fixture
def run(data_dir: Path, sample_content: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    def invoke(*argv: str | Path) -> tuple[int, str, str]:
        status = main(
            ["--data-dir", str(data_dir), "--content-dir", str(sample_content), *map(str, argv)]
        )
        out, err = capsys.readouterr()
        return status, out, err

    return invoke


def test_the_command_writes_the_record(
    qapp: QApplication, run: Run, course: Course, active_profile: ProfileRecord, tmp_path: Path
) -> None:
    path = tmp_path / "mein-lernnachweis.pdf"
    status, out, err = run("certificate", "portfolio", "--out", path)
    assert (status, err) == (0, "")
    assert "Lernnachweis von „Annegret Müller-Lüdenscheidt“ gespeichert (1 Seite)" in out
    assert "Für Arbeitsblätter mit Rolle und Format." in pdf_text(path)[0]


def test_the_command_needs_to_know_whose_record(
    qapp: QApplication,
    run: Run,
    store: ProgressStore,
    active_profile: ProfileRecord,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store.create_profile("Bernd Beispiel", password="geheim")
    path = tmp_path / "x.pdf"
    status, out, err = run("certificate", "portfolio", "--out", path)
    assert (status, out) == (1, "")
    assert err.startswith("Fehler: Es gibt mehrere Profile („Annegret Müller-Lüdenscheidt“")
    assert "--profile NAME" in err

    monkeypatch.setattr("getpass.getpass", lambda prompt: "falsch")
    status, _, err = run("certificate", "portfolio", "--out", path, "--profile", "Bernd Beispiel")
    assert status == 1
    assert "Das Passwort stimmt nicht" in err
    monkeypatch.setattr("getpass.getpass", lambda prompt: "geheim")
    assert run("certificate", "portfolio", "--out", path, "--profile", "Bernd Beispiel")[0] == 0
    assert "Bernd Beispiel" in pdf_text(path)[0]
    assert run("certificate", "portfolio", "--out", tmp_path / "fehlt" / "x.pdf")[2].startswith(
        "Fehler: Den Ordner"
    )
