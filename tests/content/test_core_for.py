"""Paths by role: `core_for` in module.toml, the older `core`, the cache, the certificate."""

from __future__ import annotations

import os
import shutil
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kompetenz.certificates.document import core_modules, missing_core_modules
from kompetenz.content.loader import load_course, load_module
from kompetenz.content.model import ROLE_IDS
from kompetenz.content.problems import ContentError
from kompetenz.store.records import ModuleProgress, Role

ROLES_COURSE = Path(__file__).parent.parent / "data" / "roles"


@pytest.fixture
def roles_course(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(ROLES_COURSE, target)
    return target


def test_the_content_knows_exactly_the_roles_of_the_store() -> None:
    assert tuple(role.value for role in Role) == ROLE_IDS


def test_core_for_and_the_older_core_flag_are_read() -> None:
    course = load_course([ROLES_COURSE])
    assert course.failures == ()
    core_for = {m.id: m.core_for for m in course.modules}
    assert core_for == {
        "ziele": ROLE_IDS,
        "unterricht-pfad": ("teacher", "leadership"),
        "verwaltung-pfad": ("leadership", "administration"),
        "wahl": (),  # core = false: elective for everybody
    }


@pytest.mark.parametrize(
    ("role", "path"),
    [
        ("teacher", ["ziele", "unterricht-pfad"]),
        ("leadership", ["ziele", "unterricht-pfad", "verwaltung-pfad"]),
        ("administration", ["ziele", "verwaltung-pfad"]),
        ("other", ["ziele"]),
    ],
)
def test_each_role_has_its_own_path(role: str, path: list[str]) -> None:
    assert [m.id for m in core_modules(load_course([ROLES_COURSE]), role)] == path


def test_the_full_certificate_misses_only_the_modules_of_the_role() -> None:
    course = load_course([ROLES_COURSE])
    passed = datetime(2026, 12, 1, tzinfo=UTC)
    progress = {
        "ziele": ModuleProgress("ziele", frozenset(), 90.0, True, passed, 1, 60.0),
        "verwaltung-pfad": ModuleProgress("verwaltung-pfad", frozenset(), 80.0, True, passed, 1, 0),
    }
    assert missing_core_modules(course, progress, "administration") == []
    assert [m.id for m in missing_core_modules(course, progress, "teacher")] == ["unterricht-pfad"]


def _manifest_with(folder: Path, old: str, new: str) -> None:
    manifest = folder / "module.toml"
    text = manifest.read_text(encoding="utf-8")
    assert old in text
    manifest.write_text(text.replace(old, new), encoding="utf-8")


def test_an_old_pack_with_core_true_is_core_for_every_role(roles_course: Path) -> None:
    folder = roles_course / "de" / "unterricht-pfad"
    _manifest_with(folder, 'core_for = ["teacher", "leadership"]', "core = true")
    assert load_module(folder, "de").core_for == ROLE_IDS


def test_without_either_key_a_module_is_core_for_every_role(roles_course: Path) -> None:
    folder = roles_course / "de" / "unterricht-pfad"
    _manifest_with(folder, 'core_for = ["teacher", "leadership"]\n', "")
    assert load_module(folder, "de").core_for == ROLE_IDS


def test_an_empty_core_for_is_elective_for_everybody(roles_course: Path) -> None:
    folder = roles_course / "de" / "unterricht-pfad"
    _manifest_with(folder, 'core_for = ["teacher", "leadership"]', "core_for = []")
    assert load_module(folder, "de").core_for == ()


@pytest.mark.parametrize(
    ("replacement", "phrase"),
    [
        ('core_for = ["teacher", "Lehrkraft"]', "unknown role 'Lehrkraft' in 'core_for'"),
        ('core_for = "teacher"', "'core_for' must be a list of roles"),
        ('core_for = ["teacher"]\ncore = true', "either 'core_for' or the older 'core'"),
    ],
)
def test_a_wrong_core_for_is_a_problem_at_its_line(
    roles_course: Path, replacement: str, phrase: str
) -> None:
    folder = roles_course / "de" / "unterricht-pfad"
    _manifest_with(folder, 'core_for = ["teacher", "leadership"]', replacement)
    with pytest.raises(ContentError) as caught:
        load_module(folder, "de")
    [problem] = caught.value.problems
    assert phrase in problem.message
    assert problem.line in (8, 9)  # the line of core_for or core


def test_roles_and_templates_come_back_from_the_content_cache(
    roles_course: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kompetenz.content import loader

    past = time.time() - 60  # files written in the last seconds are never cached
    for path in [roles_course, *roles_course.rglob("*")]:
        os.utime(path, (past, past))
    cache = tmp_path / "cache"
    first = load_course([roles_course], cache_dir=cache)
    assert (cache / loader.CACHE_FILE).is_file()
    monkeypatch.setattr(loader, "read_manifest", _no_manifest_read)
    second = load_course([roles_course], cache_dir=cache)
    assert [(m.id, m.core_for, m.templates) for m in second.modules] == [
        (m.id, m.core_for, m.templates) for m in first.modules
    ]
    assert second.module("ziele").templates[0].title == "Elternbrief zur KI-Nutzung"  # type: ignore[union-attr]


def _no_manifest_read(*_args: object) -> None:
    raise AssertionError("the module should have come from the cache")
