"""Lesson Markdown to the HTML the lesson view shows.

Lessons come from trainers and, via content packs, from strangers, so rendering is strict:
raw HTML is cut down to a small safe subset (`sanitize.py`: bold, italics, `<abbr>`, `<kbd>` …;
no scripts, styles, frames, forms or event handlers), images load only from inside the module
folder, and links are either other lessons (`lesson:` URLs), web links the learner may click,
or nothing. The finished HTML passes the sanitizer once more as a whole, so that no Markdown
extension can let anything else through to Qt.
"""

from __future__ import annotations

import bisect
import re
import xml.etree.ElementTree as ET
from html import escape, unescape
from pathlib import Path
from typing import Any
from urllib.parse import SplitResult, unquote

import markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.postprocessors import RawHtmlPostprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

from kompetenz.content.rendered import RenderedLesson, local_file, split_url
from kompetenz.content.sanitize import DROP_WITH_CONTENT, sanitize_document, sanitize_fragment

LESSON_SCHEME = "lesson"
WEB_SCHEMES = frozenset({"http", "https", "mailto"})
BOX_LABELS = {
    "note": "ℹ Hinweis",
    "tip": "✔ Tipp",
    "warning": "⚠ Achtung",
    "danger": "⛔ Vorsicht",
    "example": "✎ Übung",
}
# Budget for one lesson; see `within_budget`.
MAX_MARKDOWN_CHARS = 300_000
MAX_MARKUP_CHARS = 3_000
MAX_BRACKETS = 500
MAX_INDENT = 64  # leading blanks of a line: deeply nested lists are slow too
_MARKUP = re.compile(r"[*_\[\]<>!&`|#~^]")
TOO_COMPLEX_NOTICE = (
    "Diese Lektion ist zu aufwendig formatiert und wird deshalb als einfacher Text gezeigt."
)
_EXTENSIONS = ["tables", "fenced_code", "footnotes", "def_list", "admonition", "sane_lists", "toc"]


class _LessonTreeprocessor(Treeprocessor):  # type: ignore[misc,unused-ignore]
    def __init__(
        self, md: markdown.Markdown, module_folder: Path, lesson_dir: Path, result: RenderedLesson
    ) -> None:
        super().__init__(md)
        self.module_folder = module_folder.resolve()
        self.lesson_dir = lesson_dir
        self.result = result

    def run(self, root: ET.Element) -> None:
        for parent in root.iter():
            for index, child in enumerate(list(parent)):
                if child.tag == "img":
                    parent[index] = self._image(child)
                elif child.tag == "a":
                    self._link(child)
                elif child.tag == "div" and "admonition" in child.get("class", ""):
                    parent[index] = self._box(child)

    def _image(self, img: ET.Element) -> ET.Element:
        src = img.get("src", "")
        alt = img.get("alt", "")
        target = self._local_file(src)
        if target is None:
            self.result.missing_images.append(src)
            placeholder = ET.Element("em")
            placeholder.text = f"[Bild nicht verfügbar: {alt or src}]"
            return placeholder
        img.set("src", target.as_uri())
        img.set("title", alt)
        self.result.image_uris.add(target.as_uri())
        return img

    def _link(self, anchor: ET.Element) -> None:
        # Markdown writes e-mail autolinks (<a@b.de>) as entities; read them as the browser would.
        href = unescape(anchor.get("href", "").replace(AMP_SUBSTITUTE, "&"))
        parts = split_url(href)
        if parts is None:  # not even a URL
            parts = SplitResult("invalid", "", "", "", "")
        if parts.scheme in WEB_SCHEMES or href.startswith("#"):
            anchor.set("href", href)
            return
        if not parts.scheme and parts.path.endswith(".md") and self._local_file(parts.path):
            fragment = f"#{parts.fragment}" if parts.fragment else ""
            anchor.set("href", f"{LESSON_SCHEME}:{unquote(parts.path)}{fragment}")
            return
        self.result.broken_links.append(href)
        anchor.attrib.pop("href", None)

    def _box(self, div: ET.Element) -> ET.Element:
        """Admonitions become a one-cell table: Qt's rich text draws table cells with a
        background and border, which it does not do for a div."""
        kind = next((c for c in div.get("class", "").split() if c in BOX_LABELS), "note")
        table = ET.Element("table", {"class": f"box {kind}", "width": "100%", "cellpadding": "10"})
        cell = ET.SubElement(ET.SubElement(table, "tr"), "td")
        for child in list(div):
            if child.tag == "p" and "admonition-title" in child.get("class", ""):
                title = ET.SubElement(cell, "p", {"class": "box-title"})
                strong = ET.SubElement(title, "strong")
                # The symbol and the word carry the meaning; the colour only repeats it.
                strong.text = f"{BOX_LABELS[kind].split()[0]} {child.text or ''}".strip()
            else:
                cell.append(child)
        return table

    def _local_file(self, src: str) -> Path | None:
        target = local_file(src, self.lesson_dir, self.module_folder)
        self.result.looked_up[src] = None if target is None else str(target)
        return target


