"""Shared fixtures. Qt runs offscreen so that the suite needs no display."""

from __future__ import annotations

import os
import shutil
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
