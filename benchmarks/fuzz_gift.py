"""Fuzz the GIFT parser and writer with many more examples than the test suite uses.

    .venv/bin/python benchmarks/fuzz_gift.py --examples 20000

Runs the property checks of tests/quiz/test_gift_properties.py (only GiftError ever leaves the
parser; what parses, and any generated question list, survives write_gift → parse_gift) and
prints the first failing example, if any. Needs hypothesis, not pytest.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "quiz"))

from quiz_strategies import (
    ALPHABET,
    SAMPLE_GIFT,
    check_parse_never_crashes,
    check_round_trip,
    mutate,
    mutations,
    question_lists,
)


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
    config = settings(
        max_examples=args.examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    failed = 0
    for name, prop in _properties().items():
        start = time.perf_counter()
        try:
            config(prop)()
        except Exception as exc:  # report every property, then fail
            failed += 1
            print(f"FAIL {name}: {exc!r}")
            continue
        print(f"ok   {name}: {args.examples} examples in {time.perf_counter() - start:.1f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
