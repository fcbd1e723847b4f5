"""What a certificate says, and when one may be issued (pure units, no Qt, no database)."""

from __future__ import annotations

import re
import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from kompetenz.certificates.document import (
    NUMBER_ALPHABET,
    CertificateDocument,
    CertificateError,
    CertificateKind,
    build_document,
    new_certificate_number,
)
from kompetenz.content.loader import Course, load_course
from kompetenz.store.records import ModuleProgress, ProfileRecord, Role

PROFILE = ProfileRecord(7, "Jonas Özdemir", None, Role.TEACHER, False, datetime(2026, 1, 1, tzinfo=UTC))


def progress(module_id: str, score: float | None, passed: bool,
             lessons: frozenset[str] = frozenset()) -> ModuleProgress:
    passed_at = datetime(2026, 9, 1, 10, 0, tzinfo=UTC) if passed else None
    return ModuleProgress(module_id, lessons, score, passed, passed_at, 1, 600.0)


def build(course: Course, progress_by_module: dict[str, ModuleProgress], kind: CertificateKind,
          module_id: str | None = None) -> CertificateDocument:
    return build_document(PROFILE, course, progress_by_module, kind, module_id,
                          key_fingerprint="0123456789abcdef", issued_on=date(2026, 11, 26))


def test_a_module_certificate_states_what_was_achieved(course: Course) -> None:
    doc = build(course, {"beispiel": progress("beispiel", 87.5, True)}, CertificateKind.MODULE,
                "beispiel")

    assert doc.title == "Teilnahmebescheinigung"
    assert (doc.name, doc.school) == ("Jonas Özdemir", None)
    [module] = doc.modules
    assert module.title == "Beispielmodul: Prompts im Schulalltag"
    assert module.completed_on == date(2026, 9, 1)
    assert module.score_percent == 87  # rounded down, never more than was reached
    assert module.workload_hours == 0.5
    assert module.objectives == ("einen Prompt aus Rolle, Aufgabe, Kontext und Format aufbauen",
                                 "erkennen, dass Sprachmodelle Fehler machen")
    assert doc.total_hours == 0.5
    assert doc.as_of == date(2026, 7, 2)
    assert doc.format_line == "Selbstlernkurs mit Wissensüberprüfung, offline durchgeführt"
    assert doc.issued_on == date(2026, 11, 26)


def test_lessons_done_without_a_passed_quiz_is_not_completed(course: Course) -> None:
    lessons = frozenset({"01-prompts.md", "02-grenzen.md"})
    failed = {"beispiel": progress("beispiel", 40.0, False, lessons)}

    with pytest.raises(CertificateError, match="„Beispielmodul: Prompts im Schulalltag“ ist "
                       "noch nicht abgeschlossen: Die Wissensüberprüfung ist noch nicht bestanden"):
        build(course, failed, CertificateKind.MODULE, "beispiel")


def test_a_passed_quiz_completes_a_module_even_with_lessons_unread(course: Course) -> None:
    doc = build(course, {"beispiel": progress("beispiel", 100.0, True)}, CertificateKind.MODULE,
                "beispiel")
    assert doc.modules[0].score_percent == 100


def test_an_unknown_module_is_named(course: Course) -> None:
    with pytest.raises(CertificateError, match="Das Modul „gibt-es-nicht“ gibt es im Kurs nicht"):
        build(course, {}, CertificateKind.MODULE, "gibt-es-nicht")


@pytest.fixture
def two_module_course(sample_content: Path) -> Course:
    """The sample module plus an optional one (an older pack's `core = false`) that is not needed for `full`."""
    extra = sample_content / "de" / "extra"
    shutil.copytree(sample_content / "de" / "beispiel", extra)
    manifest = extra / "module.toml"
    text = manifest.read_text(encoding="utf-8").replace('id = "beispiel"', 'id = "extra"')
    text = text.replace("title = \"Beispielmodul: Prompts im Schulalltag\"",
                        "title = \"Vertiefung\"\ncore = false").replace("order = 1", "order = 2")
    manifest.write_text(text, encoding="utf-8")
    loaded = load_course([sample_content])
    assert [(m.id, m.core_for) for m in loaded.modules] == [
        ("beispiel", ("teacher", "leadership", "administration", "other")), ("extra", ())]
    return loaded


def test_full_needs_every_core_module_and_names_the_missing_ones(two_module_course: Course
                                                                  ) -> None:
    only_extra = {"extra": progress("extra", 90.0, True)}
    with pytest.raises(CertificateError, match="Für das Zertifikat KI-Kompetenz fehlt noch: "
                       "„Beispielmodul: Prompts im Schulalltag“"):
        build(two_module_course, only_extra, CertificateKind.FULL)


def test_full_lists_every_completed_module_core_or_not(two_module_course: Course) -> None:
    core_only = {"beispiel": progress("beispiel", 80.0, True)}
    assert [m.id for m in build(two_module_course, core_only, CertificateKind.FULL).modules] == [
        "beispiel"]

    both = {**core_only, "extra": progress("extra", 95.0, True)}
    doc = build(two_module_course, both, CertificateKind.FULL)
    assert doc.title == "Zertifikat KI-Kompetenz"
    assert [m.id for m in doc.modules] == ["beispiel", "extra"]
    assert doc.total_hours == 1.0


def test_numbers_are_random_and_unambiguous() -> None:
    numbers = {new_certificate_number(2026) for _ in range(200)}
    assert len(numbers) == 200
    for number in numbers:
        assert re.fullmatch(rf"KMP-2026-[{NUMBER_ALPHABET}]{{4}}-[{NUMBER_ALPHABET}]{{4}}", number)
    assert not set("01ILOUV") & set(NUMBER_ALPHABET)


def test_the_document_survives_its_json_unchanged(course: Course) -> None:
    doc = build(course, {"beispiel": progress("beispiel", 87.5, True)}, CertificateKind.FULL)
    assert CertificateDocument.from_json(doc.to_json()) == doc


def test_foreign_json_is_refused_in_german() -> None:
    with pytest.raises(CertificateError, match="unvollständig"):
        CertificateDocument.from_json('{"format": "kompetenz-certificate/1"}')
