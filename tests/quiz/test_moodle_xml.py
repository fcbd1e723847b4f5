"""The Moodle XML export, checked by reading the XML back."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from kompetenz.quiz.gift import parse_gift
from kompetenz.quiz.moodle_xml import write_moodle_xml

GIFT = """$CATEGORY: Kurs/Teil 1

::mc:: Was? {=ja#gut ~%-50%nein#schlecht ####allgemein}

Grant is {~buried =entombed} in the tomb.

Welche? {~%50%a ~%50%b ~%-100%c}

::tf:: Rund? {T#falsch#richtig}

Wer? {=niemand =%50%*grant*}

Wann? {#=1822:5#ok =%50%1800..1850 ~#nein}

Ordne zu {=Kanada -> Ottawa =Italien -> Rom = -> Berlin}

[html]<b>Essay</b>{}

Ein Hinweis.
"""


def exported() -> list[ET.Element]:
    root = ET.fromstring(write_moodle_xml(parse_gift(GIFT)))
    assert root.tag == "quiz"
    return list(root)


def text(element: ET.Element, path: str) -> str | None:
    found = element.find(path)
    assert found is not None, path
    return found.text


def test_types_in_order_with_category_first() -> None:
    types = [q.get("type") for q in exported()]
    assert types == [
        "category",
        "multichoice",
        "multichoice",
        "multichoice",
        "truefalse",
        "shortanswer",
        "numerical",
        "matching",
        "essay",
        "description",
    ]


def test_category_path() -> None:
    assert text(exported()[0], "category/text") == "Kurs/Teil 1"


def test_multichoice_single_with_percent_fractions_and_feedback() -> None:
    mc = exported()[1]
    assert text(mc, "name/text") == "mc"
    assert text(mc, "questiontext/text") == "Was?"
    assert mc.find("questiontext").get("format") == "moodle_auto_format"  # type: ignore[union-attr]
    assert text(mc, "single") == "true"
    assert text(mc, "generalfeedback/text") == "allgemein"
    answers = mc.findall("answer")
    assert [a.get("fraction") for a in answers] == ["100", "-50"]
    assert [text(a, "text") for a in answers] == ["ja", "nein"]
    assert [text(a, "feedback/text") for a in answers] == ["gut", "schlecht"]


def test_missing_word_keeps_its_blank_and_check_boxes_are_not_single() -> None:
    questions = exported()
    assert text(questions[2], "questiontext/text") == "Grant is _____ in the tomb."
    assert text(questions[3], "single") == "false"
    fractions = [a.get("fraction") for a in questions[3].findall("answer")]
    assert fractions == ["50", "50", "-100"]


def test_true_false_feedback_sits_on_its_option() -> None:
    tf = exported()[4]
    answers = {text(a, "text"): a for a in tf.findall("answer")}
    assert answers["true"].get("fraction") == "100"
    assert text(answers["true"], "feedback/text") == "richtig"
    assert answers["false"].get("fraction") == "0"
    assert text(answers["false"], "feedback/text") == "falsch"


def test_short_answer_is_case_insensitive() -> None:
    sa = exported()[5]
    assert text(sa, "usecase") == "0"
    assert [(a.get("fraction"), text(a, "text")) for a in sa.findall("answer")] == [
        ("100", "niemand"),
        ("50", "*grant*"),
    ]


def test_numerical_tolerance_range_midpoint_and_catch_all() -> None:
    answers = exported()[6].findall("answer")
    rows = [(a.get("fraction"), text(a, "text"), text(a, "tolerance")) for a in answers]
    assert rows == [("100", "1822", "5"), ("50", "1825", "25"), ("0", "*", "0")]
    assert text(answers[2], "feedback/text") == "nein"


def test_matching_subquestions_with_distractor() -> None:
    subs = exported()[7].findall("subquestion")
    pairs = [(text(s, "text"), text(s, "answer/text")) for s in subs]
    assert pairs == [("Kanada", "Ottawa"), ("Italien", "Rom"), (None, "Berlin")]


def test_essay_and_description() -> None:
    questions = exported()
    essay, description = questions[8], questions[9]
    assert essay.find("questiontext").get("format") == "html"  # type: ignore[union-attr]
    assert text(essay, "responseformat") == "editor"
    assert text(description, "defaultgrade") == "0"
    assert text(description, "name/text") == "Ein Hinweis."


def test_characters_xml_cannot_carry_are_dropped() -> None:
    xml = write_moodle_xml(parse_gift("A\x01B {T}"))
    assert text(ET.fromstring(xml)[0], "questiontext/text") == "AB"
