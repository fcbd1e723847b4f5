"""`python -m benchmarks`: every figure of docs/performance.md, beside its target.

    python -m benchmarks                  # the full run (about 4 minutes on 2 cores)
    python -m benchmarks --quick          # everything on a tiny setting (the test suite)
    python -m benchmarks --json out.json  # also write the numbers
    python -m benchmarks --only history,reading

Exit status 0 whenever the benchmarks ran, MISS or not: a missed target is a result, and
timing on a shared machine is no reason for a test to fail. A crash gives a traceback and 1.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from benchmarks import big_course, certificates, frozen, history, reading, school, startup
from benchmarks.results import HEADER, Figure, table

SECTIONS = (
    "startup", "frozen", "history", "reading", "certificates", "search", "check", "school",
)

# Every figure the suite reports, in order (the test checks that each is printed).
EXPECTED_FIGURES = (
    "Start-up: first paint (× bare window)",
    "Start-up: bare window with one label (× bare window)",
    "Start-up: ready (× bare window)",
    "Start-up: store open (× bare window)",
    "Start-up: peak memory (× bare window)",
    "Start-up: peak memory at ready (× bare window)",
    "Big course: start-up, first paint (× normal)",
    "Big course: start-up, ready (× normal)",
    "Big course: first start, ready (× normal)",
    "Frozen app: start-up to first screen (× pip-installed)",
    "History: progress page",
    "History: module overview",
    "History: all attempts of one module, with answers",
    "History: record one answer (p95)",
    "History: one fdatasync of the disk (p95)",
    "Reading: open a 5,000-word lesson",
    "Certificate: PDF export",
    "Certificate: PDF size",
    "Certificate: signing library import",
    "Certificate: Open Badge export",
    "Big course: search index build",
    "Big course: search as you type (p95)",
    "Big course: content check",
    *school.NAMES,
)


def machine() -> dict[str, str]:
    """Where the numbers came from; docs/performance.md prints this beside them."""
    import PySide6
    import sqlalchemy
    from PySide6.QtCore import qVersion

    cpu = "unknown"
    memory = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        cpu = platform.processor() or cpu
    os_name = platform.platform()
    try:
        release = dict(
            line.split("=", 1) for line in Path("/etc/os-release").read_text().splitlines() if line
        )
        os_name = f"{release.get('PRETTY_NAME', '').strip(chr(34))} ({platform.release()})"
    except (OSError, ValueError):
        pass
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "memory": memory,
        "os": os_name,
        "python": platform.python_version(),
        "qt": qVersion(),
        "pyside6": PySide6.__version__,
        "sqlalchemy": sqlalchemy.__version__,
    }


def _load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def _filesystem(path: Path) -> str:
    """The file system the work folder is on: on tmpfs an fsync costs nothing."""
    best, kind = "", "unknown"
    try:
        for line in Path("/proc/mounts").read_text().splitlines():
            _, point, fstype, *_ = line.split()
            if str(path).startswith(point) and len(point) > len(best):
                best, kind = point, fstype
    except OSError:
        pass
    return kind


def run(args: argparse.Namespace) -> list[Figure]:
    wanted = set(args.only.split(",")) if args.only else set(SECTIONS)
    unknown = wanted - set(SECTIONS)
    if unknown:
        raise SystemExit(f"unknown section(s): {', '.join(sorted(unknown))}; use {SECTIONS}")
    workdir = Path(tempfile.mkdtemp(prefix="kompetenz-bench-", dir=args.workdir))
    figures: list[Figure] = []
    size = big_course.QUICK if args.quick else big_course.FULL
    try:
        content = workdir / "big-course" / "content"
        if wanted & {"startup", "search", "check"}:
            content, seconds = big_course.generate(workdir, size)
            print(f"generated the big course ({size}) in {seconds:.1f} s", flush=True)
        steps: list[tuple[str, Callable[[], list[Figure]]]] = [
            ("startup", lambda: startup.run(workdir, args.quick, content, args.platform)),
            ("frozen", lambda: frozen.run(workdir, args.quick, args.platform)),
            ("history", lambda: history.run(workdir, args.quick)),
            ("reading", lambda: reading.run(workdir, args.quick)),
            ("certificates", lambda: certificates.run(workdir, args.quick)),
            ("search", lambda: big_course.search(content)),
            ("check", lambda: [big_course.content_check(content, size, args.check_timeout)]),
            ("school", lambda: school.run(workdir, args.quick)),
        ]
        for name, step in steps:
            if name in wanted:
                began = time.perf_counter()
                print(f"running {name} …", flush=True)
                figures += step()
                print(f"  {name} took {time.perf_counter() - began:.1f} s", flush=True)
    finally:
        if args.keep:
            print(f"work folder kept: {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    names = [figure.name for figure in figures]
    if not args.only and names != list(EXPECTED_FIGURES):
        raise RuntimeError(f"figures reported {names} differ from EXPECTED_FIGURES")
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--quick", action="store_true", help="tiny settings, for the test suite")
    parser.add_argument("--json", metavar="FILE", type=Path, help="also write the numbers here")
    parser.add_argument("--only", metavar="SECTIONS", help=f"comma-separated: {','.join(SECTIONS)}")
    parser.add_argument(
        "--platform",
        default=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        help="Qt platform plugin for the start-up processes (default: offscreen)",
    )
    parser.add_argument("--workdir", type=Path, help="where to put generated data (default: temp)")
    parser.add_argument("--keep", action="store_true", help="keep the generated data")
    parser.add_argument("--check-timeout", type=float, default=240.0, help="seconds (default 240)")
    args = parser.parse_args(argv)
    # In-process Qt (reading, certificates) needs no display either.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    info = machine()
    workdir_fs = _filesystem((args.workdir or Path(tempfile.gettempdir())).resolve())
    info.update(platform_plugin=args.platform, workdir_filesystem=workdir_fs, load_before=_load())
    print(" · ".join(f"{k}: {v}" for k, v in info.items()), flush=True)
    began = time.perf_counter()
    figures = run(args)
    info.update(load_after=_load(), duration=f"{time.perf_counter() - began:.0f} s")
    print()
    print(table(figures))
    print(
        f"\nload average before {info['load_before']}, after {info['load_after']}; "
        f"{'quick' if args.quick else 'full'} run took {info['duration']}"
    )
    if args.json:
        args.json.write_text(
            json.dumps(
                {"machine": info, "quick": args.quick, "figures": [f.to_json() for f in figures]},
                indent=2,
                ensure_ascii=False,
            ),
            encoding="utf-8",
        )
    return 0


__all__ = ["EXPECTED_FIGURES", "HEADER", "main"]

if __name__ == "__main__":
    sys.exit(main())
