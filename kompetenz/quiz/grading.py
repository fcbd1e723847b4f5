"""Marks for a learner's response, computed the way Moodle computes them.

A mark is a fraction: 1.0 full marks, 0.0 none, negative where a weight is negative (single
choice with `~%-50%`). Ungraded questions (essay, description) give None. A response of the
wrong kind, or an option index that does not exist, is a programming error and raises.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from functools import lru_cache

from kompetenz.quiz.model import (
    Choice,
    MatchPair,
    NumericalAnswer,
    Question,
    QuestionType,
    TrueFalse,
    format_number,
)

__all__ = ["Response", "correct_answer_text", "feedback_for", "grade", "parse_number"]

# int: single choice / missing word; frozenset[int]: multiple answers; bool: true/false;
# str: short answer, numerical, essay; mapping: matching (pair index -> chosen right text).
Response = int | frozenset[int] | bool | str | Mapping[int, str] | None

_CHOICE = (QuestionType.SINGLE_CHOICE, QuestionType.MISSING_WORD)
# Learners type numbers the German way ("3,5", "1.822,5") or the English way ("3.5"); a lone
# point is always a decimal point. Each form: pattern, thousands separator, decimal separator.
_NUMBER_FORMS = (
    (re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"), "", "."),
    (re.compile(r"[+-]?(?:[0-9]+,[0-9]*|,[0-9]+)"), "", ","),
    (re.compile(r"[+-]?[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]*)?"), ".", ","),
    (re.compile(r"[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]*)?"), ",", "."),
)


def grade(question: Question, response: Response) -> float | None:
    """The mark for `response`: None for ungraded types, 0.0 when unanswered."""
    if not question.is_graded:
        return None
    if _unanswered(response):
        return 0.0
    answers = question.answers
    if isinstance(answers, TrueFalse):
        return 1.0 if _as_bool(response) == answers.correct else 0.0
    if question.type is QuestionType.MULTIPLE_CHOICE:
        total = sum(c.fraction for c in _ticked(question, response))
        return min(1.0, max(0.0, total))
    if question.type is QuestionType.MATCHING:
        return _matching_score(_pairs(question), response)
    found = _matched(question, response)
    return found.fraction if found else 0.0


def feedback_for(question: Question, response: Response) -> list[str]:
    """The per-answer feedback that applies to `response`, for the review screen."""
    answers = question.answers
    if _unanswered(response) or question.type is QuestionType.MATCHING:
        return []
    if isinstance(answers, TrueFalse):
        right = _as_bool(response) == answers.correct
        text = answers.right_feedback if right else answers.wrong_feedback
        return [text] if text else []
    found: Sequence[Choice | NumericalAnswer]
    if question.type is QuestionType.MULTIPLE_CHOICE:
        found = _ticked(question, response)
    else:
        single = _matched(question, response) if question.is_graded else None
        found = [single] if single else []
    return [a.feedback for a in found if a.feedback]


def correct_answer_text(
    question: Question, true_label: str = "True", false_label: str = "False"
) -> str:
    """A short, human-readable right answer for the review screen ('' for ungraded types)."""
    answers = question.answers
    if isinstance(answers, TrueFalse):
        return true_label if answers.correct else false_label
    if question.type is QuestionType.MULTIPLE_CHOICE:
        return ", ".join(c.text for c in question.choices() if c.fraction > 0)
    if question.type in (*_CHOICE, QuestionType.SHORT_ANSWER):
        best = max(question.choices(), key=lambda c: c.fraction)  # first of the best
        if question.type is QuestionType.SHORT_ANSWER:
            return best.text.replace("\\*", "*")  # a literal star is shown without its escape
        return best.text
    if question.type is QuestionType.NUMERICAL:
        return _describe(max(_numerical(question), key=lambda a: a.fraction))
    if question.type is QuestionType.MATCHING:
        return "; ".join(f"{p.question} → {p.answer}" for p in _pairs(question) if p.question)
    return ""


def parse_number(text: str) -> float | None:
    """A learner's number in German or English notation; None if it is not a number."""
    text = text.strip().replace("\u2212", "-")  # a typographic minus, as word processors type
    for pattern, thousands, decimal in _NUMBER_FORMS:
        if pattern.fullmatch(text):
            plain = text.replace(thousands, "") if thousands else text
            value = float(plain.replace(decimal, "."))
            return value if math.isfinite(value) else None
    return None


