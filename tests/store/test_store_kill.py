"""Kill test (short form): SIGKILL at random moments loses nothing that was confirmed.

The long form is `python benchmarks/kill_test.py --kills 500`; both share its code.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import time
from pathlib import Path
from types import ModuleType

import pytest

KILL_TEST = Path(__file__).resolve().parents[2] / "benchmarks" / "kill_test.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kompetenz_kill_test", KILL_TEST)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL")
def test_confirmed_answers_survive_sigkill(tmp_path: Path) -> None:
    kill_test = _load()
    started = time.monotonic()
    result = kill_test.run(15, tmp_path / "data", seed=20250310, max_delay=0.2)
    assert result.problems == []
    assert result.kills == 15
    assert result.survived == 15
    assert result.confirmed > 30  # the worker really got to write between kills
    assert time.monotonic() - started < 30


def test_the_checker_notices_a_lost_answer(tmp_path: Path) -> None:
    """The check itself must be able to fail: claim an answer that was never written."""
    kill_test = _load()
    from kompetenz.store.database import open_store
    from kompetenz.store.records import PlannedItem

    with open_store(tmp_path) as store:
        pid = store.create_profile("X").id
        attempt = store.start_attempt(pid, "m", "1", [PlannedItem("q0", ())])
        store.record_answer(attempt.id, 0, "q0", {"nonce": 5}, 1.0)
    database = tmp_path / "kompetenz.sqlite3"
    assert kill_test._check(database, [f"A {attempt.id} 0 5 1.0"]) == []
    assert kill_test._check(database, [f"A {attempt.id} 0 6 1.0"]) != []
    assert kill_test._check(database, [f"F {attempt.id}"]) != []
