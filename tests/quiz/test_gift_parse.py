"""Worked examples of GIFT as Moodle reads it, one question type or rule at a time."""

from __future__ import annotations

from pathlib import Path

import pytest

from kompetenz.quiz.gift import GiftError, parse_gift, read_gift_file
from kompetenz.quiz.model import (
    Choice,
    MatchPair,
    NumericalAnswer,
    Question,
    QuestionType,
    TrueFalse,
)


def one(text: str) -> Question:
    questions = parse_gift(text)
    assert len(questions) == 1
    return questions[0]


def test_single_choice_with_title_feedback_and_general_feedback() -> None:
    q = one(
        "::tokens:: Was sagt ein Sprachmodell vorher? {\n"
        "  =Das nächste Token#Richtig.\n"
        "  ~Eine Antwort aus der Datenbank#Nein.\n"
        "  ####Es rechnet Wahrscheinlichkeiten.\n"
        "}"
    )
    assert q.type is QuestionType.SINGLE_CHOICE
    assert q.title == "tokens"
    assert q.text == "Was sagt ein Sprachmodell vorher?"
    assert q.answers == (
        Choice("Das nächste Token", 1.0, "Richtig."),
        Choice("Eine Antwort aus der Datenbank", 0.0, "Nein."),
    )
    assert q.general_feedback == "Es rechnet Wahrscheinlichkeiten."
    assert q.format == "moodle"
    assert q.line == 1
    assert q.warnings == ()


def test_general_feedback_is_after_the_last_four_hashes() -> None:
    q = one("Q {=a#x ~b ####one####two}")
    assert q.general_feedback == "two"
    assert q.answers == (Choice("a", 1.0, "x"), Choice("b", 0.0, "###one"))


def test_multiple_answers_with_negative_and_decimal_weights() -> None:
    q = one("Welche? {~%50%a ~%50%b ~%-33.33333%c ~%-66.66667%d}")
    assert q.type is QuestionType.MULTIPLE_CHOICE
    assert [c.fraction for c in q.choices()] == pytest.approx([0.5, 0.5, -0.3333333, -0.6666667])


def test_a_weight_is_snapped_to_moodles_grade_value() -> None:
    a = one("Q {~%33.333333%a ~%66.66667%b}")
    b = one("Q {~%33.33333%a ~%66.66667%b}")
    assert a == b


def test_missing_word_puts_a_blank_where_the_block_was() -> None:
    q = one("Grant is {~buried =entombed ~living} in Grant's tomb.")
    assert q.type is QuestionType.MISSING_WORD
    assert q.text == "Grant is _____ in Grant's tomb."
    assert [c.text for c in q.choices()] == ["buried", "entombed", "living"]


def test_a_full_stop_after_the_block_makes_it_missing_word() -> None:
    q = one("Die Hauptstadt ist {=Berlin ~Bonn}.")
    assert q.type is QuestionType.MISSING_WORD
    assert q.text == "Die Hauptstadt ist _____."


def test_check_boxes_inside_a_sentence_stay_multiple_choice_with_a_blank() -> None:
    q = one("Pick {~%50%a ~%50%b ~%-100%c} now")
    assert q.type is QuestionType.MULTIPLE_CHOICE
    assert q.text == "Pick _____ now"


@pytest.mark.parametrize(
    ("block", "correct"), [("T", True), ("TRUE", True), ("F", False), ("FALSE", False)]
)
def test_true_false_spellings(block: str, correct: bool) -> None:
    q = one(f"Die Erde ist rund. {{{block}}}")
    assert q.type is QuestionType.TRUE_FALSE
    assert q.answers == TrueFalse(correct)


def test_true_false_feedback_wrong_first_then_right() -> None:
    q = one("Die Erde ist flach.{FALSE#Nein, sie ist rund.#Richtig!}")
    assert q.answers == TrueFalse(False, "Nein, sie ist rund.", "Richtig!")


def test_lower_case_true_is_a_short_answer_with_a_warning() -> None:
    q = one("Stimmt das? {true}")
    assert q.type is QuestionType.SHORT_ANSWER
    assert q.answers == (Choice("true", 1.0),)
    assert len(q.warnings) == 1
    assert q.warnings[0].startswith("{true} is a short-answer question")
    assert "{TRUE}" in q.warnings[0]


def test_a_warning_names_its_line_when_the_question_started_earlier() -> None:
    q = one("Frage\n{\n=a\n~\n~b\n}")
    assert q.warnings == ("an empty option (~ or = with no text) is left out (line 4)",)


