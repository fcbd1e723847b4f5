"""What a module is once its files have been read."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path


@dataclass(frozen=True)
class Lesson:
    module_id: str
    file_name: str  # as listed in module.toml; the key stored in the learner's progress
    folder: Path  # the module folder; `file_name` is relative to it
    title: str

    @cached_property
    def path(self) -> Path:
        # Built when first needed: a start with a 10,000-lesson course builds none of them.
        return self.folder / self.file_name


@dataclass(frozen=True)
class QuizSettings:
    file_name: str = "quiz.gift"
    pass_percent: float = 80.0
    questions_per_attempt: int = 0  # 0: every question of the pool
    max_attempts: int = 0  # 0: unlimited
    shuffle_choices: bool = True


@dataclass(frozen=True)
class Module:
    id: str
    version: str
    title: str
    summary: str
    audience: tuple[str, ...]
    estimated_minutes: int
    workload_hours: float
    as_of: date
    objectives: tuple[str, ...]
    lessons: tuple[Lesson, ...]
    quiz: QuizSettings
    folder: Path
    language: str
    order: int = 100
    core: bool = True
    warnings: tuple[str, ...] = field(default=(), compare=False)

    @property
    def quiz_path(self) -> Path:
        return self.folder / self.quiz.file_name

    def lesson(self, file_name: str) -> Lesson | None:
        return next((lesson for lesson in self.lessons if lesson.file_name == file_name), None)

    def lesson_index(self, file_name: str) -> int:
        return next(
            (i for i, lesson in enumerate(self.lessons) if lesson.file_name == file_name), -1
        )
