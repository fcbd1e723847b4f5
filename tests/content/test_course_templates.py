"""The school templates (Vorlagen) shipped with the course render cleanly and can be filled in.

Each template is a Markdown file in `<module>/vorlagen/`, belongs beside one lesson of its
module, renders without problems, names no web address, and leaves the school-specific parts
as blanks in square brackets („[Name der Schule]“). The list below is what the course promises
(issue #14: parent letter, tool approval, incident sheet, Art. 4 record, school AI policy,
pupils' declaration); the modules' `templates = [...]` must declare exactly these.
"""

from __future__ import annotations

import re
from functools import cache

import pytest

from kompetenz.content.loader import load_course
from kompetenz.content.model import Module
from kompetenz.content.render import render_lesson
from kompetenz.resources import bundled_content_dir

# (module, template file, lesson it belongs beside, title shown in the app)
TEMPLATES = [
    (
        "ethik-recht",
        "vorlagen/vorfallblatt-personenbezogene-daten.md",
        "01-personenbezogene-daten.md",
        "Vorfallblatt: Personenbezogene Daten in ein KI-Werkzeug eingegeben",
    ),
    (
        "ethik-recht",
        "vorlagen/checkliste-freigabe-ki-werkzeug.md",
        "02-rechtsgrundlage-avv-drittland.md",
        "Checkliste: Freigabe eines KI-Werkzeugs",
    ),
    (
        "ethik-recht",
        "vorlagen/elternbrief-ki.md",
        "06-bias-fairness-transparenz.md",
        "Elternbrief: KI an unserer Schule",
    ),
    (
        "ethik-recht",
        "vorlagen/eigenstaendigkeitserklaerung-ki.md",
        "07-ehrlichkeit-pruefungen.md",
        "Eigenständigkeitserklärung mit Angaben zur KI-Nutzung",
    ),
    (
        "verwaltung",
        "vorlagen/ki-nutzungsordnung-geruest.md",
        "06-ki-nutzungsordnung.md",
        "Gerüst einer KI-Nutzungsordnung",
    ),
    (
        "verwaltung",
        "vorlagen/nachweis-art4-massnahmen.md",
        "07-kollegium-mitnehmen.md",
        "Nachweis der Maßnahmen zur KI-Kompetenz (Art. 4 KI-VO)",
    ),
]
BLANK = re.compile(r"\[[^\]\n]+\]")
WEB_ADDRESS = re.compile(r"https?://", re.IGNORECASE)


@cache
def module(module_id: str) -> Module:
    found = load_course([bundled_content_dir()], "de").module(module_id)
    assert found is not None, f"module {module_id!r} did not load"
    return found


def template_id(entry: tuple[str, str, str, str]) -> str:
    return f"{entry[0]}/{entry[1]}"


def test_the_manifests_declare_exactly_these_templates() -> None:
    declared = sorted(
        (m.id, t.file_name, t.lesson_file, t.title)
        for m in load_course([bundled_content_dir()], "de").modules
        for t in m.templates
    )
    assert declared == sorted(TEMPLATES)


@pytest.mark.parametrize("entry", TEMPLATES, ids=template_id)
def test_template_belongs_beside_a_lesson_of_its_module(entry: tuple[str, str, str, str]) -> None:
    module_id, file_name, lesson_file, _ = entry
    mod = module(module_id)
    assert (mod.folder / file_name).is_file()
    assert lesson_file in [lesson.file_name for lesson in mod.lessons]


@pytest.mark.parametrize("entry", TEMPLATES, ids=template_id)
def test_template_has_its_title_and_blanks_to_fill_in(entry: tuple[str, str, str, str]) -> None:
    module_id, file_name, _, title = entry
    text = (module(module_id).folder / file_name).read_text(encoding="utf-8")
    assert text.splitlines()[0] == f"# {title}"
    assert "[Name der Schule]" in text
    assert len(BLANK.findall(text)) >= 5
    assert WEB_ADDRESS.findall(text) == []


@pytest.mark.parametrize("entry", TEMPLATES, ids=template_id)
def test_template_renders_without_problems(entry: tuple[str, str, str, str]) -> None:
    module_id, file_name, _, _ = entry
    mod = module(module_id)
    path = mod.folder / file_name
    rendered = render_lesson(path.read_text(encoding="utf-8"), path, mod.folder)
    assert not rendered.too_complex
    assert rendered.missing_images == []
    assert rendered.broken_links == []
    assert rendered.removed_html == []
    assert rendered.html.startswith("<h1")


@pytest.mark.parametrize("entry", TEMPLATES, ids=template_id)
def test_a_lesson_names_the_template(entry: tuple[str, str, str, str]) -> None:
    # A lesson names the template, so learners know it exists even before the app lists it.
    title = entry[3]
    lessons = "\n".join(
        lesson.path.read_text(encoding="utf-8")
        for module_id in sorted({e[0] for e in TEMPLATES})
        for lesson in module(module_id).lessons
    )
    assert f"„{title}“" in lessons
