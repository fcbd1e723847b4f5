"""The full check behind `kompetenz content check`: everything a learner could trip over."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kompetenz.content.loader import (
    LANGUAGE_DIR,
    MANIFEST,
    load_course,
    module_folders,
    read_lesson_text,
)
from kompetenz.content.model import Module
from kompetenz.content.problems import ContentError, Problem
from kompetenz.content.render import render_lesson
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


def check_content(roots: Sequence[Path]) -> CheckReport:
    report = CheckReport()
    languages = sorted({lang for _, lang in module_folders(roots)})
    for language in languages:
        course = load_course(roots, language)
        for failure in course.failures:
            report.problems.extend(failure.problems)
        for module in course.modules:
            _check_module(module, report)
        report.modules_checked += len(course.modules) + len(course.failures)
    for root in roots:
        report.problems.extend(_folders_without_manifest(root))
    if report.modules_checked == 0 and not report.problems:
        for root in roots:
            report.problems.append(Problem(root, 1, "no module found (no module.toml below it)"))
    report.problems.sort()
    return report


def _check_module(module: Module, report: CheckReport) -> None:
    for lesson in module.lessons:
        report.lessons_checked += 1
        try:
            text = read_lesson_text(lesson.path)
        except ContentError as error:
            report.problems.extend(error.problems)
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


def _folders_without_manifest(root: Path) -> list[Problem]:
    """A module folder whose module.toml was forgotten would otherwise vanish silently."""
    if (root / MANIFEST).is_file() or not root.is_dir():
        return []  # one module given: its sub-folders hold images, not modules
    problems: list[Problem] = []
    language_dirs = (
        [root]
        if LANGUAGE_DIR.match(root.name)
        else [p for p in root.iterdir() if p.is_dir() and LANGUAGE_DIR.match(p.name)]
    )
    for lang_dir in language_dirs:
        for folder in sorted(p for p in lang_dir.iterdir() if p.is_dir()):
            if not (folder / MANIFEST).exists():
                problems.append(Problem(folder / MANIFEST, 1, "module folder without module.toml"))
    return problems


def _line_of(text: str, needle: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if needle and needle in line:
            return number
    return 1
