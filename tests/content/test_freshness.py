"""`kompetenz content check` warns where a passed date is still spoken of in the future."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kompetenz.content.checker import check_content
from kompetenz.content.freshness import stale_future_dates

STALE = Path(__file__).parent.parent / "data" / "stale"
ROLES_COURSE = Path(__file__).parent.parent / "data" / "roles"
AS_OF = date(2026, 12, 3)


@pytest.mark.parametrize(
    "sentence",
    [
        "Diese Pflicht gilt ab dem 02.08.2026 (Stand: Juli 2026).",
        "Art. 50 gilt erst ab 2. August 2026.",
        "Die Pflichten gelten ab dem **02.08.2026**.",
        "Nach dem Omnibus voraussichtlich ab 02.08.2026.",
        "Die Verbote werden am 2. Dezember 2026 in Kraft treten.",
        "Die Regeln werden ab dem 01.09.2026 für alle Schulen gelten.",
        "Das Gesetz tritt am 1. Oktober 2026 in Kraft.",
        "Ab dem 02.08.2026 gelten die Transparenzpflichten.",
        "Art. 50 gilt grundsätzlich ab dem 02.08.2026:",
        "Deepfakes müssen nach Art. 50 Abs. 4 KI-VO ab 02.08.2026 offengelegt werden.",
        "Die KI-Verordnung verlangt ab dem 02.08.2026, dass Menschen es erfahren.",
        "Die Übergangsfrist läuft bis zum 02.12.2026.",
    ],
)
def test_a_passed_date_in_the_future_tense_is_found(sentence: str) -> None:
    [found] = stale_future_dates(f"# Titel\n\n{sentence}\n", AS_OF)
    assert found.line == 3
    assert found.when < AS_OF


@pytest.mark.parametrize(
    "sentence",
    [
        "Diese Pflicht gilt seit dem 02.08.2026.",
        "Die Pflichten werden voraussichtlich ab dem 02.12.2027 gelten.",
        "Ursprünglich ab 02.08.2026, nach dem Omnibus voraussichtlich ab 02.12.2027.",
        "Die Verordnung ist am 01.08.2024 in Kraft getreten.",
        "Ab dem 1. Januar 2027 gilt etwas Neues.",
        "Die Frist gilt ab dem 31.02.2026.",  # no such date
        "Die Pflicht galt ab dem 02.08.2026 nur für neue Systeme.",
        "Hochrisiko-Pflichten erst ab 02.12.2027 statt ab 02.08.2026.",
        "Ab dem 02.08.2026 waren Bußgelder möglich. Heute gilt mehr.",  # the verb is past
        # "sind" belongs to the sentence before; "wird … bereitgestellt" is a present passive
        "Seit Dezember sind alle ausgestattet. Ab dem 05.12.2025 wird telli bereitgestellt.",
    ],
)
def test_the_past_tense_and_future_dates_are_left_alone(sentence: str) -> None:
    assert list(stale_future_dates(sentence, AS_OF)) == []


def test_the_check_warns_with_file_and_line_in_lessons_templates_and_quiz() -> None:
    report = check_content([STALE])
    assert report.problems == []  # a warning does not fail the check
    module = STALE / "de" / "veraltet"
    found = [(w.file.relative_to(module).as_posix(), w.line) for w in report.warnings]
    assert found == [
        ("01-fristen.md", 3),
        ("01-fristen.md", 9),
        ("vorlagen/aushang.md", 3),
        ("quiz.gift", 3),
    ]
    first = report.warnings[0].message
    assert "'gilt ab dem 02.08.2026'" in first
    assert "before the module's as_of (03.12.2026)" in first


def test_the_command_prints_the_warnings_and_still_succeeds(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from kompetenz.cli import main

    assert main(["content", "check", str(STALE)]) == 0
    out = capsys.readouterr().out
    assert "01-fristen.md:3: 'gilt ab dem 02.08.2026'" in out
    assert "(warning)" in out


def test_a_current_module_gets_no_warning() -> None:
    report = check_content([ROLES_COURSE])
    assert (report.problems, report.warnings) == ([], [])
