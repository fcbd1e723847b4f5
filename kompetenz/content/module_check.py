"""The check of one loaded module: its lessons as they would be shown, and its quiz.

Each finding names the file and line a trainer has to open. Lessons go through
`render_predictor.renders_cleanly` first, so only those that may have something to report are
rendered.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kompetenz.content.loader import MANIFEST, read_lesson_text
from kompetenz.content.model import Module
from kompetenz.content.problems import ContentError, Problem
from kompetenz.content.render import render_lesson
from kompetenz.content.render_predictor import FileLookup, renders_cleanly
from kompetenz.quiz.gift import GiftError, read_gift_file


@dataclass
class CheckReport:
    modules_checked: int = 0
    lessons_checked: int = 0
    questions_checked: int = 0
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def add(self, other: CheckReport) -> None:
        """Take over `other`'s counts and findings, after this report's own."""
        self.modules_checked += other.modules_checked
        self.lessons_checked += other.lessons_checked
        self.questions_checked += other.questions_checked
        self.problems.extend(other.problems)
        self.warnings.extend(other.warnings)


def check_module(module: Module, quick: bool = True) -> CheckReport:
    """The lessons and the quiz of one loaded module (a top-level function, so that worker
    processes can run it; see `check_workers`)."""
    report = CheckReport(modules_checked=1)
    files = FileLookup(module.folder)
    for lesson in module.lessons:
        report.lessons_checked += 1
        try:
            text = read_lesson_text(lesson.path)
        except ContentError as error:
            report.problems.extend(error.problems)
            continue
        if quick and renders_cleanly(text, lesson.path, files):
            continue
        rendered = render_lesson(text, lesson.path, module.folder)
        if rendered.too_complex:
            report.problems.append(
                Problem(
                    lesson.path,
                    1,
                    "the lesson is too large or too deeply nested to show formatted; "
                    "split it into smaller lessons",
                )
            )
        for removed in rendered.removed_html:
            report.warnings.append(
                Problem(
                    lesson.path,
                    # The sanitizer names a tag as '<iframe>'; the file has '<iframe src=…>'.
                    _line_of(text, removed.rstrip(">")),
                    f"HTML '{removed}' is not allowed in lessons and is left out",
                )
            )
        for src in rendered.missing_images:
            report.problems.append(
                Problem(
                    lesson.path,
                    _line_of(text, src),
                    f"image '{src}' is not a file inside the module folder",
                )
            )
        for href in rendered.broken_links:
            report.problems.append(
                Problem(
                    lesson.path,
                    _line_of(text, href),
                    f"link '{href}' leads to no lesson and no web page",
                )
            )
    _check_quiz(module, report)
    return report


def _check_quiz(module: Module, report: CheckReport) -> None:
    path = module.quiz_path
    if not path.is_file():
        report.problems.append(
            Problem(
                module.folder / MANIFEST, 1, f"the quiz file '{module.quiz.file_name}' is missing"
            )
        )
        return
    try:
        questions = read_gift_file(path)
    except GiftError as error:
        report.problems.append(Problem(path, error.line, error.message))
        return
    report.questions_checked += len(questions)
    for question in questions:
        for warning in question.warnings:
            report.warnings.append(Problem(path, question.line, warning))
    graded = sum(1 for q in questions if q.is_graded)
    if graded == 0:
        report.problems.append(Problem(path, 1, "the quiz has no question that can be graded"))
    wanted = module.quiz.questions_per_attempt
    if wanted > len(questions):
        report.problems.append(
            Problem(
                module.folder / MANIFEST,
                1,
                f"questions_per_attempt is {wanted}, but the quiz has only {len(questions)} questions",
            )
        )


def _line_of(text: str, needle: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if needle and needle in line:
            return number
    return 1
