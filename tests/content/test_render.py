from __future__ import annotations

from pathlib import Path

from kompetenz.content.render import render_lesson


def _render(module_dir: Path, text: str) -> tuple[str, list[str], list[str]]:
    lesson = module_dir / "01-prompts.md"
    result = render_lesson(text, lesson, module_dir)
    return result.html, result.missing_images, result.broken_links


def test_headings_lists_tables_images_links(sample_module_dir: Path) -> None:
    text = (sample_module_dir / "01-prompts.md").read_text(encoding="utf-8")
    html, missing, broken = _render(sample_module_dir, text)
    assert "<h1" in html
    assert "Gute Prompts" in html
    assert "<table" in html
    assert "<td>Rolle</td>" in html
    assert (sample_module_dir / "bilder" / "schema.png").resolve().as_uri() in html
    assert 'href="lesson:02-grenzen.md"' in html
    assert "<li>Rolle, Aufgabe, Kontext, Format.</li>" in html
    assert missing == []
    assert broken == []


def test_admonition_becomes_a_labelled_box(sample_module_dir: Path) -> None:
    html, _, _ = _render(sample_module_dir, '!!! warning "Datenschutz"\n    Keine Namen.\n')
    assert 'class="box warning"' in html
    assert "⚠ Datenschutz" in html
    assert "Keine Namen." in html


def test_raw_html_is_cut_to_a_safe_subset(sample_module_dir: Path) -> None:
    html, _, _ = _render(
        sample_module_dir,
        '<script>alert(1)</script>\n\nText <img src=x onerror="alert(2)"> <b>fett</b>\n',
    )
    assert "<script" not in html
    assert "alert" not in html
    assert "<img" not in html
    assert "<b>fett</b>" in html


def test_images_outside_the_module_are_refused(sample_module_dir: Path, tmp_path: Path) -> None:
    outside = tmp_path / "geheim.png"
    outside.write_bytes(b"\x89PNG")
    html, missing, _ = _render(
        sample_module_dir,
        f"![a](../../../geheim.png)\n\n![b]({outside.as_uri()})\n\n"
        "![c](https://example.org/x.png)\n",
    )
    assert missing == ["../../../geheim.png", outside.as_uri(), "https://example.org/x.png"]
    assert "<img" not in html
    assert "[Bild nicht verfügbar: a]" in html


def test_links_web_lesson_and_dangerous(sample_module_dir: Path) -> None:
    html, _, broken = _render(
        sample_module_dir,
        "[web](https://www.schulministerium.nrw/) [l](02-grenzen.md#x) "
        "[js](javascript:alert(1)) [f](file:///etc/passwd)\n",
    )
    assert 'href="https://www.schulministerium.nrw/"' in html
    assert 'href="lesson:02-grenzen.md#x"' in html
    assert "javascript:" not in html
    assert "file:///etc" not in html
    assert broken == ["javascript:alert(1)", "file:///etc/passwd"]


def test_content_check_warns_about_removed_html(sample_module_dir: Path) -> None:
    from kompetenz.content.checker import check_content

    lesson = sample_module_dir / "02-grenzen.md"
    lesson.write_text(
        lesson.read_text(encoding="utf-8") + '\n<iframe src="x"></iframe>\n', encoding="utf-8"
    )
    report = check_content([sample_module_dir])
    assert report.ok
    [warning] = report.warnings
    assert warning.file == lesson
    assert "iframe" in warning.message
    assert lesson.read_text(encoding="utf-8").splitlines()[warning.line - 1].startswith("<iframe")


def test_a_module_with_a_two_letter_name_is_not_taken_for_a_language(
    sample_content: Path,
) -> None:
    from kompetenz.content.checker import check_content

    module = sample_content / "de" / "ki"
    (sample_content / "de" / "beispiel").rename(module)
    manifest = module / "module.toml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace('id = "beispiel"', 'id = "ki"'),
        encoding="utf-8",
    )
    report = check_content([module])
    assert report.problems == []
    assert report.modules_checked == 1
    (sample_content / "de" / "leer").mkdir()
    [problem] = check_content([sample_content]).problems
    assert problem.file == sample_content / "de" / "leer" / "module.toml"
    assert problem.message == "module folder without module.toml"
