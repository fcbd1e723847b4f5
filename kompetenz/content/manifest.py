"""Reading and validating `module.toml`, with a line number for every problem."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from kompetenz.content.model import ROLE_IDS, QuizSettings
from kompetenz.content.problems import Problem

MODULE_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
VERSION = re.compile(r"^\d+(\.\d+){0,3}$")
_TOML_POSITION = re.compile(r"\(at line (\d+), column \d+\)")

TOP_LEVEL_KEYS = frozenset(
    {
        "id",
        "version",
        "title",
        "summary",
        "audience",
        "estimated_minutes",
        "workload_hours",
        "as_of",
        "order",
        "core",
        "core_for",
        "objectives",
        "lessons",
        "quiz",
        "templates",
    }
)
TEMPLATE_KEYS = frozenset({"file", "title", "lesson"})
QUIZ_KEYS = frozenset(
    {"file", "pass_percent", "questions_per_attempt", "max_attempts", "shuffle_choices"}
)
REQUIRED_KEYS = (
    "id",
    "version",
    "title",
    "summary",
    "estimated_minutes",
    "as_of",
    "objectives",
    "lessons",
)


@dataclass(frozen=True)
class TemplateEntry:
    """One entry of `templates = [...]`; the loader checks that its file and lesson exist."""

    file_name: str
    title: str
    lesson_file: str


@dataclass(frozen=True)
class Manifest:
    """The validated fields of module.toml; lesson files are checked by the loader."""

    id: str
    version: str
    title: str
    summary: str
    audience: tuple[str, ...]
    estimated_minutes: int
    workload_hours: float
    as_of: date
    order: int
    core_for: tuple[str, ...]
    objectives: tuple[str, ...]
    lesson_files: tuple[str, ...]
    quiz: QuizSettings
    templates: tuple[TemplateEntry, ...]
    source_lines: tuple[str, ...]  # to point later problems (a missing lesson) at a line

    def line_of(self, needle: str) -> int:
        return _line_containing(self.source_lines, needle)


class _Checker:
    """Collects problems while reading typed values out of the parsed TOML."""

    def __init__(self, path: Path, lines: list[str]) -> None:
        self.path = path
        self.lines = lines
        self.problems: list[Problem] = []

    def problem(self, key: str, message: str, table: str | None = None) -> None:
        self.problems.append(Problem(self.path, self._key_line(key, table), message))

    def _key_line(self, key: str, table: str | None) -> int:
        start = 0
        if table is not None:
            start = max(_line_containing(self.lines, f"[{table}]") - 1, 0)
        pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
        for number, line in enumerate(self.lines[start:], start=start + 1):
            if pattern.match(line):
                return number
        return start + 1 if table else 1

    def text(self, data: dict[str, Any], key: str, table: str | None = None) -> str:
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            self.problem(key, f"'{key}' must be a non-empty text", table)
            return ""
        return value.strip()

    def number(
        self,
        data: dict[str, Any],
        key: str,
        default: float,
        low: float,
        high: float,
        table: str | None = None,
        whole: bool = False,
    ) -> float:
        value = data.get(key, default)
        wrong_kind = isinstance(value, bool) or not isinstance(value, int if whole else int | float)
        if wrong_kind or not low <= value <= high:
            kind = "a whole number" if whole else "a number"
            self.problem(key, f"'{key}' must be {kind} from {low:g} to {high:g}", table)
            return default
        return float(value)

    def flag(self, data: dict[str, Any], key: str, default: bool, table: str | None = None) -> bool:
        value = data.get(key, default)
        if not isinstance(value, bool):
            self.problem(key, f"'{key}' must be true or false", table)
            return default
        return value

    def text_list(
        self, data: dict[str, Any], key: str, allow_single: bool = False
    ) -> tuple[str, ...]:
        value = data.get(key)
        if allow_single and isinstance(value, str):
            value = [value]
        if (
            not isinstance(value, list)
            or not value
            or not all(isinstance(v, str) and v.strip() for v in value)
        ):
            self.problem(key, f"'{key}' must be a non-empty list of texts")
            return ()
        return tuple(v.strip() for v in value)


def read_manifest(path: Path, folder_name: str) -> tuple[Manifest | None, list[Problem]]:
    """Parse and validate one module.toml; the manifest is None when it cannot be used."""
    import tomllib  # only when the content cache misses: a normal start reads no TOML

    try:
        raw_text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        return None, [Problem(path, line, "module.toml is not UTF-8 text; save it as UTF-8")]
    except OSError as error:
        return None, [Problem(path, 1, f"cannot read module.toml: {error.strerror}")]
    try:
        data = tomllib.loads(raw_text)
    except tomllib.TOMLDecodeError as error:
        match = _TOML_POSITION.search(str(error))
        line = int(match.group(1)) if match else 1
        reason = _TOML_POSITION.sub("", str(error)).strip()
        return None, [Problem(path, line, f"not valid TOML: {reason}")]
    lines = raw_text.splitlines()
    checker = _Checker(path, lines)
    manifest = _validate(data, checker, folder_name, tuple(lines))
    return (manifest if not checker.problems else None), checker.problems


def _validate(
    data: dict[str, Any], check: _Checker, folder_name: str, lines: tuple[str, ...]
) -> Manifest:
    for key in sorted(set(data) - TOP_LEVEL_KEYS):
        check.problem(key, f"unknown key '{key}' (a typo?)")
    for key in REQUIRED_KEYS:
        if key not in data:
            check.problems.append(Problem(check.path, 1, f"the key '{key}' is missing"))
    module_id = check.text(data, "id") if "id" in data else ""
    if module_id and not MODULE_ID.match(module_id):
        check.problem("id", f"id '{module_id}' may only use a-z, 0-9 and '-'")
    elif module_id and module_id != folder_name:
        check.problem("id", f"id '{module_id}' must equal the folder name '{folder_name}'")
    version = check.text(data, "version") if "version" in data else ""
    if version and not VERSION.match(version):
        check.problem("version", f"version '{version}' must look like 1.0 or 1.2.3")
    minutes = check.number(data, "estimated_minutes", 60, 1, 10_000, whole=True)
    as_of = data.get("as_of")
    if "as_of" in data and (not isinstance(as_of, date) or hasattr(as_of, "hour")):
        check.problem("as_of", "'as_of' must be a date like 2026-07-02 (without quotes)")
    return Manifest(
        id=module_id,
        version=version,
        title=check.text(data, "title") if "title" in data else "",
        summary=check.text(data, "summary") if "summary" in data else "",
        audience=check.text_list(data, "audience", allow_single=True) if "audience" in data else (),
        estimated_minutes=int(minutes),
        workload_hours=check.number(data, "workload_hours", _default_hours(minutes), 0.25, 200),
        as_of=as_of if isinstance(as_of, date) else date.min,
        order=int(check.number(data, "order", 100, -10_000, 10_000, whole=True)),
        core_for=_core_for(data, check),
        objectives=check.text_list(data, "objectives") if "objectives" in data else (),
        lesson_files=check.text_list(data, "lessons") if "lessons" in data else (),
        quiz=_quiz_settings(data.get("quiz", {}), check),
        templates=_templates(data.get("templates", []), check),
        source_lines=lines,
    )


def _core_for(data: dict[str, Any], check: _Checker) -> tuple[str, ...]:
    """`core_for = [roles]`; an older pack's `core = true/false` means every role / none.
    Neither key: core for every role, as `core` defaulted to true."""
    if "core" in data and "core_for" in data:
        check.problem("core", "use either 'core_for' or the older 'core', not both")
    if "core_for" not in data:
        return ROLE_IDS if check.flag(data, "core", True) else ()
    value = data["core_for"]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        check.problem("core_for", "'core_for' must be a list of roles, e.g. [\"teacher\"]")
        return ()
    for role in value:
        if role not in ROLE_IDS:
            check.problem(
                "core_for", f"unknown role '{role}' in 'core_for'; known: {', '.join(ROLE_IDS)}"
            )
    return tuple(role for role in ROLE_IDS if role in value)  # one order, no duplicates


def _templates(value: object, check: _Checker) -> tuple[TemplateEntry, ...]:
    """`templates = [{ file = "vorlagen/x.md", title = "…", lesson = "01-….md" }, …]`."""
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        check.problem("templates", "'templates' must be a list of { file, title, lesson } tables")
        return ()
    entries = (_template_entry(table, check) for table in value)
    return tuple(entry for entry in entries if entry is not None)


def _template_entry(table: dict[str, Any], check: _Checker) -> TemplateEntry | None:
    file_name, title, lesson = (table.get(key) for key in ("file", "title", "lesson"))
    line = _line_containing(check.lines, f'"{file_name}"' if file_name else "templates")
    for key in sorted(set(table) - TEMPLATE_KEYS):
        check.problems.append(Problem(check.path, line, f"unknown key '{key}' in a template"))
    if not (_is_text(file_name) and _is_text(title) and _is_text(lesson)):
        message = "a template needs 'file', 'title' and 'lesson' texts"
        check.problems.append(Problem(check.path, line, message))
        return None
    if not _is_template_name(str(file_name)):
        message = f"template '{file_name}' must be a .md file inside the module folder"
        check.problems.append(Problem(check.path, line, message))
        return None
    return TemplateEntry(str(file_name), str(title).strip(), str(lesson))


def _is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _is_template_name(name: str) -> bool:
    parts = name.split("/")
    return (
        name.endswith(".md") and "\\" not in name and all(p not in ("", ".", "..") for p in parts)
    )


def _quiz_settings(table: object, check: _Checker) -> QuizSettings:
    if not isinstance(table, dict):
        check.problem("quiz", "'quiz' must be a table: [quiz]")
        return QuizSettings()
    for key in sorted(set(table) - QUIZ_KEYS):
        check.problem(key, f"unknown key '{key}' in [quiz] (a typo?)", "quiz")
    file_name = table.get("file", "quiz.gift")
    if not isinstance(file_name, str) or not file_name.endswith(".gift") or "/" in file_name:
        check.problem("file", "'file' must name a .gift file in the module folder", "quiz")
        file_name = "quiz.gift"
    return QuizSettings(
        file_name=file_name,
        pass_percent=check.number(table, "pass_percent", 80, 1, 100, "quiz"),
        questions_per_attempt=int(
            check.number(table, "questions_per_attempt", 0, 0, 1000, "quiz", whole=True)
        ),
        max_attempts=int(check.number(table, "max_attempts", 0, 0, 1000, "quiz", whole=True)),
        shuffle_choices=check.flag(table, "shuffle_choices", True, "quiz"),
    )


def _default_hours(minutes: float) -> float:
    """Half-hour steps, as continuing-education records count them; at least half an hour."""
    return max(0.5, round(minutes / 30) / 2)


def _line_containing(lines: tuple[str, ...] | list[str], needle: str) -> int:
    for number, line in enumerate(lines, start=1):
        if needle in line:
            return number
    return 1
