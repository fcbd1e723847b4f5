"""Marks as Moodle gives them, for every question type."""

from __future__ import annotations

import pytest

from kompetenz.quiz.gift import parse_gift
from kompetenz.quiz.grading import correct_answer_text, feedback_for, grade, parse_number
from kompetenz.quiz.model import Question


def one(text: str) -> Question:
    (question,) = parse_gift(text)
    return question


NEGATIVE = one("Welche? {~%-50%falsch1 ~%50%richtig1 ~%50%richtig2 ~%-50%falsch2}")


@pytest.mark.parametrize(
    ("ticked", "mark"),
    [
        ({1, 2}, 1.0),
        ({1}, 0.5),
        ({1, 0}, 0.0),
        ({0, 1, 2, 3}, 0.0),
        ({0}, 0.0),  # clamped at 0
        (set(), 0.0),
    ],
)
def test_multiple_answers_reference_example(ticked: set[int], mark: float) -> None:
    assert grade(NEGATIVE, frozenset(ticked)) == pytest.approx(mark)


def test_multiple_answers_only_positive_weights_reward_ticking_everything() -> None:
    q = one("Q {~%50%a ~%50%b ~c}")
    assert grade(q, frozenset({0, 1, 2})) == 1.0


def test_single_choice_and_missing_word_give_the_chosen_fraction() -> None:
    q = one("Q {=a ~%50%b ~%-50%c ~d}")
    assert [grade(q, i) for i in range(4)] == [1.0, 0.5, -0.5, 0.0]
    mw = one("Grant is {~buried =entombed ~living} in Grant's tomb.")
    assert (grade(mw, 1), grade(mw, 0)) == (1.0, 0.0)


def test_true_false() -> None:
    q = one("Rund? {TRUE#Doch, rund.#Genau.}")
    assert (grade(q, True), grade(q, False)) == (1.0, 0.0)
    assert feedback_for(q, True) == ["Genau."]
    assert feedback_for(q, False) == ["Doch, rund."]
    assert correct_answer_text(q, "Wahr", "Falsch") == "Wahr"


@pytest.mark.parametrize(
    ("response", "mark"),
    [
        ("niemand", 1.0),
        ("  NIEMAND ", 1.0),
        ("niemand!", 0.0),
        ("Ulysses Grant", 0.5),
        ("grant", 0.5),
        ("Präsident Grant hier", 0.5),
        ("Gr ant", 0.0),
        ("", 0.0),
    ],
)
def test_short_answer_whole_match_wildcard_case(response: str, mark: float) -> None:
    q = one("Wer? {=niemand =%50%*grant*}")
    assert grade(q, response) == mark


def test_short_answer_first_matching_answer_wins_and_gives_its_feedback() -> None:
    q = one("Q {=%50%a*#halb =abc#voll}")
    assert grade(q, "abc") == 0.5
    assert feedback_for(q, "abc") == ["halb"]


def test_short_answer_escaped_star_is_literal_and_nfc() -> None:
    q = one(r"Q {=a\\*b =Größe}")
    assert grade(q, "a*b") == 1.0
    assert grade(q, "axb") == 0.0
    assert grade(q, "Gro\u0308\u00dfe") == 1.0  # o + combining diaeresis, as some keyboards send
    assert correct_answer_text(q) == "a*b"


def test_short_answer_inner_spaces_and_punctuation_must_match() -> None:
    q = one("Q {=New York}")
    assert (grade(q, "new york"), grade(q, "newyork"), grade(q, "New-York")) == (1.0, 0.0, 0.0)


