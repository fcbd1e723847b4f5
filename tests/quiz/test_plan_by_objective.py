"""Drawing an attempt from a quiz whose questions are tied to learning objectives."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from kompetenz.content.loader import load_course
from kompetenz.learning.quiz_session import start_or_resume
from kompetenz.quiz.attempt_plan import plan_attempt
from kompetenz.quiz.gift import parse_gift, read_gift_file
from kompetenz.quiz.model import QuestionType
from kompetenz.quiz.objectives import objective_tag, uses_objectives
from kompetenz.store.database import open_store

ZIELE = Path(__file__).parent.parent / "data" / "roles" / "de" / "ziele"


def _pool(objectives: int, per_objective: int, essays: int = 1) -> str:
    blocks = ["Einleitung zum Quiz."]  # a description: never drawn
    for number in range(1, objectives + 1):
        blocks.append(f"$CATEGORY: lernziel-{number}/anwendung")
        blocks += [f"::z{number}-{i}:: Frage {i} {{=a ~b}}" for i in range(per_objective)]
    blocks.append("$CATEGORY: reflexion")
    blocks += [f"::r{i}:: Was nehmen Sie mit? {{}}" for i in range(essays)]
    return "\n\n".join(blocks)


def _objectives_of(planned: list) -> list[int]:  # type: ignore[type-arg]
    return [objective_tag(p.question).objective for p in planned if p.question.is_graded]


def test_fewer_places_than_objectives_still_gives_one_per_objective() -> None:
    pool = parse_gift(_pool(objectives=5, per_objective=3))
    for seed in range(50):
        planned = plan_attempt(pool, 3, False, random.Random(seed))
        assert sorted(_objectives_of(planned)) == [1, 2, 3, 4, 5]
        assert planned[-1].question.type is QuestionType.ESSAY  # the reflection closes it


def test_per_attempt_counts_graded_questions_and_the_reflection_comes_on_top() -> None:
    pool = parse_gift(_pool(objectives=3, per_objective=4, essays=2))
    titles = [q.title for q in pool]
    for seed in range(50):
        planned = plan_attempt(pool, 7, False, random.Random(seed))
        graded = [p for p in planned if p.question.is_graded]
        essays = [p for p in planned if p.question.type is QuestionType.ESSAY]
        assert len(graded) == 7
        assert len(essays) == 1
        assert set(_objectives_of(planned)) == {1, 2, 3}
        order = [titles.index(p.question.title) for p in graded]
        assert order == sorted(order)  # the trainer's order holds


def test_without_a_number_every_graded_question_and_one_reflection() -> None:
    pool = parse_gift(_pool(objectives=2, per_objective=2, essays=3))
    planned = plan_attempt(pool, None, False, random.Random(1))
    assert [p.question.title for p in planned][:4] == ["z1-0", "z1-1", "z2-0", "z2-1"]
    assert len(planned) == 5


def test_a_quiz_without_objectives_keeps_the_old_draw() -> None:
    pool = parse_gift("\n\n".join(f"::q{i}:: Frage {{=a ~b}}" for i in range(6)) + "\n\n::e:: E {}")
    assert not uses_objectives(pool)
    draws = [plan_attempt(pool, 3, False, random.Random(seed)) for seed in range(30)]
    assert all(len(d) == 3 for d in draws)
    assert any(p.question.title == "e" for d in draws for p in d)  # the essay is one of three


def test_a_thousand_attempts_of_the_test_module_hold_every_objective() -> None:
    pool = read_gift_file(ZIELE / "quiz.gift")
    rng = random.Random(2026)
    for _ in range(1000):
        planned = plan_attempt(pool, 2, True, rng)
        assert sorted(_objectives_of(planned)) == [1, 2, 3]


def test_the_reflection_is_not_scored(tmp_path: Path) -> None:
    module = load_course([ZIELE.parent.parent]).module("ziele")
    assert module is not None
    with open_store(tmp_path / "data") as store:
        profile = store.create_profile("Rita Reflexion")
        session = start_or_resume(store, profile.id, module, random.Random(3))
        assert session.size == 4  # one graded question per objective (2 < 3) and a reflection
        for position, item in enumerate(session.items):
            question = item.question
            if question.type is QuestionType.ESSAY:
                session.answer(position, "Namen in Zeugnisbemerkungen.")
            elif question.type is QuestionType.TRUE_FALSE:
                session.answer(position, True)
            elif question.type is QuestionType.NUMERICAL:
                session.answer(position, "72")
            else:
                session.answer(position, 0)  # the first choice is the right one here
        result = session.finish()
    assert result.score_percent == pytest.approx(100.0)
