"""The check of one loaded module: its lessons as they would be shown, and its quiz.

Each finding names the file and line a trainer has to open. Lessons go through
`render_predictor.renders_cleanly` first, so only those that may have something to report are
rendered.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kompetenz.content.freshness import stale_future_dates
from kompetenz.content.loader import MANIFEST, read_lesson_text
from kompetenz.content.model import Module
from kompetenz.content.problems import ContentError, Problem
from kompetenz.content.render import render_lesson
from kompetenz.content.render_predictor import FileLookup, renders_cleanly
from kompetenz.quiz.gift import GiftError, read_gift_file
from kompetenz.quiz.model import Question
from kompetenz.quiz.objectives import misplaced_reflections, tag_problems, uses_objectives


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
        text = _read_text(lesson.path, report)
        if text is None:
            continue
        _check_freshness(module, lesson.path, text, report)
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
    _check_templates(module, report)
    _check_quiz(module, report)
    return report


def _check_freshness(module: Module, path: Path, text: str, report: CheckReport) -> None:
    for stale in stale_future_dates(text, module.as_of):
        report.warnings.append(
            Problem(
                path,
                stale.line,
                f"'{stale.phrase}' speaks of {stale.when:%d.%m.%Y}, before the module's as_of "
                f"({module.as_of:%d.%m.%Y}), in the future tense; write it in the past tense "
                "(e.g. 'gilt seit dem …')",
            )
        )


def _check_templates(module: Module, report: CheckReport) -> None:
    """Templates are course text too: readable, and as current as the lessons."""
    for template in module.templates:
        text = _read_text(template.path, report)
        if text is not None:
            _check_freshness(module, template.path, text, report)


def _read_text(path: Path, report: CheckReport) -> str | None:
    """A lesson's or template's Markdown; None (and the problem reported) if it is unreadable."""
    try:
        return read_lesson_text(path)
    except ContentError as error:
        report.problems.extend(error.problems)
        return None


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
    _check_freshness(module, path, path.read_text(encoding="utf-8-sig"), report)
    graded = sum(1 for q in questions if q.is_graded)
    if graded == 0:
        report.problems.append(Problem(path, 1, "the quiz has no question that can be graded"))
    by_objective = uses_objectives(questions)
    if by_objective:
        _check_objectives(module, questions, report)
    # With objectives only graded questions are drawn by number (reflections come on top).
    pool, what = (graded, "graded questions") if by_objective else (len(questions), "questions")
    wanted = module.quiz.questions_per_attempt
    if wanted > pool:
        report.problems.append(
            Problem(
                module.folder / MANIFEST,
                _manifest_line(module, "questions_per_attempt"),
                f"questions_per_attempt is {wanted}, but the quiz has only {pool} {what}",
            )
        )


def _check_objectives(module: Module, questions: list[Question], report: CheckReport) -> None:
    """The quiz ties its questions to the objectives: each tie valid, each objective tested."""
    path = module.quiz_path
    for found in tag_problems(questions, len(module.objectives)):
        if not found.untested_objective:
            report.problems.append(Problem(path, found.line, found.message))
        else:  # point at the objective in module.toml
            objective = module.objectives[found.untested_objective - 1]
            line = _manifest_line(module, objective[:60])
            report.problems.append(
                Problem(module.folder / MANIFEST, line, f"{found.message}: '{objective}'")
            )
    for found in misplaced_reflections(questions):
        report.warnings.append(Problem(path, found.line, found.message))


def _manifest_line(module: Module, needle: str) -> int:
    try:
        text = (module.folder / MANIFEST).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return 1
    return _line_of(text, needle)


def _line_of(text: str, needle: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if needle and needle in line:
            return number
    return 1
