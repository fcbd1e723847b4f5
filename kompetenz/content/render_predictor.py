"""A cheap proof that rendering a lesson would give `kompetenz content check` nothing to report.

Rendering a lesson (Python-Markdown and the sanitizer, `render.render_lesson`) costs about 8 ms;
the check needs only what it finds: missing images, broken links, HTML the sanitizer drops and
lessons over the complexity budget. `renders_cleanly` scans the text for everything that can
lead to one of those and answers True only when it can show that none can; on any doubt it
answers False and the checker renders the lesson as before. So it decides *whether* to render,
never *what* is reported, and the findings (with their lines) stay exactly those of the render.

What can produce a finding, and how the scan rules it out:

* Raw HTML, autolinks, the tags dropped with their content: all need a `<`, so a lesson with a
  `<` is rendered. Fenced code (its class is checked), footnotes and reference links (both
  need a `]:` definition) and the `[TOC]` marker are rendered too.
* Inline links and images: Python-Markdown takes a link's target from right after `](`, so
  every `](` must be followed by a plain target and `)`; the `[` that opens it is the nearest
  one before, with no bracket, backslash or backtick between. `![` makes it an image, which
  must be a file inside the module folder; a link must be a web link, an anchor or a lesson
  file (`render._LessonTreeprocessor._link`).
* Attributes the sanitizer refuses on Markdown's own output: heading ids (the `toc` extension
  makes them from the heading's text; one starting with `-` or longer than 100 characters is
  refused), `start` of an ordered list (at most three digits) and admonitions nested in other
  blocks (only those at the top level become boxes).

tests/content/test_check_quick.py compares this with the full render on generated lessons.
"""

from __future__ import annotations

import functools
import os
import re
import stat
import unicodedata
from collections.abc import Callable
from pathlib import Path

from markdown.extensions.toc import slugify

from kompetenz.content.render import WEB_SCHEMES, within_budget
from kompetenz.content.rendered import local_file, split_url

# Characters after which the scan does not try to follow Python-Markdown.
_RENDER_ANYWAY = ("<", "]:", "```", "~~~", "[TOC]", "\x02", "\x03")
# A target without blanks, quotes, brackets, escapes or entities: Markdown takes it verbatim.
_PLAIN_TARGET = re.compile(r"\]\(([\w./~:#?=+@%,;!$-]+)\)")
_BRACKET_TEXT_STOP = re.compile(r"[\[\]\\`]")
MAX_ALT_CHARS = 900  # the sanitizer allows 1,000 in an image's alt and title
# A list that starts at 1000 or more gets a `start` the sanitizer refuses (three digits at most).
_LONG_LIST_START = re.compile(r"(?:[ \t>*+:-]|\d+\.)*\d{4,}\.")
_LONG_LIST_START_AFTER_BREAK = re.compile(r"\n(?:[ \t>*+:-]|\d+\.)*\d{4,}\.")
# A line that may be the `===` or `---` under a setext heading, prefixes included (possessive:
# no backtracking on a long line of dashes).
_UNDERLINE = re.compile(r"\n([ \t>*+:.\d=-]++)(?=\n|\Z)")
# Where a block prefix (indent, quote, list item, definition) may hide the heading's start.
_BLOCK_PREFIX = re.compile(r"[\s>*+:-]|\d+\.")
# Relative paths that name the same file before and after resolving, unless a part is a link.
_PLAIN_PATH = re.compile(r"(?:[\w-][\w.-]*/)*[\w-][\w.-]*")
MAX_SLUG_CHARS = 90  # the sanitizer allows ids of 100; `toc` may add `_12` to make one unique
# Characters with a meaning in inline Markdown: a heading without them is its own text.
_INLINE_MARKUP = re.compile(r"[\\`*_\[\]!&<>]")


class FileLookup:
    """`rendered.local_file` for one module, remembered: its lessons name the same images and
    lessons again and again, and each look-up resolves every part of the path on the disk."""

    def __init__(self, module_folder: Path) -> None:
        self.module_folder = module_folder.resolve()
        self._found: dict[tuple[str, str], bool] = {}
        self._resolved_dirs: dict[Path, str | None] = {}

    def is_file(self, src: str, lesson_dir: Path) -> bool:
        key = (str(lesson_dir), src)
        found = self._found.get(key)
        if found is None:
            found = self._plain_file(src, lesson_dir) or (
                local_file(src, lesson_dir, self.module_folder) is not None
            )
            self._found[key] = found
        return found

    def _plain_file(self, src: str, lesson_dir: Path) -> bool:
        """A shortcut for the common case, True only where `local_file` is sure to agree:
        `bilder/x.png` below a lesson folder inside the module, every part a real folder or
        file (no link, no `..`), so resolving the path changes nothing after the folder."""
        if not _PLAIN_PATH.fullmatch(src):
            return False
        folder = self._resolved_dir(lesson_dir)
        if folder is None:
            return False
        *folders, name = src.split("/")
        try:
            for part in folders:
                folder = os.path.join(folder, part)
                if not _real(os.lstat(folder), stat.S_ISDIR):
                    return False
            return _real(os.lstat(os.path.join(folder, name)), stat.S_ISREG)
        except (OSError, ValueError):
            return False

    def _resolved_dir(self, lesson_dir: Path) -> str | None:
        if lesson_dir not in self._resolved_dirs:
            try:
                resolved: Path | None = lesson_dir.resolve()
            except (OSError, ValueError):
                resolved = None
            inside = resolved is not None and resolved.is_relative_to(self.module_folder)
            self._resolved_dirs[lesson_dir] = str(resolved) if inside else None
        return self._resolved_dirs[lesson_dir]


