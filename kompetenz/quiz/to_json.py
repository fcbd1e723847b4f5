"""The parsed form of a quiz as plain JSON data, for `kompetenz quiz inspect FILE --json`.

Trainers and tools use it to see exactly how a GIFT file was understood, so the shape is a
promise (documented in docs/quiz-format.md): every key is always present, absent is null.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from kompetenz.quiz.model import (
    Choice,
    MatchPair,
    NumericalAnswer,
    Question,
    TrueFalse,
)

__all__ = ["question_to_json", "questions_to_json"]

JsonObject = dict[str, Any]


def questions_to_json(questions: Iterable[Question]) -> JsonObject:
    return {"questions": [question_to_json(q) for q in questions]}


def question_to_json(question: Question) -> JsonObject:
    return {
        "type": question.type.value,
        "title": question.title,
        "text": question.text,
        "format": question.format,
        "category": question.category,
        "general_feedback": question.general_feedback,
        "answers": _answers(question),
    }


def _answers(question: Question) -> JsonObject | list[JsonObject]:
    answers = question.answers
    if isinstance(answers, TrueFalse):
        return {
            "correct": answers.correct,
            "wrong_feedback": answers.wrong_feedback,
            "right_feedback": answers.right_feedback,
        }
    return [_answer(a) for a in answers]


def _answer(answer: Choice | NumericalAnswer | MatchPair) -> JsonObject:
    if isinstance(answer, Choice):
        return {"text": answer.text, "fraction": answer.fraction, "feedback": answer.feedback}
    if isinstance(answer, MatchPair):
        return {"question": answer.question, "answer": answer.answer}
    tail = {"fraction": answer.fraction, "feedback": answer.feedback}
    if answer.range_min is not None and answer.range_max is not None:
        return {"min": answer.range_min, "max": answer.range_max, **tail}
    if answer.value is None:  # the catch-all: "any other answer"
        return {"value": "*", "tolerance": 0, **tail}
    return {"value": answer.value, "tolerance": answer.tolerance, **tail}
