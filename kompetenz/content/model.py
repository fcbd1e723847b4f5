"""What a module is once its files have been read."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

# The roles a module can be core for: the ids of `kompetenz.store.records.Role` (the content
# layer does not import the store; tests/content/test_core_for.py checks that both agree).
ROLE_IDS = ("teacher", "leadership", "administration", "other")


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
class Template:
    """A document a school can adapt (a "Vorlage"), shown beside the lesson it belongs to."""

    file_name: str  # relative to the module folder, e.g. "vorlagen/elternbrief.md"
    title: str
    lesson_file: str  # the lesson it belongs to, as listed in module.toml
    folder: Path  # the module folder

    @property
    def path(self) -> Path:
        return self.folder.joinpath(*self.file_name.split("/"))


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
    # The roles for whom the module is core (it counts towards the "Zertifikat KI-Kompetenz"
    # and heads their learning path); empty: elective for everybody.
    core_for: tuple[str, ...] = ROLE_IDS
    templates: tuple[Template, ...] = ()
    warnings: tuple[str, ...] = field(default=(), compare=False)

    @property
    def quiz_path(self) -> Path:
        return self.folder / self.quiz.file_name

    def is_core_for(self, role: str) -> bool:
        return role in self.core_for

    def templates_of(self, file_name: str) -> tuple[Template, ...]:
        """The templates that belong to one lesson."""
        return tuple(t for t in self.templates if t.lesson_file == file_name)

    def lesson(self, file_name: str) -> Lesson | None:
        return next((lesson for lesson in self.lessons if lesson.file_name == file_name), None)

    def lesson_index(self, file_name: str) -> int:
        return next(
            (i for i, lesson in enumerate(self.lessons) if lesson.file_name == file_name), -1
        )
