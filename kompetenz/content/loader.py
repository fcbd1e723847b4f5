"""Finding and loading modules. A broken module never stops the good ones from loading.

Loading for the app reads each module.toml and each lesson's first heading; the quiz is parsed
only when a learner opens it. `kompetenz content check` uses `checker.py` for the full checks.

With a big course (500 modules × 20 lessons) that means parsing 500 TOML files and opening
10,000 lessons at every start. Given a `cache_dir` (the app's data folder), `load_course` keeps
what it loaded in `content-cache.json` there: per module folder the manifest's and every
lesson's modification time and size, the lesson titles, and the module as loaded. A later
start then only `stat`s the files (docs/performance.md has the numbers). The cache never
changes what is loaded: a module is taken from it only when none of its files changed in any
way, a module with a problem is never cached, and a cache that cannot be read, is damaged or
was written by other code (see `_code_stamp`) is ignored and rewritten.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from kompetenz import __version__
from kompetenz.content import manifest as _manifest_module
from kompetenz.content import model as _model_module
from kompetenz.content.manifest import Manifest, read_manifest
from kompetenz.content.model import Lesson, Module, QuizSettings, Template
from kompetenz.content.problems import ContentError, Problem

MANIFEST = "module.toml"
LANGUAGE_DIR = re.compile(r"^[a-z]{2}$")
_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$")
MAX_LESSON_BYTES = 2_000_000
CACHE_FILE = "content-cache.json"
_CACHE_FORMAT = 2  # 2: core_for and templates
# A file written this recently may be written again within the same timestamp tick (FAT keeps
# two seconds), and an edit that keeps the size would then go unnoticed; such files are read
# but not cached ("racily clean", as git calls them).
_RACY_SECONDS = 3.0


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


def load_course(
    roots: Sequence[Path], language: str = "de", *, cache_dir: Path | None = None
) -> Course:
    """The modules below `roots` in `language`; broken ones are listed in `failures`.

    `cache_dir` is where the content cache lives (the app passes its data folder); without
    it every file is read, as `kompetenz content check` must.
    """
    cache = _ContentCache.open(cache_dir)
    modules: list[Module] = []
    failures: list[ModuleFailure] = []
    by_id: dict[str, Module] = {}  # not a scan of `modules`: with 500 modules that was O(n²)
    for folder, lang in module_folders(roots, language):
        module = cache.module(folder, lang)
        if module is None:
            try:
                module = _load_module(folder, lang, cache)
            except ContentError as error:
                failures.append(ModuleFailure(folder, tuple(error.problems)))
                continue
            cache.remember(module)
        clash = by_id.get(module.id)
        if clash is not None:
            failures.append(
                ModuleFailure(
                    folder,
                    (
                        Problem(
                            folder / MANIFEST,
                            1,
                            f"module id '{module.id}' is already used by {clash.folder}",
                        ),
                    ),
                )
            )
            continue
        by_id[module.id] = module
        modules.append(module)
    cache.save()
    modules.sort(key=lambda m: (m.order, m.title.casefold()))
    return Course(tuple(modules), tuple(failures))


def load_module(folder: Path, language: str) -> Module:
    """Read one module's manifest and lesson titles; raise ContentError when it is unusable."""
    return _load_module(folder, language, _ContentCache(None, {}))


