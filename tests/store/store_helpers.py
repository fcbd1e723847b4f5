"""Helpers for the store tests (a module of its own: conftest files cannot be imported)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any


class FakeClock:
    """A clock the test moves by hand; starts at a fixed UTC moment."""

    def __init__(self) -> None:
        self.now = datetime(2025, 3, 10, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> datetime:
        self.now += timedelta(**kwargs)
        return self.now


class FakeTime:
    """Monotonic time and sleep for the password slow-down: sleeping only moves the clock."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def query(path: Path, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Read the file with plain sqlite3: what is really on disk, not what the ORM thinks."""
    connection = sqlite3.connect(path)
    try:
        return [tuple(row) for row in connection.execute(sql, params)]
    finally:
        connection.close()


def dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, to compare a database before and after."""
    tables = [row[0] for row in query(path, "SELECT name FROM sqlite_master WHERE type='table'")]
    return {table: sorted(query(path, f'SELECT * FROM "{table}"'), key=repr) for table in tables}
