"""Figures for the home page: how far a learner is, and how much time is still ahead. No Qt."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kompetenz.content.model import Module

# For annotations only: the records are imported with the learner's data, after the first paint.
if TYPE_CHECKING:
    from kompetenz.store.records import ModuleProgress

QUIZ_SHARE = 0.2  # the part of a module's estimated time that its quiz takes, roughly


def lessons_done(module: Module, progress: ModuleProgress | None) -> int:
    if progress is None:
        return 0
    return len(progress.lessons_completed & {lesson.file_name for lesson in module.lessons})


def remaining_minutes(module: Module, progress: ModuleProgress | None) -> int:
    """Estimated minutes still needed: the unread share of the reading time, plus the quiz."""
    if progress is not None and progress.passed:
        return 0
    reading = module.estimated_minutes * (1 - QUIZ_SHARE)
    total_lessons = max(len(module.lessons), 1)
    unread = total_lessons - lessons_done(module, progress)
    return math.ceil(reading * unread / total_lessons + module.estimated_minutes * QUIZ_SHARE)


@dataclass(frozen=True)
class CourseOverview:
    lessons_done: int
    lessons_total: int
    modules_passed: int
    modules_total: int
    minutes_remaining: int

    @property
    def percent(self) -> int:
        """Overall progress: lessons read and quizzes passed count alike."""
        steps = self.lessons_total + self.modules_total
        done = self.lessons_done + self.modules_passed
        return round(100 * done / steps) if steps else 0


def course_overview(
    modules: tuple[Module, ...], progress: Mapping[str, ModuleProgress]
) -> CourseOverview:
    return CourseOverview(
        lessons_done=sum(lessons_done(m, progress.get(m.id)) for m in modules),
        lessons_total=sum(len(m.lessons) for m in modules),
        modules_passed=sum(1 for m in modules if (p := progress.get(m.id)) and p.passed),
        modules_total=len(modules),
        minutes_remaining=sum(remaining_minutes(m, progress.get(m.id)) for m in modules),
    )
