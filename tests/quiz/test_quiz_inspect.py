"""The `quiz inspect --json` shape is a promise: exact keys, null for absent values."""

from __future__ import annotations

import io
import json
from pathlib import Path

from kompetenz.commands.quiz_cmd import export_command, inspect_command
from kompetenz.quiz.gift import parse_gift
from kompetenz.quiz.to_json import questions_to_json

QUESTION_KEYS = {"type", "title", "text", "format", "category", "general_feedback", "answers"}
GIFT = """$CATEGORY: K

::mc:: Frage {=ja#gut ~nein ####allg}

Grant is {~buried =entombed} here.

Welche? {~%50%a ~%50%b ~%-100%c}

Rund? {T#falsch#richtig}

Wer? {=niemand =%50%*grant*}

Wann? {#=1822:5#ok =%50%1800..1850 ~#nein}

Ordne {=a -> b =c -> d}

Essay {}

Hinweis.
"""


def as_json() -> list[dict[str, object]]:
    data = questions_to_json(parse_gift(GIFT))
    assert set(data) == {"questions"}
    questions = data["questions"]
    assert isinstance(questions, list)
    return questions


def test_every_question_has_exactly_the_promised_keys() -> None:
    questions = as_json()
    assert all(set(q) == QUESTION_KEYS for q in questions)
    assert [q["type"] for q in questions] == [
        "single_choice", "missing_word", "multiple_choice", "true_false", "short_answer",
        "numerical", "matching", "essay", "description",
    ]  # fmt: skip


def test_single_choice_values_and_nulls() -> None:
    mc = as_json()[0]
    assert mc == {
        "type": "single_choice",
        "title": "mc",
        "text": "Frage",
        "format": "moodle",
        "category": "K",
        "general_feedback": "allg",
        "answers": [
            {"text": "ja", "fraction": 1.0, "feedback": "gut"},
            {"text": "nein", "fraction": 0.0, "feedback": None},
        ],
    }
    second = as_json()[1]
    assert (second["title"], second["general_feedback"], second["text"]) == (
        None,
        None,
        "Grant is _____ here.",
    )


def test_answer_shapes_per_type() -> None:
    qs = as_json()
    assert qs[2]["answers"][2] == {"text": "c", "fraction": -1.0, "feedback": None}  # type: ignore[index]
    assert qs[3]["answers"] == {
        "correct": True,
        "wrong_feedback": "falsch",
        "right_feedback": "richtig",
    }
    assert qs[4]["answers"][1] == {"text": "*grant*", "fraction": 0.5, "feedback": None}  # type: ignore[index]
    assert qs[5]["answers"] == [
        {"value": 1822.0, "tolerance": 5.0, "fraction": 1.0, "feedback": "ok"},
        {"min": 1800.0, "max": 1850.0, "fraction": 0.5, "feedback": None},
        {"value": "*", "tolerance": 0, "fraction": 0.0, "feedback": "nein"},
    ]
    assert qs[6]["answers"] == [{"question": "a", "answer": "b"}, {"question": "c", "answer": "d"}]
    assert qs[7]["answers"] == []
    assert qs[8]["answers"] == []


def test_inspect_command_prints_json_with_umlauts(tmp_path: Path) -> None:
    path = tmp_path / "quiz.gift"
    path.write_text("Größe? {T}\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert inspect_command(path, out, err) == 0
    assert "Größe?" in out.getvalue()
    assert json.loads(out.getvalue())["questions"][0]["type"] == "true_false"
    assert err.getvalue() == ""


def test_inspect_command_reports_gift_errors_as_file_line_message(tmp_path: Path) -> None:
    path = tmp_path / "quiz.gift"
    path.write_text("A {T}\n\nB {\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert inspect_command(path, out, err) == 1
    assert (
        err.getvalue()
        == f"{path}:3: the answer block opened with {{ on line 3 is never closed with }}\n"
    )
    assert out.getvalue() == ""


def test_inspect_command_unreadable_file(tmp_path: Path) -> None:
    err = io.StringIO()
    assert inspect_command(tmp_path / "fehlt.gift", io.StringIO(), err) == 1
    assert "fehlt.gift: cannot read the file" in err.getvalue()


def test_export_command_writes_both_formats(tmp_path: Path) -> None:
    source = tmp_path / "quiz.gift"
    source.write_text(GIFT, encoding="utf-8")
    err = io.StringIO()
    assert export_command(source, "gift", tmp_path / "out.gift", err) == 0
    assert export_command(source, "moodle-xml", tmp_path / "out.xml", err) == 0
    assert err.getvalue() == ""
    again = parse_gift((tmp_path / "out.gift").read_text(encoding="utf-8"))
    assert all(a.same_content(b) for a, b in zip(parse_gift(GIFT), again, strict=True))
    assert (tmp_path / "out.xml").read_text(encoding="utf-8").startswith("<?xml")


def test_export_command_refuses_unknown_format_and_bad_gift(tmp_path: Path) -> None:
    source = tmp_path / "quiz.gift"
    source.write_text("Q {=a}\n\nR {~a}\n", encoding="utf-8")
    err = io.StringIO()
    assert export_command(source, "pdf", tmp_path / "x", err) == 1
    assert "unknown export format 'pdf'" in err.getvalue()
    err = io.StringIO()
    assert export_command(source, "gift", tmp_path / "x", err) == 1
    assert err.getvalue().startswith(f"{source}:3: ")
    assert not (tmp_path / "x").exists()


def test_inspect_command_prints_warnings_with_their_line(tmp_path: Path) -> None:
    path = tmp_path / "quiz.gift"
    path.write_text("A {T}\n\nStimmt? {\ntrue\n}\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert inspect_command(path, out, err) == 0
    assert err.getvalue().startswith(f"{path}:3: warning: {{true}} is a short-answer question")
    assert err.getvalue().endswith("(line 4)\n")
