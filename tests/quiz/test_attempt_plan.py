"""Drawing an attempt and scoring it."""

from __future__ import annotations

import random

import pytest

from kompetenz.quiz.attempt_plan import plan_attempt, score_attempt
from kompetenz.quiz.gift import parse_gift

POOL = parse_gift(
    "Intro.\n\n"
    + "\n\n".join(f"::q{i}:: Frage {i} {{=a ~b ~c ~d}}" for i in range(8))
    + "\n\n::tf:: Rund? {T}\n\n::m:: Ordne {=a -> x =b -> y =c -> x = -> z}\n\n::e:: Essay {}"
)


def test_all_questions_but_descriptions_in_file_order() -> None:
    for per_attempt in (None, 0, 11, 50):
        planned = plan_attempt(POOL, per_attempt, False, random.Random(1))
        assert [p.question.title for p in planned] == [*(f"q{i}" for i in range(8)), "tf", "m", "e"]


def test_draws_a_random_subset_in_file_order() -> None:
    draws = {
        tuple(p.question.title for p in plan_attempt(POOL, 3, False, random.Random(seed)))
        for seed in range(20)
    }
    assert len(draws) > 5
    titles = [q.title for q in POOL]
    for draw in draws:
        assert len(draw) == 3
        assert list(draw) == sorted(draw, key=titles.index)


def test_same_seed_same_attempt() -> None:
    first = plan_attempt(POOL, 4, True, random.Random(7))
    assert first == plan_attempt(POOL, 4, True, random.Random(7))


def test_choice_order_is_a_permutation_when_shuffled() -> None:
    orders = {plan_attempt(POOL, None, True, random.Random(s))[0].choice_order for s in range(20)}
    assert all(sorted(o) == [0, 1, 2, 3] for o in orders)
    assert len(orders) > 1
    assert plan_attempt(POOL, None, False, random.Random(1))[0].choice_order == (0, 1, 2, 3)


def test_true_false_essay_and_matching_orders() -> None:
    planned = {p.question.title: p for p in plan_attempt(POOL, None, True, random.Random(3))}
    assert planned["tf"].choice_order == (0, 1)
    assert planned["e"].choice_order == ()
    # x, y, z: one entry per distinct right-hand text
    assert sorted(planned["m"].choice_order) == [0, 1, 2]
    unshuffled = plan_attempt(POOL, None, False, random.Random(3))
    assert unshuffled[-2].choice_order == (0, 1, 2)


def test_negative_count_is_an_error() -> None:
    with pytest.raises(ValueError, match="negative"):
        plan_attempt(POOL, -1, False, random.Random(1))


@pytest.mark.parametrize(
    ("fractions", "percent"),
    [
        ([1.0, 0.0, None], 50.0),
        ([1.0, 1.0, 0.5, 0.5], 75.0),
        ([1.0, -0.5], 25.0),
        ([-1.0, 0.5], 0.0),
        ([None, None], 100.0),
        ([], 100.0),
    ],
)
def test_score_attempt(fractions: list[float | None], percent: float) -> None:
    assert score_attempt(fractions) == pytest.approx(percent)
