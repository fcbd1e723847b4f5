"""The answer block of a GIFT question, read per question type as Moodle's importer reads it.

Every function works on offsets into the block's text (escapes still encoded), between the
trimmed braces; what Moodle refuses fails through `Block.fail`, surprises become warnings.
"""

from __future__ import annotations

import math
import re

from kompetenz.quiz.gift_text import TRIM, Block
from kompetenz.quiz.model import (
    MOODLE_GRADE_PERCENTS,
    Answers,
    Choice,
    MatchPair,
    NumericalAnswer,
    QuestionType,
    TrueFalse,
    format_number,
    moodle_fraction,
)

_WEIGHT = re.compile(r"%(-*[0-9]{1,2}\.?[0-9]*)%")  # Moodle's own pattern, so %100.0% is text
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}
_TF_LOOKALIKES = {"t", "true", "f", "false", "w", "wahr", "falsch", "richtig"}


def parse_answers(block: Block, start: int, end: int, inside: bool) -> tuple[QuestionType, Answers]:
    """Moodle's order of recognising the type, on the block's trimmed content."""
    content = block.text[start:end]
    if not content:
        return QuestionType.ESSAY, ()
    if content.startswith("#"):
        return QuestionType.NUMERICAL, _numerical(block, start + 1, end)
    if "~" in content:
        if "=" not in content:
            return QuestionType.MULTIPLE_CHOICE, _multiple(block, start, end)
        single = QuestionType.MISSING_WORD if inside else QuestionType.SINGLE_CHOICE
        return single, _single(block, start, end)
    if "=" in content and "->" in content:
        return QuestionType.MATCHING, _matching(block, start, end)
    hash_ = content.find("#")
    check = content[:hash_].strip(TRIM) if hash_ > 0 else content
    if check in _TRUE_FALSE:
        return QuestionType.TRUE_FALSE, _true_false(block, start, end, _TRUE_FALSE[check])
    if check.lower() in _TF_LOOKALIKES:
        block.warn(
            start,
            f"{{{check}}} is a short-answer question (learners must type "
            f"'{check}'); for true/false write {{TRUE}} or {{FALSE}} in capitals",
        )
    return QuestionType.SHORT_ANSWER, _short(block, start, end)


def _weight(block: Block, start: int, end: int, default: float) -> tuple[float, int]:
    """A leading `%n%` weight as a fraction, and where the text after it starts."""
    match = _WEIGHT.match(block.text, start, end)
    if match is None:
        if block.text.startswith("%", start, end):
            block.warn(
                start,
                f"'{block.excerpt(start, end)}' starts with % but is not a "
                "weight like %50%, so the % is part of the text",
            )
        return default, start
    try:
        fraction = moodle_fraction(float(match[1]))
    except ValueError:  # "--5" passes Moodle's pattern but is no number (Moodle fails on it)
        block.fail(start, f"the weight {match[0]} on line {block.line(start)} is not a number")
    if fraction is None:
        allowed = ", ".join(format_number(p) for p in MOODLE_GRADE_PERCENTS)
        block.fail(
            start,
            f"the weight {match[0]} on line {block.line(start)} is not one Moodle "
            f"accepts; use one of {allowed} (each may have a minus sign)",
        )
    return fraction, match.end()


def _text_and_feedback(block: Block, start: int, end: int) -> tuple[str, str | None]:
    hash_ = block.text.find("#", start, end)
    if hash_ < 0:
        return block.formatted(start, end), None
    return block.formatted(start, hash_), block.formatted(hash_ + 1, end) or None


def _choices(block: Block, start: int, end: int) -> tuple[Choice, ...]:
    """Options of a choice block; like Moodle, every `=` starts a new (right) option."""
    choices = []
    for kind, begin, stop in block.split(start, end, "~="):
        marker = begin - 1 if kind else begin  # where an empty option is reported
        begin, stop = block.trim(begin, stop)
        if not kind and begin == stop:
            continue
        fraction, begin = _option_weight(block, kind, begin, stop)
        text, feedback = _text_and_feedback(block, begin, stop)
        if text:
            choices.append(Choice(text, fraction, feedback))
        else:
            block.warn(marker, "an empty option (~ or = with no text) is left out")
    if len(choices) < 2:
        block.fail(
            block.brace,
            f"the choice question on line {block.line(block.brace)} needs at "
            f"least two options, it has {len(choices)}",
        )
    return tuple(choices)