def _load_module(folder: Path, language: str, cache: _ContentCache) -> Module:
    manifest_path = folder / MANIFEST
    manifest, problems = read_manifest(manifest_path, folder.name)
    if manifest is None:
        raise ContentError(problems)
    lessons: list[Lesson] = []
    loaded: set[str] = set()
    for file_name in manifest.lesson_files:
        info = _lesson_stat(folder, file_name)
        if info is None:
            problems.append(
                Problem(
                    manifest_path,
                    manifest.line_of(f'"{file_name}"'),
                    f"lesson '{file_name}' is not a file inside the module folder",
                )
            )
            continue
        if file_name in loaded:
            line = manifest.line_of(f'"{file_name}"')
            problems.append(Problem(manifest_path, line, f"lesson '{file_name}' is listed twice"))
            continue
        title, problem = cache.title(folder, file_name, folder / file_name, info)
        if problem is not None:
            problems.append(problem)
            continue
        loaded.add(file_name)
        lessons.append(Lesson(manifest.id, file_name, folder, title))
    templates = _templates(manifest, folder, problems)
    if problems:
        raise ContentError(problems)
    return Module(
        id=manifest.id,
        version=manifest.version,
        title=manifest.title,
        summary=manifest.summary,
        audience=manifest.audience,
        estimated_minutes=manifest.estimated_minutes,
        workload_hours=manifest.workload_hours,
        as_of=manifest.as_of,
        objectives=manifest.objectives,
        lessons=tuple(lessons),
        quiz=manifest.quiz,
        folder=folder,
        language=language,
        order=manifest.order,
        core_for=manifest.core_for,
        templates=templates,
    )


def _templates(manifest: Manifest, folder: Path, problems: list[Problem]) -> tuple[Template, ...]:
    """The manifest's templates, each a file in the module folder belonging to a listed lesson."""
    manifest_path = folder / MANIFEST
    templates: list[Template] = []
    for entry in manifest.templates:
        template = Template(entry.file_name, entry.title, entry.lesson_file, folder)
        line = manifest.line_of(f'"{entry.file_name}"')
        if template.path.is_symlink() or not template.path.is_file():
            problems.append(
                Problem(manifest_path, line, f"template '{entry.file_name}' is not a file")
            )
        elif entry.lesson_file not in manifest.lesson_files:
            problems.append(
                Problem(
                    manifest_path,
                    line,
                    f"template '{entry.file_name}' belongs to '{entry.lesson_file}', "
                    "which is not a lesson of this module",
                )
            )
        else:
            templates.append(template)
    return tuple(templates)


