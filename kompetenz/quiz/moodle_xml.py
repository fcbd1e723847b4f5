"""Questions written as Moodle XML, the format of Moodle's question bank import.

A school's Moodle can import GIFT directly; XML is offered because it carries every setting
explicitly (single answer or check boxes, case sensitivity of short answers, tolerances),
so nothing depends on how a Moodle site's GIFT importer happens to be configured.

Written as Moodle's own exporter (`question/format/xml/format.php`) writes it: a text with
`&`, `<`, `>` or `"` goes into a CDATA section (Moodle's importer loses the white space between
escaped characters such as `&amp; &lt;`), and an untitled question gets the name Moodle's GIFT
importer would give it (see moodle_names.py).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from kompetenz.quiz.model import (
    Choice,
    MatchPair,
    NumericalAnswer,
    Question,
    QuestionType,
    TrueFalse,
    format_number,
    format_percent,
)
from kompetenz.quiz.moodle_names import moodle_default_name

__all__ = ["write_moodle_xml"]

_TYPES = {
    QuestionType.SINGLE_CHOICE: "multichoice",
    QuestionType.MULTIPLE_CHOICE: "multichoice",
    QuestionType.MISSING_WORD: "multichoice",
    QuestionType.TRUE_FALSE: "truefalse",
    QuestionType.SHORT_ANSWER: "shortanswer",
    QuestionType.NUMERICAL: "numerical",
    QuestionType.MATCHING: "matching",
    QuestionType.ESSAY: "essay",
    QuestionType.DESCRIPTION: "description",
}
_FORMATS = {
    "moodle": "moodle_auto_format",
    "html": "html",
    "plain": "plain_text",
    "markdown": "markdown",
}
# Characters XML 1.0 cannot carry at all; they are dropped rather than producing a broken file.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Moodle wraps a text in CDATA when htmlspecialchars(ENT_COMPAT) would change it.
_NEEDS_CDATA = re.compile(r'[&<>"]')
# Stands in for a CDATA section until the tree is written; U+FFFE can never be in the text,
# because _NOT_XML removes it.
_PLACEHOLDER = "\ufffe{}\ufffe"
_PLACEHOLDERS = re.compile("\ufffe(\\d+)\ufffe")


def write_moodle_xml(questions: Sequence[Question]) -> str:
    root = ET.Element("quiz")
    cdata: list[str] = []
    category: str | None = None
    for number, question in enumerate(questions, start=1):
        if question.category != category:
            category = question.category
            element = ET.SubElement(root, "question", type="category")
            _text(element, "category", category or "")
        root.append(_question(question, number))
    _move_to_cdata(root, cdata)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    body = _PLACEHOLDERS.sub(lambda m: _cdata_section(cdata[int(m.group(1))]), body)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


def _question(q: Question, number: int) -> ET.Element:
    element = ET.Element("question", type=_TYPES[q.type])
    fmt = _FORMATS.get(q.format, "moodle_auto_format")
    _text(element, "name", q.title or moodle_default_name(q.text, f"Frage {number}"))
    _text(element, "questiontext", q.text, fmt)
    _text(element, "generalfeedback", q.general_feedback or "", fmt)
    graded = q.type is not QuestionType.DESCRIPTION
    _value(element, "defaultgrade", "1" if graded else "0")
    _value(element, "penalty", "1" if q.type is QuestionType.TRUE_FALSE else "0.3333333")
    _value(element, "hidden", "0")
    _details(element, q, fmt)
    return element


def _details(element: ET.Element, q: Question, fmt: str) -> None:
    answers = q.answers
    if isinstance(answers, TrueFalse):
        _true_false(element, answers, fmt)
    elif q.type is QuestionType.ESSAY:
        for tag, value in (
            ("responseformat", "editor"),
            ("responserequired", "1"),
            ("responsefieldlines", "15"),
            ("attachments", "0"),
            ("attachmentsrequired", "0"),
        ):
            _value(element, tag, value)
        _text(element, "graderinfo", "", "html")
        _text(element, "responsetemplate", "", "html")
    elif isinstance(answers, tuple):
        _answer_list(element, q, answers, fmt)


def _answer_list(element: ET.Element, q: Question, answers: tuple[object, ...], fmt: str) -> None:
    if q.type is QuestionType.MATCHING:
        _value(element, "shuffleanswers", "true")
        for pair in answers:
            if isinstance(pair, MatchPair):
                sub = _text(element, "subquestion", pair.question, fmt)
                _text(sub, "answer", pair.answer)
        return
    if q.type is QuestionType.SHORT_ANSWER:
        _value(element, "usecase", "0")  # GIFT has no way to ask for case-sensitive matching
    elif q.type is QuestionType.NUMERICAL:
        for tag, value in (
            ("unitgradingtype", "0"),
            ("unitpenalty", "0.1000000"),
            ("showunits", "3"),
            ("unitsleft", "0"),
        ):
            _value(element, tag, value)
    else:
        single = q.type is not QuestionType.MULTIPLE_CHOICE
        _value(element, "single", "true" if single else "false")
        _value(element, "shuffleanswers", "true")
        _value(element, "answernumbering", "abc")
    for answer in answers:
        if isinstance(answer, Choice):
            _answer(element, answer.fraction, answer.text, answer.feedback, fmt)
        elif isinstance(answer, NumericalAnswer):
            _numerical(element, answer, fmt)


def _numerical(element: ET.Element, answer: NumericalAnswer, fmt: str) -> None:
    if answer.range_min is not None and answer.range_max is not None:
        # Moodle stores a range as its midpoint with half its width as tolerance.
        value = format_number((answer.range_min + answer.range_max) / 2)
        tolerance = format_number((answer.range_max - answer.range_min) / 2)
    elif answer.value is None:
        value, tolerance = "*", "0"
    else:
        value, tolerance = format_number(answer.value), format_number(answer.tolerance)
    entry = _answer(element, answer.fraction, value, answer.feedback, fmt)
    _value(entry, "tolerance", tolerance)


def _true_false(element: ET.Element, answers: TrueFalse, fmt: str) -> None:
    # Moodle keeps the feedback on the option it belongs to, not on right and wrong.
    for option in (True, False):
        right = option == answers.correct
        feedback = answers.right_feedback if right else answers.wrong_feedback
        _answer(element, 1.0 if right else 0.0, "true" if option else "false", feedback, fmt)


def _answer(
    parent: ET.Element, fraction: float, text: str, feedback: str | None, fmt: str
) -> ET.Element:
    entry = _text(parent, "answer", text, fmt)
    entry.set("fraction", format_percent(fraction))
    _text(entry, "feedback", feedback or "", fmt)
    return entry


def _text(parent: ET.Element, tag: str, text: str, fmt: str | None = None) -> ET.Element:
    element = ET.SubElement(parent, tag)
    if fmt is not None:
        element.set("format", fmt)
    ET.SubElement(element, "text").text = _NOT_XML.sub("", text)
    return element


def _value(parent: ET.Element, tag: str, value: str) -> None:
    ET.SubElement(parent, tag).text = value


def _move_to_cdata(root: ET.Element, sections: list[str]) -> None:
    """Set aside every text Moodle would write as CDATA, leaving a numbered placeholder."""
    for element in root.iter("text"):
        if element.text and _NEEDS_CDATA.search(element.text):
            sections.append(element.text)
            element.text = _PLACEHOLDER.format(len(sections) - 1)


def _cdata_section(text: str) -> str:
    # "]]>" would end the section early; Moodle splits it across two sections the same way.
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"
