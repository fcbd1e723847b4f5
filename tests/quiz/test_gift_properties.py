"""Property tests: the parser only ever raises GiftError, and writing GIFT loses nothing.

benchmarks/fuzz_gift.py runs the same checks with many more examples.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from quiz_strategies import (
    ALPHABET,
    SAMPLE_GIFT,
    check_parse_never_crashes,
    check_round_trip,
    mutate,
    mutations,
    question_lists,
)

from kompetenz.quiz.model import Question

SHORT = settings(max_examples=200, deadline=None)


@SHORT
@given(st.text())
def test_any_text_gives_questions_or_gift_error(text: str) -> None:
    check_parse_never_crashes(text)


@SHORT
@given(st.text(ALPHABET, max_size=80))
def test_gift_like_text_gives_questions_or_gift_error(text: str) -> None:
    check_parse_never_crashes(text)


@SHORT
@given(mutations)
def test_mutated_valid_gift_gives_questions_or_gift_error(
    edits: list[tuple[int, int, str]],
) -> None:
    check_parse_never_crashes(mutate(SAMPLE_GIFT, edits))


@SHORT
@given(question_lists)
def test_generated_questions_round_trip(questions: list[Question]) -> None:
    check_round_trip(questions)


def test_the_sample_round_trips() -> None:
    check_parse_never_crashes(SAMPLE_GIFT)
