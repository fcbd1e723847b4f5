"""The full check behind `kompetenz content check`: everything a learner could trip over."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from kompetenz.content.check_workers import check_modules
from kompetenz.content.loader import LANGUAGE_DIR, MANIFEST, load_course, module_folders
from kompetenz.content.model import Module
from kompetenz.content.module_check import CheckReport
from kompetenz.content.problems import Problem

__all__ = ["CheckReport", "check_content"]


def check_content(
    roots: Sequence[Path], *, quick: bool = True, workers: int | None = 1
) -> CheckReport:
    """Every problem and warning below `roots`: problems sorted by file and line, warnings in
    the order of languages, modules, lessons.

    With `quick`, a lesson that `render_predictor.renders_cleanly` proves to have nothing to report
    is not rendered; `quick=False` renders every lesson (the tests compare the two).
    `workers`: how many processes check the modules. 1 (the default) keeps to this process, as
    the app must (it checks content packs from a worker thread, and a process must not fork
    with threads running); None lets `check_workers` use the cores for a big library, as
    `kompetenz content check` does.
    """
    report = CheckReport()
    modules: list[Module] = []
    for language in sorted({lang for _, lang in module_folders(roots)}):
        course = load_course(roots, language)
        for failure in course.failures:
            report.problems.extend(failure.problems)
        report.modules_checked += len(course.failures)
        modules.extend(course.modules)
    for found in check_modules(modules, quick, workers):
        report.add(found)
    for root in roots:
        report.problems.extend(_folders_without_manifest(root))
    if report.modules_checked == 0 and not report.problems:
        for root in roots:
            report.problems.append(Problem(root, 1, "no module found (no module.toml below it)"))
    report.problems.sort()
    return report


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
