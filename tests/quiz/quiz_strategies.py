"""Hypothesis strategies and property checks shared by the test suite and benchmarks/fuzz_gift.py.

Generated questions are in the normal form `parse_gift` produces (trimmed texts, Moodle's
grade values, a 100 % answer where GIFT requires one), because only those can round-trip.
"""

from __future__ import annotations

from hypothesis import strategies as st

from kompetenz.quiz.gift import FORMATS, TRIM, GiftError, parse_gift
from kompetenz.quiz.gift_writer import write_gift
from kompetenz.quiz.model import (
    MOODLE_GRADE_PERCENTS,
    Answers,
    Choice,
    MatchPair,
    NumericalAnswer,
    Question,
    QuestionType,
    TrueFalse,
)

# Ordinary letters plus everything that means something in GIFT, and the private-use
# characters the parser uses internally as placeholders.
SPECIALS = "~=#{}:\\%[]/->_*.,\n\t $"
ALPHABET = st.sampled_from(
    list("abcxyzÄöüßé ") + list(SPECIALS) + ["\ue001", "\ue00f", "\x00", "\x0b", "😀", "\u00a0"]
)
FRACTIONS = sorted(
    {p / 100 for p in MOODLE_GRADE_PERCENTS} | {-p / 100 for p in MOODLE_GRADE_PERCENTS}
)

# Texts a writer has to protect: markers, weights, comments, titles, keywords.
TRICKY = [
    "[html]x",
    "[moodle]",
    "[plain] a",
    "%50%a",
    "%abc%",
    "//x",
    "::t",
    "::t::",
    "$CATEGORY: x",
    "_____",
    "T",
    "TRUE",
    "a->b",
    "-",
    ">",
    "####",
    "\\n",
    "a\\",
    "1..2",
]
raw_texts = (
    st.text(ALPHABET, max_size=15)
    | st.sampled_from(TRICKY)
    | st.builds(lambda a, b: a + b, st.sampled_from(TRICKY), st.text(ALPHABET, max_size=8))
)
texts = raw_texts.map(lambda s: s.strip(TRIM))
words = texts.map(lambda t: t or "x")  # map, not filter: filters make generation slow
feedbacks = st.none() | words
no_arrow = words.map(lambda t: t.replace(">", ")"))
fractions = st.sampled_from([f if f != -0.0 else 0.0 for f in FRACTIONS])
# Floats written with repr() read back exactly; keep magnitudes where ranges stay finite.
numbers = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False)


def _with_full_marks(answers: list[Choice], index: int) -> tuple[Choice, ...]:
    answers[index % len(answers)] = Choice(
        answers[index % len(answers)].text, 1.0, answers[index % len(answers)].feedback
    )
    return tuple(answers)


choices = st.builds(Choice, words, fractions, feedbacks)
single_answers = st.builds(
    _with_full_marks, st.lists(choices, min_size=2, max_size=5), st.integers(0, 4)
)
multiple_answers = st.lists(choices, min_size=2, max_size=5).map(tuple)
# "=" with "->" in a short-answer block would make it a matching question.
short_answers = st.builds(
    _with_full_marks,
    st.lists(
        st.builds(
            Choice,
            no_arrow,
            fractions,
            st.none() | no_arrow,
        ),
        min_size=1,
        max_size=4,
    ),
    st.integers(0, 3),
)
true_false = st.builds(TrueFalse, st.booleans(), feedbacks, feedbacks)


@st.composite
def numerical_answers(draw: st.DrawFn) -> tuple[NumericalAnswer, ...]:
    answers = []
    for _ in range(draw(st.integers(1, 3))):
        fraction, feedback = draw(fractions), draw(feedbacks)
        if draw(st.booleans()):
            low, high = sorted([draw(numbers), draw(numbers)])
            answers.append(NumericalAnswer(None, 0.0, fraction, feedback, low, high))
        else:
            tolerance = draw(st.floats(min_value=0, max_value=1e6))
            answers.append(NumericalAnswer(draw(numbers), tolerance, fraction, feedback))
    if draw(st.booleans()):
        answers.append(NumericalAnswer(None, 0.0, 0.0, draw(feedbacks)))
    return tuple(answers)


