"""Moodle's GIFT format read the way Moodle's importer reads it (question/format/gift/format.php).

The file is cut into blocks at blank lines; each block is one question or a `$CATEGORY:`.
Escapes are first turned into private placeholder characters, so the structural characters
left in a block (`{ } ~ = # : %`) are exactly the unescaped ones. Parts of a block are handled
as offsets into the block's text, which is how every error knows its line.
What Moodle refuses raises `GiftError`; where Moodle silently does something a trainer would
not expect, the question keeps Moodle's meaning and carries a warning.

This module assembles questions from blocks; `gift_text` holds the text-level helpers (blocks,
escapes, format markers, titles) and `gift_answers` reads the answer block of each type.
"""

from __future__ import annotations

from pathlib import Path

from kompetenz.quiz.gift_answers import parse_answers
from kompetenz.quiz.gift_text import (
    FORMATS,
    LINE_BREAK,
    Block,
    GiftError,
    read_title,
    split_blocks,
    split_format,
)
from kompetenz.quiz.gift_text import TRIM as TRIM  # explicit re-export: tests use gift.TRIM
from kompetenz.quiz.model import Answers, Question, QuestionType

__all__ = ["FORMATS", "GiftError", "parse_gift", "read_gift_file"]

_BLANK = "_____"
_CATEGORY = "$CATEGORY:"


def read_gift_file(path: Path) -> list[Question]:
    """Read a GIFT file: UTF-8 only (as Moodle 5 requires); a byte-order mark is dropped."""
    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = len(LINE_BREAK.split(data[: exc.start].decode("utf-8")))
        message = (
            f"the file is not UTF-8 text (byte 0x{data[exc.start]:02X} on line {line}); "
            "save it with the encoding UTF-8"
        )
        raise GiftError(str(path), line, message) from None
    return parse_gift(text, str(path))


def parse_gift(text: str, source: str = "<gift>") -> list[Question]:
    """All questions of a GIFT text in file order; `GiftError` for anything Moodle refuses."""
    text = text.removeprefix("\ufeff")
    questions: list[Question] = []
    category: str | None = None
    for numbers, lines in split_blocks(text):
        block = Block(source, "\n".join(lines), numbers)
        if block.text.startswith(_CATEGORY):
            category = _category(block)
        else:
            questions.append(_question(block, category))
    if not questions:
        raise GiftError(source, 1, "the file contains no questions")
    return questions


def _category(block: Block) -> str | None:
    if "\n" in block.text:
        # Moodle would silently make the next lines part of the category name.
        block.fail(
            0,
            f"the $CATEGORY on line {block.numbers[0]} must be followed by a blank "
            f"line, otherwise line {block.numbers[1]} becomes part of the category name",
        )
    return block.plain(len(_CATEGORY), len(block.text)) or None


def _question(block: Block, category: str | None) -> Question:
    title, start = read_title(block)
    opening, closing = _find_block(block, start)
    general = None
    answers: Answers = ()
    if opening < 0:
        fmt, text = split_format(block.text[start:], "moodle")
        qtype = QuestionType.DESCRIPTION
    else:
        after = block.text[closing + 1 :]
        inside = after.strip(TRIM) != ""
        fmt, text = split_format(
            block.text[start:opening] + (_BLANK + after if inside else ""), "moodle"
        )
        general, qtype, answers = _answer_block(block, opening, closing, fmt, inside)
        if not text:
            block.warn(opening, "the question has no text, only an answer block")
    return Question(
        type=qtype,
        text=text,
        answers=answers,
        title=title,
        format=fmt,
        category=category,
        general_feedback=general,
        line=block.numbers[0],
        warnings=tuple(block.warnings),
    )


def _answer_block(
    block: Block, opening: int, closing: int, fmt: str, inside: bool
) -> tuple[str | None, QuestionType, Answers]:
    """The general feedback after the last `####` (in the question's format), and the answers."""
    begin, end = block.trim(opening + 1, closing)
    general = None
    separator = block.text.rfind("####", begin, end)
    if separator >= 0:
        general = split_format(block.text[separator + 4 : end], fmt)[1] or None
        begin, end = block.trim(begin, separator)
    block.brace = opening
    qtype, answers = parse_answers(block, begin, end, inside)
    return general, qtype, answers


def _find_block(block: Block, start: int) -> tuple[int, int]:
    """Offsets of the answer block's braces, (-1, -1) when there is none (a description)."""
    opens = _offsets(block.text, "{", start)
    closes = _offsets(block.text, "}", start)
    if not opens and not closes:
        return -1, -1
    if not closes:
        block.fail(
            opens[0],
            f"the answer block opened with {{ on line {block.line(opens[0])} "
            "is never closed with }",
        )
    if not opens or closes[0] < opens[0]:
        block.fail(
            closes[0],
            f"the }} on line {block.line(closes[0])} closes no answer block "
            "(write \\} for a literal brace)",
        )
    if len(opens) > 1 and opens[1] < closes[0]:
        block.fail(
            opens[1],
            f"a second {{ on line {block.line(opens[1])} inside the answer "
            f"block opened on line {block.line(opens[0])}: answer blocks cannot be "
            "nested (write \\{ for a literal brace)",
        )
    _refuse_second_block(block, min(opens[1:] + closes[1:], default=-1))
    return opens[0], closes[0]


def _offsets(text: str, char: str, start: int) -> list[int]:
    """Where `char` occurs in `text` from `start` on (`str.find` rather than a loop over every
    character: the check reads thousands of questions)."""
    found = []
    at = text.find(char, start)
    while at >= 0:
        found.append(at)
        at = text.find(char, at + 1)
    return found


def _refuse_second_block(block: Block, extra: int) -> None:
    """Moodle would keep a brace after the answer block as question text; it is nearly always
    a missing blank line between two questions."""
    if extra < 0:
        return
    brace = block.text[extra]
    block.fail(
        extra,
        f"a second answer block ('{brace}' on line {block.line(extra)}): a "
        "question has only one. Separate questions with a blank line, or write "
        f"\\{brace} for a literal brace",
    )
