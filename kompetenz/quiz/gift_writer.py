"""Questions written back as GIFT that Moodle and `parse_gift` read as the same questions.

The guarantee is `parse_gift(write_gift(qs))` equals `qs` for anything `parse_gift` produced
(compare with `Question.same_content`). Every text is written on one line with GIFT's escapes,
so a line break in a text becomes `\\n` and no text can start a comment line.
Questions GIFT cannot express raise ValueError.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from kompetenz.quiz.gift import FORMATS
from kompetenz.quiz.model import (
    Choice,
    MatchPair,
    NumericalAnswer,
    Question,
    QuestionType,
    TrueFalse,
    format_number,
    format_percent,
    moodle_fraction,
)

__all__ = ["escape_gift", "write_gift"]

_SPECIAL = re.compile(r"\r\n|[\r\n\\~=#{}:]")
_BLANK = "_____"
_MARKERS = tuple(f"[{name}]" for name in FORMATS)


def write_gift(questions: Sequence[Question]) -> str:
    """The questions as one GIFT text, with `$CATEGORY:` wherever the category changes."""
    blocks: list[str] = []
    category: str | None = None
    for question in questions:
        if question.category != category:
            path = escape_gift(question.category or "")
            blocks.append(f"$CATEGORY: {path}" if path else "$CATEGORY:")
            category = question.category
        blocks.append(_question(question))
    return "\n\n".join(blocks) + "\n"


def escape_gift(text: str) -> str:
    """GIFT's escapes; a carriage return becomes a line break, as GIFT has no other way."""
    return _SPECIAL.sub(_escape_one, text)


def _escape_one(match: re.Match[str]) -> str:
    return "\\n" if match[0] in ("\r\n", "\r", "\n") else "\\" + match[0]


def _question(q: Question) -> str:
    head = f"::{escape_gift(q.title)}:: " if q.title else ""
    if q.type is QuestionType.DESCRIPTION:
        return head + _stem(q, q.text, head, q.type)
    block = _block(q)
    if q.type is not QuestionType.MISSING_WORD:
        stem = _stem(q, q.text, head, q.type)
        return head + stem + (" " if stem else "") + block
    before, blank, after = q.text.partition(_BLANK)
    if not blank:
        raise ValueError(f"the missing-word question '{q.key}' has no {_BLANK} in its text")
    # With nothing after the block GIFT would not put the blank back, so end with a line break
    # (\n), which is trimmed away again when read.
    return head + _stem(q, before, head, q.type) + block + (escape_gift(after) or "\\n")


def _stem(q: Question, text: str, head: str, qtype: QuestionType) -> str:
    """The question text, with its format marker where one is needed to read it back."""
    escaped = escape_gift(text)
    needs_marker = (
        q.format != "moodle"
        or text.startswith(_MARKERS)
        or (not head and escaped.startswith("//"))  # it would read as a comment line
        or (not head and not text and qtype is QuestionType.DESCRIPTION)  # an empty block
    )
    return f"[{q.format}]{escaped}" if needs_marker else escaped


def _part(text: str, fmt: str) -> str:
    """An answer or feedback text; a marker-like start is protected by the real marker."""
    escaped = escape_gift(text)
    return f"[{fmt}]{escaped}" if text.startswith(_MARKERS) else escaped


def _block(q: Question) -> str:
    answers = q.answers
    general = f"####{_part(q.general_feedback, q.format)}" if q.general_feedback else ""
    if isinstance(answers, TrueFalse):
        return "{" + _true_false(answers, q.format) + general + "}"
    if q.type is QuestionType.ESSAY:
        return "{" + general + "}"
    lines = _answer_lines(q, answers)
    if q.type is QuestionType.MISSING_WORD:
        return "{" + " ".join(lines) + general + "}"
    return "{\n" + "\n".join(f"\t{line}" for line in [*lines, general] if line) + "\n}"


