"""Text and names in the Moodle XML export exactly as Moodle itself writes and names them."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from kompetenz.quiz.gift import parse_gift
from kompetenz.quiz.moodle_names import moodle_default_name
from kompetenz.quiz.moodle_xml import write_moodle_xml

SPECIAL = 'Zeichen maskieren: & < > ?  und  a&&b <<x>> "zitiert"'


def test_text_with_markup_characters_survives_a_round_trip_with_its_white_space() -> None:
    gift = (
        f"::t:: {SPECIAL.replace('&&', '& &')} {{\n"
        "  =A & B#richtig: < und > bleiben\n"
        "  ~C ]]> D#nein\n"
        "}"
    )
    question = parse_gift(gift)[0]
    xml = write_moodle_xml([question])
    assert "<![CDATA[" in xml  # as Moodle's exporter writes it
    element = ET.fromstring(xml)[-1]
    assert element.findtext("questiontext/text") == question.text
    assert "& < > ?  und" in question.text
    answers = element.findall("answer")
    assert [a.findtext("text") for a in answers] == ["A & B", "C ]]> D"]
    assert answers[0].findtext("feedback/text") == "richtig: < und > bleiben"


def test_plain_text_stays_plain_as_in_moodle() -> None:
    xml = write_moodle_xml(parse_gift("::t:: Ganz normaler Text {T}"))
    assert "CDATA" not in xml
    assert "<text>Ganz normaler Text</text>" in xml


WORDS = "abcdefghi " * 10  # ten words of nine letters; "..." leaves 77 characters of text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # At most 80 characters: the whole text, line breaks kept.
        ("Zeile eins\nZeile zwei?", "Zeile eins\nZeile zwei?"),
        ("x" * 80, "x" * 80),
        # Longer: cut after the last space before character 78, the space stays before "...".
        (WORDS.strip(), "abcdefghi " * 7 + "..."),
        # No space at all: cut hard after 77 characters.
        ("x" * 100, "x" * 77 + "..."),
        # The 78th character is a space: the cut stays at 77 and the space goes.
        ("a" * 77 + " " + "b" * 10, "a" * 77 + "..."),
        # A full stop is a place to cut, too.
        ("Satz." + "y" * 90, "Satz...."),
        # A line break is no place to cut, and the name keeps it.
        ("Zeile eins\nzwei " + "z" * 90, "Zeile eins\nzwei ..."),
        ("Zeile\n" + "z" * 90, "Zeile\n" + "z" * 71 + "..."),
        # A character of three UTF-8 bytes ("–") counts as a place to cut, after it.
        ("Daten–" + "w" * 90, "Daten–..."),
        # An entity counts as one character; tags are not counted and are removed.
        ("&amp;" + "q" * 76 + " Ende", "&amp;" + "q" * 76 + "..."),
        ("<b>Fett</b> und " + "r" * 90, "Fett und ..."),
        # Moodle never looks at the first character after a tag: no cut there.
        ("<b>Fett</b> " + "r" * 90, "Fett " + "r" * 72 + "..."),
        # Nothing left after removing the tags: the fallback.
        ("<img src='bild.png'>", "Frage 3"),
    ],
)
def test_default_names_follow_moodles_shorten_text(text: str, name: str) -> None:
    assert moodle_default_name(text, "Frage 3") == name


def test_an_untitled_question_is_exported_under_moodles_name() -> None:
    long_question = (
        "Eine Lehrkraft möchte ein Sprachmodell nutzen, um Elternbriefe zu übersetzen. "
        "Was ist zu beachten? {T}"
    )
    element = ET.fromstring(write_moodle_xml(parse_gift(long_question)))[-1]
    assert element.findtext("name/text") == (
        # The 78th character is the space after the full stop: cut before it, "..." follows.
        "Eine Lehrkraft möchte ein Sprachmodell nutzen, um Elternbriefe zu übersetzen...."
    )