def _option_weight(block: Block, kind: str, begin: int, stop: int) -> tuple[float, int]:
    """The fraction of one option after `kind` (`~`, `=` or '' before the first), and where
    its text starts."""
    if not kind:
        block.warn(
            begin,
            f"'{block.excerpt(begin, stop)}' before the first ~ or = is read as a wrong option",
        )
    if kind != "=":
        return _weight(block, begin, stop, 0.0)
    if _WEIGHT.match(block.text, begin, stop):
        block.warn(
            begin,
            "a weight after = is not read: = always means 100 %; write ~%50% for a partial weight",
        )
    return 1.0, begin


def _single(block: Block, start: int, end: int) -> tuple[Choice, ...]:
    choices = _choices(block, start, end)
    if not any(c.fraction == 1 for c in choices):
        # Only an empty "=" option gets here; Moodle would import a question nobody can get right.
        block.fail(
            block.brace,
            f"the choice question on line {block.line(block.brace)} has no "
            "right answer: the = option has no text",
        )
    return choices


def _multiple(block: Block, start: int, end: int) -> tuple[Choice, ...]:
    """Check boxes: the marks of all ticked options are added, so warn of easy traps."""
    choices = _choices(block, start, end)
    positive = sum(c.fraction for c in choices if c.fraction > 0)
    if positive <= 0:
        block.warn(block.brace, "no option has a positive weight, so nobody can score")
    elif round(positive, 2) != 1:
        total = format_number(round(positive * 100, 5))
        block.warn(block.brace, f"the positive weights add up to {total} %, not 100 %")
    elif all(c.fraction >= 0 for c in choices) and any(c.fraction == 0 for c in choices):
        block.warn(
            block.brace,
            "no wrong option has a negative weight, so ticking every box gives full marks",
        )
    return choices


def _matching(block: Block, start: int, end: int) -> tuple[MatchPair, ...]:
    items = [block.trim(b, e) for kind, b, e in block.split(start, end, "=")]
    if items[0][0] == items[0][1]:
        items.pop(0)
    if len(items) < 2:
        block.fail(
            block.brace,
            f"the matching question on line {block.line(block.brace)} needs "
            f"at least two pairs =left -> right, it has {len(items)}",
        )
    pairs = [_pair(block, begin, stop) for begin, stop in items]
    if not any(p.question for p in pairs):
        block.fail(
            block.brace,
            f"the matching question on line {block.line(block.brace)} has "
            "only distractors (pairs with nothing left of '->')",
        )
    return tuple(pairs)


def _pair(block: Block, begin: int, stop: int) -> MatchPair:
    arrow = block.text.find("->", begin, stop)
    if arrow < 0:
        block.fail(
            begin,
            f"the matching item '{block.excerpt(begin, stop)}' on line "
            f"{block.line(begin)} has no '->'; write =left -> right",
        )
    right = block.plain(arrow + 2, stop)
    if not right:
        block.fail(begin, f"the matching pair on line {block.line(begin)} has nothing after '->'")
    return MatchPair(block.formatted(begin, arrow), right)


def _true_false(block: Block, start: int, end: int, correct: bool) -> TrueFalse:
    first = block.text.find("#", start, end)
    if first < 0:
        return TrueFalse(correct)
    second = block.text.find("#", first + 1, end)
    if second < 0:
        return TrueFalse(correct, block.formatted(first + 1, end) or None)
    wrong = block.formatted(first + 1, second) or None
    return TrueFalse(correct, wrong, block.formatted(second + 1, end) or None)


