"""Everything Moodle refuses is refused here too, with the line a trainer has to fix."""

from __future__ import annotations

import pytest

from kompetenz.quiz.gift import GiftError, parse_gift


def refusal(text: str) -> GiftError:
    with pytest.raises(GiftError) as caught:
        parse_gift(text, "quiz.gift")
    return caught.value


def test_error_text_is_source_line_message() -> None:
    err = refusal("A {T}\n\nB {\n=a\n~b")
    assert (err.source, err.line) == ("quiz.gift", 3)
    assert err.message == "the answer block opened with { on line 3 is never closed with }"
    assert str(err) == f"quiz.gift:3: {err.message}"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("Q\n{=a ~b", 2, "never closed"),
        ("Q =a ~b\n}", 2, "closes no answer block"),
        ("Q } and {T}", 1, "closes no answer block"),
        ("Q {=a\n{~b} ~c}", 2, "cannot be nested"),
        ("Q1 {T}\nQ2 {F}", 2, "second answer block"),
        ("Q {T} and }", 1, "second answer block"),
    ],
)
def test_brace_errors(text: str, line: int, words: str) -> None:
    err = refusal(text)
    assert err.line == line
    assert words in err.message


@pytest.mark.parametrize(
    ("text", "line"),
    [("Q {=a ~}", 1), ("Q {~a}", 1), ("x\n\nQ\n{\n=a\n~ \n}", 4)],
)
def test_choice_question_needs_two_options(text: str, line: int) -> None:
    err = refusal(text)
    assert err.line == line
    assert "at least two options" in err.message


def test_matching_needs_two_pairs() -> None:
    err = refusal("A {T}\n\nOrdne zu {=a -> b}")
    assert err.line == 3
    assert "at least two pairs" in err.message


def test_matching_item_without_arrow_is_refused_on_its_line() -> None:
    err = refusal("Ordne zu {\n=a -> b\n=c -> d\n=e\n}")
    assert err.line == 4
    assert "'e'" in err.message
    assert "no '->'" in err.message


def test_matching_refuses_empty_right_side_and_only_distractors() -> None:
    assert "nothing after" in refusal("Q {=a -> b =c ->}").message
    assert "only distractors" in refusal("Q {= -> b = -> c}").message


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Q {#abc}", "'abc' on line 1 is not a number"),
        ("Q {#5:abc}", "'abc' on line 1 is not a number"),
        ("Q {#3,5}", "decimal point, 3.5"),
        ("Q {#}", "no number"),
        ("Q {#~#nur Auffang}", "no number"),
        ("Q {#=}", "has no number"),
        ("Q {#1e999}", "too large"),
        ("Q {#5..1}", "starts above"),
        ("Q {#5:-1}", "negative"),
        ("Q {#inf}", "not a number"),
        ("Q {#1_000}", "not a number"),
    ],
)
def test_numerical_refusals(text: str, words: str) -> None:
    assert words in refusal(text).message


def test_short_answer_without_full_marks_is_refused() -> None:
    err = refusal("A {T}\n\nQ {=%50%halb =%25%viertel}")
    assert err.line == 3
    assert "100 %" in err.message


@pytest.mark.parametrize("weight", ["33", "15", "150", "-33.3", "99.9999"])
def test_weights_outside_moodles_list_are_refused(weight: str) -> None:
    err = refusal(f"Q {{\n~%{weight}%a\n=b\n}}")
    assert err.line == 2
    assert f"%{weight}%" in err.message
    assert "33.33333" in err.message


def test_a_weight_that_is_not_a_number_is_refused() -> None:
    assert "not a number" in refusal("Q {~%--50%a =b}").message


def test_weight_checks_apply_to_short_answer_and_numerical() -> None:
    assert refusal("Q {=Paris =%45%Lyon}").line == 1
    assert refusal("Q {#\n=5\n=%45%6\n}").line == 3


def test_file_without_questions() -> None:
    for text in ["", "\n\n", "// nur Kommentar", "$CATEGORY: a"]:
        err = refusal(text)
        assert (err.line, err.message) == (1, "the file contains no questions")


def test_category_must_be_followed_by_a_blank_line() -> None:
    err = refusal("$CATEGORY: a\nQ {T}")
    assert err.line == 1
    assert "line 2 becomes part of the category name" in err.message


def test_single_choice_whose_right_option_is_empty_is_refused() -> None:
    err = refusal("Q\n{=#nur Feedback ~a ~b}")
    assert err.line == 2
    assert "no right answer" in err.message
