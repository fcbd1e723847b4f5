"""Fixtures for the certificate tests: a real store in tmp_path and the small sample course."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from certificate_helpers import Clock, pass_quiz

from kompetenz.certificates.service import CertificateService
from kompetenz.content.loader import Course, load_course
from kompetenz.store.database import open_store
from kompetenz.store.records import ProfileRecord
from kompetenz.store.service import ProgressStore

ISSUED_AT = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 9, 1, 10, 0, tzinfo=UTC))


@pytest.fixture
def store(
    data_dir: Path, clock: Clock, store_url: str | None, monkeypatch: pytest.MonkeyPatch
) -> Iterator[ProgressStore]:
    """The data folder's SQLite file, or a person's login on a fresh school server (which the
    CLI then uses too)."""
    if store_url:
        monkeypatch.setenv("KOMPETENZ_DATABASE_URL", store_url)
    with open_store(data_dir, store_url, clock=clock) as opened:
        yield opened


@pytest.fixture
def course(sample_content: Path) -> Course:
    loaded = load_course([sample_content])
    assert [m.id for m in loaded.modules] == ["beispiel"]
    return loaded


@pytest.fixture
def profile(store: ProgressStore) -> ProfileRecord:
    return store.create_profile("Annegret Müller-Lüdenscheidt", school="Gesamtschule Bochum-Mitte")


@pytest.fixture
def passed_profile(store: ProgressStore, profile: ProfileRecord, clock: Clock) -> ProfileRecord:
    pass_quiz(store, clock, profile.id, "beispiel", 87.5)
    return profile


@pytest.fixture
def service(store: ProgressStore, course: Course, data_dir: Path) -> CertificateService:
    return CertificateService(store, course, data_dir, clock=lambda: ISSUED_AT)
