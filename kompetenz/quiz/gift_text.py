"""The text level of the GIFT reader: lines and blocks, comments, escapes, format markers, titles.

An escaped character becomes a private-use placeholder while a block is taken apart, so the
structural characters left in it are exactly the unescaped ones; `resolve_escapes` turns the
placeholders back into text once a part has been cut out.
"""

from __future__ import annotations

import functools
import re
from typing import NoReturn

FORMATS = ("moodle", "html", "plain", "markdown")
LINE_BREAK = re.compile(r"\r\n|\r|\n")
TRIM = " \t\n\r\0\x0b"  # what PHP's trim() removes; a no-break space is text
_TAG = re.compile(r"<[^>]*>")

# An escaped character becomes a private-use placeholder until the block is taken apart.
# A private-use character already in the text is protected by _LITERAL so it survives.
_ESCAPABLE = "\\:#={}~n"
_PLACEHOLDER = {c: chr(0xE000 + i) for i, c in enumerate(_ESCAPABLE)}
_RESOLVED = {p: ("\n" if c == "n" else c) for c, p in _PLACEHOLDER.items()}
_LITERAL = "\ue00f"
_ENCODE = re.compile(r"\\([\\:#={}~n])|([\ue000-\ue00f])")
_DECODE = re.compile("\ue00f(.)|([\ue000-\ue00e])", re.DOTALL)


def _has_private_use(text: str) -> bool:
    """Whether `text` may hold a placeholder or protected character (U+E000 to U+E00F); `max`
    runs in C, so this is much cheaper than a regular expression on every line."""
    return bool(text) and max(text) >= "\ue000"


class GiftError(Exception):
    """A GIFT text Moodle would not import; `str()` gives `source:line: message`."""

    def __init__(self, source: str, line: int, message: str) -> None:
        super().__init__(f"{source}:{line}: {message}")
        self.source = source
        self.line = line
        self.message = message


def encode_escapes(line: str) -> str:
    if "\\" not in line and not _has_private_use(line):
        return line  # nothing to encode (most lines): skip the regular expression

    def placeholder(match: re.Match[str]) -> str:
        return _PLACEHOLDER[match[1]] if match[1] else _LITERAL + match[2]

    return _ENCODE.sub(placeholder, line)


def resolve_escapes(text: str) -> str:
    if not _has_private_use(text):
        return text
    return _DECODE.sub(lambda m: m[1] if m[1] is not None else _RESOLVED.get(m[2], m[2]), text)


def split_format(raw: str, default: str) -> tuple[str, str]:
    """Moodle's `[html]`-style marker at the start of a text part, and the text itself."""
    end = raw.find("]")
    if end > 0 and raw.startswith("[") and raw[1:end] in FORMATS:
        return raw[1:end], resolve_escapes(raw[end + 1 :]).strip(TRIM)
    return default, resolve_escapes(raw).strip(TRIM)


class Block:
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
        for found in _separator_pattern(separators).finditer(self.text, start, end):
            i = found.start()
            pieces.append((kind, start, i))
            kind, start = found[0], i + 1
        pieces.append((kind, start, end))
        return pieces


@functools.cache
def _separator_pattern(separators: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(separators)}]")


def split_blocks(text: str) -> list[tuple[list[int], list[str]]]:
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


def read_title(block: Block) -> tuple[str | None, int]:
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
