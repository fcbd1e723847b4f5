"""What the learner sees after an attempt: per question their answer, the right one, feedback."""

from __future__ import annotations

from dataclasses import dataclass

from kompetenz.learning.quiz_session import QuizSession
from kompetenz.quiz.grading import Response, correct_answer_text, feedback_for
from kompetenz.quiz.model import Choice


@dataclass(frozen=True)
class ReviewItem:
    number: int
    question_text: str
    your_answer: str
    correct_answer: str
    fraction: float | None  # None: not graded (reflection or description)
    feedback: tuple[str, ...]
    general_feedback: str | None

    @property
    def verdict(self) -> str:
        """'right', 'partly', 'wrong' or 'ungraded' — shown as text and icon, not colour only."""
        if self.fraction is None:
            return "ungraded"
        if self.fraction >= 0.999:
            return "right"
        return "partly" if self.fraction > 0 else "wrong"


def review_items(
    session: QuizSession, true_label: str = "wahr", false_label: str = "falsch"
) -> list[ReviewItem]:
    """The review of an attempt; the labels name true and false in the learner's language."""
    items: list[ReviewItem] = []
    for position, planned in enumerate(session.items):
        question = planned.question
        response = session.responses.get(position)
        items.append(
            ReviewItem(
                number=position + 1,
                question_text=question.text,
                your_answer=describe_response(question.answers, response, true_label, false_label),
                correct_answer=(
                    correct_answer_text(question, true_label, false_label)
                    if question.is_graded
                    else ""
                ),
                fraction=session.fractions.get(position) if question.is_graded else None,
                feedback=tuple(feedback_for(question, response)),
                general_feedback=question.general_feedback,
            )
        )
    return items


def describe_response(
    answers: object, response: Response, true_label: str = "wahr", false_label: str = "falsch"
) -> str:
    """The learner's answer in words; '—' when nothing was given."""
    if response is None or response == "" or response == frozenset():
        return "—"
    if isinstance(response, bool):
        return true_label if response else false_label
    if isinstance(response, int) and isinstance(answers, tuple):
        return _choice_text(answers, response)
    if isinstance(response, frozenset) and isinstance(answers, tuple):
        return "; ".join(_choice_text(answers, i) for i in sorted(response))
    if isinstance(response, dict) and isinstance(answers, tuple):
        return "; ".join(
            f"{getattr(answers[i], 'question', '?')} → {value}"
            for i, value in sorted(response.items())
            if 0 <= i < len(answers)
        )
    return str(response)


def _choice_text(answers: tuple[object, ...], index: int) -> str:
    if 0 <= index < len(answers) and isinstance(answers[index], Choice):
        choice = answers[index]
        assert isinstance(choice, Choice)
        return choice.text
    return "?"
