"""The check's shortcut: a lesson `renders_cleanly` lets through would have had no finding.

`render_predictor.renders_cleanly` decides only whether a lesson is rendered; these tests hold it
to that: on generated lessons full of the constructs that do produce findings, whenever it
answers True the real render reports nothing; on whole folders the check gives the same
problems and warnings, at the same lines, with and without it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.gen_content import lesson_markdown, png_bytes
from kompetenz.content.checker import check_content
from kompetenz.content.render import render_lesson
from kompetenz.content.render_predictor import FileLookup, renders_cleanly
from kompetenz.resources import bundled_content_dir

BROKEN = Path(__file__).parent.parent / "data" / "broken"

# Pieces of lessons: what the course uses, and every way to a finding the shortcut must see.
PIECES = [
    "# Titel",
    "## Kurz gesagt",
    "## § 60a UrhG: Die 15 %",
    "# -x",
    "## !-x",
    "# **-fett**",
    "#",
    "# " + "Langer Titel " * 9,
    "Titel\n---",
    "- Titel\n  ---",
    "1. -x\n   ---",
    "---\n---",
    "> # -zitiert",
    "Text mit C# und",
    "[weiter](02-b.md)",
    "[weiter](02-b.md#abschnitt)",
    "[tiefer](unter/03-c.md)",
    "[fehlt](fehlt.md)",
    "[draußen](../draussen.md)",
    "[Web](https://example.org/seite)",
    "[Mail](mailto:a@example.org)",
    "[leer](#)",
    "[Anker](#anker)",
    "[js](javascript:alert(1))",
    "[Bild als Link](bilder/bild.png)",
    '[mit Titel](02-b.md "Titel")',
    "[Blanks]( 02-b.md )",
    "[a](02-b.md)](fehlt.md)",
    "![Bild](bilder/bild.png)",
    "![Lektion](02-b.md)",
    "![fehlt](bilder/fehlt.png)",
    "![Web](https://example.org/bild.png)",
    "![Link](bilder/link.png)",
    "![oben](../draussen.png)",
    "\\![kein Bild](bilder/bild.png)",
    "!\\[kein Bild](fehlt.md)",
    "[![Bild](bilder/bild.png)](02-b.md)",
    "[![fehlt](fehlt.png)](https://example.org)",
    "[ref][r]\n\n[r]: fehlt.md",
    "Fußnote[^1]\n\n[^1]: Text",
    "[TOC]",
    "<b>fett</b>",
    "<script>alert(1)</script>",
    "<https://example.org>",
    "&#60;b&#62; &amp;",
    "`[a](fehlt.md)`",
    "    [eingerückt](fehlt.md)",
    "1000. eins",
    "999. eins",
    "- 1000. eins",
    "Im Jahr\n2024. Danach",
    '!!! note "Merke"\n    Text mit [Link](fehlt.md)',
    '!!! warning "Außen"\n    !!! note "Innen"\n        Text',
    "- Liste\n\n    !!! tip\n        Text",
    "!!!! note\n    x",
    "| a | b |\n|---|---|\n| [x](fehlt.md) | ![y](bilder/bild.png) |",
    "```python\nx = 1\n```",
    "```Python\nx = 1\n```",
    "~~~\n<b>\n~~~",
    "**fett** und _kursiv_ und `code`",
    "Begriff\n:   Erklärung",
    "[" * 30,
    "[" * 501,
    " " * 70 + "zu tief eingerückt",
    "\r\n# -r\r\n",
]
lessons = st.lists(
    st.one_of(
        st.sampled_from(PIECES),
        st.text(alphabet="[]()!#-=*_`\\<>:|. \n1aä", max_size=20),
    ),
    max_size=8,
).flatmap(
    lambda pieces: st.lists(
        st.sampled_from(["\n", "\n\n", " ", ""]), min_size=len(pieces), max_size=len(pieces)
    ).map(lambda gaps: "".join(p + g for p, g in zip(pieces, gaps, strict=True)))
)


def _module(root: Path) -> Path:
    """A module folder with the files the pieces name, and a link that leads outside it."""
    folder = root / "de" / "neu"
    (folder / "bilder").mkdir(parents=True)
    (folder / "unter").mkdir()
    (folder / "bilder" / "bild.png").write_bytes(png_bytes(4, 4))
    (folder / "02-b.md").write_text("# B\n", "utf-8")
    (folder / "unter" / "03-c.md").write_text("# C\n", "utf-8")
    (root / "de" / "draussen.md").write_text("# Draußen\n", "utf-8")
    (root / "de" / "draussen.png").write_bytes(png_bytes(4, 4))
    with contextlib.suppress(OSError):  # Windows without the right to make links
        os.symlink(root / "de" / "draussen.png", folder / "bilder" / "link.png")
    return folder


@pytest.fixture(scope="module")
def module_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _module(tmp_path_factory.mktemp("quick"))


def _findings(text: str, lesson: Path, folder: Path) -> list[object]:
    rendered = render_lesson(text, lesson, folder)
    return [
        *rendered.missing_images,
        *rendered.broken_links,
        *rendered.removed_html,
        *(["too complex"] if rendered.too_complex else []),
    ]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=lessons)
def test_a_lesson_let_through_has_no_finding(module_folder: Path, text: str) -> None:
    lesson = module_folder / "01-a.md"
    if renders_cleanly(text, lesson, FileLookup(module_folder)):
        assert _findings(text, lesson, module_folder) == []


@pytest.mark.parametrize("piece", PIECES)
def test_a_piece_with_a_finding_is_rendered(module_folder: Path, piece: str) -> None:
    lesson = module_folder / "01-a.md"
    text = f"# Titel\n\n{piece}\n"
    if _findings(text, lesson, module_folder):
        assert not renders_cleanly(text, lesson, FileLookup(module_folder))


def test_ordinary_lessons_are_not_rendered(module_folder: Path) -> None:
    """The shortcut is taken for lessons like the course's own (else it would win nothing)."""
    import random

    lesson = module_folder / "01-a.md"
    rng = random.Random(3)
    text = lesson_markdown(rng, "Titel", 900, "02-b.md", images=("bilder/bild.png",))
    assert renders_cleanly(text, lesson, FileLookup(module_folder))
    bundled = sorted(bundled_content_dir().glob("de/*/[0-9]*.md"))
    taken = [p for p in bundled if renders_cleanly(p.read_text("utf-8"), p, FileLookup(p.parent))]
    assert len(taken) >= len(bundled) * 3 // 4