def test_short_answer_several_answers_weights_wildcards_feedback() -> None:
    q = one("Wer? {=niemand =keiner#gut =%50%*grant*#halb}")
    assert q.type is QuestionType.SHORT_ANSWER
    assert q.answers == (
        Choice("niemand", 1.0),
        Choice("keiner", 1.0, "gut"),
        Choice("*grant*", 0.5, "halb"),
    )


def test_single_short_answer_may_omit_the_equals_sign() -> None:
    assert one("Hauptstadt? {Berlin}").answers == (Choice("Berlin", 1.0),)


def test_numerical_forms() -> None:
    q = one("Q {#\n=1822:5#genau\n=%50%1800..1850#ungefähr\n=%25%3.5\n~#leider nein\n}")
    assert q.type is QuestionType.NUMERICAL
    assert q.answers == (
        NumericalAnswer(1822.0, 5.0, 1.0, "genau"),
        NumericalAnswer(None, 0.0, 0.5, "ungefähr", range_min=1800.0, range_max=1850.0),
        NumericalAnswer(3.5, 0.0, 0.25),
        NumericalAnswer(None, 0.0, 0.0, "leider nein"),
    )
    catch_all = q.answers[3]
    assert isinstance(catch_all, NumericalAnswer)
    assert catch_all.is_catch_all


def test_numerical_single_answer_without_equals() -> None:
    assert one("Pi? {#3.14159:0.0005}").answers == (NumericalAnswer(3.14159, 0.0005),)


def test_numerical_negative_exponent_and_escaped_colon() -> None:
    assert one(r"Q {#-1.5e-3\:0.5}").answers == (NumericalAnswer(-0.0015, 0.5),)


def test_matching_pairs_split_at_the_first_arrow_and_distractors() -> None:
    q = one("Ordne zu. {=Kanada -> Ottawa =Pfeil -> a->b = -> Berlin}")
    assert q.type is QuestionType.MATCHING
    assert q.answers == (
        MatchPair("Kanada", "Ottawa"),
        MatchPair("Pfeil", "a->b"),
        MatchPair("", "Berlin"),
    )


def test_essay_and_description() -> None:
    essay, description = parse_gift("Schreiben Sie. {}\n\nNur ein Hinweistext.")
    assert essay.type is QuestionType.ESSAY
    assert essay.text == "Schreiben Sie."
    assert essay.answers == ()
    assert description.type is QuestionType.DESCRIPTION
    assert description.text == "Nur ein Hinweistext."
    assert description.line == 3


def test_essay_may_have_general_feedback() -> None:
    q = one("Reflect. {####Think of your class.}")
    assert (q.type, q.general_feedback) == (QuestionType.ESSAY, "Think of your class.")


@pytest.mark.parametrize(
    ("escaped", "plain"),
    [
        (r"a \~ b", "a ~ b"),
        (r"a \= b", "a = b"),
        (r"a \# b", "a # b"),
        (r"a \{ b", "a { b"),
        (r"a \} b", "a } b"),
        (r"a \: b", "a : b"),
        (r"a \\ b", "a \\ b"),
        (r"a\nb", "a\nb"),
        (r"a \\{", None),
        (r"keep \a and \[", "keep \\a and \\["),
    ],
)
def test_every_escape(escaped: str, plain: str | None) -> None:
    if plain is None:  # \\ is a backslash, so the { after it opens a block
        with pytest.raises(GiftError, match="never closed"):
            parse_gift(escaped)
        return
    assert one(escaped).text == plain
    assert one(f"{escaped} {{T}}").text == plain


def test_escapes_in_answers_and_feedback() -> None:
    q = one(r"Q {=a\=b\~c#fb \# \{x\}~d}")
    assert q.answers == (Choice("a=b~c", 1.0, "fb # {x}"), Choice("d", 0.0))


def test_comments_anywhere_do_not_separate_questions() -> None:
    q = one("// vorab\n::t:: Frage\n// mittendrin\n{\n// im Block\n=a\n  // eingerückt\n~b\n}")
    assert q.text == "Frage"
    assert [c.text for c in q.choices()] == ["a", "b"]
    assert q.line == 2  # the first line that is not a comment


def test_slashes_inside_a_line_are_text() -> None:
    assert one("Siehe https://example.org {T}").text == "Siehe https://example.org"


def test_a_block_of_only_comments_is_skipped() -> None:
    assert len(parse_gift("// nur\n// Kommentare\n\nQ {T}")) == 1


