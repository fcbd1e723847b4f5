"""write_gift gives GIFT that reads back as the same questions, and stays readable."""

from __future__ import annotations

import pytest

from kompetenz.quiz.gift import parse_gift
from kompetenz.quiz.gift_writer import escape_gift, write_gift
from kompetenz.quiz.model import Choice, MatchPair, Question, QuestionType, TrueFalse


def round_trip(text: str) -> str:
    parsed = parse_gift(text)
    written = write_gift(parsed)
    again = parse_gift(written)
    assert len(again) == len(parsed)
    for before, after in zip(parsed, again, strict=True):
        assert before.same_content(after), written
    return written


def test_escape_gift_covers_every_special_character() -> None:
    assert escape_gift("a~b=c#d{e}f:g\\h\ni") == r"a\~b\=c\#d\{e\}f\:g\\h\ni"
    assert escape_gift("a\r\nb\rc") == r"a\nb\nc"


def test_written_text_is_plain_gift() -> None:
    written = round_trip("::t:: Frage {=ja#gut ~nein ####mehr}")
    assert written == "::t:: Frage {\n\t=ja#gut\n\t~nein\n\t####mehr\n}\n"


@pytest.mark.parametrize(
    "gift",
    [
        "Grant is {~buried =entombed ~living} in Grant's tomb.",
        "Blank at the end {=a ~b}\\n",
        "Q {TRUE#falsch#richtig}",
        "Q {F##nur richtig}",
        "Q {=a =%50%b* ~%-50%c}",
        "Q {~%50%a ~%50%b ~%-100%c}",
        "Q {=niemand =%50%*grant*#halb}",
        "Q {a->b#fb}",
        "Q {#=1822:5#ok =%50%1800..1850 ~#nein}",
        "Q {#-1.5e-3:0.5 ~}",
        "Q {=Kanada -> Ottawa =Italien -> Rom = -> Berlin}",
        "[html]<p>Essay</p>{####[markdown]*Hinweis*}",
        "::nur Titel::",
        "[plain]",
        "[moodle]//kein Kommentar {T}",
        "\\:\\:kein Titel {T}",
        "$CATEGORY\\: kein Kategorie {T}",
        "Q {=[html]x ~%0%%50% wörtlich ~[plain]y#[moodle]z}",
        "Q {=%100%%abc%}",
        "Zeile 1\\nZeile 2 {=a\\nb ~c}",
        "\\{\\}\\~\\=\\#\\\\ alles {T}",
    ],
)
def test_round_trip_examples(gift: str) -> None:
    round_trip(gift)


def test_categories_are_written_where_they_change() -> None:
    written = round_trip("$CATEGORY: a/b\n\nA {T}\n\nB {T}\n\n$CATEGORY:\n\nC {T}")
    assert written.count("$CATEGORY") == 2
    assert written.startswith("$CATEGORY: a/b\n\n")


def test_missing_word_needs_its_blank() -> None:
    q = Question(QuestionType.MISSING_WORD, "no blank", (Choice("a", 1.0), Choice("b", 0.0)))
    with pytest.raises(ValueError, match="_____"):
        write_gift([q])


@pytest.mark.parametrize(
    ("qtype", "answers"),
    [
        (QuestionType.SINGLE_CHOICE, (Choice("a", 0.5), Choice("b", 0.0))),
        (QuestionType.MULTIPLE_CHOICE, (Choice("a", 0.33), Choice("b", 0.0))),
        (QuestionType.SHORT_ANSWER, (Choice("a->b", 1.0), Choice("c", 1.0))),
        (QuestionType.MATCHING, (MatchPair("a->b", "c"), MatchPair("d", "e"))),
    ],
)
def test_what_gift_cannot_express_raises(
    qtype: QuestionType, answers: tuple[Choice, ...] | tuple[MatchPair, ...]
) -> None:
    with pytest.raises(ValueError, match=r"\w"):
        write_gift([Question(qtype, "Q", answers)])


def test_true_false_writes_only_the_feedback_it_has() -> None:
    q = Question(QuestionType.TRUE_FALSE, "Q", TrueFalse(True, None, "ja"))
    assert write_gift([q]) == "Q {TRUE##ja}\n"
