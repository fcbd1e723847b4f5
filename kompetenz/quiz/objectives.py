"""Which learning objective a question tests, read from its GIFT category.

The convention (docs/quiz-format.md): every graded question stands under
`$CATEGORY: lernziel-N/anwendung` or `$CATEGORY: lernziel-N/wissen`, N being the 1-based
number of the objective in module.toml; reflections (essays) under `$CATEGORY: reflexion`.
Moodle imports these as ordinary question categories. A quiz without any `lernziel-` category
(an older content pack) is not held to the convention.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kompetenz.quiz.model import Question, QuestionType

OBJECTIVE_PREFIX = "lernziel-"
REFLECTION_CATEGORY = "reflexion"
KINDS = ("anwendung", "wissen")  # applying knowledge to a school scenario; recall
_OBJECTIVE = re.compile(r"^lernziel-(\d+)/([^/]*)$")


@dataclass(frozen=True)
class ObjectiveTag:
    objective: int  # 1-based, as in the category
    kind: str  # one of KINDS


@dataclass(frozen=True)
class TagProblem:
    line: int  # in the quiz file; 0 for an untested objective
    message: str
    untested_objective: int = 0  # 1-based; the caller points at it in module.toml


def uses_objectives(questions: Sequence[Question]) -> bool:
    """True when the quiz follows the convention (at least one `lernziel-` category)."""
    return any((q.category or "").startswith(OBJECTIVE_PREFIX) for q in questions)


def objective_tag(question: Question) -> ObjectiveTag | None:
    """The objective a question is tied to, or None if its category is not a valid tag."""
    match = _OBJECTIVE.match(question.category or "")
    if match is None or match.group(2) not in KINDS or int(match.group(1)) < 1:
        return None
    return ObjectiveTag(int(match.group(1)), match.group(2))


def tag_problems(questions: Sequence[Question], objective_count: int) -> list[TagProblem]:
    """Every question that breaks the convention, and every objective no graded question
    tests."""
    problems: list[TagProblem] = []
    tested: set[int] = set()
    for question in questions:
        if not question.is_graded:
            continue
        problem, objective = _question_problem(question, objective_count)
        if problem is not None:
            problems.append(TagProblem(question.line, problem))
        if objective:  # a wrong kind still names the objective: no second, misleading problem
            tested.add(objective)
    for number in range(1, objective_count + 1):
        if number not in tested:
            message = f"objective {number} is tested by no graded question"
            problems.append(TagProblem(0, message, untested_objective=number))
    return problems


def _question_problem(question: Question, count: int) -> tuple[str | None, int]:
    """What is wrong with the question's tie (None if nothing) and the objective it names
    (0 if none in range)."""
    name = question.title or question.text[:40]
    category = question.category or ""
    match = _OBJECTIVE.match(category)
    if match is None:
        return (
            f"graded question '{name}' stands under no '$CATEGORY: lernziel-N/anwendung' "
            "or '…/wissen'",
            0,
        )
    number, kind = int(match.group(1)), match.group(2)
    if not 1 <= number <= count:
        return (
            f"question '{name}' is tied to objective {number}, but module.toml lists "
            f"{count} objective(s)",
            0,
        )
    if kind not in KINDS:
        return (
            f"question '{name}': unknown kind '{kind}' in '$CATEGORY: {category}'; "
            f"use {' or '.join(KINDS)}",
            number,
        )
    return None, number


def misplaced_reflections(questions: Sequence[Question]) -> list[TagProblem]:
    """Essays outside `$CATEGORY: reflexion` (a warning: they are never graded anyway)."""
    return [
        TagProblem(
            q.line,
            f"the reflection '{q.title or q.text[:40]}' belongs under "
            f"'$CATEGORY: {REFLECTION_CATEGORY}'",
        )
        for q in questions
        if q.type is QuestionType.ESSAY and q.category != REFLECTION_CATEGORY
    ]
