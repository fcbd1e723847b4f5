from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kompetenz.content.loader import load_course, load_module
from kompetenz.content.problems import ContentError


def test_sample_module_loads_with_lesson_titles(sample_module_dir: Path) -> None:
    module = load_module(sample_module_dir, "de")
    assert module.id == "beispiel"
    assert module.as_of == date(2026, 7, 2)
    assert [lesson.title for lesson in module.lessons] == [
        "Gute Prompts",
        "Grenzen von Sprachmodellen",
    ]
    assert module.quiz.pass_percent == 60
    assert module.workload_hours == 0.5


def _problem_lines(folder: Path) -> list[tuple[str, int, str]]:
    with pytest.raises(ContentError) as caught:
        load_module(folder, "de")
    return [(p.file.name, p.line, p.message) for p in caught.value.problems]


def test_toml_syntax_error_names_file_and_line(sample_module_dir: Path) -> None:
    manifest = sample_module_dir / "module.toml"
    lines = manifest.read_text(encoding="utf-8").splitlines()
    lines[3] = 'summary = "unterminated'
    manifest.write_text("\n".join(lines), encoding="utf-8")
    [(name, line, message)] = _problem_lines(sample_module_dir)
    assert (name, line) == ("module.toml", 4)
    assert "not valid TOML" in message


def test_missing_lesson_points_at_its_line(sample_module_dir: Path) -> None:
    (sample_module_dir / "02-grenzen.md").unlink()
    [(name, line, message)] = _problem_lines(sample_module_dir)
    manifest_lines = (sample_module_dir / "module.toml").read_text(encoding="utf-8").splitlines()
    assert name == "module.toml"
    assert '"02-grenzen.md"' in manifest_lines[line - 1]
    assert "02-grenzen.md" in message


def test_wrong_types_and_unknown_keys_are_reported(sample_module_dir: Path) -> None:
    manifest = sample_module_dir / "module.toml"
    text = manifest.read_text(encoding="utf-8")
    text = text.replace("estimated_minutes = 20", 'estimated_minutes = "zwanzig"')
    text = text.replace("pass_percent = 60", "pass_percent = 160\npas_percent = 60")
    text = text.replace("as_of = 2026-07-02", 'as_of = "Juli"')
    manifest.write_text(text, encoding="utf-8")
    problems = _problem_lines(sample_module_dir)
    messages = " | ".join(m for _, _, m in problems)
    assert "'estimated_minutes' must be a whole number" in messages
    assert "'pass_percent' must be a number from 1 to 100" in messages
    assert "unknown key 'pas_percent'" in messages
    assert "'as_of' must be a date" in messages
    lines = text.splitlines()
    for _, line, message in problems:
        key = message.split("'")[1]
        assert key in lines[line - 1], (line, message)


def test_id_must_match_folder(sample_module_dir: Path) -> None:
    manifest = sample_module_dir / "module.toml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace('id = "beispiel"', 'id = "anders"'),
        encoding="utf-8",
    )
    [(_, line, message)] = _problem_lines(sample_module_dir)
    assert line == 1
    assert "must equal the folder name 'beispiel'" in message


def test_lesson_in_latin1_names_the_line_of_the_bad_byte(sample_module_dir: Path) -> None:
    (sample_module_dir / "02-grenzen.md").write_bytes(
        "# Grenzen\n\nZeile zwei\nGr\u00fc\u00dfe\n".encode("latin-1")
    )
    [(name, line, message)] = _problem_lines(sample_module_dir)
    assert (name, line) == ("02-grenzen.md", 4)
    assert "UTF-8" in message


def test_lesson_without_heading_or_empty(sample_module_dir: Path) -> None:
    (sample_module_dir / "01-prompts.md").write_text("Nur Text ohne Titel.\n", encoding="utf-8")
    (sample_module_dir / "02-grenzen.md").write_text("\n\n", encoding="utf-8")
    problems = _problem_lines(sample_module_dir)
    assert (
        "01-prompts.md",
        1,
        "the lesson has no title: start it with a heading like '# Titel'",
    ) in problems
    assert ("02-grenzen.md", 1, "the lesson is empty") in problems


def test_broken_module_does_not_stop_the_good_ones(sample_content: Path) -> None:
    broken = sample_content / "de" / "kaputt"
    broken.mkdir()
    (broken / "module.toml").write_text("id = [\n", encoding="utf-8")
    course = load_course([sample_content])
    assert [m.id for m in course.modules] == ["beispiel"]
    assert len(course.failures) == 1
    assert course.failures[0].folder == broken
    assert "module.toml:1" in course.failures[0].summary


def test_lesson_path_may_not_leave_the_module(sample_module_dir: Path) -> None:
    manifest = sample_module_dir / "module.toml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace('"02-grenzen.md"', '"../../../etc/passwd.md"'),
        encoding="utf-8",
    )
    [(_, _, message)] = _problem_lines(sample_module_dir)
    assert "is not a file inside the module folder" in message
