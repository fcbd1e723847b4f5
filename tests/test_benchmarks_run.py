"""`python -m benchmarks --quick` still runs and reports every figure.

Only that: the timings of a quick run on a shared machine mean nothing, so no target is
checked here (docs/performance.md has the numbers of a full run).
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_quick_benchmark_run_prints_every_figure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(REPO_ROOT))  # benchmarks/ is not part of the package
    header = importlib.import_module("benchmarks.results").HEADER
    expected = importlib.import_module("benchmarks.suite").EXPECTED_FIGURES
    result_file = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--json", str(result_file)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    lines = done.stdout.splitlines()
    assert any(all(column in line for column in header) for line in lines), done.stdout[-3000:]
    missing = [name for name in expected if name not in done.stdout]
    assert not missing, done.stdout[-3000:]
    assert result_file.is_file()
