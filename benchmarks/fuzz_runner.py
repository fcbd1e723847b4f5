"""Running hypothesis properties for a long time outside pytest (the fuzz_* scripts)."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping

from hypothesis import HealthCheck, settings


def run_properties(
    properties: Mapping[str, Callable[[], None]], examples: int, only: str | None = None
) -> int:
    """Run each property with `examples` examples; report every one, exit status 1 if any failed."""
    config = settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    failed = 0
    for name, prop in properties.items():
        if only and not name.startswith(only):
            continue
        start = time.perf_counter()
        try:
            config(prop)()
        except Exception as exc:  # report every property, then fail
            failed += 1
            print(f"FAIL {name}: {exc!r}")
            continue
        print(f"ok   {name}: {examples} examples in {time.perf_counter() - start:.1f} s")
    return 1 if failed else 0
