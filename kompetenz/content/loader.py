"""Finding and loading modules. A broken module never stops the good ones from loading.

Loading for the app reads each module.toml and each lesson's first heading; the quiz is parsed
only when a learner opens it. `kompetenz content check` uses `checker.py` for the full checks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from kompetenz.content.manifest import read_manifest
from kompetenz.content.model import Lesson, Module
from kompetenz.content.problems import ContentError, Problem

MANIFEST = "module.toml"
LANGUAGE_DIR = re.compile(r"^[a-z]{2}$")
_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$")
MAX_LESSON_BYTES = 2_000_000


@dataclass(frozen=True)
class ModuleFailure:
    folder: Path
    problems: tuple[Problem, ...]

    @property
    def summary(self) -> str:
        return str(self.problems[0]) if self.problems else str(self.folder)


@dataclass(frozen=True)
class Course:
    modules: tuple[Module, ...]
    failures: tuple[ModuleFailure, ...]

    def module(self, module_id: str) -> Module | None:
        return next((m for m in self.modules if m.id == module_id), None)


def module_folders(roots: Iterable[Path], language: str | None = None) -> list[tuple[Path, str]]:
    """Every module folder below the given roots, with its language.

    A root may be a content folder (holding language folders), a language folder or one module.
    """
    found: list[tuple[Path, str]] = []
    for root in roots:
        if (root / MANIFEST).is_file():
            found.append((root, root.parent.name))
        elif LANGUAGE_DIR.match(root.name) and _has_modules(root):
            found.extend((folder, root.name) for folder in _module_children(root))
        elif root.is_dir():
            for lang_dir in sorted(p for p in root.iterdir() if p.is_dir()):
                if LANGUAGE_DIR.match(lang_dir.name):
                    found.extend((folder, lang_dir.name) for folder in _module_children(lang_dir))
    if language is not None:
        found = [(folder, lang) for folder, lang in found if lang == language]
    return found


def load_course(roots: Sequence[Path], language: str = "de") -> Course:
    modules: list[Module] = []
    failures: list[ModuleFailure] = []
    for folder, lang in module_folders(roots, language):
        try:
            module = load_module(folder, lang)
        except ContentError as error:
            failures.append(ModuleFailure(folder, tuple(error.problems)))
            continue
        clash = next((m for m in modules if m.id == module.id), None)
        if clash is not None:
            failures.append(ModuleFailure(folder, (Problem(
                folder / MANIFEST, 1, f"module id '{module.id}' is already used by {clash.folder}"),)))
            continue
        modules.append(module)
    modules.sort(key=lambda m: (m.order, m.title.casefold()))
    return Course(tuple(modules), tuple(failures))


def load_module(folder: Path, language: str) -> Module:
    """Read one module's manifest and lesson titles; raise ContentError when it is unusable."""
    manifest_path = folder / MANIFEST
    manifest, problems = read_manifest(manifest_path, folder.name)
    if manifest is None:
        raise ContentError(problems)
    lessons: list[Lesson] = []
    for file_name in manifest.lesson_files:
        line = manifest.line_of(f'"{file_name}"')
        path = _lesson_path(folder, file_name)
        if path is None:
            problems.append(Problem(manifest_path, line, f"lesson '{file_name}' is not a file "
                                    "inside the module folder"))
            continue
        if any(lesson.file_name == file_name for lesson in lessons):
            problems.append(Problem(manifest_path, line, f"lesson '{file_name}' is listed twice"))
            continue
        title, problem = read_lesson_title(path)
        if problem is not None:
            problems.append(problem)
            continue
        lessons.append(Lesson(manifest.id, file_name, path, title))
    if problems:
        raise ContentError(problems)
    return Module(
        id=manifest.id, version=manifest.version, title=manifest.title,
        summary=manifest.summary, audience=manifest.audience,
        estimated_minutes=manifest.estimated_minutes, workload_hours=manifest.workload_hours,
        as_of=manifest.as_of, objectives=manifest.objectives, lessons=tuple(lessons),
        quiz=manifest.quiz, folder=folder, language=language, order=manifest.order,
        core=manifest.core,
    )


def read_lesson_text(path: Path) -> str:
    """A lesson's Markdown; raises ContentError with the line of the first bad byte."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ContentError([Problem(path, 1, f"cannot read the lesson: {error.strerror}")]) from None
    if len(data) > MAX_LESSON_BYTES:
        raise ContentError([Problem(path, 1, "the lesson is larger than 2 MB; split it")])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ContentError([Problem(path, line, "the lesson is not UTF-8 text; save it as UTF-8")]
                           ) from None


def read_lesson_title(path: Path) -> tuple[str, Problem | None]:
    """The text of the first `# ` heading, or a problem saying what is wrong."""
    try:
        text = read_lesson_text(path)
    except ContentError as error:
        return "", error.problems[0]
    for line in text.splitlines():
        match = _HEADING.match(line.strip())
        if match:
            return match.group(1), None
    if not text.strip():
        return "", Problem(path, 1, "the lesson is empty")
    return "", Problem(path, 1, "the lesson has no title: start it with a heading like '# Titel'")


def _lesson_path(folder: Path, file_name: str) -> Path | None:
    relative = PurePosixPath(file_name)
    if relative.is_absolute() or ".." in relative.parts or not file_name.endswith(".md"):
        return None
    path = folder.joinpath(*relative.parts)
    return path if path.is_file() and not path.is_symlink() else None


def _has_modules(folder: Path) -> bool:
    return any((child / MANIFEST).is_file() for child in folder.iterdir() if child.is_dir())


def _module_children(lang_dir: Path) -> list[Path]:
    return sorted(p for p in lang_dir.iterdir() if p.is_dir() and (p / MANIFEST).is_file())