def _unanswered(response: Response) -> bool:
    # Moodle treats a blank text as no answer, so a `*` answer does not reward it.
    return response is None or (isinstance(response, str) and not response.strip())


def _matched(question: Question, response: Response) -> Choice | NumericalAnswer | None:
    """The one answer that decides the mark of a single-response question."""
    if question.type in _CHOICE:
        return _choice_at(question, _as_index(response))
    if question.type is QuestionType.SHORT_ANSWER:
        return _short_answer_match(question.choices(), _as_str(response))
    return _numerical_match(_numerical(question), _as_str(response))


def _short_answer_match(answers: Sequence[Choice], response: str) -> Choice | None:
    given = unicodedata.normalize("NFC", response.strip())
    return next((a for a in answers if _wildcard(a.text).fullmatch(given)), None)


@lru_cache(maxsize=512)
def _wildcard(pattern: str) -> re.Pattern[str]:
    """Moodle's short-answer pattern: `*` is any run of characters, `\\*` a literal star."""
    bits = re.split(r"(?<!\\)\*+", unicodedata.normalize("NFC", pattern))
    regex = ".*".join(re.escape(bit.replace("\\*", "*")) for bit in bits)
    return re.compile(regex, re.IGNORECASE | re.DOTALL)


def _numerical_match(answers: Sequence[NumericalAnswer], response: str) -> NumericalAnswer | None:
    value = parse_number(response)
    for answer in answers:
        interval = answer.interval()
        if interval is None:  # the catch-all: any other answer
            return answer
        if value is not None and _within(value, *interval):
            return answer
    return None


def _within(value: float, low: float, high: float) -> bool:
    # The allowance keeps 3.14209 inside 3.14159 ± 0.0005 despite binary rounding.
    def close(bound: float) -> bool:
        return math.isclose(value, bound, rel_tol=1e-9, abs_tol=1e-12)

    return low <= value <= high or close(low) or close(high)


def _matching_score(pairs: Sequence[MatchPair], response: Response) -> float:
    if not isinstance(response, Mapping):
        raise TypeError(f"a matching response is a mapping, not {response!r}")
    items = [i for i, pair in enumerate(pairs) if pair.question]
    unknown = set(response) - set(items)
    if unknown:
        raise ValueError(f"no matching item with index {sorted(unknown)}")
    right = sum(1 for i in items if response.get(i) == pairs[i].answer)
    return right / len(items)


def _describe(answer: NumericalAnswer) -> str:
    if answer.range_min is not None and answer.range_max is not None:
        return f"{format_number(answer.range_min)} – {format_number(answer.range_max)}"
    if answer.value is None:
        return "*"
    if answer.tolerance:
        return f"{format_number(answer.value)} ± {format_number(answer.tolerance)}"
    return format_number(answer.value)


def _choice_at(question: Question, index: int) -> Choice:
    choices = question.choices()
    if not 0 <= index < len(choices):
        raise ValueError(f"option {index} does not exist (the question has {len(choices)})")
    return choices[index]


def _ticked(question: Question, response: Response) -> list[Choice]:
    if not isinstance(response, frozenset | set):
        raise TypeError(f"a multiple-answer response is a frozenset, not {response!r}")
    return [_choice_at(question, _as_index(i)) for i in sorted(response)]


def _numerical(question: Question) -> tuple[NumericalAnswer, ...]:
    answers = question.answers if isinstance(question.answers, tuple) else ()
    return tuple(a for a in answers if isinstance(a, NumericalAnswer))


def _pairs(question: Question) -> tuple[MatchPair, ...]:
    answers = question.answers if isinstance(question.answers, tuple) else ()
    return tuple(a for a in answers if isinstance(a, MatchPair))


def _as_index(response: object) -> int:
    if isinstance(response, bool) or not isinstance(response, int):
        raise TypeError(f"a choice response is an option index, not {response!r}")
    return response


def _as_bool(response: Response) -> bool:
    if not isinstance(response, bool):
        raise TypeError(f"a true/false response is a bool, not {response!r}")
    return response


def _as_str(response: Response) -> str:
    if not isinstance(response, str):
        raise TypeError(f"a typed response is a str, not {response!r}")
    return response
