"""Moodle's GIFT format read the way Moodle's importer reads it (question/format/gift/format.php).

The file is cut into blocks at blank lines; each block is one question or a `$CATEGORY:`.
Escapes are first turned into private placeholder characters, so the structural characters
left in a block (`{ } ~ = # : %`) are exactly the unescaped ones. Parts of a block are handled
as offsets into the block's text, which is how every error knows its line.
What Moodle refuses raises `GiftError`; where Moodle silently does something a trainer would
not expect, the question keeps Moodle's meaning and carries a warning.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import NoReturn

from kompetenz.quiz.model import (
    MOODLE_GRADE_PERCENTS,
    Answers,
    Choice,
    MatchPair,
    NumericalAnswer,
    Question,
    QuestionType,
    TrueFalse,
    format_number,
    moodle_fraction,
)

__all__ = ["FORMATS", "GiftError", "parse_gift", "read_gift_file"]

FORMATS = ("moodle", "html", "plain", "markdown")
LINE_BREAK = re.compile(r"\r\n|\r|\n")
TRIM = " \t\n\r\0\x0b"  # what PHP's trim() removes; a no-break space is text
_BLANK = "_____"
_CATEGORY = "$CATEGORY:"
_TAG = re.compile(r"<[^>]*>")
_WEIGHT = re.compile(r"%(-*[0-9]{1,2}\.?[0-9]*)%")  # Moodle's own pattern, so %100.0% is text
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}
_TF_LOOKALIKES = {"t", "true", "f", "false", "w", "wahr", "falsch", "richtig"}

# An escaped character becomes a private-use placeholder until the block is taken apart.
# A private-use character already in the text is protected by _LITERAL so it survives.
_ESCAPABLE = "\\:#={}~n"
_PLACEHOLDER = {c: chr(0xE000 + i) for i, c in enumerate(_ESCAPABLE)}
_RESOLVED = {p: ("\n" if c == "n" else c) for c, p in _PLACEHOLDER.items()}
_LITERAL = "\ue00f"
_ENCODE = re.compile(r"\\([\\:#={}~n])|([\ue000-\ue00f])")
_DECODE = re.compile("\ue00f(.)|([\ue000-\ue00e])", re.DOTALL)


class GiftError(Exception):
    """A GIFT text Moodle would not import; `str()` gives `source:line: message`."""

    def __init__(self, source: str, line: int, message: str) -> None:
        super().__init__(f"{source}:{line}: {message}")
        self.source = source
        self.line = line
        self.message = message


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
    for numbers, lines in _blocks(text):
        block = _Block(source, "\n".join(lines), numbers)
        if block.text.startswith(_CATEGORY):
            category = _category(block)
        else:
            questions.append(_question(block, category))
    if not questions:
        raise GiftError(source, 1, "the file contains no questions")
    return questions


def encode_escapes(line: str) -> str:
    def placeholder(match: re.Match[str]) -> str:
        return _PLACEHOLDER[match[1]] if match[1] else _LITERAL + match[2]

    return _ENCODE.sub(placeholder, line)


def resolve_escapes(text: str) -> str:
    return _DECODE.sub(lambda m: m[1] if m[1] is not None else _RESOLVED.get(m[2], m[2]), text)


def split_format(raw: str, default: str) -> tuple[str, str]:
    """Moodle's `[html]`-style marker at the start of a text part, and the text itself."""
    end = raw.find("]")
    if end > 0 and raw.startswith("[") and raw[1:end] in FORMATS:
        return raw[1:end], resolve_escapes(raw[end + 1 :]).strip(TRIM)
    return default, resolve_escapes(raw).strip(TRIM)


class _Block:
    """One block of lines, escapes encoded, with what is needed to report on it."""

    def __init__(self, source: str, text: str, numbers: list[int]) -> None:
        self.source = source
        self.text = text
        self.numbers = numbers
        self.warnings: list[str] = []
        self.brace = 0  # offset of the answer block's {, for errors about the whole block

    def line(self, offset: int) -> int:
        return self.numbers[self.text.count("\n", 0, offset)]

    def fail(self, offset: int, message: str) -> NoReturn:
        raise GiftError(self.source, self.line(offset), message)

    def warn(self, offset: int, message: str) -> None:
        """Warnings are reported at the question's first line; name another line explicitly."""
        line = self.line(offset)
        self.warnings.append(message if line == self.numbers[0] else f"{message} (line {line})")

    def trim(self, start: int, end: int) -> tuple[int, int]:
        while start < end and self.text[start] in TRIM:
            start += 1
        while end > start and self.text[end - 1] in TRIM:
            end -= 1
        return start, end

    def plain(self, start: int, end: int) -> str:
        return resolve_escapes(self.text[start:end]).strip(TRIM)

    def formatted(self, start: int, end: int) -> str:
        """A part's text; its own format marker is accepted and dropped (see quiz-format.md)."""
        return split_format(self.text[slice(*self.trim(start, end))], "moodle")[1]

    def excerpt(self, start: int, end: int) -> str:
        text = self.plain(start, end)
        return text if len(text) <= 40 else text[:37] + "..."

    def split(self, start: int, end: int, separators: str) -> list[tuple[str, int, int]]:
        """Pieces between separators, each with the separator before it ('' for the first)."""
        pieces, kind = [], ""
        for i in range(start, end):
            if self.text[i] in separators:
                pieces.append((kind, start, i))
                kind, start = self.text[i], i + 1
        pieces.append((kind, start, end))
        return pieces


