"""Fixtures for the store tests: real SQLite files in tmp_path, upgraded by the real migrations."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from store_helpers import FakeClock, FakeTime

from kompetenz.store.database import open_store
from kompetenz.store.passwords import PasswordGuard
from kompetenz.store.service import ProgressStore


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty database made once per run by the real migrations (test_store_database
    runs them from scratch itself); copying it keeps each test's set-up fast."""
    folder = tmp_path_factory.mktemp("template")
    open_store(folder).close()
    return folder / "kompetenz.sqlite3"


@pytest.fixture
def new_data_dir(migrated_template: Path) -> Callable[[Path], Path]:
    """Make `folder` a data folder holding a fresh, migrated, empty database."""

    def make(folder: Path) -> Path:
        folder.mkdir(parents=True)
        shutil.copyfile(migrated_template, folder / "kompetenz.sqlite3")
        return folder

    return make


@pytest.fixture
def store(
    data_dir: Path,
    clock: FakeClock,
    fake_time: FakeTime,
    new_data_dir: Callable[[Path], Path],
    store_url: str | None,
) -> Iterator[ProgressStore]:
    """A fresh store: the data folder's SQLite file, or a person's login on a fresh school
    server (parametrized, see tests/conftest.py)."""
    new_data_dir(data_dir)
    guard = PasswordGuard(sleep=fake_time.sleep, monotonic=fake_time.monotonic)
    with open_store(data_dir, store_url, clock=clock, password_guard=guard) as opened:
        yield opened


@pytest.fixture
def db_path(data_dir: Path) -> Path:
    return data_dir / "kompetenz.sqlite3"
