"""The content cache: a start reads the course from it only while no file has changed."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from kompetenz.content.loader import CACHE_FILE, load_course
from kompetenz.content.model import Module


def _settle(folder: Path) -> None:
    """Date every file a minute back: files written in the last seconds are never cached."""
    past = time.time() - 60
    for path in [folder, *folder.rglob("*")]:
        os.utime(path, (past, past))


def _with_a_lesson_in_a_subfolder(module_dir: Path) -> None:
    (module_dir / "teil2").mkdir()
    (module_dir / "teil2" / "03-vertiefung.md").write_text(
        "# Vertiefung\n\nMehr dazu.\n", encoding="utf-8"
    )
    manifest = module_dir / "module.toml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(
        text.replace('  "02-grenzen.md",\n', '  "02-grenzen.md",\n  "teil2/03-vertiefung.md",\n'),
        encoding="utf-8",
    )


@pytest.fixture
def settled_course(sample_content: Path, sample_module_dir: Path) -> Path:
    _with_a_lesson_in_a_subfolder(sample_module_dir)
    _settle(sample_content)
    return sample_content


def _summary(module: Module) -> list[tuple[str, str, Path, str]]:
    return [(m.module_id, m.file_name, m.path, m.title) for m in module.lessons]


def test_a_second_load_comes_from_the_cache_and_equals_a_fresh_one(
    settled_course: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    fresh = load_course([settled_course])
    first = load_course([settled_course], cache_dir=cache)
    assert (cache / CACHE_FILE).is_file()
    stored = json.loads((cache / CACHE_FILE).read_text(encoding="utf-8"))
    assert any(entry["module"] for entry in stored["folders"].values())
    written = (cache / CACHE_FILE).stat().st_mtime_ns
    second = load_course([settled_course], cache_dir=cache)
    assert (cache / CACHE_FILE).stat().st_mtime_ns == written  # nothing new: not rewritten
    assert first == fresh
    assert second == fresh
    module = second.modules[0]
    assert _summary(module) == _summary(fresh.modules[0])
    nested = module.lessons[-1]
    assert nested.path == settled_course / "de" / "beispiel" / "teil2" / "03-vertiefung.md"
    assert nested.path.is_file()
    assert nested.title == "Vertiefung"


def test_an_edited_lesson_is_read_again(settled_course: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_course([settled_course], cache_dir=cache)
    lesson = settled_course / "de" / "beispiel" / "teil2" / "03-vertiefung.md"
    lesson.write_text("# Vertiefung, neu gefasst\n\nMehr dazu.\n", encoding="utf-8")
    module = load_course([settled_course], cache_dir=cache).modules[0]
    assert module.lessons[-1].title == "Vertiefung, neu gefasst"


def test_a_deleted_lesson_is_a_problem_not_a_cached_title(
    settled_course: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    load_course([settled_course], cache_dir=cache)
    (settled_course / "de" / "beispiel" / "02-grenzen.md").unlink()
    course = load_course([settled_course], cache_dir=cache)
    assert course.modules == ()
    assert "02-grenzen.md" in course.failures[0].summary


def test_a_damaged_cache_is_ignored_and_replaced(settled_course: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / CACHE_FILE).write_bytes(b'{"code": [1], "folders": {"x": ')
    course = load_course([settled_course], cache_dir=cache)
    assert course == load_course([settled_course])
    assert json.loads((cache / CACHE_FILE).read_text(encoding="utf-8"))["folders"]
