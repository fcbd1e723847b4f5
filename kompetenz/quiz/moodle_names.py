"""The name Moodle gives a GIFT question that has no `::title::`.

Moodle's GIFT importer (`question/format/gift/format.php`) calls
`create_default_question_name()` (`question/format.php`): the question text (format prefix
removed, escapes resolved, a missing word shown as `_____`) goes through `shorten_text($text, 80)`
(`lib/moodlelib.php`) and then `clean_question_name()`, which strips HTML tags and trims. An
exported question carries that name, so Moodle shows the same name for the XML as for the GIFT.

`shorten_text` in short: a text of at most 80 characters (tags not counted) stays whole.
A longer one is cut so that, with "..." appended, it has at most 80 characters; the cut moves
back to just after the last space or full stop, or after a character of three or more UTF-8 bytes
(Moodle's rule for Chinese, Japanese and Korean, which also catches "–" and "€"). If there is
none, the cut stays where it was. An HTML entity such as `&amp;` counts as one character.
Line breaks are kept; they are no place to cut.
"""

from __future__ import annotations

import re

IDEAL_LENGTH = 80
ENDING = "..."

_TAG_PAIR = re.compile(r"<.*?>")  # how shorten_text measures the plain text (no re.S, as in PHP)
_CHUNKS = re.compile(r"(<.+?>)?([^<>]*)", re.S)
_ENTITY = re.compile(r"&[0-9a-z]{2,8};|&#[0-9]{1,7};|&#x[0-9a-f]{1,6};", re.I)
# PHP's strip_tags: "<" followed by white space is text, anything else opens a tag up to ">".
_STRIP_TAG = re.compile(r"<(?![\s<])[^>]*(?:>|$)", re.S)
_PHP_TRIM = " \t\n\r\0\x0b"


def moodle_default_name(question_text: str, fallback: str) -> str:
    """The name Moodle makes for an untitled question; `fallback` if that comes out empty."""
    name = _STRIP_TAG.sub("", shorten_text(question_text)).strip(_PHP_TRIM)
    return name or fallback


def shorten_text(text: str, ideal: int = IDEAL_LENGTH, ending: str = ENDING) -> str:
    """Moodle's `shorten_text($text, $ideal)` with words kept whole; tags pass uncounted."""
    if len(_TAG_PAIR.sub("", text)) <= ideal:
        return text
    total = len(ending)
    kept: list[str] = []
    for match in _CHUNKS.finditer(text):
        kept.append(match.group(1) or "")
        chunk = match.group(2)
        length = len(_ENTITY.sub(" ", chunk))
        if total + length > ideal:
            kept.append(chunk[: _break_position(chunk, ideal - total)])
            break
        kept.append(chunk)
        total += length
        if total >= ideal:
            break
    return "".join(kept) + ending


def _break_position(chunk: str, left: int) -> int:
    """Where Moodle cuts `chunk` when `left` characters still fit."""
    entity_chars = 0
    for entity in _ENTITY.finditer(chunk):
        # PHP reports the entity's offset in bytes, and Moodle compares it as it is.
        offset = len(chunk[: entity.start()].encode("utf-8"))
        if offset + 1 - entity_chars > left:
            break
        left -= 1
        entity_chars += len(entity.group())
    limit = left + entity_chars
    position = limit
    while position > 0:
        char = chunk[position : position + 1]
        # In PHP "" and "0" are false, so neither is ever a place to cut.
        breakable = char in (".", " ") or len(char.encode("utf-8")) > 2
        if char and char != "0" and breakable:
            position += 1
            break
        position -= 1
    if position == 0 or position > limit:
        return limit
    return position