def _blocks(text: str) -> list[tuple[list[int], list[str]]]:
    """Blocks of non-blank lines with their line numbers. As in Moodle, a comment line does not
    end a block (only a blank line does); unlike Moodle it leaves no blank line in the text."""
    blocks: list[tuple[list[int], list[str]]] = []
    numbers: list[int] = []
    lines: list[str] = []
    for number, raw in enumerate(LINE_BREAK.split(text), start=1):
        line = raw.strip(TRIM)
        if not line and lines:
            blocks.append((numbers, lines))
            numbers, lines = [], []
        elif line and not line.startswith("//"):
            numbers.append(number)
            lines.append(encode_escapes(line))
    if lines:
        blocks.append((numbers, lines))
    return blocks


def _category(block: _Block) -> str | None:
    if "\n" in block.text:
        # Moodle would silently make the next lines part of the category name.
        block.fail(
            0,
            f"the $CATEGORY on line {block.numbers[0]} must be followed by a blank "
            f"line, otherwise line {block.numbers[1]} becomes part of the category name",
        )
    return block.plain(len(_CATEGORY), len(block.text)) or None


def _question(block: _Block, category: str | None) -> Question:
    title, start = _title(block)
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
        begin, end = block.trim(opening + 1, closing)
        separator = block.text.rfind("####", begin, end)
        if separator >= 0:
            general = split_format(block.text[separator + 4 : end], fmt)[1] or None
            begin, end = block.trim(begin, separator)
        block.brace = opening
        qtype, answers = _answers(block, begin, end, inside)
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


def _title(block: _Block) -> tuple[str | None, int]:
    """The `::title::` and the offset where the question text starts."""
    if not block.text.startswith("::"):
        return None, 0
    end = block.text.find("::", 2)
    if end < 0:
        block.warn(0, "the title has no closing '::', so the question has no title")
        return None, block.trim(2, len(block.text))[0]
    # Moodle strips HTML tags from titles; removing complete tags once is idempotent.
    title = _TAG.sub("", block.plain(2, end)).strip(TRIM)
    return title or None, block.trim(end + 2, len(block.text))[0]


def _find_block(block: _Block, start: int) -> tuple[int, int]:
    """Offsets of the answer block's braces, (-1, -1) when there is none (a description)."""
    opens = [i for i in range(start, len(block.text)) if block.text[i] == "{"]
    closes = [i for i in range(start, len(block.text)) if block.text[i] == "}"]
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
    extra = min(opens[1:] + closes[1:], default=-1)
    if extra >= 0:
        # Moodle would keep this as question text; it is nearly always a missing blank line.
        brace = block.text[extra]
        block.fail(
            extra,
            f"a second answer block ('{brace}' on line {block.line(extra)}): a "
            "question has only one. Separate questions with a blank line, or write "
            f"\\{brace} for a literal brace",
        )
    return opens[0], closes[0]


def _answers(block: _Block, start: int, end: int, inside: bool) -> tuple[QuestionType, Answers]:
    """Moodle's order of recognising the type, on the block's trimmed content."""
    content = block.text[start:end]
    if not content:
        return QuestionType.ESSAY, ()
    if content.startswith("#"):
        return QuestionType.NUMERICAL, _numerical(block, start + 1, end)
    if "~" in content:
        if "=" not in content:
            return QuestionType.MULTIPLE_CHOICE, _multiple(block, start, end)
        single = QuestionType.MISSING_WORD if inside else QuestionType.SINGLE_CHOICE
        return single, _single(block, start, end)
    if "=" in content and "->" in content:
        return QuestionType.MATCHING, _matching(block, start, end)
    hash_ = content.find("#")
    check = content[:hash_].strip(TRIM) if hash_ > 0 else content
    if check in _TRUE_FALSE:
        return QuestionType.TRUE_FALSE, _true_false(block, start, end, _TRUE_FALSE[check])
    if check.lower() in _TF_LOOKALIKES:
        block.warn(
            start,
            f"{{{check}}} is a short-answer question (learners must type "
            f"'{check}'); for true/false write {{TRUE}} or {{FALSE}} in capitals",
        )
    return QuestionType.SHORT_ANSWER, _short(block, start, end)


