"""Lesson Markdown to the HTML the lesson view shows.

Lessons come from trainers and, via content packs, from strangers, so rendering is strict:
raw HTML is shown as text instead of being interpreted, images load only from inside the
module folder, and links are either other lessons (`lesson:` URLs), web links the learner
may click, or nothing.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urlsplit

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

LESSON_SCHEME = "lesson"
WEB_SCHEMES = frozenset({"http", "https", "mailto"})
BOX_LABELS = {
    "note": "ℹ Hinweis", "tip": "✔ Tipp", "warning": "⚠ Achtung",
    "danger": "⛔ Vorsicht", "example": "✎ Übung",
}
_EXTENSIONS = ["tables", "fenced_code", "footnotes", "def_list", "admonition", "sane_lists",
               "toc"]


@dataclass
class RenderedLesson:
    html: str
    missing_images: list[str] = field(default_factory=list)
    broken_links: list[str] = field(default_factory=list)


class _LessonTreeprocessor(Treeprocessor):
    def __init__(self, md: markdown.Markdown, module_folder: Path, lesson_dir: Path,
                 result: RenderedLesson) -> None:
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
        return img

    def _link(self, anchor: ET.Element) -> None:
        href = anchor.get("href", "")
        parts = urlsplit(href)
        if parts.scheme in WEB_SCHEMES or href.startswith("#"):
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
        parts = urlsplit(src)
        if parts.scheme or parts.netloc or not parts.path:
            return None
        relative = PurePosixPath(unquote(parts.path))
        if relative.is_absolute():
            return None
        target = (self.lesson_dir / Path(*relative.parts)).resolve()
        if not target.is_relative_to(self.module_folder) or not target.is_file():
            return None
        return target


class _LessonExtension(Extension):
    def __init__(self, module_folder: Path, lesson_dir: Path, result: RenderedLesson,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.module_folder = module_folder
        self.lesson_dir = lesson_dir
        self.result = result

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API)
        # Raw HTML is escaped, not interpreted: no scripts, forms or hidden text from a pack.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(
            _LessonTreeprocessor(md, self.module_folder, self.lesson_dir, self.result),
            "kompetenz_lesson", 1,
        )


def render_lesson(text: str, lesson_path: Path, module_folder: Path) -> RenderedLesson:
    result = RenderedLesson(html="")
    md = markdown.Markdown(
        extensions=[*_EXTENSIONS, _LessonExtension(module_folder, lesson_path.parent, result)],
        output_format="html",
    )
    result.html = md.convert(text)
    return result
