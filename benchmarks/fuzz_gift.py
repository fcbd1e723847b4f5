"""Fuzz the GIFT parser and writer with many more examples than the test suite uses.

    .venv/bin/python benchmarks/fuzz_gift.py --examples 20000

Runs the property checks of tests/quiz/test_gift_properties.py (only GiftError ever leaves the
parser; what parses, and any generated question list, survives write_gift → parse_gift) and
prints the first failing example, if any. Needs hypothesis, not pytest.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "quiz")]  # run as a script from anywhere

from quiz_strategies import (  # noqa: E402
    ALPHABET,
    SAMPLE_GIFT,
    check_parse_never_crashes,
    check_round_trip,
    mutate,
    mutations,
    question_lists,
)

from benchmarks.fuzz_runner import run_properties  # noqa: E402


def _properties() -> dict[str, Callable[[], None]]:
    return {
        "any text": given(st.text())(check_parse_never_crashes),
        "GIFT-like text": given(st.text(ALPHABET, max_size=200))(check_parse_never_crashes),
        "mutated GIFT": given(mutations)(
            lambda edits: check_parse_never_crashes(mutate(SAMPLE_GIFT, edits))
        ),
        "round trip": given(question_lists)(check_round_trip),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--examples", type=int, default=20000, help="examples per property")
    args = parser.parse_args(argv)
    return run_properties(_properties(), args.examples)


if __name__ == "__main__":
    sys.exit(main())