def test_multi_line_question_keeps_line_breaks_not_indentation() -> None:
    q = one("Erste Zeile\n    zweite Zeile\n{\n  =ja\n  ~nein\n}")
    assert q.text == "Erste Zeile\nzweite Zeile"


def test_categories_apply_to_following_questions() -> None:
    text = "A {T}\n\n$CATEGORY: Kurs/Teil 1\n\nB {T}\n\nC {T}\n\n$CATEGORY: Kurs/Teil 2\n\nD {F}"
    assert [q.category for q in parse_gift(text)] == [
        None,
        "Kurs/Teil 1",
        "Kurs/Teil 1",
        "Kurs/Teil 2",
    ]


def test_an_empty_category_returns_to_the_default() -> None:
    assert [q.category for q in parse_gift("$CATEGORY: a\n\nA {T}\n\n$CATEGORY:\n\nB {T}")] == [
        "a",
        None,
    ]


@pytest.mark.parametrize("marker", ["moodle", "html", "plain", "markdown"])
def test_format_markers(marker: str) -> None:
    q = one(f"::t::[{marker}]Text {{=[html]a#[plain]fb ~b ####[markdown]gf}}")
    assert (q.format, q.text) == (marker, "Text")
    assert q.answers == (Choice("a", 1.0, "fb"), Choice("b", 0.0))
    assert q.general_feedback == "gf"


def test_unknown_or_upper_case_markers_stay_in_the_text() -> None:
    assert one("[HTML]Text {T}").text == "[HTML]Text"
    assert one("[note] Text {T}").format == "moodle"


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_endings_and_line_numbers(newline: str) -> None:
    text = newline.join(["// c", "", "A {T}", "", "", "B", "{F}"])
    a, b = parse_gift(text)
    assert (a.text, a.line, b.text, b.line) == ("A", 3, "B", 6)


def test_read_gift_file_drops_the_bom_and_reads_utf8(tmp_path: Path) -> None:
    path = tmp_path / "quiz.gift"
    path.write_bytes("\ufeff::ä:: Größe? {T}\r\n".encode())
    (q,) = read_gift_file(path)
    assert (q.title, q.text, q.line) == ("ä", "Größe?", 1)


def test_read_gift_file_refuses_latin1_on_the_line_of_the_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "quiz.gift"
    path.write_bytes(b"A {T}\n\nB {T}\nGr\xf6\xdfe {F}\n")
    with pytest.raises(GiftError) as caught:
        read_gift_file(path)
    assert caught.value.line == 4
    assert caught.value.source == str(path)
    assert "UTF-8" in caught.value.message


def test_html_is_stripped_from_titles() -> None:
    assert one("::<b>Fett</b> Titel:: Q {T}").title == "Fett Titel"


def test_title_without_closing_colons_is_no_title() -> None:
    q = one("::kein Titel Q {T}")
    assert (q.title, q.text) == (None, "kein Titel Q")
    assert q.warnings


def test_blank_line_separates_questions_and_bom_in_str_input() -> None:
    assert [q.text for q in parse_gift("\ufeffA {T}\n  \t\nB {F}")] == ["A", "B"]


def test_warning_for_text_before_the_first_option() -> None:
    q = one("Q {vorher ~a =b}")
    assert [c.text for c in q.choices()] == ["vorher", "a", "b"]
    assert "vorher" in q.warnings[0]


def test_warning_for_check_boxes_without_negative_weights() -> None:
    q = one("Q {~%50%a ~%50%b ~c}")
    assert any("ticking every box" in w for w in q.warnings)


def test_warning_for_weights_not_adding_up() -> None:
    q = one("Q {~%50%a ~%25%b ~%-100%c}")
    assert any("add up to 75 %" in w for w in q.warnings)


def test_weight_after_equals_is_not_read() -> None:
    q = one("Q {=%50%a ~b}")
    assert q.choices()[0] == Choice("%50%a", 1.0)
    assert any("= always means 100 %" in w for w in q.warnings)


def test_empty_options_are_left_out_with_a_warning() -> None:
    q = one("Q {=a ~b ~ }")
    assert [c.text for c in q.choices()] == ["a", "b"]
    assert any("empty option" in w for w in q.warnings)


def test_numerical_catch_all_text_without_hash_is_ignored() -> None:
    q = one("Q {#5 ~falsch}")
    assert q.answers == (NumericalAnswer(5.0), NumericalAnswer(None, 0.0, 0.0, None))
    assert any("~#feedback" in w for w in q.warnings)
