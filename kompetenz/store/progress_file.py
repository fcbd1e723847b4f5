"""Checking a progress file completely, before anything is written (see portable.py)."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from kompetenz.store.records import Role

FORMAT = "kompetenz-progress"
VERSION = 1


class InvalidFile(Exception):
    """The file fails a check; the message (German) names the field and what is wrong."""


class _Fields:
    """Typed access to one JSON object; every complaint names the field's path."""

    def __init__(self, value: object, path: str) -> None:
        if not isinstance(value, dict):
            raise InvalidFile(f"„{path}“ muss ein Objekt sein.")
        self._data: dict[str, Any] = value
        self.path = path

    def _take(self, key: str, ok: Callable[[Any], bool], expected: str, optional: bool) -> Any:
        where = f"{self.path}.{key}" if self.path else key
        if key not in self._data:
            if optional:
                return None
            raise InvalidFile(f"Das Feld „{where}“ fehlt.")
        value = self._data[key]
        if value is None and optional:
            return None
        if not ok(value):
            raise InvalidFile(f"Das Feld „{where}“ muss {expected} sein, nicht {value!r:.60}.")
        return value

    def text(self, key: str, max_length: int, *, optional: bool = False) -> Any:
        def ok(v: Any) -> bool:
            return isinstance(v, str) and 0 < len(v) <= max_length

        return self._take(key, ok, f"ein Text (1–{max_length} Zeichen)", optional)

    def any_text(self, key: str) -> str:
        value: str = self._take(key, lambda v: isinstance(v, str), "ein Text", False)
        return value

    def number(self, key: str, low: float, high: float, *, optional: bool = False) -> Any:
        def ok(v: Any) -> bool:
            is_num = isinstance(v, int | float) and not isinstance(v, bool)
            return is_num and math.isfinite(v) and low <= v <= high

        value = self._take(key, ok, f"eine Zahl von {low:g} bis {high:g}", optional)
        return None if value is None else float(value)

    def integer(self, key: str) -> int:
        def ok(v: Any) -> bool:
            return isinstance(v, int) and not isinstance(v, bool) and v >= 0

        value: int = self._take(key, ok, "eine ganze Zahl ≥ 0", False)
        return value

    def boolean(self, key: str, *, optional: bool = False) -> Any:
        return self._take(key, lambda v: isinstance(v, bool), "true oder false", optional)

    def moment(self, key: str, *, optional: bool = False) -> Any:
        value = self._take(key, lambda v: isinstance(v, str), "ein Zeitpunkt (ISO 8601)", optional)
        if value is None:
            return None
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            parsed = None
        if parsed is None or parsed.tzinfo is None:
            raise InvalidFile(
                f"Das Feld „{self.path}.{key}“ muss ein Zeitpunkt mit Zeitzone sein "
                f"(z. B. 2025-01-31T08:00:00+00:00), nicht {value!r:.40}."
            )
        return parsed

    def items(self, key: str) -> list[tuple[Any, str]]:
        values = self._take(key, lambda v: isinstance(v, list), "eine Liste", False)
        where = f"{self.path}.{key}" if self.path else key
        return [(value, f"{where}[{i}]") for i, value in enumerate(values)]

    def raw(self, key: str) -> Any:
        return self._take(key, lambda v: True, "", True)


@dataclass
class CheckedFile:
    """A progress file that passed every check: keyword arguments for the models' rows."""

    profile: dict[str, Any]
    lessons: list[dict[str, Any]] = field(default_factory=list)
    attempts: list[tuple[dict[str, Any], list[dict[str, Any]]]] = field(default_factory=list)
    notes: list[dict[str, Any]] = field(default_factory=list)
    certificates: list[dict[str, Any]] = field(default_factory=list)


def check_file(data: object) -> CheckedFile:
    """Everything in `data`, checked; raises `InvalidFile` with the first problem found."""
    top = _Fields(data, "")
    if top.raw("format") != FORMAT:
        raise InvalidFile(f"Das ist keine Kompetenz-Lernstand-Datei (format ≠ „{FORMAT}“).")
    version = top.integer("version")
    if version > VERSION:
        raise InvalidFile(
            f"Die Datei hat Format-Version {version}, diese Kompetenz kennt nur Version "
            f"{VERSION}. Bitte installieren Sie die aktuelle Version von Kompetenz."
        )
    if version < 1:
        raise InvalidFile(f"Format-Version {version} gibt es nicht.")
    checked = CheckedFile(profile=_profile(_Fields(top.raw("profile"), "profile")))
    seen: set[tuple[str, str]] = set()
    for value, path in top.items("lessons"):
        lesson = _lesson(_Fields(value, path))
        _unique(seen, (lesson["module_id"], lesson["lesson_file"]), path)
        checked.lessons.append(lesson)
    for value, path in top.items("attempts"):
        checked.attempts.append(_attempt(_Fields(value, path)))
    seen = set()
    for value, path in top.items("notes"):
        note = _note(_Fields(value, path))
        _unique(seen, (note["module_id"], note["lesson_file"]), path)
        checked.notes.append(note)
    numbers: set[tuple[str, str]] = set()
    for value, path in top.items("certificates"):
        certificate = _certificate(_Fields(value, path))
        _unique(numbers, (certificate["number"], ""), path)
        checked.certificates.append(certificate)
    return checked


