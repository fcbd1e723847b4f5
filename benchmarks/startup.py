"""Start-up as fresh processes: Kompetenz against Qt's bare window, timed in the same run.

Each round starts one process per configuration, interleaved (bare, app, big, bare, …), so a
colleague's test run on the same two cores slows all of them alike; the medians of the rounds
are compared. A warm-up round first writes the byte-code caches and the day's automatic backup,
which a learner's PC also has after the first start.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.results import Figure, median

CHILD = Path(__file__).resolve().parent / "startup_child.py"
REPO_ROOT = CHILD.parent.parent
TIMEOUT_S = 120


@dataclass
class Run:
    paint_s: float
    ready_s: float | None
    peak_rss_kib: int | None  # at "store" (start-up settled), the figure with the target
    state: str = ""
    exit_code: int = 0
    store_s: float | None = None
    ready_rss_kib: int | None = None


@dataclass
class Series:
    """All runs of one configuration."""

    name: str
    argv: list[str]
    before: Callable[[], None] | None = None  # e.g. delete a cache, for a first start
    runs: list[Run] = field(default_factory=list)

    @property
    def paint(self) -> float:
        return median([r.paint_s for r in self.runs])

    @property
    def ready(self) -> float | None:
        values = [r.ready_s for r in self.runs if r.ready_s is not None]
        return median(values) if values else None

    @property
    def crashes(self) -> str:
        """E.g. " (2 of 7 exits crashed: -11)", or "" when every process ended cleanly."""
        codes = [r.exit_code for r in self.runs if r.exit_code != 0]
        if not codes:
            return ""
        return f" ({len(codes)} of {len(self.runs)} exits crashed: {sorted(set(codes))})"

    @property
    def store(self) -> float | None:
        values = [r.store_s for r in self.runs if r.store_s is not None]
        return median(values) if values else None

    @property
    def rss_mib(self) -> float | None:
        values = [r.peak_rss_kib for r in self.runs if r.peak_rss_kib and r.peak_rss_kib > 0]
        return median(values) / 1024 if values else None

    @property
    def ready_rss_mib(self) -> float | None:
        values = [r.ready_rss_kib for r in self.runs if r.ready_rss_kib and r.ready_rss_kib > 0]
        return median(values) / 1024 if values else None


def child_env(pycache: Path, platform: str) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = platform
    # The dev shell sets PYTHONDONTWRITEBYTECODE, so every start would compile kompetenz from
    # source; an installed app has .pyc files. A private cache keeps the tree clean.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    for name in ("KOMPETENZ_DATA_DIR", "KOMPETENZ_DATABASE_URL"):
        env.pop(name, None)
    return env


def run_once(argv: list[str], env: dict[str, str]) -> Run:
    env = {**env, "PYTHONPATH": str(REPO_ROOT)}
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, str(CHILD), *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
        cwd=env["PYTHONPYCACHEPREFIX"],  # not the repository: "" on sys.path would shadow copies
    )
    try:
        out, err = process.communicate(timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        # e.g. an error dialog waiting for a click that never comes (offscreen)
        process.kill()
        out, err = process.communicate()
        raise RuntimeError(f"start-up child {argv} hung:\n{out}\n{err[-3000:]}") from None
    marks: dict[str, float] = {}
    rss: dict[str, int] = {}
    state = ""
    for line in out.splitlines():
        parts = line.split()
        if parts[:1] == ["MARK"]:
            marks[parts[1]] = float(parts[2]) - started
        elif parts[:1] == ["RSS"]:
            rss[parts[1]] = int(parts[2])
        elif parts[:1] == ["STATE"]:
            state = line[6:]
    is_app = argv[0] == "app"
    complete = "paint" in marks and (not is_app or {"ready", "store"} <= marks.keys())
    if not complete:
        raise RuntimeError(
            f"start-up child {argv} failed (exit {process.returncode}):\n{out}\n{err[-3000:]}"
        )
    # A crash after both markers (while quitting) does not change what was measured; it is
    # counted and reported beside the figures instead of stopping the benchmark.
    return Run(
        marks["paint"],
        marks.get("ready"),
        rss.get("store", rss.get("paint")),
        state,
        process.returncode,
        marks.get("store"),
        rss.get("ready"),
    )


# Kept between runs, so that only the first benchmark run on a machine compiles SQLAlchemy
# and PySide6's Python parts into it (the warm-up round of each run covers the rest).
PYCACHE = Path(tempfile.gettempdir()) / "kompetenz-bench-pycache"


def measure(
    series: list[Series], rounds: int, platform: str = "offscreen", warmup: int = 1
) -> list[Series]:
    PYCACHE.mkdir(exist_ok=True)
    env = child_env(PYCACHE, platform)
    for number in range(warmup + rounds):
        for one in series:
            if one.before is not None:
                one.before()
            run = run_once(one.argv, env)
            if number >= warmup:
                one.runs.append(run)
    return series


def prepare_data_dir(data_dir: Path, content_roots: list[Path], modules_with_progress: int) -> None:
    """One profile (no password, so the app opens it at once) with lessons read, reading time
    and finished quiz attempts in the first modules: start-up then has real progress to show."""
    from kompetenz.content.loader import load_course
    from kompetenz.store import open_store
    from kompetenz.store.records import PlannedItem

    course = load_course(content_roots)
    with open_store(data_dir) as store:
        profile = store.create_profile("Erika Musterfrau", "Gesamtschule Bochum-Mitte")
        for module in course.modules[:modules_with_progress]:
            for lesson in module.lessons[: max(1, len(module.lessons) - 2)]:
                store.open_lesson(profile.id, module.id, lesson.file_name)
                store.add_time(profile.id, module.id, lesson.file_name, 240.0)
                store.complete_lesson(profile.id, module.id, lesson.file_name)
            plan = [PlannedItem(f"q{i}", (0, 1, 2)) for i in range(10)]
            for score in (60.0, 90.0):
                attempt = store.start_attempt(profile.id, module.id, module.version, plan)
                for position, item in enumerate(plan):
                    store.record_answer(attempt.id, position, item.question_key, 0, 1.0)
                store.finish_attempt(attempt.id, score, score >= 80)


def _time_of(run: Run, what: str) -> float:
    return {"paint": run.paint_s, "ready": run.ready_s, "store": run.store_s}[what] or 0.0


def _ratio(name: str, value: Series, base: Series, target: float | None, what: str) -> Figure:
    """`value`'s paint, ready or store time over `base`'s; the bare window's reference is
    always its paint (it has nothing more to get ready)."""
    mine = {"paint": value.paint, "ready": value.ready, "store": value.store}[what]
    ref = base.paint if what == "paint" or base.ready is None else getattr(base, what)
    if mine is None or ref is None:
        return Figure(name, None, target, "×", "no runs")
    return Figure(
        name,
        mine / ref,
        target,
        "×",
        f"{mine:.2f} s vs {base.name} {ref:.2f} s, medians of {len(value.runs)}{value.crashes}",
        [_time_of(r, what) for r in value.runs],
    )


def _memory(name: str, value: Series, base: Series, target: float | None, at: str) -> Figure:
    mine = value.rss_mib if at == "store" else value.ready_rss_mib
    if mine is None or base.rss_mib is None:
        return Figure(name, None, target, "×", "peak RSS not available on this platform")
    when = "once the store is open" if at == "store" else "at ready"
    return Figure(
        name,
        mine / base.rss_mib,
        target,
        "×",
        f"{mine:.0f} MiB vs {base.name} {base.rss_mib:.0f} MiB (peak RSS {when}: VmHWM)",
    )


def run(workdir: Path, quick: bool, big_content: Path, platform: str = "offscreen") -> list[Figure]:
    from kompetenz.content.loader import CACHE_FILE
    from kompetenz.resources import bundled_content_dir

    rounds, warmup = (1, 0) if quick else (7, 1)
    normal_dir, big_dir = workdir / "start-normal", workdir / "start-big"
    prepare_data_dir(normal_dir, [bundled_content_dir()], 3)
    prepare_data_dir(big_dir, [big_content], 3)
    shutil.copytree(big_dir, workdir / "start-big-first")
    big = ["--content-dir", str(big_content)]
    first_cache = workdir / "start-big-first" / CACHE_FILE
    bare = Series("bare window", ["bare"])
    label = Series("bare window with a label", ["label"])
    app = Series("Kompetenz", ["app", "--data-dir", str(normal_dir)])
    app_big = Series("big course", ["app", "--data-dir", str(big_dir), *big])
    # launch.py passes the data folder to load_course, so a start after the first reads the
    # content cache; this series deletes it first: the start after installing or updating.
    app_big_first = Series(
        "big course, first start",
        ["app", "--data-dir", str(workdir / "start-big-first"), *big],
        before=lambda: first_cache.unlink(missing_ok=True),
    )
    series = [bare, label, app, app_big, app_big_first]
    measure(series, rounds, platform, warmup)
    return [
        _ratio("Start-up: first paint (× bare window)", app, bare, 1.5, "paint"),
        # No target: the floor under any window that shows text (Qt loads its fonts).
        _ratio("Start-up: bare window with one label (× bare window)", label, bare, None, "paint"),
        _ratio("Start-up: ready (× bare window)", app, bare, 3.5, "ready"),
        # No target: the store has opened in the background and the start has settled.
        _ratio("Start-up: store open (× bare window)", app, bare, None, "store"),
        _memory("Start-up: peak memory (× bare window)", app, bare, 2.0, "store"),
        _memory("Start-up: peak memory at ready (× bare window)", app, bare, None, "ready"),
        _ratio("Big course: start-up, first paint (× normal)", app_big, app, 1.5, "paint"),
        _ratio("Big course: start-up, ready (× normal)", app_big, app, 1.5, "ready"),
        # No target: what a learner sees once after installing, updating or a course change.
        _ratio("Big course: first start, ready (× normal)", app_big_first, app, None, "ready"),
    ]
