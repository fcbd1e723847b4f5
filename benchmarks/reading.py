"""Opening a long lesson: read, render Markdown, `QTextBrowser.setHtml`, layout and paint."""

from __future__ import annotations

import random
import time
from pathlib import Path

from benchmarks.gen_content import lesson_markdown, png_bytes
from benchmarks.results import Figure, median


def make_lesson(folder: Path, words: int) -> Path:
    """A lesson of `words` words with a table, an image and a box every ~400 words."""
    images = []
    (folder / "bilder").mkdir(parents=True, exist_ok=True)
    for number in range(4):
        name = f"bilder/abbildung-{number}.png"
        (folder / name).write_bytes(png_bytes(640, 360, seed=number * 60))
        images.append(name)
    path = folder / "01-lange-lektion.md"
    text = lesson_markdown(random.Random(7), "Eine lange Lektion", words, None, tuple(images))
    path.write_text(text, encoding="utf-8")
    return path


def _lesson_style() -> str:
    """The lesson page's style sheet, so tables and boxes lay out as in the app (its name has
    changed before; without it the figure is still measured, a little too low)."""
    from kompetenz.ui import lesson_page

    if callable(getattr(lesson_page, "lesson_css", None)):
        return str(lesson_page.lesson_css(False))
    return str(getattr(lesson_page, "LESSON_CSS", ""))


def run(workdir: Path, quick: bool) -> list[Figure]:
    from PySide6.QtWidgets import QApplication, QTextBrowser

    from kompetenz.content.loader import read_lesson_text
    from kompetenz.content.render import render_lesson

    app = QApplication.instance() or QApplication([])
    words = 500 if quick else 5000
    folder = workdir / "reading" / "lange-lektion"
    path = make_lesson(folder, words)
    word_count = len(path.read_text(encoding="utf-8").split())
    browser = QTextBrowser()
    browser.document().setDefaultStyleSheet(_lesson_style())
    browser.resize(1100, 640)
    browser.show()
    app.processEvents()

    parts: dict[str, list[float]] = {"render": [], "qt": [], "total": []}

    def open_lesson() -> None:
        begin = time.perf_counter()
        html = render_lesson(read_lesson_text(path), path, folder).html
        rendered = time.perf_counter()
        browser.setHtml(html)
        browser.document().size()  # lays out the whole document, as the scroll bar needs it
        browser.viewport().grab()  # and paints the visible part
        done = time.perf_counter()
        parts["render"].append((rendered - begin) * 1000)
        parts["qt"].append((done - rendered) * 1000)
        parts["total"].append((done - begin) * 1000)

    repeats = 3 if quick else 11
    for _ in range(repeats):
        open_lesson()
    first = parts["total"][0]
    later = parts["total"][1:]
    browser.close()
    browser.deleteLater()
    app.processEvents()
    return [
        Figure(
            "Reading: open a 5,000-word lesson",
            median(later),
            50.0,
            "ms",
            f"{word_count:,} words, {words // 400 or 1} tables + images; median of {len(later)} "
            f"(first open {first:.0f} ms): Markdown {median(parts['render'][1:]):.0f} ms, "
            f"setHtml + layout + paint {median(parts['qt'][1:]):.0f} ms",
            parts["total"],
        )
    ]
