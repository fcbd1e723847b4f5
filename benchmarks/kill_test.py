"""Kill test: does an answer that the store confirmed survive the process being killed?

A worker process opens the store and records quiz answers in a loop; after each call to
`record_answer` (or `finish_attempt`) returns it prints a line to stdout and flushes. This harness
kills the worker with SIGKILL at random moments (some during start-up and the first
migration, most in the middle of answering), then checks with plain sqlite3 that the file
passes `PRAGMA integrity_check` and that every confirmed write is in it, exactly as written.

    python benchmarks/kill_test.py --kills 500

Workers are forked from a "zygote": a fresh Python process that has imported the store once
(it never opens it), so a kill costs milliseconds instead of an interpreter start. Each
worker is a real process that opens the store itself and dies by SIGKILL. POSIX only.

The test suite runs the short form (tests/store/test_store_kill.py) through `run`.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
PLAN_LENGTH = 25
MODULE = "kill-test"
# What a worker prints after a write returned; anything else (a cut-off line) confirms nothing.
_CONFIRMED = re.compile(r"^(A \d+ \d+ \d+ [0-9.]+|F \d+)$")


# --- worker side ----------------------------------------------------------------------------


def _emit(fd: int, line: str) -> None:
    """One line, one write(2), whatever PYTHONUNBUFFERED says."""
    os.write(fd, f"{line}\n".encode())


def worker(data_dir: Path) -> None:
    """Record answers forever; print (and flush) each one after the store confirmed it."""
    from kompetenz.store import open_store
    from kompetenz.store.records import PlannedItem

    store = open_store(data_dir)
    profile = store.find_profile("Kill Test") or store.create_profile("Kill Test")
    plan = [PlannedItem(f"q{i}", (2, 0, 1)) for i in range(PLAN_LENGTH)]
    rng = random.Random()
    print("ready", flush=True)
    while True:
        attempt = store.unfinished_attempt(profile.id, MODULE) or store.start_attempt(
            profile.id, MODULE, "1", plan
        )
        for position in range(len(attempt.answers), PLAN_LENGTH):
            nonce = rng.getrandbits(48)
            fraction = rng.choice([0.0, 0.5, 1.0])
            store.record_answer(
                attempt.id, position, f"q{position}", {"choice": [1], "nonce": nonce}, fraction
            )
            print(f"A {attempt.id} {position} {nonce} {fraction}", flush=True)
        store.finish_attempt(attempt.id, 50.0, False)
        print(f"F {attempt.id}", flush=True)


def zygote(data_dir: Path, report: Path) -> None:
    """Commands on stdin: `go` forks a worker and answers `pid N`; `reap N` waits for it
    and answers `done N STATUS`. A worker's stdout is the file `report`, so its lines never
    mix with these answers, and the harness reads them once the worker is dead."""
    import kompetenz.store.database
    import kompetenz.store.sqlite.backend  # noqa: F401 - pay for the imports once

    while command := sys.stdin.readline():
        if command.strip() == "go":
            pid = os.fork()
            if pid == 0:
                try:
                    os.dup2(os.open(report, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644), 1)
                    worker(data_dir)
                finally:
                    os._exit(1)
            _emit(1, f"pid {pid}")
        elif command.startswith("reap "):
            pid = int(command.split()[1])
            _, status = os.waitpid(pid, 0)
            _emit(1, f"done {pid} {status}")


# --- harness --------------------------------------------------------------------------------


@dataclass
class KillResult:
    kills: int = 0
    survived: int = 0  # kills after which the file was intact and nothing confirmed was lost
    confirmed: int = 0  # answers and finishes confirmed over all runs
    problems: list[str] = field(default_factory=list)


def _check(database: Path, lines: list[str]) -> list[str]:
    """Problems found: a failed integrity check, or a confirmed write that is not there."""
    problems: list[str] = []
    connection = sqlite3.connect(database)
    try:
        check = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        if check != ["ok"]:
            problems.append(f"integrity_check: {check[:3]}")
        for line in lines:
            parts = line.split()
            if parts[0] == "A":
                attempt, position, nonce, fraction = parts[1:]
                row = connection.execute(
                    "SELECT response, fraction FROM answers WHERE attempt_id=? AND position=?",
                    (int(attempt), int(position)),
                ).fetchone()
                ok = (
                    row is not None
                    and json.loads(row[0])["nonce"] == int(nonce)
                    and row[1] == float(fraction)
                )
            else:
                row = connection.execute(
                    "SELECT finished_at FROM quiz_attempts WHERE id=?", (int(parts[1]),)
                ).fetchone()
                ok = row is not None and row[0] is not None
            if not ok:
                problems.append(f"lost after kill: {line}")
    finally:
        connection.close()
    return problems


class Zygote:
    """The harness's handle on the zygote process."""

    def __init__(self, data_dir: Path, scratch: Path) -> None:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
        self.report = scratch / "worker-report.txt"
        self.log_path = scratch / "worker-errors.log"
        self._log = open(self.log_path, "wb")  # noqa: SIM115 - closed in close()
        script = str(Path(__file__).resolve())
        self.process = subprocess.Popen(
            [sys.executable, script, "--zygote", str(data_dir), "--report", str(self.report)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log,
            env=env,
        )

    def _ask(self, command: str, answer: str) -> str:
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self.process.stdin.write(f"{command}\n".encode())
        self.process.stdin.flush()
        line = self.process.stdout.readline().decode()
        if not line.startswith(answer):
            raise RuntimeError(f"zygote said {line!r}: {self.log_path.read_text(errors='replace')}")
        return line

    def _wait_ready(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while b"ready\n" not in (self.report.read_bytes() if self.report.exists() else b""):
            if time.monotonic() > deadline:
                raise RuntimeError(f"worker not ready: {self.log_path.read_text()}")
            time.sleep(0.002)

    def one_kill(self, rng: random.Random, early: bool, max_delay: float) -> list[str]:
        """Fork a worker, SIGKILL it after a random time, return the lines it reported."""
        self.report.unlink(missing_ok=True)
        pid = int(self._ask("go", "pid ").split()[1])
        if not early:
            self._wait_ready()
        time.sleep(rng.uniform(0.0, max_delay))
        os.kill(pid, signal.SIGKILL)
        status = int(self._ask(f"reap {pid}", f"done {pid} ").split()[2])
        if not (os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL):
            raise RuntimeError(f"worker ended by itself: {self.log_path.read_text()}")
        if not self.report.exists():
            return []
        text = self.report.read_text(encoding="utf-8", errors="replace")
        return text.split("\n")[:-1]  # only complete lines: a kill may cut the last one

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=30)
        self._log.close()


def run(
    kills: int,
    data_dir: Path,
    *,
    seed: int | None = None,
    max_delay: float = 0.25,
    early_share: float = 0.2,
) -> KillResult:
    """Kill a worker `kills` times over the same data folder and check after each kill."""
    rng = random.Random(seed)
    result = KillResult()
    database = data_dir / "kompetenz.sqlite3"
    data_dir.mkdir(parents=True, exist_ok=True)
    spawner = Zygote(data_dir, data_dir.parent)
    try:
        for _ in range(kills):
            printed = spawner.one_kill(rng, rng.random() < early_share, max_delay)
            lines = [line for line in printed if _CONFIRMED.match(line)]
            result.kills += 1
            result.confirmed += len(lines)
            if database.exists():
                problems = _check(database, lines)
            else:  # killed before the store created its file
                problems = ["database missing although writes were confirmed"] if lines else []
            result.problems.extend(problems)
            result.survived += not problems
    finally:
        spawner.close()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="SIGKILL the store at random moments.")
    parser.add_argument("--kills", type=int, default=500, help="how many times to kill")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--max-delay", type=float, default=0.25, help="longest run before kill")
    parser.add_argument("--data-dir", type=Path, help="keep the database here (default: temp)")
    parser.add_argument("--zygote", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--report", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.zygote is not None:
        zygote(args.zygote, args.report)
        return 0
    with tempfile.TemporaryDirectory(prefix="kompetenz-kill-") as temp:
        data_dir = args.data_dir or Path(temp) / "data"
        started = time.monotonic()
        result = run(args.kills, data_dir, seed=args.seed, max_delay=args.max_delay)
        elapsed = time.monotonic() - started
    print(
        f"{result.survived} of {result.kills} kills survived with nothing lost; "
        f"{result.confirmed} confirmed writes checked in {elapsed:.0f} s."
    )
    for problem in result.problems[:20]:
        print(f"  PROBLEM: {problem}")
    return 0 if not result.problems else 1


if __name__ == "__main__":
    sys.exit(main())
