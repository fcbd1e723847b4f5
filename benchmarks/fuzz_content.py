"""Fuzz the content loader and the pack installer with many more examples than the suite uses.

    .venv/bin/python benchmarks/fuzz_content.py --examples 5000
    .venv/bin/python benchmarks/fuzz_content.py --examples 20000 --only pack

Runs the properties of tests/robustness/test_fuzz.py (loading mutated module files never
raises and every problem points into the module at a line >= 1; installing hostile or damaged
packs raises nothing but PackError and writes nothing outside the data folder's content;
rendering hostile lesson text lets only the safe HTML subset through) and prints the first failing example, if any. Needs hypothesis, not pytest.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "robustness"))

from content_strategies import (
    check_damaged_pack,
    check_module_files,
    check_pack_install,
    check_render_is_safe,
    edits,
    lesson_bytes,
    lesson_texts,
    module_bytes,
    quiz_bytes,
    zip_entries,
)
from hypothesis import given
from hypothesis import strategies as st

from benchmarks.fuzz_runner import run_properties


def _properties() -> dict[str, Callable[[], None]]:
    return {
        "module files": given(module_bytes, lesson_bytes, quiz_bytes)(check_module_files),
        "pack entries": given(zip_entries, st.booleans(), st.booleans())(check_pack_install),
        "damaged pack": given(edits)(check_damaged_pack),
        "rendered lesson": given(lesson_texts)(check_render_is_safe),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("--examples", type=int, default=5000, help="examples per property")
    parser.add_argument(
        "--only",
        choices=["module", "pack", "damaged", "rendered"],
        help="run only the property whose name starts with this word",
    )
    args = parser.parse_args(argv)
    return run_properties(_properties(), args.examples, args.only)


if __name__ == "__main__":
    sys.exit(main())