@pytest.mark.parametrize(
    ("gift", "response", "mark"),
    [
        ("{#1822:5}", "1817", 1.0),
        ("{#1822:5}", "1827", 1.0),
        ("{#1822:5}", "1816", 0.0),
        ("{#1822:5}", "1828", 0.0),
        ("{#3.14159:0.0005}", "3.141", 0.0),
        ("{#3.14159:0.0005}", "3.142", 1.0),
        ("{#3.14159:0.0005}", "3,14209", 1.0),
        ("{#3.14159:0.0005}", "3.14109", 1.0),
        ("{#1..5}", "1", 1.0),
        ("{#1..5}", "5", 1.0),
        ("{#1..5}", "5,0001", 0.0),
        ("{#1..5}", "0.999", 0.0),
        ("{#3.5}", "3,5", 1.0),
        ("{#3.5}", "3.5", 1.0),
        ("{#3.5}", "drei", 0.0),
        ("{#1822.5}", "1.822,5", 1.0),
        ("{#-2}", "\u22122", 1.0),
    ],
)
def test_numerical_reference_examples(gift: str, response: str, mark: float) -> None:
    assert grade(one(f"Q {gift}"), response) == mark


def test_numerical_first_matching_answer_and_catch_all() -> None:
    q = one("Q {#=1822:0#genau =%50%1822:10#fast ~#leider nicht}")
    assert (grade(q, "1822"), grade(q, "1830"), grade(q, "1900"), grade(q, "x")) == (
        1.0,
        0.5,
        0.0,
        0.0,
    )
    assert feedback_for(q, "1830") == ["fast"]
    assert feedback_for(q, "1900") == ["leider nicht"]
    assert correct_answer_text(q) == "1822"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("3,5", 3.5),
        ("3.5", 3.5),
        (" -0,25 ", -0.25),
        ("1.000.000", 1e6),
        ("1,000.5", 1000.5),
        ("1e3", 1000.0),
        (",5", 0.5),
        ("1 000", None),
        ("abc", None),
        ("", None),
        ("1e999", None),
    ],
)
def test_parse_number(text: str, value: float | None) -> None:
    assert parse_number(text) == value


def test_matching_score_is_right_items_over_non_distractors() -> None:
    q = one("Q {=Kanada -> Ottawa =Italien -> Rom =Japan -> Tokio = -> Berlin}")
    assert grade(q, {0: "Ottawa", 1: "Rom", 2: "Tokio"}) == 1.0
    assert grade(q, {0: "Ottawa", 1: "Berlin"}) == pytest.approx(1 / 3)
    assert grade(q, {}) == 0.0
    assert correct_answer_text(q) == "Kanada → Ottawa; Italien → Rom; Japan → Tokio"
    with pytest.raises(ValueError, match="index"):
        grade(q, {3: "Berlin"})


def test_essay_and_description_are_not_graded() -> None:
    essay, description = parse_gift("Reflect. {}\n\nText.")
    assert grade(essay, "Meine Gedanken") is None
    assert grade(description, None) is None
    assert feedback_for(essay, "x") == []
    assert correct_answer_text(essay) == ""


def test_unanswered_is_zero_for_every_graded_type() -> None:
    text = "A {=a ~b}\n\nB {~%50%a ~%50%b}\n\nC {T}\n\nD {=x}\n\nE {#1}\n\nF {=a -> b =c -> d}"
    assert [grade(q, None) for q in parse_gift(text)] == [0.0] * 6


def test_feedback_for_choices() -> None:
    q = one("Q {=a#ja ~b#nein ~c}")
    assert feedback_for(q, 1) == ["nein"]
    assert feedback_for(q, 2) == []
    multi = one("Q {~%50%a#A ~%50%b#B ~%-100%c#C}")
    assert feedback_for(multi, frozenset({2, 0})) == ["A", "C"]
    assert correct_answer_text(multi) == "a, b"
    assert correct_answer_text(q) == "a"


def test_correct_answer_text_numerical_forms() -> None:
    assert correct_answer_text(one("Q {#1822:5}")) == "1822 ± 5"
    assert correct_answer_text(one("Q {#1..5}")) == "1 – 5"


def test_wrong_response_kinds_are_programming_errors() -> None:
    q = one("Q {=a ~b}")
    with pytest.raises(ValueError, match="option 5"):
        grade(q, 5)
    with pytest.raises(TypeError):
        grade(q, "a")
    with pytest.raises(TypeError):
        grade(one("Q {T}"), 1)
    with pytest.raises(TypeError):
        grade(NEGATIVE, 1)