def _real(info: os.stat_result, kind: Callable[[int], bool]) -> bool:
    """Of that kind and no link (nor, on Windows, a junction or other reparse point)."""
    return kind(info.st_mode) and not getattr(info, "st_reparse_tag", 0)


def renders_cleanly(text: str, lesson_path: Path, files: FileLookup) -> bool:
    """True only if `render_lesson(text, lesson_path, module_folder)` reports nothing."""
    if any(piece in text for piece in _RENDER_ANYWAY):
        return False
    if "\r" in text:  # Markdown's own line breaks, so that lines are the lines it sees
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return (
        _lists_start_below_1000(text)
        and within_budget(text)
        and _boxes_at_top_level(text)
        and _headings_have_valid_ids(text)
        and _targets_resolve(text, lesson_path.parent, files)
    )


def _lists_start_below_1000(text: str) -> bool:
    """No line starts (after the prefixes of lists and quotes) with a number of 4 digits and a
    dot. The pattern starts with the line break, which the regular expression engine finds
    fast; the first line is matched on its own."""
    return not (_LONG_LIST_START.match(text) or _LONG_LIST_START_AFTER_BREAK.search(text))


def _boxes_at_top_level(text: str) -> bool:
    """Every line with a `!!!` starts with it. A box inside another block becomes a table
    today as well; this keeps the shortcut independent of how the renderer walks the tree."""
    at = text.find("!!!")
    while at >= 0:
        if at and text[at - 1] != "\n":
            return False
        at = text.find("!!!", _line_end(text, at))
    return True


def _headings_have_valid_ids(text: str) -> bool:
    """Every line that may be a heading, as `# …` or above a `===`/`---` line, gets an id the
    sanitizer accepts. A `#` anywhere in a line counts: prefixes like `> ` or `- ` hold none.
    Above an underline the whole line is the heading, so a line that may start with a prefix
    (whose removal could leave a heading like `-x`) is left to the render."""
    at = text.find("#")
    while at >= 0:
        end = _line_end(text, at)
        if not _valid_slug_source(text[at:end].lstrip("#")):
            return False
        at = text.find("#", end)
    for underline in _UNDERLINE.finditer(text):
        if "-" in underline[1] or "=" in underline[1]:
            above = text[text.rfind("\n", 0, underline.start()) + 1 : underline.start()]
            if above.strip() and (_BLOCK_PREFIX.match(above) or not _valid_slug_source(above)):
                return False
    return True


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


@functools.lru_cache(maxsize=4096)  # "Kurz gesagt", "Beispiel" … come back in every lesson
def _valid_slug_source(heading: str) -> bool:
    """Whether `toc`'s slug of a heading with this text is an id the sanitizer accepts.

    A heading without inline markup is its own text, so its slug is computed exactly (an empty
    one becomes `_1`, which is valid). Otherwise: the slug keeps ASCII letters, digits, `_` and
    `-` of the NFKD form, so it is no longer than that form, and it starts with the heading's
    first character when that is a letter or digit, which inline Markdown keeps.
    """
    stripped = heading.strip()
    if not _INLINE_MARKUP.search(stripped):
        slug = slugify(stripped, "-")
        return len(slug) <= MAX_SLUG_CHARS and not slug.startswith("-")
    ascii_form = unicodedata.normalize("NFKD", stripped).encode("ascii", "ignore")
    return ascii_form[:1].isalnum() and len(ascii_form) <= MAX_SLUG_CHARS


def _targets_resolve(text: str, lesson_dir: Path, files: FileLookup) -> bool:
    plain = {match.start(): match[1] for match in _PLAIN_TARGET.finditer(text)}
    at = text.find("](")
    while at >= 0:
        target = plain.get(at)
        if target is None:
            return False
        opening = text.rfind("[", 0, at)
        if opening < 0:
            return False
        between = text[opening + 1 : at]
        if len(between) > MAX_ALT_CHARS or _BRACKET_TEXT_STOP.search(between):
            return False
        before = text[max(0, opening - 2) : opening]
        if before.endswith("\\") or before == "\\!":
            return False
        image = before.endswith("!")
        if not (_image_ok if image else _link_ok)(target, lesson_dir, files):
            return False
        at = text.find("](", at + 2)
    return True


def _image_ok(src: str, lesson_dir: Path, files: FileLookup) -> bool:
    return files.is_file(src, lesson_dir)


def _link_ok(href: str, lesson_dir: Path, files: FileLookup) -> bool:
    """`render._LessonTreeprocessor._link` keeps the link, and the sanitizer keeps its href."""
    parts = split_url(href)
    if parts is None:
        return False
    if parts.scheme in WEB_SCHEMES:
        return True
    if href.startswith("#"):
        return len(href) > 1  # a bare '#' is refused by the sanitizer
    return not parts.scheme and parts.path.endswith(".md") and files.is_file(parts.path, lesson_dir)