def _answer_lines(q: Question, answers: object) -> list[str]:
    items = list(answers) if isinstance(answers, tuple) else []
    if q.type is QuestionType.MATCHING:
        return [_pair(a, q.format) for a in items if isinstance(a, MatchPair)]
    if q.type is QuestionType.NUMERICAL:
        return _numerical([a for a in items if isinstance(a, NumericalAnswer)], q.format)
    choices = [a for a in items if isinstance(a, Choice)]
    if q.type is QuestionType.SHORT_ANSWER:
        return _short(choices, q)
    if q.type is QuestionType.MULTIPLE_CHOICE:
        return [_choice(c, q.format, False) for c in choices]
    # One "=" makes the block single-choice; every other option needs "~", because a block
    # without any "~" would be read as a short answer.
    first_right = next((i for i, c in enumerate(choices) if c.fraction == 1), -1)
    if first_right < 0:
        raise ValueError(f"the single-choice question '{q.key}' has no option worth 100 %")
    return [_choice(c, q.format, i == first_right) for i, c in enumerate(choices)]


def _choice(choice: Choice, fmt: str, equals: bool) -> str:
    if equals:
        marker = "="  # GIFT reads no weight after "=": it always means 100 %
    elif choice.fraction == 0 and not choice.text.startswith("%"):
        marker = "~"
    else:
        marker = f"~%{_percent(choice.fraction)}%"
    return marker + _part(choice.text, fmt) + _feedback(choice.feedback, fmt)


def _short(answers: list[Choice], q: Question) -> list[str]:
    lines = [
        _weighted(a.fraction, a.text, q.format) + _feedback(a.feedback, q.format) for a in answers
    ]
    if not any("->" in line for line in lines):
        return [f"={line}" for line in lines]
    # "=" together with "->" would make it a matching question; one answer needs no "=".
    if len(lines) == 1 and answers[0].fraction == 1:
        return lines
    raise ValueError(f"the short-answer question '{q.key}' has several answers and '->'")


def _weighted(fraction: float, text: str, fmt: str) -> str:
    """`%n%text`, the weight left out for 100 % unless the text itself starts with %."""
    if fraction == 1 and not text.startswith("%"):
        return _part(text, fmt)
    return f"%{_percent(fraction)}%{_part(text, fmt)}"


def _numerical(answers: list[NumericalAnswer], fmt: str) -> list[str]:
    lines = ["#"]  # on a line of its own: the block only has to start with it
    for answer in answers:
        if answer.is_catch_all:
            continue
        if answer.fraction != 1:
            lines.append(f"=%{_percent(answer.fraction)}%{_number_spec(answer)}")
        else:
            lines.append(f"={_number_spec(answer)}")
        lines[-1] += _feedback(answer.feedback, fmt)
    catch_all = [a for a in answers if a.is_catch_all]
    if len(catch_all) > 1 or any(a.fraction != 0 for a in catch_all):
        raise ValueError("GIFT can express one catch-all answer, worth 0 %")
    if catch_all:
        lines.append("~" + _feedback(catch_all[0].feedback, fmt))
    return lines


def _number_spec(answer: NumericalAnswer) -> str:
    numbers = [answer.range_min, answer.range_max, answer.value, answer.tolerance]
    if any(n is not None and not math.isfinite(n) for n in numbers):
        raise ValueError("a numerical answer must be a finite number")
    if answer.range_min is not None and answer.range_max is not None:
        return f"{format_number(answer.range_min)}..{format_number(answer.range_max)}"
    assert answer.value is not None  # the catch-all is written separately
    spec = format_number(answer.value)
    return f"{spec}:{format_number(answer.tolerance)}" if answer.tolerance else spec


def _pair(pair: MatchPair, fmt: str) -> str:
    if "->" in pair.question:
        raise ValueError(f"a matching item cannot contain '->': {pair.question!r}")
    return f"={_part(pair.question, fmt)} -> {escape_gift(pair.answer)}"


def _true_false(answers: TrueFalse, fmt: str) -> str:
    text = "TRUE" if answers.correct else "FALSE"
    if answers.wrong_feedback:
        text += "#" + _part(answers.wrong_feedback, fmt)
    if answers.right_feedback:
        text += ("" if answers.wrong_feedback else "#") + "#" + _part(answers.right_feedback, fmt)
    return text


def _feedback(feedback: str | None, fmt: str) -> str:
    return f"#{_part(feedback, fmt)}" if feedback else ""


def _percent(fraction: float) -> str:
    if moodle_fraction(fraction * 100) is None:
        raise ValueError(f"Moodle does not accept the weight {fraction * 100:g} %")
    return format_percent(fraction)
