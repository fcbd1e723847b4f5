"""Opening a long lesson on the real lesson page, as the learner does.

`LessonPage.show_lesson` with the page's own style sheet, images, render cache and document
swap, followed by what the learner waits for: the whole document laid out (the scroll bar needs
its height) and the visible part painted. One module of several 5,000-word lessons, four
images each; the page 1,100 × 640 at the default text size.

The headline is the honest worst case in a running app: a lesson opened for the first time
since it changed, so Markdown runs. The notes add the other cases a learner meets:
* cached: the lesson was rendered before (in memory this session, or on disk from an earlier
  one), so only Qt's part is left;
* next: "Next lesson" after the page rendered and built it while the previous one was read;
* first open in the process: nothing imported or cached yet (Markdown's import included);
* first screen: when the first screen is painted, before Qt has laid out the rest.
"""

from __future__ import annotations

import random
import shutil
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from benchmarks.gen_content import lesson_markdown, png_bytes
from benchmarks.results import Figure, median

LESSONS = 4


def make_lesson(folder: Path, words: int, number: int = 1) -> Path:
    """A lesson of `words` words with a table, an image and a box every ~400 words."""
    images = []
    (folder / "bilder").mkdir(parents=True, exist_ok=True)
    for image in range(4):
        name = f"bilder/abbildung-{image}.png"
        if not (folder / name).exists():
            (folder / name).write_bytes(png_bytes(640, 360, seed=image * 60))
        images.append(name)
    path = folder / f"{number:02d}-lange-lektion.md"
    title = "Eine lange Lektion" + ("" if number == 1 else f" {number}")
    text = lesson_markdown(random.Random(7 * number), title, words, None, tuple(images))
    path.write_text(text, encoding="utf-8")
    return path


def _module(folder: Path, words: int) -> Any:
    from kompetenz.content.model import Lesson, Module, QuizSettings

    paths = [make_lesson(folder, words, number) for number in range(1, LESSONS + 1)]
    lessons = tuple(Lesson("lange", p.name, p.parent, f"Lektion {i + 1}") for i, p in enumerate(paths))
    return Module(
        "lange", "1", "Lange Lektionen", "", (), 60, 1.0, date(2026, 1, 1), (), lessons,
        QuizSettings(), folder, "de",
    )  # fmt: skip


class _Timer:
    """Times one open: the render (Markdown or cache), and what Qt does after it."""

    def __init__(self, app: Any, page: Any) -> None:
        self.app, self.page = app, page
        self.render_ms = 0.0
        self.samples: dict[str, list[float]] = {}
        self.prepared: list[str] = []
        page.next_lesson_prepared.connect(self.prepared.append)

    def timed_cache(self, cache: Any) -> Any:
        """`cache` with its `render` timed; the page is given it as its `renders`."""
        plain_render = cache.render

        def render(*args: Any) -> Any:
            begin = time.perf_counter()
            try:
                return plain_render(*args)
            finally:
                self.render_ms = (time.perf_counter() - begin) * 1000

        cache.render = render
        return cache

    def open(self, case: str, module: Any, lesson: Any) -> None:
        """Open `lesson`, then let the page prepare the next one, as it does while read."""
        view = self.page.view
        begin = time.perf_counter()
        self.page.show_lesson(module, lesson, False, "")
        view.viewport().grab()  # the first screen, painted
        first_screen = time.perf_counter()
        view.document().size()  # the rest laid out, as Qt does in idle steps (the scroll bar)
        done = time.perf_counter()
        for part, value in (
            ("total", (done - begin) * 1000),
            ("render", self.render_ms),
            ("qt", (done - begin) * 1000 - self.render_ms),
            ("screen", (first_screen - begin) * 1000),
        ):
            self.samples.setdefault(f"{case}:{part}", []).append(value)
        self.settle(module, lesson)

    def settle(self, module: Any, lesson: Any) -> None:
        """Wait until the page has prepared the lesson after `lesson`, if there is one."""
        index = module.lesson_index(lesson.file_name)
        if index + 1 < len(module.lessons):
            upcoming = module.lessons[index + 1].file_name
            _wait(self.app, lambda: upcoming in self.prepared)
        self.prepared.clear()

    def median(self, case: str, part: str = "total", skip: int = 0) -> float:
        return median(self.samples[f"{case}:{part}"][skip:])


def _wait(app: Any, ready: Callable[[], bool], seconds: float = 10.0) -> None:
    deadline = time.perf_counter() + seconds
    while not ready() and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.001)


def run(workdir: Path, quick: bool) -> list[Figure]:
    from PySide6.QtWidgets import QApplication

    from kompetenz.content.render_cache import RenderCache
    from kompetenz.ui.lesson_page import LessonPage

    app = QApplication.instance() or QApplication([])
    words = 500 if quick else 5000
    module = _module(workdir / "reading" / "lange-lektionen", words)
    first = module.lessons[0]
    word_count = len(first.path.read_text(encoding="utf-8").split())
    data = workdir / "reading" / "data"
    page = LessonPage(cache_dir=data)
    page.resize(1100, 640)
    page.show()
    app.processEvents()
    timer = _Timer(app, page)
    repeats = 3 if quick else 10

    # First open in the process: empty cache folder, Markdown not imported (unless an earlier
    # section did).
    page.renders = timer.timed_cache(RenderCache(data))
    timer.open("cold", module, first)

    for _ in range(repeats):  # opened for the first time since it changed: Markdown runs
        shutil.rmtree(data, ignore_errors=True)
        page.renders = timer.timed_cache(RenderCache(data))
        timer.open("miss", module, first)
    for _ in range(repeats):  # rendered in an earlier session: from the files
        page.renders = timer.timed_cache(RenderCache(data))
        timer.open("disk", module, first)
    for _ in range(repeats):  # rendered earlier this session
        timer.open("memory", module, first)
    for number in range(repeats):  # "Next" after reading the lesson before
        shutil.rmtree(data, ignore_errors=True)
        page.renders = timer.timed_cache(RenderCache(data))
        lesson = module.lessons[number % (LESSONS - 1)]
        upcoming = module.lessons[number % (LESSONS - 1) + 1]
        page.show_lesson(module, lesson, False, "")
        timer.settle(module, lesson)
        timer.open("next", module, upcoming)
    page.close()
    page.deleteLater()
    app.processEvents()

    t = timer
    note = (
        f"{word_count:,} words, {words // 400 or 1} tables + images, real lesson page; "
        f"opened for the first time (median of {repeats}): Markdown {t.median('miss', 'render'):.0f}"
        f" ms + Qt {t.median('miss', 'qt'):.0f} ms (first screen at "
        f"{t.median('miss', 'screen'):.0f} ms); rendered before: {t.median('disk'):.0f} ms "
        f"from disk ({t.median('disk', 'render'):.1f} ms of it reading the cache), "
        f"{t.median('memory'):.0f} ms from memory; 'Next' built ahead: {t.median('next'):.0f} ms "
        f"(first screen {t.median('next', 'screen'):.0f} ms); first open in the process "
        f"{t.samples['cold:total'][0]:.0f} ms (Markdown incl. import "
        f"{t.samples['cold:render'][0]:.0f} ms)"
    )
    return [
        Figure(
            "Reading: open a 5,000-word lesson",
            t.median("miss"),
            50.0,
            "ms",
            note,
            t.samples["miss:total"],
        )
    ]