def _weight(block: _Block, start: int, end: int, default: float) -> tuple[float, int]:
    """A leading `%n%` weight as a fraction, and where the text after it starts."""
    match = _WEIGHT.match(block.text, start, end)
    if match is None:
        if block.text.startswith("%", start, end):
            block.warn(
                start,
                f"'{block.excerpt(start, end)}' starts with % but is not a "
                "weight like %50%, so the % is part of the text",
            )
        return default, start
    try:
        fraction = moodle_fraction(float(match[1]))
    except ValueError:  # "--5" passes Moodle's pattern but is no number (Moodle fails on it)
        block.fail(start, f"the weight {match[0]} on line {block.line(start)} is not a number")
    if fraction is None:
        allowed = ", ".join(format_number(p) for p in MOODLE_GRADE_PERCENTS)
        block.fail(
            start,
            f"the weight {match[0]} on line {block.line(start)} is not one Moodle "
            f"accepts; use one of {allowed} (each may have a minus sign)",
        )
    return fraction, match.end()


def _text_and_feedback(block: _Block, start: int, end: int) -> tuple[str, str | None]:
    hash_ = block.text.find("#", start, end)
    if hash_ < 0:
        return block.formatted(start, end), None
    return block.formatted(start, hash_), block.formatted(hash_ + 1, end) or None


def _choices(block: _Block, start: int, end: int) -> tuple[Choice, ...]:
    """Options of a choice block; like Moodle, every `=` starts a new (right) option."""
    choices = []
    for kind, begin, stop in block.split(start, end, "~="):
        marker = begin - 1 if kind else begin  # where an empty option is reported
        begin, stop = block.trim(begin, stop)
        if not kind and begin == stop:
            continue
        if not kind:
            block.warn(
                begin,
                f"'{block.excerpt(begin, stop)}' before the first ~ or = is read as a wrong option",
            )
        if kind == "=":
            fraction = 1.0
            if _WEIGHT.match(block.text, begin, stop):
                block.warn(
                    begin,
                    "a weight after = is not read: = always means 100 %; "
                    "write ~%50% for a partial weight",
                )
        else:
            fraction, begin = _weight(block, begin, stop, 0.0)
        text, feedback = _text_and_feedback(block, begin, stop)
        if text:
            choices.append(Choice(text, fraction, feedback))
        else:
            block.warn(marker, "an empty option (~ or = with no text) is left out")
    if len(choices) < 2:
        block.fail(
            block.brace,
            f"the choice question on line {block.line(block.brace)} needs at "
            f"least two options, it has {len(choices)}",
        )
    return tuple(choices)


def _single(block: _Block, start: int, end: int) -> tuple[Choice, ...]:
    choices = _choices(block, start, end)
    if not any(c.fraction == 1 for c in choices):
        # Only an empty "=" option gets here; Moodle would import a question nobody can get right.
        block.fail(
            block.brace,
            f"the choice question on line {block.line(block.brace)} has no "
            "right answer: the = option has no text",
        )
    return choices


def _multiple(block: _Block, start: int, end: int) -> tuple[Choice, ...]:
    """Check boxes: the marks of all ticked options are added, so warn of easy traps."""
    choices = _choices(block, start, end)
    positive = sum(c.fraction for c in choices if c.fraction > 0)
    if positive <= 0:
        block.warn(block.brace, "no option has a positive weight, so nobody can score")
    elif round(positive, 2) != 1:
        total = format_number(round(positive * 100, 5))
        block.warn(block.brace, f"the positive weights add up to {total} %, not 100 %")
    elif all(c.fraction >= 0 for c in choices) and any(c.fraction == 0 for c in choices):
        block.warn(
            block.brace,
            "no wrong option has a negative weight, so ticking every box gives full marks",
        )
    return choices


def _matching(block: _Block, start: int, end: int) -> tuple[MatchPair, ...]:
    items = [block.trim(b, e) for kind, b, e in block.split(start, end, "=")]
    if items[0][0] == items[0][1]:
        items.pop(0)
    if len(items) < 2:
        block.fail(
            block.brace,
            f"the matching question on line {block.line(block.brace)} needs "
            f"at least two pairs =left -> right, it has {len(items)}",
        )
    pairs = []
    for begin, stop in items:
        arrow = block.text.find("->", begin, stop)
        if arrow < 0:
            block.fail(
                begin,
                f"the matching item '{block.excerpt(begin, stop)}' on line "
                f"{block.line(begin)} has no '->'; write =left -> right",
            )
        right = block.plain(arrow + 2, stop)
        if not right:
            block.fail(
                begin, f"the matching pair on line {block.line(begin)} has nothing after '->'"
            )
        pairs.append(MatchPair(block.formatted(begin, arrow), right))
    if not any(p.question for p in pairs):
        block.fail(
            block.brace,
            f"the matching question on line {block.line(block.brace)} has "
            "only distractors (pairs with nothing left of '->')",
        )
    return tuple(pairs)


