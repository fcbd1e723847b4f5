"""Performance benchmarks for Kompetenz: `python -m benchmarks` (see docs/performance.md).

The package also holds colleagues' stand-alone scripts (`fuzz_gift.py`, `kill_test.py`, …),
which are run as files and do not depend on this package.
"""