@st.composite
def matching_pairs(draw: st.DrawFn) -> tuple[MatchPair, ...]:
    lefts = texts.map(lambda t: t.replace(">", ")"))
    pairs = draw(st.lists(st.builds(MatchPair, lefts, words), min_size=2, max_size=4))
    if not any(p.question for p in pairs):
        pairs[0] = MatchPair("x", pairs[0].answer)
    return tuple(pairs)


# Built once: constructing strategies inside a draw makes Hypothesis validate them every time.
ANSWERS: dict[QuestionType, st.SearchStrategy[Answers]] = {
    QuestionType.SINGLE_CHOICE: single_answers,
    QuestionType.MISSING_WORD: single_answers,
    QuestionType.MULTIPLE_CHOICE: multiple_answers,
    QuestionType.TRUE_FALSE: true_false,
    QuestionType.SHORT_ANSWER: short_answers,
    QuestionType.NUMERICAL: numerical_answers(),
    QuestionType.MATCHING: matching_pairs(),
    QuestionType.ESSAY: st.just(()),
    QuestionType.DESCRIPTION: st.just(()),
}
titles = st.none() | words.map(lambda t: t.replace("<", "("))  # a whole <tag> is stripped
categories = st.none() | words
question_types = st.sampled_from(list(QuestionType))
formats = st.sampled_from(FORMATS)


@st.composite
def questions(draw: st.DrawFn) -> Question:
    qtype = draw(question_types)
    text = draw(texts)
    if qtype is QuestionType.MISSING_WORD:
        text = draw(raw_texts).lstrip(TRIM) + "_____" + draw(raw_texts).rstrip(TRIM)
    return Question(
        type=qtype,
        text=text,
        answers=draw(ANSWERS[qtype]),
        title=draw(titles),
        format=draw(formats),
        category=draw(categories),
        general_feedback=None if qtype is QuestionType.DESCRIPTION else draw(feedbacks),
    )


question_lists = st.lists(questions(), min_size=1, max_size=4)

SAMPLE_GIFT = """// Beispiel
$CATEGORY: Kurs/Teil 1

::mc:: Was sagt ein Sprachmodell vorher? {
  =Das nächste Token#Richtig.
  ~Eine Antwort aus der Datenbank#Nein.
  ####Allgemein
}

Grant is {~buried =entombed ~living} in Grant's tomb.

::tf:: Die Erde ist flach.{FALSE#Doch?#Richtig}

Wer? {=niemand =%50%*grant*#halb}

Wann? {#=1822:5#ok =%50%1800..1850 ~#nein}

Ordne zu {=Kanada -> Ottawa =Italien -> Rom = -> Berlin}

[html]Ein <b>Essay</b>{####Hinweis}

Welche? {~%50%a ~%50%b ~%-100%c}

Nur Text \\{ mit \\: Escapes\\n.
"""

mutations = st.lists(
    st.tuples(st.integers(0, len(SAMPLE_GIFT)), st.integers(0, 3), raw_texts),
    max_size=6,
)


def mutate(text: str, edits: list[tuple[int, int, str]]) -> str:
    """Replace `cut` characters at `at` by `insert`, for each edit."""
    for at, cut, insert in edits:
        at = min(at, len(text))
        text = text[:at] + insert + text[at + cut :]
    return text


def check_parse_never_crashes(text: str) -> None:
    """Only GiftError may come out of the parser; what parses must also round-trip."""
    try:
        parsed = parse_gift(text)
    except GiftError as err:
        error: GiftError | None = err
    else:
        error = None
        check_round_trip(parsed)
    assert error is None or (error.line >= 1 and error.message)


def check_round_trip(original: list[Question]) -> None:
    written = write_gift(original)
    again = parse_gift(written)
    assert len(again) == len(original), written
    for before, after in zip(original, again, strict=True):
        assert before.same_content(after), (before, after, written)
