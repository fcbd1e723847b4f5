"""A quiz attempt from start to result against a real store, without any Qt."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from kompetenz.content.loader import load_course
from kompetenz.learning.overview import course_overview, remaining_minutes
from kompetenz.learning.quiz_session import (
    AttemptsExhausted,
    response_from_json,
    response_to_json,
    start_or_resume,
)
from kompetenz.learning.review import review_items
from kompetenz.store.database import open_store

RIGHT = {"bsp-teile": frozenset({0, 1}), "bsp-token": 0, "bsp-fehler": False}


@pytest.fixture
def setup(sample_content: Path, data_dir: Path):  # type: ignore[no-untyped-def]
    store = open_store(data_dir)
    profile = store.create_profile("Quentin Quiz")
    module = load_course([sample_content]).modules[0]
    yield store, profile, module
    store.close()


def test_answers_are_graded_stored_and_reviewed(setup) -> None:  # type: ignore[no-untyped-def]
    store, profile, module = setup
    session = start_or_resume(store, profile.id, module, random.Random(4))
    wrong_first = {"bsp-teile": frozenset({0, 2}), "bsp-token": 1, "bsp-fehler": False}
    for position, planned in enumerate(session.items):
        session.answer(position, wrong_first[planned.question.key])
    result = session.finish()
    # {0, 2}: 50 % - 100 % clamps to 0; token wrong: 0; false is right: 1 -> 1 of 3
    assert result.score_percent == pytest.approx(100 / 3)
    assert not result.passed
    items = {item.question_text[:20]: item for item in review_items(session)}
    verdicts = sorted(item.verdict for item in items.values())
    assert verdicts == ["right", "wrong", "wrong"]
    assert store.module_progress(profile.id)[module.id].best_score_percent == pytest.approx(100 / 3)


def test_an_unfinished_attempt_is_resumed_with_its_answers(setup) -> None:  # type: ignore[no-untyped-def]
    store, profile, module = setup
    first = start_or_resume(store, profile.id, module)
    key = first.items[0].question.key
    first.answer(0, RIGHT[key])
    again = start_or_resume(store, profile.id, module)
    assert again.attempt_id == first.attempt_id
    assert again.next_open_position() == 1
    assert again.responses[0] == RIGHT[key]
    for position in range(1, again.size):
        again.answer(position, RIGHT[again.items[position].question.key])
    assert again.finish().passed


def test_the_attempt_limit_is_kept_in_the_core(setup) -> None:  # type: ignore[no-untyped-def]
    store, profile, module = setup
    from dataclasses import replace

    limited = replace(module, quiz=replace(module.quiz, max_attempts=1))
    session = start_or_resume(store, profile.id, limited)
    for position, planned in enumerate(session.items):
        session.answer(position, RIGHT[planned.question.key])
    session.finish()
    with pytest.raises(AttemptsExhausted):
        start_or_resume(store, profile.id, limited)


@pytest.mark.parametrize(
    ("key", "response"),
    [("bsp-teile", frozenset({2, 0})), ("bsp-token", 1), ("bsp-fehler", True)],
)
def test_responses_survive_the_trip_through_json(setup, key, response) -> None:  # type: ignore[no-untyped-def]
    _, _, module = setup
    from kompetenz.quiz.gift import read_gift_file

    question = next(q for q in read_gift_file(module.quiz_path) if q.key == key)
    assert response_from_json(question, response_to_json(response)) == response


def test_the_overview_counts_lessons_quizzes_and_time(setup) -> None:  # type: ignore[no-untyped-def]
    store, profile, module = setup
    assert remaining_minutes(module, None) == module.estimated_minutes
    store.complete_lesson(profile.id, module.id, module.lessons[0].file_name)
    overview = course_overview((module,), store.module_progress(profile.id))
    assert (overview.lessons_done, overview.lessons_total, overview.modules_passed) == (1, 2, 0)
    assert overview.percent == 33
    assert 0 < overview.minutes_remaining < module.estimated_minutes
