"""The frozen app (`dist/kompetenz/`, built by scripts/build-app) against the pip-installed
command, started the same way in the same run: `kompetenz --selftest` on a data folder with a
learner's progress, timed from the start of the process to the line that says the first
screen is shown (the database is open by then). Rounds interleave the two, like the start-up
benchmark, so a busy machine slows both alike; medians are compared.

Without `dist/kompetenz/` the figure says it was skipped and how to build the app.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.results import Figure, median
from benchmarks.startup import PYCACHE, child_env, prepare_data_dir

REPO_ROOT = Path(__file__).resolve().parent.parent
FROZEN_DIR = REPO_ROOT / "dist" / "kompetenz"
FIGURE = "Frozen app: start-up to first screen (× pip-installed)"
TARGET = 1.25  # issue 18: not more than 25 % slower
TIMEOUT_S = 120
FIRST_SCREEN = "Selbsttest: Startseite gezeigt"


def frozen_executable() -> Path | None:
    # On Windows the console twin: the windowed kompetenz.exe has no output to read.
    name = "kompetenz-cli.exe" if sys.platform == "win32" else "kompetenz"
    path = FROZEN_DIR / name
    return path if path.is_file() else None


def pip_command() -> list[str]:
    """The `kompetenz` command of the environment running the benchmarks (pip or editable)."""
    script = Path(sys.executable).with_name("kompetenz")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "kompetenz"]


def time_to_first_screen(command: list[str], data_dir: Path, env: dict[str, str]) -> float:
    started = time.perf_counter()
    process = subprocess.Popen(
        [*command, "--data-dir", str(data_dir), "--selftest"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
        cwd=env["PYTHONPYCACHEPREFIX"],
    )
    assert process.stdout is not None
    shown = None
    for line in process.stdout:
        if line.startswith(FIRST_SCREEN) and shown is None:
            shown = time.perf_counter() - started
    try:
        out, err = process.communicate(timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
    if shown is None or process.returncode != 0:
        raise RuntimeError(
            f"{command[0]} --selftest failed (exit {process.returncode}):\n{out}\n{err[-3000:]}"
        )
    return shown


def run(workdir: Path, quick: bool, platform: str = "offscreen") -> list[Figure]:
    frozen = frozen_executable()
    if frozen is None:
        return [Figure(FIGURE, None, TARGET, "×",
                       f"skipped: {FROZEN_DIR} does not exist; build it with scripts/build-app")]
    from kompetenz.resources import bundled_content_dir

    rounds, warmup = (1, 0) if quick else (7, 1)
    # Separate folders: each app keeps its own content cache (its code stamp differs).
    base = workdir / "frozen-start"
    prepare_data_dir(base, [bundled_content_dir()], 3)
    folders = {"pip": workdir / "frozen-start-pip", "frozen": workdir / "frozen-start-frozen"}
    for folder in folders.values():
        shutil.copytree(base, folder)
    commands = {"pip": pip_command(), "frozen": [str(frozen)]}
    PYCACHE.mkdir(exist_ok=True)
    env = child_env(PYCACHE, platform)
    times: dict[str, list[float]] = {"pip": [], "frozen": []}
    for number in range(warmup + rounds):
        for name, command in commands.items():
            seconds = time_to_first_screen(command, folders[name], env)
            if number >= warmup:
                times[name].append(seconds)
    frozen_s, pip_s = median(times["frozen"]), median(times["pip"])
    return [Figure(
        FIGURE, frozen_s / pip_s, TARGET, "×",
        f"{frozen_s:.2f} s vs pip-installed {pip_s:.2f} s, medians of {rounds}",
        times["frozen"],
    )]