def read_lesson_text(path: Path) -> str:
    """A lesson's Markdown; raises ContentError with the line of the first bad byte."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ContentError(
            [Problem(path, 1, f"cannot read the lesson: {error.strerror}")]
        ) from None
    if len(data) > MAX_LESSON_BYTES:
        raise ContentError([Problem(path, 1, "the lesson is larger than 2 MB; split it")])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ContentError(
            [Problem(path, line, "the lesson is not UTF-8 text; save it as UTF-8")]
        ) from None


def read_lesson_title(path: Path) -> tuple[str, Problem | None]:
    """The text of the first `# ` heading, or a problem saying what is wrong."""
    try:
        text = read_lesson_text(path)
    except ContentError as error:
        return "", error.problems[0]
    # Only a line holding a "#" can be the heading, and it is nearly always the first line, so
    # split just up to the line break after each "#" rather than the whole lesson. Each piece
    # ends right after a "\n", so it splits into exactly the lines the whole text would.
    start = 0
    while (hash_at := text.find("#", start)) >= 0:
        end = text.find("\n", hash_at)
        end = len(text) if end < 0 else end + 1
        for line in text[start:end].splitlines():
            match = _HEADING.match(line.strip())
            if match:
                return match.group(1), None
        start = end
    if not text.strip():
        return "", Problem(path, 1, "the lesson is empty")
    return "", Problem(path, 1, "the lesson has no title: start it with a heading like '# Titel'")


def _lesson_stat(
    folder: Path, file_name: str, folder_text: str | None = None
) -> os.stat_result | None:
    """The lesson's `lstat`, if it is a regular file inside the module folder.

    One `lstat` answers "a file, and not a symlink" (a link could reach outside the module
    folder), and its time and size are what the cache compares. `folder_text` is the folder
    as text ending in a separator, for callers that check all lessons of a folder.
    """
    if not file_name.endswith(".md"):
        return None
    if "/" in file_name:
        relative = PurePosixPath(file_name)
        if relative.is_absolute() or ".." in relative.parts:
            return None
        text = os.fspath(folder.joinpath(*relative.parts))
    else:
        # The usual case: no path objects at all, because building them costs more than the
        # system call (a course of 10,000 lessons is checked at every start).
        text = (folder_text or os.path.join(folder, "")) + file_name
    try:
        info = os.lstat(text)
    except (OSError, ValueError):
        return None
    return info if stat.S_ISREG(info.st_mode) else None


def _has_modules(folder: Path) -> bool:
    return any((child / MANIFEST).is_file() for child in folder.iterdir() if child.is_dir())


def _module_children(lang_dir: Path) -> list[Path]:
    return sorted(p for p in lang_dir.iterdir() if p.is_dir() and (p / MANIFEST).is_file())


# --- the content cache ------------------------------------------------------------------------


def _stamp(info: os.stat_result) -> list[int]:
    return [info.st_mtime_ns, info.st_size]


def _cacheable(info: os.stat_result) -> bool:
    return time.time() - info.st_mtime > _RACY_SECONDS


def code_stamp(format_number: int, code_files: Iterable[str | Path | None]) -> list[Any]:
    """What a cache was written by: its format, Kompetenz's version and the time and size of
    the source files that shape what it holds. A cache written by other code (an update, an
    edited file) is not used, because it might hold other fields, defaults or output."""
    stamp: list[Any] = [format_number, __version__]
    for code in code_files:
        try:
            stamp.append(None if code is None else _stamp(os.stat(code)))
        except OSError:
            stamp.append(None)  # e.g. a frozen app without source files: the version decides
    return stamp


def _code_stamp() -> list[Any]:
    """What the cached modules were built by (the loader, the manifest reader, the model)."""
    return code_stamp(_CACHE_FORMAT, (__file__, _manifest_module.__file__, _model_module.__file__))


class _ContentCache:
    """`{"code": _code_stamp(), "folders": {folder: entry}}`, an entry being

    `{"manifest": [mtime_ns, size], "module": {fields} | None, "lessons": {file: [mtime_ns,
    size, title]}}`, for the module folders of the last load. Lesson titles are kept even
    when the module is not (a trainer editing module.toml still gets the titles from the
    cache). Without a file (`path` None) it just reads everything.
    """

    def __init__(self, path: Path | None, folders: dict[str, Any]) -> None:
        self.path = path
        self._folders = folders
        self._seen: dict[str, dict[str, Any]] = {}  # what this load found, by folder

    @classmethod
    def open(cls, cache_dir: Path | None) -> _ContentCache:
        if cache_dir is None:
            return cls(None, {})
        path = Path(cache_dir) / CACHE_FILE
        try:
            data = json.loads(path.read_bytes())
            folders = data["folders"] if data["code"] == _code_stamp() else {}
        except (OSError, ValueError, TypeError, KeyError):
            folders = {}  # missing or damaged: start afresh
        return cls(path, folders if isinstance(folders, dict) else {})

    def _entry(self, folder: Path) -> dict[str, Any]:
        return self._seen.setdefault(str(folder), {"manifest": None, "module": None, "lessons": {}})

    def module(self, folder: Path, language: str) -> Module | None:
        """The cached module, if its manifest and every lesson are unchanged since."""
        if self.path is None:
            return None
        entry = self._folders.get(str(folder))
        if not isinstance(entry, dict) or not isinstance(entry.get("module"), dict):
            return None
        fields = entry["module"]
        try:
            if _stamp(os.stat(folder / MANIFEST)) != entry["manifest"]:
                return None
            lessons = []
            module_id, cached_lessons = str(fields["id"]), entry["lessons"]
            folder_text = os.path.join(folder, "")  # once, not for each of its lessons
            for file_name in fields["lesson_files"]:
                info = _lesson_stat(folder, file_name, folder_text)
                mtime_ns, size, title = cached_lessons[file_name]
                if info is None or info.st_mtime_ns != mtime_ns or info.st_size != size:
                    return None
                lessons.append(Lesson(module_id, file_name, folder, str(title)))
            module = _module_from_json(fields, tuple(lessons), folder, language)
        except (OSError, KeyError, TypeError, ValueError, IndexError):
            return None  # changed, or an entry that does not read back
        self._seen[str(folder)] = entry
        return module

    def title(
        self, folder: Path, file_name: str, path: Path, info: os.stat_result
    ) -> tuple[str, Problem | None]:
        if self.path is None:
            return read_lesson_title(path)
        seen = self._entry(folder)["lessons"]
        old = self._folders.get(str(folder))
        cached = old.get("lessons", {}).get(file_name) if isinstance(old, dict) else None
        if (
            isinstance(cached, list)
            and len(cached) == 3
            and cached[:2] == _stamp(info)
            and isinstance(cached[2], str)
            and cached[2]
        ):
            seen[file_name] = cached
            return cached[2], None
        title, problem = read_lesson_title(path)
        if problem is None and _cacheable(info):
            seen[file_name] = [*_stamp(info), title]
        return title, problem

    def remember(self, module: Module) -> None:
        """Keep a module that loaded without problems, if its files have settled."""
        if self.path is None:
            return
        entry = self._entry(module.folder)
        try:
            info = os.stat(module.folder / MANIFEST)
        except OSError:
            return
        if _cacheable(info) and all(ln.file_name in entry["lessons"] for ln in module.lessons):
            entry["manifest"] = _stamp(info)
            entry["module"] = _module_to_json(module)

    def save(self) -> None:
        """Write the cache if this load changed it. It keeps only the folders loaded now, so
        it never grows beyond one course (a course used once, then left, costs nothing)."""
        if self.path is None or self._seen == self._folders:
            return  # the usual start: nothing new, nothing written
        text = json.dumps({"code": _code_stamp(), "folders": self._seen}, ensure_ascii=False)
        temporary = self.path.with_name(f".{CACHE_FILE}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_text(text, encoding="utf-8")
            os.replace(temporary, self.path)  # atomic: a reader sees the old or the new file
        except OSError:
            with contextlib.suppress(OSError):  # a cache is an optimisation, never an error
                temporary.unlink(missing_ok=True)


def _module_to_json(module: Module) -> dict[str, Any]:
    """The manifest's part of a module; folder, language and lesson paths are not stored."""
    return {
        "id": module.id,
        "version": module.version,
        "title": module.title,
        "summary": module.summary,
        "audience": list(module.audience),
        "estimated_minutes": module.estimated_minutes,
        "workload_hours": module.workload_hours,
        "as_of": module.as_of.isoformat(),
        "objectives": list(module.objectives),
        "lesson_files": [lesson.file_name for lesson in module.lessons],
        "quiz": asdict(module.quiz),
        "order": module.order,
        "core_for": list(module.core_for),
        "templates": [[t.file_name, t.title, t.lesson_file] for t in module.templates],
    }


def _module_from_json(
    fields: dict[str, Any], lessons: tuple[Lesson, ...], folder: Path, language: str
) -> Module:
    def texts(key: str) -> tuple[str, ...]:
        return tuple(str(value) for value in fields[key])

    return Module(
        id=str(fields["id"]),
        version=str(fields["version"]),
        title=str(fields["title"]),
        summary=str(fields["summary"]),
        audience=texts("audience"),
        estimated_minutes=int(fields["estimated_minutes"]),
        workload_hours=float(fields["workload_hours"]),
        as_of=date.fromisoformat(fields["as_of"]),
        objectives=texts("objectives"),
        lessons=lessons,
        quiz=QuizSettings(**fields["quiz"]),
        folder=folder,
        language=language,
        order=int(fields["order"]),
        core_for=texts("core_for"),
        templates=tuple(
            Template(str(name), str(title), str(lesson), folder)
            for name, title, lesson in fields["templates"]
        ),
    )