def _unique(seen: set[tuple[str, str]], key: tuple[str, str], path: str) -> None:
    if key in seen:
        raise InvalidFile(f"„{path}“ kommt in der Datei doppelt vor.")
    seen.add(key)


def _profile(f: _Fields) -> dict[str, Any]:
    role = f.text("role", 20)
    if role not in {r.value for r in Role}:
        raise InvalidFile(f"„profile.role“ ist unbekannt: {role!r}.")
    preferences = f.raw("preferences") or {}
    if not isinstance(preferences, dict) or len(json.dumps(preferences)) > 64 * 1024:
        raise InvalidFile("„profile.preferences“ muss ein kleines Objekt sein.")
    return {
        "name": f.text("name", 120),
        "school": f.text("school", 200, optional=True),
        "role": role,
        "created_at": f.moment("created_at"),
        "preferences": preferences,
    }


def _lesson(f: _Fields) -> dict[str, Any]:
    return {
        "module_id": f.text("module_id", 200),
        "lesson_file": f.text("lesson_file", 300),
        "first_opened_at": f.moment("first_opened_at", optional=True),
        "last_opened_at": f.moment("last_opened_at", optional=True),
        "completed_at": f.moment("completed_at", optional=True),
        "seconds_spent": f.number("seconds_spent", 0, 1e9),
    }


def _plan(f: _Fields) -> list[dict[str, Any]]:
    plan = []
    for value, path in f.items("plan"):
        item = _Fields(value, path)
        order = []
        for index, index_path in item.items("choice_order"):
            if not isinstance(index, int) or isinstance(index, bool):
                raise InvalidFile(f"„{index_path}“ muss eine ganze Zahl sein.")
            order.append(index)
        plan.append({"question_key": item.text("question_key", 200), "choice_order": order})
    return plan


def _attempt(f: _Fields) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    plan = _plan(f)
    attempt = {
        "module_id": f.text("module_id", 200),
        "module_version": f.text("module_version", 100),
        "started_at": f.moment("started_at"),
        "finished_at": f.moment("finished_at", optional=True),
        "score_percent": f.number("score_percent", 0, 100, optional=True),
        "passed": f.boolean("passed", optional=True),
        "plan": plan,
    }
    answers: list[dict[str, Any]] = []
    positions: set[tuple[str, str]] = set()
    for value, path in f.items("answers"):
        a = _Fields(value, path)
        answer = {
            "position": a.integer("position"),
            "question_key": a.text("question_key", 200),
            "response": a.raw("response"),
            "fraction": a.number("fraction", -1, 1, optional=True),
            "answered_at": a.moment("answered_at"),
        }
        try:
            json.dumps(answer["response"], allow_nan=False)
        except (TypeError, ValueError) as exc:
            raise InvalidFile(f"„{path}.response“ ist kein JSON-Wert.") from exc
        position = answer["position"]
        if position >= len(plan) or plan[position]["question_key"] != answer["question_key"]:
            raise InvalidFile(f"„{path}“ passt nicht zum Fragenplan des Versuchs.")
        _unique(positions, (str(position), ""), path)
        answers.append(answer)
    return attempt, answers


def _note(f: _Fields) -> dict[str, Any]:
    return {
        "module_id": f.text("module_id", 200),
        "lesson_file": f.text("lesson_file", 300),
        "text": f.text("text", 100_000),
        "updated_at": f.moment("updated_at"),
    }


def _certificate(f: _Fields) -> dict[str, Any]:
    kind = f.text("kind", 20)
    if kind not in {"module", "full"}:
        raise InvalidFile(f"„{f.path}.kind“ muss „module“ oder „full“ sein.")
    module_ids = []
    for value, path in f.items("module_ids"):
        if not isinstance(value, str) or not value:
            raise InvalidFile(f"„{path}“ muss ein Text sein.")
        module_ids.append(value)
    return {
        "number": f.text("number", 100),
        "kind": kind,
        "module_ids": module_ids,
        "issued_at": f.moment("issued_at"),
        "payload": f.any_text("payload"),
        "signature": f.any_text("signature"),
    }
