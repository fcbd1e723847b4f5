"""Checking many modules on all cores.

`kompetenz content check` over a library of hundreds of modules is CPU-bound Python (reading
quizzes and lessons), so the modules are shared out among worker processes. Each worker runs
`module_check.check_module`, a top-level function, so this works with the `spawn` start method
of Windows and macOS as well as with `fork`. Results come back in the order of the modules,
so the report is the same as from one process. Starting a worker costs about 0.1–0.3 s (it
imports Kompetenz and Python-Markdown), so a small library is checked in this process.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial

from kompetenz.content.model import Module
from kompetenz.content.module_check import CheckReport, check_module

MIN_LESSONS_PER_WORKER = 500  # below this a worker costs more to start than it saves
MAX_WORKERS = 8
CHUNKS_PER_WORKER = 4  # modules differ in size; smaller chunks keep every worker busy


def check_modules(
    modules: Sequence[Module], quick: bool, workers: int | None = None
) -> list[CheckReport]:
    """One report per module, in the order of `modules`."""
    count = _workers_for(modules) if workers is None else min(workers, len(modules))
    check = partial(check_module, quick=quick)
    if count < 2:
        return [check(module) for module in modules]
    chunk = max(1, len(modules) // (count * CHUNKS_PER_WORKER))
    try:
        with ProcessPoolExecutor(max_workers=count) as pool:
            return list(pool.map(check, modules, chunksize=chunk))
    except (OSError, NotImplementedError, BrokenProcessPool):
        # No processes here (a sandbox without semaphores, a worker killed): the same check,
        # slower. Nothing is reported twice: the partial results are dropped.
        return [check(module) for module in modules]


def _workers_for(modules: Sequence[Module]) -> int:
    lessons = sum(len(module.lessons) for module in modules)
    return max(1, min(_usable_cores(), MAX_WORKERS, lessons // MIN_LESSONS_PER_WORKER))


def _usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may run on (Linux)
    except AttributeError:
        return os.cpu_count() or 1
