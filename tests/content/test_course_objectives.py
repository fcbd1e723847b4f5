"""The quizzes test the learning objectives: counted per module over the real course.

The convention (docs/quiz-format.md): every graded question stands under
`$CATEGORY: lernziel-N/anwendung|wissen`; every objective has at least two graded questions;
at least half of them apply knowledge to a school scenario (`anwendung`); every choice has
feedback; every attempt holds every objective.

Every bundled module follows the convention; the same checks run on the test module
`tests/data/roles/de/ziele` as well.
"""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from kompetenz.content.checker import check_content
from kompetenz.content.loader import load_course
from kompetenz.content.model import Module
from kompetenz.quiz.attempt_plan import plan_attempt
from kompetenz.quiz.gift import read_gift_file
from kompetenz.quiz.model import CHOICE_TYPES, Question
from kompetenz.quiz.objectives import objective_tag
from kompetenz.resources import bundled_content_dir

TEST_COURSE = Path(__file__).parent.parent / "data" / "roles"
ATTEMPTS = 1000


def _modules_with_objectives(root: Path) -> list[Module]:
    return [
        module
        for module in load_course([root]).modules
        if "$CATEGORY: lernziel-" in module.quiz_path.read_text(encoding="utf-8-sig")
    ]


def _modules() -> list[Module]:
    """The test module first, then every bundled module that ties its questions to objectives."""
    return [
        *_modules_with_objectives(TEST_COURSE),
        *_modules_with_objectives(bundled_content_dir()),
    ]


def _graded(module: Module) -> list[Question]:
    return [q for q in read_gift_file(module.quiz_path) if q.is_graded]


def test_the_test_module_is_among_those_counted() -> None:
    assert [m.id for m in _modules_with_objectives(TEST_COURSE)] == ["ziele"]


def test_every_bundled_module_ties_its_questions_to_objectives() -> None:
    bundled = {m.id for m in load_course([bundled_content_dir()]).modules}
    assert bundled
    assert {m.id for m in _modules_with_objectives(bundled_content_dir())} == bundled


def test_every_objective_has_at_least_two_graded_questions() -> None:
    for module in _modules():
        per_objective = Counter(objective_tag(q).objective for q in _graded(module))  # type: ignore[union-attr]
        counts = [per_objective[n] for n in range(1, len(module.objectives) + 1)]
        assert min(counts) >= 2, f"{module.id}: graded questions per objective {counts}"


def test_at_least_half_of_the_graded_questions_apply_knowledge() -> None:
    for module in _modules():
        kinds = Counter(objective_tag(q).kind for q in _graded(module))  # type: ignore[union-attr]
        share = kinds["anwendung"] / sum(kinds.values())
        assert share >= 0.5, f"{module.id}: only {share:.0%} of the graded questions apply"


def test_every_choice_has_feedback() -> None:
    for module in _modules():
        for question in _graded(module):
            if question.type in CHOICE_TYPES:
                silent = [c.text for c in question.choices() if not (c.feedback or "").strip()]
                assert not silent, f"{module.id} {question.key}: no feedback for {silent}"


def test_the_content_check_finds_nothing_in_these_modules() -> None:
    for module in _modules():
        report = check_content([module.folder])
        assert report.problems == [], module.id


@pytest.mark.parametrize("seed", [2026])
def test_a_thousand_attempts_each_hold_every_objective(seed: int) -> None:
    rng = random.Random(seed)
    for module in _modules():
        pool = read_gift_file(module.quiz_path)
        wanted = set(range(1, len(module.objectives) + 1))
        for _ in range(ATTEMPTS):
            planned = plan_attempt(
                pool, module.quiz.questions_per_attempt or None, module.quiz.shuffle_choices, rng
            )
            found = {objective_tag(p.question).objective for p in planned if p.question.is_graded}  # type: ignore[union-attr]
            assert found == wanted, f"{module.id}: an attempt without objectives {wanted - found}"