def _short(block: Block, start: int, end: int) -> tuple[Choice, ...]:
    answers = []
    for kind, begin, stop in block.split(start, end, "="):
        marker = begin - 1 if kind else begin
        begin, stop = block.trim(begin, stop)
        if not kind and begin == stop:
            continue
        fraction, begin = _weight(block, begin, stop, 1.0)
        text, feedback = _text_and_feedback(block, begin, stop)
        if text:
            answers.append(Choice(text, fraction, feedback))
        else:
            block.warn(marker, "an empty answer (= with no text) is left out")
    where = f"the short-answer question on line {block.line(block.brace)}"
    if not answers:
        block.fail(block.brace, f"{where} has no accepted answer; write e.g. {{=Berlin}}")
    if not any(a.fraction == 1 for a in answers):
        block.fail(
            block.brace,
            f"{where} has no answer worth 100 %; mark at least one answer with = and no weight",
        )
    return tuple(answers)


def _numerical(block: Block, start: int, end: int) -> tuple[NumericalAnswer, ...]:
    tilde = block.text.find("~", start, end)
    stop_answers = end if tilde < 0 else tilde
    answers = []
    for kind, begin, stop in block.split(start, stop_answers, "="):
        begin, stop = block.trim(begin, stop)
        if not kind and begin == stop:
            continue
        fraction, begin = _weight(block, begin, stop, 1.0)
        spec, feedback = _text_and_feedback(block, begin, stop)
        answers.append(_number_answer(block, begin, spec, fraction, feedback))
    if not answers:
        block.fail(
            block.brace,
            f"the numerical question on line {block.line(block.brace)} has "
            "no number; write e.g. {#42}, {#42:0.5} or {#40..44}",
        )
    if not any(a.fraction == 1 for a in answers):
        block.warn(block.brace, "no answer of this numerical question is worth 100 %")
    if tilde >= 0:
        junk, feedback = _text_and_feedback(block, tilde + 1, end)
        if junk:
            block.warn(tilde, "text after ~ without # is ignored; write ~#feedback")
        answers.append(NumericalAnswer(None, 0.0, 0.0, feedback))
    return tuple(answers)


def _number_answer(
    block: Block, offset: int, spec: str, fraction: float, feedback: str | None
) -> NumericalAnswer:
    dots = spec.find("..")
    if dots > 0:
        low = _number(block, offset, spec[:dots].strip(TRIM))
        high = _number(block, offset, spec[dots + 2 :].strip(TRIM))
        if low > high:
            block.fail(
                offset, f"the range {spec} on line {block.line(offset)} starts above where it ends"
            )
        return NumericalAnswer(None, 0.0, fraction, feedback, range_min=low, range_max=high)
    colon = spec.find(":")
    if colon <= 0:
        return NumericalAnswer(_number(block, offset, spec), 0.0, fraction, feedback)
    value = _number(block, offset, spec[:colon].strip(TRIM))
    tolerance = _number(block, offset, spec[colon + 1 :].strip(TRIM))
    if tolerance < 0:
        block.fail(offset, f"the tolerance in {spec} on line {block.line(offset)} is negative")
    return NumericalAnswer(value, tolerance, fraction, feedback)


def _number(block: Block, offset: int, text: str) -> float:
    """A number as written in a GIFT file. Moodle turns a value that is no number into a
    wildcard that accepts every answer; Kompetenz refuses it instead."""
    where = f"on line {block.line(offset)}"
    if _NUMBER.fullmatch(text):
        value = float(text)
        if math.isfinite(value):
            return value
        block.fail(offset, f"the number {text} {where} is too large")
    if not text:
        block.fail(offset, f"an answer of the numerical question {where} has no number")
    if "," in text and _NUMBER.fullmatch(text.replace(",", ".", 1)):
        block.fail(
            offset,
            f"write {text} {where} with a decimal point, "
            f"{text.replace(',', '.', 1)}: GIFT files use a point, not a comma",
        )
    block.fail(offset, f"'{text[:40]}' {where} is not a number")