class _DropDangerousInline(InlineProcessor):  # type: ignore[misc,unused-ignore]
    """`x <script>…</script> y` inside a paragraph: Markdown would hand over the two tags as
    separate pieces and leave the code between them as text; drop the whole element instead.

    The closing tags of the text being scanned are found once, not once per opening tag, so
    a paragraph of a thousand unclosed `<script>` stays linear.
    """

    def __init__(self, md: markdown.Markdown, result: RenderedLesson) -> None:
        names = "|".join(sorted(DROP_WITH_CONTENT))
        super().__init__(rf"(?i)<({names})\b[^>]*>", md)
        self.result = result
        self._scanned: str | None = None
        self._closings: dict[str, list[int]] = {}

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[str | None, int | None, int | None]:
        tag = m.group(1).lower()
        if data is not self._scanned:
            self._scanned, self._closings = data, {}
        if tag not in self._closings:
            closing = re.compile(rf"</{tag}\s*>", re.IGNORECASE)
            self._closings[tag] = [found.end() for found in closing.finditer(data)]
        ends = self._closings[tag]
        index = bisect.bisect_left(ends, m.end())
        if index == len(ends):
            return None, None, None  # unclosed: the sanitizer drops the lone tag
        if f"<{tag}>" not in self.result.removed_html:
            self.result.removed_html.append(f"<{tag}>")
        return self.md.htmlStash.store(""), m.start(0), ends[index]


class _SanitizingRawHtml(RawHtmlPostprocessor):  # type: ignore[misc,unused-ignore]
    """Markdown's own step that puts raw HTML back, cutting each piece down first."""

    def __init__(self, md: markdown.Markdown, result: RenderedLesson) -> None:
        super().__init__(md)
        self.result = result

    def stash_to_string(self, text: str) -> str:
        cleaned = sanitize_fragment(str(text))
        self.result.removed_html.extend(
            r for r in cleaned.removed if r not in self.result.removed_html
        )
        return cleaned.html


class _LessonExtension(Extension):  # type: ignore[misc,unused-ignore]
    def __init__(
        self, module_folder: Path, lesson_dir: Path, result: RenderedLesson, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.module_folder = module_folder
        self.lesson_dir = lesson_dir
        self.result = result

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        # Raw HTML (and what extensions stash, like code blocks) is sanitized as it is put back.
        md.postprocessors.register(_SanitizingRawHtml(md, self.result), "raw_html", 30)
        md.inlinePatterns.register(_DropDangerousInline(md, self.result), "kompetenz_drop", 95)
        md.treeprocessors.register(
            _LessonTreeprocessor(md, self.module_folder, self.lesson_dir, self.result),
            "kompetenz_lesson",
            1,
        )


def render_lesson(text: str, lesson_path: Path, module_folder: Path) -> RenderedLesson:
    result = RenderedLesson(html="")
    if not within_budget(text):
        result.too_complex = True
        result.html = _plain_text(text)
        return result
    md = markdown.Markdown(
        extensions=[*_EXTENSIONS, _LessonExtension(module_folder, lesson_path.parent, result)],
        extension_configs={"tables": {"use_align_attribute": True}},  # no style attributes
        output_format="html",
    )
    final = sanitize_document(md.convert(text), result.image_uris)
    result.html = final.html
    result.removed_html.extend(r for r in final.removed if r not in result.removed_html)
    return result


def within_budget(text: str) -> bool:
    """Whether Python-Markdown can render `text` in well under a second.

    Some of its patterns take quadratic or worse time on hostile input (100 KB of `[` runs for
    minutes), which would freeze the lesson view. The course's own lessons use about 2 % of
    these limits.
    """
    return (
        len(text) <= MAX_MARKDOWN_CHARS
        and len(_MARKUP.findall(text)) <= MAX_MARKUP_CHARS
        and text.count("[") <= MAX_BRACKETS
        and all(len(line) - len(line.lstrip()) <= MAX_INDENT for line in _expanded_lines(text))
    )


def _expanded_lines(text: str) -> list[str]:
    return text.expandtabs(4).splitlines()


def _plain_text(text: str) -> str:
    paragraphs = "".join(
        f"<p>{escape(part)}</p>" for part in re.split(r"\n\s*\n", text) if part.strip()
    )
    return f"<p><em>{TOO_COMPLEX_NOTICE}</em></p>{paragraphs}"