def _true_false(block: _Block, start: int, end: int, correct: bool) -> TrueFalse:
    first = block.text.find("#", start, end)
    if first < 0:
        return TrueFalse(correct)
    second = block.text.find("#", first + 1, end)
    if second < 0:
        return TrueFalse(correct, block.formatted(first + 1, end) or None)
    wrong = block.formatted(first + 1, second) or None
    return TrueFalse(correct, wrong, block.formatted(second + 1, end) or None)


def _short(block: _Block, start: int, end: int) -> tuple[Choice, ...]:
    answers = []
    for kind, begin, stop in block.split(start, end, "="):
        marker = begin - 1 if kind else begin
        begin, stop = block.trim(begin, stop)
        if not kind and begin == stop:
            continue
        fraction, begin = _weight(block, begin, stop, 1.0)
        text, feedback = _text_and_feedback(block, begin, stop)
        if text:
            answers.append(Choice(text, fraction, feedback))
        else:
            block.warn(marker, "an empty answer (= with no text) is left out")
    where = f"the short-answer question on line {block.line(block.brace)}"
    if not answers:
        block.fail(block.brace, f"{where} has no accepted answer; write e.g. {{=Berlin}}")
    if not any(a.fraction == 1 for a in answers):
        block.fail(
            block.brace,
            f"{where} has no answer worth 100 %; mark at least one answer with = and no weight",
        )
    return tuple(answers)


def _numerical(block: _Block, start: int, end: int) -> tuple[NumericalAnswer, ...]:
    tilde = block.text.find("~", start, end)
    stop_answers = end if tilde < 0 else tilde
    answers = []
    for kind, begin, stop in block.split(start, stop_answers, "="):
        begin, stop = block.trim(begin, stop)
        if not kind and begin == stop:
            continue
        fraction, begin = _weight(block, begin, stop, 1.0)
        spec, feedback = _text_and_feedback(block, begin, stop)
        answers.append(_number_answer(block, begin, spec, fraction, feedback))
    if not answers:
        block.fail(
            block.brace,
            f"the numerical question on line {block.line(block.brace)} has "
            "no number; write e.g. {#42}, {#42:0.5} or {#40..44}",
        )
    if not any(a.fraction == 1 for a in answers):
        block.warn(block.brace, "no answer of this numerical question is worth 100 %")
    if tilde >= 0:
        junk, feedback = _text_and_feedback(block, tilde + 1, end)
        if junk:
            block.warn(tilde, "text after ~ without # is ignored; write ~#feedback")
        answers.append(NumericalAnswer(None, 0.0, 0.0, feedback))
    return tuple(answers)


def _number_answer(
    block: _Block, offset: int, spec: str, fraction: float, feedback: str | None
) -> NumericalAnswer:
    dots = spec.find("..")
    if dots > 0:
        low = _number(block, offset, spec[:dots].strip(TRIM))
        high = _number(block, offset, spec[dots + 2 :].strip(TRIM))
        if low > high:
            block.fail(
                offset, f"the range {spec} on line {block.line(offset)} starts above where it ends"
            )
        return NumericalAnswer(None, 0.0, fraction, feedback, range_min=low, range_max=high)
    colon = spec.find(":")
    if colon <= 0:
        return NumericalAnswer(_number(block, offset, spec), 0.0, fraction, feedback)
    value = _number(block, offset, spec[:colon].strip(TRIM))
    tolerance = _number(block, offset, spec[colon + 1 :].strip(TRIM))
    if tolerance < 0:
        block.fail(offset, f"the tolerance in {spec} on line {block.line(offset)} is negative")
    return NumericalAnswer(value, tolerance, fraction, feedback)


def _number(block: _Block, offset: int, text: str) -> float:
    """A number as written in a GIFT file. Moodle turns a value that is no number into a
    wildcard that accepts every answer; Kompetenz refuses it instead."""
    where = f"on line {block.line(offset)}"
    if _NUMBER.fullmatch(text):
        value = float(text)
        if math.isfinite(value):
            return value
        block.fail(offset, f"the number {text} {where} is too large")
    if not text:
        block.fail(offset, f"an answer of the numerical question {where} has no number")
    if "," in text and _NUMBER.fullmatch(text.replace(",", ".", 1)):
        block.fail(
            offset,
            f"write {text} {where} with a decimal point, "
            f"{text.replace(',', '.', 1)}: GIFT files use a point, not a comma",
        )
    block.fail(offset, f"'{text[:40]}' {where} is not a number")
