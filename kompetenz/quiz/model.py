"""The questions a quiz is made of, independent of the file format they came from.

Every type Moodle's GIFT format defines has a place here. Objects are frozen so that
a parsed quiz can be shared between the UI, the grader and the writers without copies.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from enum import StrEnum


class QuestionType(StrEnum):
    SINGLE_CHOICE = "single_choice"
    MULTIPLE_CHOICE = "multiple_choice"
    MISSING_WORD = "missing_word"
    TRUE_FALSE = "true_false"
    SHORT_ANSWER = "short_answer"
    NUMERICAL = "numerical"
    MATCHING = "matching"
    ESSAY = "essay"
    DESCRIPTION = "description"


CHOICE_TYPES = frozenset(
    {QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_CHOICE, QuestionType.MISSING_WORD}
)
# Types that carry no mark: an essay is kept as the learner's reflection, a description is text.
UNGRADED_TYPES = frozenset({QuestionType.ESSAY, QuestionType.DESCRIPTION})


@dataclass(frozen=True)
class Choice:
    """One option of a choice question, or one accepted short answer (`text` is the pattern)."""

    text: str
    fraction: float  # -1.0 .. 1.0, Moodle's grade for picking this option
    feedback: str | None = None


@dataclass(frozen=True)
class TrueFalse:
    correct: bool
    wrong_feedback: str | None = None
    right_feedback: str | None = None


@dataclass(frozen=True)
class NumericalAnswer:
    """An accepted number: `value ± tolerance`, a range `min..max`, or a catch-all (`value` None).

    A range keeps its bounds as written so that writing GIFT back gives the same text;
    `interval` is what grading uses.
    """

    value: float | None
    tolerance: float = 0.0
    fraction: float = 1.0
    feedback: str | None = None
    range_min: float | None = None
    range_max: float | None = None

    @property
    def is_catch_all(self) -> bool:
        return self.value is None and self.range_min is None

    def interval(self) -> tuple[float, float] | None:
        if self.range_min is not None and self.range_max is not None:
            return (self.range_min, self.range_max)
        if self.value is None:
            return None
        return (self.value - self.tolerance, self.value + self.tolerance)


@dataclass(frozen=True)
class MatchPair:
    """`question -> answer`; an empty `question` is a distractor answer."""

    question: str
    answer: str


Answers = tuple[Choice, ...] | TrueFalse | tuple[NumericalAnswer, ...] | tuple[MatchPair, ...]


@dataclass(frozen=True)
class Question:
    type: QuestionType
    text: str
    answers: Answers = ()
    title: str | None = None
    format: str = "moodle"
    category: str | None = None
    general_feedback: str | None = None
    line: int = 0  # first line of the question in its file, for messages
    warnings: tuple[str, ...] = field(default=(), compare=False)

    @property
    def key(self) -> str:
        """A stable identity for storing answers: the title if there is one, else a text hash."""
        if self.title:
            return self.title
        digest = hashlib.sha256(f"{self.type}\n{self.text}".encode()).hexdigest()
        return f"q-{digest[:16]}"

    @property
    def is_graded(self) -> bool:
        return self.type not in UNGRADED_TYPES

    def choices(self) -> tuple[Choice, ...]:
        """The options of a choice or short-answer question; empty for the other types."""
        if isinstance(self.answers, tuple) and all(isinstance(a, Choice) for a in self.answers):
            return self.answers  # type: ignore[return-value]
        return ()

    def same_content(self, other: Question) -> bool:
        """Equal apart from where the question stood in its file (used by round-trip checks)."""
        return replace(self, line=0) == replace(other, line=0)


# The only weights Moodle accepts (question_bank::fraction_options_full), in percent, positive
# half; each may also be negative. A weight is accepted when it is within 0.00001 % of one.
MOODLE_GRADE_PERCENTS = (
    100.0, 90.0, 83.33333, 80.0, 75.0, 70.0, 66.66667, 60.0, 50.0, 40.0, 33.33333,
    30.0, 25.0, 20.0, 16.66667, 14.28571, 12.5, 11.11111, 10.0, 5.0, 0.0,
)  # fmt: skip
_GRADE_TOLERANCE_PERCENT = 0.00001


def moodle_fraction(percent: float) -> float | None:
    """The fraction Moodle stores for a weight written as `percent`, or None if it refuses it.

    Moodle snaps an accepted weight to its canonical grade value; doing the same means that
    `%33.333333%` and `%33.33333%` give equal questions, which the GIFT round trip relies on.
    """
    for grade in MOODLE_GRADE_PERCENTS:
        for signed in (grade, -grade):
            if abs(percent - signed) < _GRADE_TOLERANCE_PERCENT:
                return signed / 100
    return None


def format_number(value: float) -> str:
    """Shortest text that reads back as exactly `value`: 1822 rather than 1822.0."""
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def format_percent(fraction: float) -> str:
    """A fraction as Moodle writes a weight: 0.3333333 → "33.33333", -0.5 → "-50"."""
    text = f"{round(fraction * 100, 5):.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
