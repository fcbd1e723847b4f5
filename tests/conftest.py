"""Shared fixtures. Qt runs offscreen so that the suite needs no display."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep Qt's settings and any user data of the machine running the tests out of reach.
os.environ.pop("KOMPETENZ_DATA_DIR", None)
os.environ.pop("KOMPETENZ_DATABASE_URL", None)

SAMPLE_CONTENT = Path(__file__).parent / "data" / "content"
REPO_ROOT = Path(__file__).parent.parent


@pytest.fixture
def sample_content(tmp_path: Path) -> Path:
    """A private copy of the small sample course that a test may change."""
    target = tmp_path / "content"
    shutil.copytree(SAMPLE_CONTENT, target)
    return target


@pytest.fixture
def sample_module_dir(sample_content: Path) -> Path:
    return sample_content / "de" / "beispiel"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


# --- PostgreSQL (see pg_support.py) -----------------------------------------------------------


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Tests of the store run on SQLite and on PostgreSQL, except those that look into the
    SQLite file itself (they ask for `db_path` or are marked `sqlite_only`)."""
    if "store_engine" not in metafunc.fixturenames:
        return
    sqlite_only = "db_path" in metafunc.fixturenames or any(
        metafunc.definition.iter_markers("sqlite_only")
    )
    metafunc.parametrize("store_engine", ["sqlite"] if sqlite_only else ["sqlite", "postgresql"])


@pytest.fixture(scope="session")
def postgres_admin_url() -> str:
    from pg_support import admin_url_or_skip

    return admin_url_or_skip()


@pytest.fixture
def postgres_database(postgres_admin_url: str) -> Iterator[str]:
    """The superuser URL of a fresh, empty database (no schema)."""
    from pg_support import fresh_database

    with fresh_database(postgres_admin_url) as url:
        yield url


@pytest.fixture(scope="session")
def school_template(postgres_admin_url: str) -> Iterator[str]:
    """A database set up once by `school init-server`, copied for each test (fast)."""
    from pg_support import fresh_database

    from kompetenz.school.server import init_server

    with fresh_database(postgres_admin_url) as url:
        init_server(url)
        yield url


@pytest.fixture
def school_server(school_template: str, postgres_admin_url: str) -> Iterator[str]:
    """The superuser URL of a fresh copy of the set-up school database."""
    from pg_support import fresh_database
    from sqlalchemy.engine import make_url

    with fresh_database(postgres_admin_url, make_url(school_template).database) as url:
        yield url


@pytest.fixture
def learner_url(school_server: str, school_template: str) -> str:
    """The URL of a person's own login on `school_server` (row-level security applies)."""
    from pg_support import new_login
    from sqlalchemy.engine import make_url

    from kompetenz.school.server import group_roles

    template = str(make_url(school_template).database)
    return new_login(school_server, group_roles(template).learners)


@pytest.fixture
def store_url(request: pytest.FixtureRequest, store_engine: str) -> str | None:
    """None for the data folder's SQLite file, else a person's URL on a fresh school server."""
    if store_engine == "sqlite":
        return None
    return str(request.getfixturevalue("learner_url"))
