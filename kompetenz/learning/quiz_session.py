"""One quiz attempt from the first question to the result, saved answer by answer.

Every confirmed answer is committed before `answer` returns, so an attempt interrupted by a
crash or a closed window can be resumed with everything given so far.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass

from kompetenz.content.model import Module
from kompetenz.quiz.attempt_plan import PlannedQuestion, plan_attempt, score_attempt
from kompetenz.quiz.gift import read_gift_file
from kompetenz.quiz.grading import Response, grade
from kompetenz.quiz.model import Question, QuestionType
from kompetenz.store import ProgressStore
from kompetenz.store.records import AttemptRecord, PlannedItem

JsonValue = None | bool | int | float | str | list["JsonValue"] | dict[str, "JsonValue"]


class AttemptsExhausted(Exception):
    """The module allows a limited number of attempts, and all have been used."""

    def __init__(self, module: Module) -> None:
        super().__init__(
            f"Für das Modul „{module.title}“ sind alle {module.quiz.max_attempts} Versuche "
            "verbraucht."
        )


@dataclass(frozen=True)
class QuizResult:
    attempt: AttemptRecord
    score_percent: float
    passed: bool
    pass_percent: float


class QuizSession:
    """The questions of one attempt in the order shown, and the answers given so far."""

    def __init__(
        self,
        store: ProgressStore,
        module: Module,
        attempt: AttemptRecord,
        items: list[PlannedQuestion],
    ) -> None:
        self._store = store
        self.module = module
        self.attempt_id = attempt.id
        self.items = items
        self.responses: dict[int, Response] = {}
        self.fractions: dict[int, float | None] = {}
        for answer in attempt.answers:
            if 0 <= answer.position < len(items):
                question = items[answer.position].question
                self.responses[answer.position] = response_from_json(question, answer.response)
                self.fractions[answer.position] = answer.fraction

    @property
    def size(self) -> int:
        return len(self.items)

    def next_open_position(self) -> int:
        """Where to continue: the first question without an answer (the end if none)."""
        return next((i for i in range(self.size) if i not in self.responses), self.size)

    def answer(self, position: int, response: Response) -> float | None:
        question = self.items[position].question
        fraction = grade(question, response)
        self._store.record_answer(
            self.attempt_id, position, question.key, response_to_json(response), fraction
        )
        self.responses[position] = response
        self.fractions[position] = fraction
        return fraction

    def finish(self) -> QuizResult:
        fractions = [
            self.fractions.get(i) if self.items[i].question.is_graded else None
            for i in range(self.size)
        ]
        graded = [
            f if f is not None else 0.0
            for i, f in enumerate(fractions)
            if self.items[i].question.is_graded
        ]
        score = score_attempt(graded)
        passed = score + 1e-9 >= self.module.quiz.pass_percent
        record = self._store.finish_attempt(self.attempt_id, score, passed)
        return QuizResult(record, score, passed, self.module.quiz.pass_percent)


def load_questions(module: Module) -> list[Question]:
    return read_gift_file(module.quiz_path)


def start_or_resume(
    store: ProgressStore, profile_id: int, module: Module, rng: random.Random | None = None
) -> QuizSession:
    """Resume the unfinished attempt of this module if there is one, else start a new one."""
    pool = load_questions(module)
    by_key = {q.key: q for q in pool}
    unfinished = store.unfinished_attempt(profile_id, module.id)
    if unfinished is not None and all(item.question_key in by_key for item in unfinished.plan):
        items = [
            PlannedQuestion(by_key[item.question_key], item.choice_order)
            for item in unfinished.plan
        ]
        return QuizSession(store, module, unfinished, items)
    if unfinished is not None:
        # The quiz changed under the attempt: close it as failed rather than guessing answers.
        store.finish_attempt(unfinished.id, 0.0, False)
    settings = module.quiz
    if settings.max_attempts:
        progress = store.module_progress(profile_id).get(module.id)
        if progress is not None and progress.attempts >= settings.max_attempts:
            raise AttemptsExhausted(module)
    items = plan_attempt(
        pool,
        settings.questions_per_attempt or None,
        settings.shuffle_choices,
        rng or random.Random(),
    )
    plan = [PlannedItem(item.question.key, tuple(item.choice_order)) for item in items]
    attempt = store.start_attempt(profile_id, module.id, module.version, plan)
    return QuizSession(store, module, attempt, items)


def response_to_json(response: Response) -> JsonValue:
    if isinstance(response, frozenset):
        return list[JsonValue](sorted(response))
    if isinstance(response, Mapping):
        return {str(key): value for key, value in response.items()}
    return response


def response_from_json(question: Question, value: object) -> Response:
    """The stored JSON back into the response type the grader expects for this question."""
    if value is None:
        return None
    if question.type is QuestionType.MULTIPLE_CHOICE and isinstance(value, list):
        return frozenset(int(v) for v in value)
    if question.type is QuestionType.MATCHING and isinstance(value, dict):
        return {int(k): str(v) for k, v in value.items()}
    if question.type is QuestionType.TRUE_FALSE:
        return bool(value)
    if question.type in (QuestionType.SINGLE_CHOICE, QuestionType.MISSING_WORD):
        return int(value) if isinstance(value, int | float) else None
    return str(value)
