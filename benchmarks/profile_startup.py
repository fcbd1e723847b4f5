"""Where start-up spends its time: `python -X importtime` and cProfile of one real start.

    python -m benchmarks.profile_startup [--content-dir DIR] [--top 25]

Runs `startup_child.py app` (the `kompetenz` command with the paint/ready markers) once to
warm the byte-code cache, then once under `-X importtime` and once under cProfile, and
prints the biggest imports (cumulative, with what they pulled in) and the Kompetenz and Qt
functions with the most cumulative time.
"""

from __future__ import annotations

import argparse
import pstats
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.startup import CHILD, PYCACHE, REPO_ROOT, child_env, prepare_data_dir


def _importtime(stderr: str, top: int) -> list[str]:
    """The `top` imports with the largest cumulative time, each once (outermost wins)."""
    rows = []
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        head, cumulative_us, name = line.split("|", 2)
        depth = (len(name) - len(name.lstrip()) - 1) // 2  # two spaces per level
        rows.append((int(cumulative_us), int(head.split(":")[1]), depth, name.strip()))
    rows.sort(reverse=True)
    return [
        f"{cumulative / 1000:8.1f} ms cumulative {own / 1000:7.1f} ms self  {'  ' * depth}{name}"
        for cumulative, own, depth, name in rows[:top]
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile_startup")
    parser.add_argument("--content-dir", type=Path, help="a course instead of the bundled one")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kompetenz-profile-") as work:
        workdir = Path(work)
        from kompetenz.resources import bundled_content_dir

        content = [args.content_dir] if args.content_dir else [bundled_content_dir()]
        prepare_data_dir(workdir / "data", content, 3)
        PYCACHE.mkdir(exist_ok=True)
        env = {
            **child_env(PYCACHE, "offscreen"),
            "PYTHONPATH": str(REPO_ROOT),
            "KOMPETENZ_BENCH_CLEAN_EXIT": "1",
        }
        argv_app = ["app", "--data-dir", str(workdir / "data")]
        if args.content_dir:
            argv_app += ["--content-dir", str(args.content_dir)]

        def start(*python_args: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                [sys.executable, *python_args, str(CHILD), *argv_app],
                env=env,
                cwd=workdir,
                capture_output=True,
                text=True,
                timeout=300,
            )

        start()  # warm the byte-code cache (and the day's backup, the content cache)
        imports = start("-X", "importtime")
        print(f"== -X importtime: the {args.top} largest imports (times inflated by the flag)")
        print("\n".join(_importtime(imports.stderr, args.top)))
        profile_file = workdir / "start.prof"
        start("-m", "cProfile", "-o", str(profile_file))
        print(f"\n== cProfile: Kompetenz and Qt calls by cumulative time (top {args.top})")
        stats = pstats.Stats(str(profile_file))
        stats.sort_stats("cumulative").print_stats(r"kompetenz/|PySide6|startup_child", args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