def _report(roots: list[Path], **options: object) -> tuple[list[str], list[str], int]:
    report = check_content(roots, **options)  # type: ignore[arg-type]
    return [str(p) for p in report.problems], [str(w) for w in report.warnings], report.ok


def _folder_with_findings(root: Path) -> Path:
    """Three modules whose lessons hold every piece above, so the check has much to report."""
    sample = Path(__file__).parent.parent / "data" / "content" / "de" / "beispiel"
    for number, chunk in enumerate((PIECES[:22], PIECES[22:44], PIECES[44:])):
        folder = root / "de" / f"modul-{number}"
        shutil.copytree(sample, folder)
        manifest = folder / "module.toml"
        manifest.write_text(
            manifest.read_text("utf-8").replace('"beispiel"', f'"modul-{number}"'), "utf-8"
        )
        first = sorted(folder.glob("[0-9]*.md"))[0]
        first.write_text("# Alles\n\n" + "\n\n".join(chunk) + "\n", "utf-8")
    return root


def test_the_check_reports_the_same_with_and_without_the_shortcut(tmp_path: Path) -> None:
    roots = [_folder_with_findings(tmp_path / "viel"), *sorted(BROKEN.iterdir())]
    roots.append(bundled_content_dir())
    quick = _report(roots)
    assert quick == _report(roots, quick=False)
    assert quick[0], "no problems: the comparison compared nothing"
    assert quick[1], "no warnings: the comparison compared nothing"


def test_worker_processes_report_the_same_as_one_process(tmp_path: Path) -> None:
    roots = [_folder_with_findings(tmp_path / "viel"), bundled_content_dir()]
    assert _report(roots, workers=2) == _report(roots, workers=1)
