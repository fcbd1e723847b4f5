"""Which questions an attempt shows and in which order their options appear, and its score.

Pure functions of their inputs (the random generator is passed in), so an attempt can be
re-created from a stored seed and tests can fix the draw.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from kompetenz.quiz.model import CHOICE_TYPES, MatchPair, Question, QuestionType
from kompetenz.quiz.objectives import objective_tag, uses_objectives

__all__ = ["PlannedQuestion", "plan_attempt", "score_attempt"]


@dataclass(frozen=True)
class PlannedQuestion:
    """A question as one attempt shows it.

    `choice_order` is a display order: for choice questions a permutation of the indices into
    `question.answers`; for matching a permutation of the indices into the distinct right-hand
    texts (in order of first appearance), as the drop-downs list them; for true/false (0, 1),
    meaning True then False; the identity over `question.answers` for the other types.
    """

    question: Question
    choice_order: tuple[int, ...]


def plan_attempt(
    pool: Sequence[Question],
    per_attempt: int | None,
    shuffle_choices: bool,
    rng: random.Random,
) -> list[PlannedQuestion]:
    """Draw `per_attempt` questions (all when None, 0 or at least the pool size).

    Descriptions are never drawn: they carry no question. The drawn questions keep the order
    of the file, so a trainer's progression (easy before hard) holds in every attempt.

    A quiz whose questions are tied to learning objectives (`objectives.py`) is drawn by
    `_draw_by_objective` instead: `per_attempt` then counts graded questions only.
    """
    if per_attempt is not None and per_attempt < 0:
        raise ValueError(f"questions per attempt cannot be negative: {per_attempt}")
    if uses_objectives(pool):
        chosen = _draw_by_objective(pool, per_attempt, rng)
        return [_plan(pool[i], shuffle_choices, rng) for i in chosen]
    candidates = [i for i, q in enumerate(pool) if q.type is not QuestionType.DESCRIPTION]
    if per_attempt and per_attempt < len(candidates):
        candidates = sorted(rng.sample(candidates, per_attempt))
    return [_plan(pool[i], shuffle_choices, rng) for i in candidates]


def _draw_by_objective(
    pool: Sequence[Question], per_attempt: int | None, rng: random.Random
) -> list[int]:
    """Indices into `pool`: at least one graded question per objective, then more at random
    up to `per_attempt` graded questions (one per objective if that is fewer), in file order;
    then one reflection (essay), drawn at random, at the end and never counted or scored."""
    graded = [i for i, q in enumerate(pool) if q.is_graded]
    by_objective: dict[int, list[int]] = {}
    for i in graded:
        tag = objective_tag(pool[i])
        if tag is not None:
            by_objective.setdefault(tag.objective, []).append(i)
    chosen = {rng.choice(indices) for _, indices in sorted(by_objective.items())}
    wanted = len(graded) if not per_attempt else min(per_attempt, len(graded))
    rest = [i for i in graded if i not in chosen]
    if wanted > len(chosen):
        chosen.update(rng.sample(rest, wanted - len(chosen)))
    reflections = [i for i, q in enumerate(pool) if q.type is QuestionType.ESSAY]
    return sorted(chosen) + ([rng.choice(reflections)] if reflections else [])


def score_attempt(fractions: Sequence[float | None]) -> float:
    """Percent 0..100 over the graded questions (None marks an ungraded one).

    As in Moodle, a negative mark on one question counts against the others; only the total
    is kept from going below 0. An attempt with nothing graded scores 100: nothing was wrong.
    """
    graded = [f for f in fractions if f is not None]
    if not graded:
        return 100.0
    return min(100.0, max(0.0, sum(graded)) / len(graded) * 100)


def _plan(question: Question, shuffle: bool, rng: random.Random) -> PlannedQuestion:
    answers = question.answers
    if question.type is QuestionType.TRUE_FALSE:
        return PlannedQuestion(question, (0, 1))
    if not isinstance(answers, tuple):
        return PlannedQuestion(question, ())
    order = list(range(len(answers)))
    if question.type is QuestionType.MATCHING:
        distinct = {p.answer: None for p in answers if isinstance(p, MatchPair)}
        order = list(range(len(distinct)))
    if shuffle and (question.type in CHOICE_TYPES or question.type is QuestionType.MATCHING):
        rng.shuffle(order)
    return PlannedQuestion(question, tuple(order))
