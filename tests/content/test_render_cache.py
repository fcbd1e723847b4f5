"""The render cache gives exactly what rendering now would give, or renders again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kompetenz.content import render_cache
from kompetenz.content.loader import read_lesson_text
from kompetenz.content.problems import ContentError
from kompetenz.content.render import render_lesson
from kompetenz.content.render_cache import RenderCache


def _lesson(module_dir: Path) -> Path:
    return module_dir / "01-prompts.md"


def _cache_files(data_dir: Path) -> list[Path]:
    return sorted((data_dir / render_cache.FOLDER).glob("*.json"))


def test_a_new_session_takes_the_lesson_from_disk(sample_module_dir: Path, data_dir: Path) -> None:
    lesson = _lesson(sample_module_dir)
    first = RenderCache(data_dir).render(lesson, sample_module_dir)
    later = RenderCache(data_dir)
    again = later.render(lesson, sample_module_dir)
    assert later.renders == 0
    assert again == first
    assert again == render_lesson(read_lesson_text(lesson), lesson, sample_module_dir)
    assert len(_cache_files(data_dir)) == 1


def test_the_same_session_takes_it_from_memory_without_a_folder(sample_module_dir: Path) -> None:
    cache = RenderCache()
    lesson = _lesson(sample_module_dir)
    first = cache.render(lesson, sample_module_dir)
    first.html = "changed by the caller"
    assert cache.render(lesson, sample_module_dir).html != first.html
    assert cache.renders == 1


def test_an_edited_lesson_is_rendered_again(sample_module_dir: Path, data_dir: Path) -> None:
    lesson = _lesson(sample_module_dir)
    cache = RenderCache(data_dir)
    cache.render(lesson, sample_module_dir)
    lesson.write_text("# Neu geschrieben\n\nGanz anderer Text.\n", encoding="utf-8")
    # Both the file of an earlier session and the memory of this one must notice.
    for current, renders in ((RenderCache(data_dir), 1), (cache, 2)):
        html = current.render(lesson, sample_module_dir).html
        assert "Ganz anderer Text." in html
        assert "Gute Prompts" not in html
        assert current.renders == renders


def test_an_image_added_later_is_shown(sample_module_dir: Path, data_dir: Path) -> None:
    lesson = _lesson(sample_module_dir)
    lesson.write_text("# Bild\n\n![Ein Plan](bilder/neu.png)\n", encoding="utf-8")
    before = RenderCache(data_dir).render(lesson, sample_module_dir)
    assert before.missing_images == ["bilder/neu.png"]
    (sample_module_dir / "bilder" / "neu.png").write_bytes(
        (sample_module_dir / "bilder" / "schema.png").read_bytes()
    )
    after = RenderCache(data_dir).render(lesson, sample_module_dir)
    assert after.missing_images == []
    assert (sample_module_dir / "bilder" / "neu.png").resolve().as_uri() in after.image_uris


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"\x00\xff not json",
        b"[1, 2, 3]",
        b'{"code": null}',
        b"[" * 100_000,
    ],
)
def test_a_damaged_cache_file_is_a_miss(
    sample_module_dir: Path, data_dir: Path, damage: bytes
) -> None:
    lesson = _lesson(sample_module_dir)
    expected = RenderCache(data_dir).render(lesson, sample_module_dir)
    (cache_file,) = _cache_files(data_dir)
    cache_file.write_bytes(damage)
    cache = RenderCache(data_dir)
    assert cache.render(lesson, sample_module_dir) == expected
    assert cache.renders == 1
    assert json.loads(cache_file.read_bytes())["html"] == expected.html  # written anew


def test_a_file_with_wrong_fields_is_a_miss(sample_module_dir: Path, data_dir: Path) -> None:
    lesson = _lesson(sample_module_dir)
    expected = RenderCache(data_dir).render(lesson, sample_module_dir)
    (cache_file,) = _cache_files(data_dir)
    data = json.loads(cache_file.read_bytes())
    for field, wrong in (("html", 42), ("looked_up", [[1, 2]]), ("image_uris", "x")):
        cache_file.write_text(json.dumps({**data, field: wrong}), encoding="utf-8")
        cache = RenderCache(data_dir)
        assert cache.render(lesson, sample_module_dir) == expected
        assert cache.renders == 1


def test_a_file_written_for_another_lesson_is_not_used(
    sample_module_dir: Path, data_dir: Path
) -> None:
    lesson, other = _lesson(sample_module_dir), sample_module_dir / "02-grenzen.md"
    RenderCache(data_dir).render(lesson, sample_module_dir)
    (cache_file,) = _cache_files(data_dir)
    # The same text under another name (a copied lesson) must still get its own image URIs.
    other.write_text(lesson.read_text(encoding="utf-8"), encoding="utf-8")
    data = json.loads(cache_file.read_bytes())
    cache = RenderCache(data_dir)
    other_file = cache._file((str(other), str(sample_module_dir)))
    assert other_file is not None
    other_file.write_text(json.dumps(data), encoding="utf-8")
    assert cache.render(other, sample_module_dir) == render_lesson(
        read_lesson_text(other), other, sample_module_dir
    )
    assert cache.renders == 1


def test_another_renderer_version_renders_again(
    sample_module_dir: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lesson = _lesson(sample_module_dir)
    RenderCache(data_dir).render(lesson, sample_module_dir)
    monkeypatch.setattr(render_cache, "FORMAT", render_cache.FORMAT + 1)
    cache = RenderCache(data_dir)
    cache.render(lesson, sample_module_dir)
    assert cache.renders == 1
    again = RenderCache(data_dir)
    again.render(lesson, sample_module_dir)
    assert again.renders == 0  # the new version's file is used from then on


def test_an_unreadable_cache_folder_does_not_stop_rendering(
    sample_module_dir: Path, tmp_path: Path
) -> None:
    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("", encoding="utf-8")
    cache = RenderCache(blocked)
    lesson = _lesson(sample_module_dir)
    assert "Gute Prompts" in cache.render(lesson, sample_module_dir).html


def test_a_lesson_that_cannot_be_read_still_raises(sample_module_dir: Path) -> None:
    with pytest.raises(ContentError):
        RenderCache().render(sample_module_dir / "fehlt.md", sample_module_dir)


def test_old_files_are_pruned(
    sample_module_dir: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(render_cache, "MAX_FILES", 4)
    cache = RenderCache(data_dir)
    for number in range(8):
        lesson = sample_module_dir / f"kopie-{number}.md"
        lesson.write_text(f"# Kopie {number}\n", encoding="utf-8")
        cache.render(lesson, sample_module_dir)
    assert 0 < len(_cache_files(data_dir)) <= 4
