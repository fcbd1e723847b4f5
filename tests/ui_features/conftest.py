"""Fixtures for the search, progress, settings and help pages: a real store, the sample course."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kompetenz.content.loader import Course, load_course
from kompetenz.store.database import open_store
from kompetenz.store.records import PlannedItem, ProfileRecord
from kompetenz.store.service import ProgressStore

SAMPLE_CONTENT = Path(__file__).parent.parent / "data" / "content"


@pytest.fixture
def course() -> Course:
    return load_course([SAMPLE_CONTENT])


@pytest.fixture
def progress_store(data_dir: Path) -> Iterator[ProgressStore]:
    store = open_store(data_dir)
    yield store
    store.close()


@pytest.fixture
def learner(progress_store: ProgressStore) -> ProfileRecord:
    return progress_store.create_profile("Erika Musterfrau", "Gesamtschule Bochum-Mitte")


AttemptRecorder = Callable[[ProfileRecord, str, float, bool], None]


@pytest.fixture
def finish_attempt(progress_store: ProgressStore) -> AttemptRecorder:
    """Records a finished quiz attempt with the given score through the store's API."""

    def record(learner: ProfileRecord, module_id: str, score: float, passed: bool) -> None:
        plan = [PlannedItem("bsp-token", ())]
        attempt = progress_store.start_attempt(learner.id, module_id, "1.0.0", plan)
        progress_store.record_answer(attempt.id, 0, "bsp-token", 0, score / 100)
        progress_store.finish_attempt(attempt.id, score, passed)

    return record
