"""The quizzes of the bundled course test their module's objectives, as the authors agreed.

Every graded question stands under `$CATEGORY: lernziel-N/anwendung` or `lernziel-N/wissen`,
N being the 1-based index into the module's `objectives`; essays stand under `reflexion`. Each
objective has at least two graded questions, and at least half of a module's graded questions
are `anwendung` (a short school scenario). The modules listed here follow the convention; the
others join the list when their quizzes are restructured.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

import pytest

from kompetenz.content.loader import load_course
from kompetenz.content.model import Module
from kompetenz.quiz.gift import parse_gift, read_gift_file
from kompetenz.quiz.model import Question, QuestionType
from kompetenz.resources import bundled_content_dir

MODULES_WITH_OBJECTIVES = ("ethik-recht", "verwaltung")
MIN_GRADED_PER_OBJECTIVE = 2
MIN_APPLICATION_SHARE = 0.5
GRADED_CATEGORY = re.compile(r"^lernziel-(\d+)/(anwendung|wissen)$")
REFLECTION_CATEGORY = "reflexion"


@cache
def module(module_id: str) -> Module:
    found = load_course([bundled_content_dir()], "de").module(module_id)
    assert found is not None, f"module {module_id!r} did not load"
    return found


def objective_problems(questions: list[Question], objective_count: int) -> list[str]:
    """Everything that breaks the convention, one sentence per finding (empty when all is well)."""
    problems: list[str] = []
    per_objective: Counter[int] = Counter()
    application = graded = 0
    for question in questions:
        category = question.category or ""
        if question.type is QuestionType.ESSAY:
            if category != REFLECTION_CATEGORY:
                problems.append(f"{question.title}: essay under {category!r}, not 'reflexion'")
            continue
        match = GRADED_CATEGORY.match(category)
        if match is None:
            problems.append(f"{question.title}: graded question under {category!r}")
            continue
        number = int(match.group(1))
        if not 1 <= number <= objective_count:
            problems.append(f"{question.title}: objective {number} does not exist")
            continue
        per_objective[number] += 1
        graded += 1
        application += match.group(2) == "anwendung"
    for number in range(1, objective_count + 1):
        if per_objective[number] < MIN_GRADED_PER_OBJECTIVE:
            problems.append(f"objective {number} has {per_objective[number]} graded questions")
    if graded and application / graded < MIN_APPLICATION_SHARE:
        problems.append(f"only {application} of {graded} graded questions are 'anwendung'")
    return problems


@pytest.mark.parametrize("module_id", MODULES_WITH_OBJECTIVES)
def test_quiz_follows_the_objectives_convention(module_id: str) -> None:
    mod = module(module_id)
    questions = read_gift_file(mod.quiz_path)
    assert objective_problems(questions, len(mod.objectives)) == []


@pytest.mark.parametrize("module_id", MODULES_WITH_OBJECTIVES)
def test_quiz_has_reflections_apart_from_the_graded_questions(module_id: str) -> None:
    questions = read_gift_file(module(module_id).quiz_path)
    essays = [q for q in questions if q.type is QuestionType.ESSAY]
    assert essays, "every module keeps at least one reflection"
    assert all(q.category == REFLECTION_CATEGORY for q in essays)


@pytest.mark.parametrize("module_id", MODULES_WITH_OBJECTIVES)
def test_an_attempt_can_hold_one_graded_question_per_objective(module_id: str) -> None:
    mod = module(module_id)
    assert mod.quiz.questions_per_attempt >= len(mod.objectives)


def test_the_check_finds_every_kind_of_breach() -> None:
    # A small quiz that breaks each rule once: an essay outside 'reflexion', a graded
    # question without an objective, one tied to an objective that does not exist, and an
    # objective tested only by recall with a single question.
    text = "\n".join(
        [
            "$CATEGORY: lernziel-1/wissen",
            "",
            "::a:: Frage? {T#falsch#richtig}",
            "",
            "$CATEGORY: sonstiges",
            "",
            "::b:: Frage? {T#falsch#richtig}",
            "",
            "$CATEGORY: lernziel-3/anwendung",
            "",
            "::c:: Frage? {T#falsch#richtig}",
            "",
            "::d:: Nachdenken? {}",
        ]
    )
    problems = objective_problems(parse_gift(text, "test.gift"), objective_count=2)
    assert problems == [
        "b: graded question under 'sonstiges'",
        "c: objective 3 does not exist",
        "d: essay under 'lernziel-3/anwendung', not 'reflexion'",
        "objective 1 has 1 graded questions",
        "objective 2 has 0 graded questions",
        "only 0 of 1 graded questions are 'anwendung'",
    ]
