"""The big course: `kompetenz content check` over all of it, and search as you type.

(Start-up with the big course is measured with the other start-ups in `startup.py`.)
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.gen_content import generate_course
from benchmarks.results import Figure, percentile

# What a learner types into the search field, one keystroke at a time.
TYPED_QUERIES = (
    "Sprachmodell Datenschutz",
    "künstliche Intelligenz",
    "Halluzination",
    "Elternbrief prüfen",
    "Lektion 17",
    "Schülerinnen und Schüler",
)


@dataclass(frozen=True)
class CourseSize:
    modules: int
    lessons: int
    questions: int

    def __str__(self) -> str:
        return f"{self.modules} × {self.lessons} lessons × {self.questions} questions"


FULL = CourseSize(500, 20, 30)
QUICK = CourseSize(6, 4, 9)


def generate(workdir: Path, size: CourseSize) -> tuple[Path, float]:
    began = time.perf_counter()
    content = generate_course(workdir / "big-course", size.modules, size.lessons, size.questions)
    return content, time.perf_counter() - began


def content_check(content: Path, size: CourseSize, timeout_s: float) -> Figure:
    """The real command in a fresh process, as a trainer runs it."""
    name = "Big course: content check"
    began = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "kompetenz", "content", "check", str(content)],
            capture_output=True,
            text=True,
            timeout=timeout_s,
        )
    except subprocess.TimeoutExpired:
        return Figure(
            name,
            timeout_s,
            10.0,
            "s",
            f"stopped after {timeout_s:.0f} s (the value is a lower bound); {size}",
        )
    elapsed = time.perf_counter() - began
    summary = (done.stdout.strip().splitlines() or [""])[-1]
    if done.returncode != 0:
        summary = f"exit {done.returncode}: {(done.stdout + done.stderr).strip()[-300:]}"
    cores = os.cpu_count() or 1
    return Figure(name, elapsed, 10.0, "s", f"{size}; cold, {cores} cores; {summary}")


def search(content: Path) -> list[Figure]:
    build_name = "Big course: search index build"
    name = "Big course: search as you type (p95)"
    try:
        from kompetenz.learning.search import SearchIndex
    except ImportError as error:
        reason = f"not measured yet: kompetenz.learning.search cannot be imported ({error})"
        return [
            Figure(build_name, None, None, "s", reason),
            Figure(name, None, 50.0, "ms", reason),
        ]
    from kompetenz.content.loader import load_course

    course = load_course([content])
    began = time.perf_counter()
    index = SearchIndex.build(course)
    build_s = time.perf_counter() - began
    times = []
    for query in TYPED_QUERIES:
        for end in range(1, len(query) + 1):
            begin = time.perf_counter()
            index.search(query[:end])
            times.append((time.perf_counter() - begin) * 1000)
    return [
        Figure(
            build_name,
            build_s,
            None,
            "s",
            "SearchIndex.build over every lesson (the app builds it off the GUI thread)",
        ),
        Figure(
            name,
            percentile(times, 95),
            50.0,
            "ms",
            f"{len(times)} keystrokes over {len(TYPED_QUERIES)} queries, max {max(times):.1f} ms",
            times,
        ),
    ]
