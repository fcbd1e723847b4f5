"""Course search: what a learner typing into the search box gets back, and how fast."""

from __future__ import annotations

import random
import time
from datetime import date
from pathlib import Path

import pytest

from kompetenz.content.loader import Course, load_course
from kompetenz.content.model import Lesson, Module, QuizSettings
from kompetenz.learning.search import (
    HitKind,
    SearchHit,
    SearchIndex,
    fold,
    plain_blocks,
    split_sentences,
)

SAMPLE_CONTENT = Path(__file__).parent.parent / "data" / "content"


def make_course(lessons: dict[str, dict[str, str]]) -> tuple[Course, dict[tuple[str, str], str]]:
    """A course from {module title: {lesson file: markdown}}; lesson titles are the `# ` lines."""
    modules, texts = [], {}
    for number, (module_title, files) in enumerate(lessons.items()):
        module_id = f"m{number}"
        lesson_list = []
        for file_name, text in files.items():
            title = text.splitlines()[0].lstrip("# ")
            lesson_list.append(Lesson(module_id, file_name, Path(), title))
            texts[(module_id, file_name)] = text
        modules.append(_module(module_id, module_title, tuple(lesson_list)))
    return Course(tuple(modules), ()), texts


def _module(module_id: str, title: str, lessons: tuple[Lesson, ...]) -> Module:
    return Module(
        id=module_id,
        version="1.0.0",
        title=title,
        summary="",
        audience=(),
        estimated_minutes=10,
        workload_hours=0.5,
        as_of=date(2026, 7, 1),
        objectives=(),
        lessons=lessons,
        quiz=QuizSettings(),
        folder=Path(module_id),
        language="de",
    )


def build(lessons: dict[str, dict[str, str]]) -> SearchIndex:
    course, texts = make_course(lessons)
    return SearchIndex.build(course, lambda lesson: texts[(lesson.module_id, lesson.file_name)])


def marked(hit: SearchHit) -> str:
    """The hit's text with the matches in [brackets], as the UI would bold them."""
    text = hit.text
    for start, end in reversed(hit.spans):
        text = f"{text[:start]}[{text[start:end]}]{text[end:]}"
    return text


@pytest.fixture(scope="module")
def sample() -> SearchIndex:
    return SearchIndex.build(load_course([SAMPLE_CONTENT]))


COURSE = {
    "Datenschutz im Alltag": {
        "01-daten.md": "# Personenbezogene Daten\n\nNamen von Schülerinnen sind Daten. "
        "Noten sind besonders schützenswert.\n\n## Prompts ohne Namen\n\n"
        "Ein Prompt enthält keine Namen. Prompts werden geprüft.\n",
        "02-recht.md": "# Rechtsgrundlagen\n\nDie DSGVO gilt auch für Prompts an Schulen.\n",
    },
    "Gute Prompts": {
        "01-prompt.md": "# Der erste Prompt\n\nEin Prompt hat eine Rolle. Das Café ist zu.\n",
    },
}


def test_an_exact_word_finds_the_sentence_in_the_sample_course(sample: SearchIndex) -> None:
    hits = sample.search("Sprachmodelle")
    texts = [hit for hit in hits if hit.kind is HitKind.TEXT]
    assert texts, hits
    hit = texts[0]
    assert hit.module_id == "beispiel"
    assert hit.file_name == "02-grenzen.md"
    assert hit.lesson_title == "Grenzen von Sprachmodellen"
    assert hit.text == "Sprachmodelle sagen das wahrscheinlichste nächste Token vorher."
    assert marked(hit).startswith("[Sprachmodelle] sagen")
    assert hit.scroll_text == hit.text
    assert hit.heading == ""


def test_markdown_syntax_is_stripped_from_what_is_shown(sample: SearchIndex) -> None:
    (hit,) = [h for h in sample.search("Rolle Aufgabe Kontext") if h.kind is HitKind.TEXT][:1]
    assert hit.text == "Ein guter Prompt nennt Rolle, Aufgabe, Kontext und Format."
    assert marked(hit) == "Ein guter Prompt nennt [Rolle], [Aufgabe], [Kontext] und Format."
    link = sample.search("Weiter mit den Grenzen")
    assert link[0].text == "Weiter mit den Grenzen."
    assert sample.search("bilder schema") == []  # the image's file name is not text


def test_headings_are_hits_and_sentences_know_their_heading(sample: SearchIndex) -> None:
    hits = sample.search("kurz gesagt ")
    assert [h.kind for h in hits] == [HitKind.HEADING, HitKind.HEADING]
    assert hits[0].scroll_text == "Kurz gesagt"
    (point,) = sample.search("Prüfen statt glauben")
    assert point.heading == "Kurz gesagt"


def test_all_words_must_occur_in_the_same_sentence() -> None:
    index = build(COURSE)
    assert [marked(h) for h in index.search("Namen Prompt ")] == [
        "Ein [Prompt] enthält keine [Namen]."
    ]
    assert index.search("Noten Prompt ") == []  # each occurs, but not in one sentence


def test_the_last_word_matches_as_a_prefix_while_it_is_typed() -> None:
    index = build(COURSE)
    assert [h.text for h in index.search("schützens")] == ["Noten sind besonders schützenswert."]
    assert index.search("schützens ") == []  # a finished word must match whole
    assert index.search("Rechts")[0].lesson_title == "Rechtsgrundlagen"
    # earlier words are finished: "Pro" does not stand for "Prompts"
    assert index.search("Pro keine") == []
    # a word typed again is still the one being typed
    assert [h.text for h in index.search("prom keine prom")] == ["Ein Prompt enthält keine Namen."]


def test_case_umlauts_and_accents_do_not_matter() -> None:
    index = build(COURSE)
    for query in ("schülerinnen", "SCHÜLERINNEN", "Schuelerinnen", "schu\u0308lerinnen"):
        assert [h.text for h in index.search(query)] == ["Namen von Schülerinnen sind Daten."], (
            query
        )
    assert [h.text for h in index.search("cafe")] == ["Das Café ist zu."]
    assert fold("Maße ÄÖÜ") == "masse aeoeue"


def test_title_hits_come_first_then_exact_words_then_prefixes() -> None:
    index = build(COURSE)
    hits = index.search("prompt")
    assert [(h.kind, h.text) for h in hits] == [
        (HitKind.MODULE, "Gute Prompts"),
        (HitKind.LESSON, "Der erste Prompt"),
        (HitKind.HEADING, "Prompts ohne Namen"),
        # sentences: the exact word "Prompt" first, in course order, then "Prompts"
        (HitKind.TEXT, "Ein Prompt enthält keine Namen."),
        (HitKind.TEXT, "Ein Prompt hat eine Rolle."),
        (HitKind.TEXT, "Prompts werden geprüft."),
        (HitKind.TEXT, "Die DSGVO gilt auch für Prompts an Schulen."),
    ]
    assert hits[0].file_name == ""
    assert hits[0].scroll_text == ""
    assert hits[1].scroll_text == ""  # a lesson title opens the lesson at the top


@pytest.mark.parametrize("query", ["", "   ", "?!", "–"])
def test_an_empty_query_finds_nothing(sample: SearchIndex, query: str) -> None:
    assert sample.search(query) == []


def test_limit_and_at_most_a_few_sentences_per_lesson() -> None:
    lesson = "# Lang\n\n" + " ".join(f"Satz {n} über Daten." for n in range(20)) + "\n"
    index = build({"M": {"01.md": lesson, "02.md": "# Kurz\n\nNoch mehr Daten.\n"}})
    hits = index.search("daten")
    assert [h.file_name for h in hits] == ["01.md"] * 3 + ["02.md"]
    assert len(index.search("daten", per_lesson=50)) == 21
    assert len(index.search("daten", limit=2)) == 2


def test_a_lesson_that_cannot_be_read_is_still_found_by_title(tmp_path: Path) -> None:
    course, _ = make_course({"M": {"01.md": "# Verlorene Lektion\n\nText.\n"}})
    index = SearchIndex.build(course)  # reads Path("01.md"), which does not exist
    assert [h.kind for h in index.search("verlorene")] == [HitKind.LESSON]


def test_sentences_do_not_end_at_abbreviations_or_ordinals() -> None:
    text = "Das gilt z. B. nach Art. 4 ab dem 1. August 2025. Danach gilt es. Wirklich? Ja!"
    assert split_sentences(text) == [
        "Das gilt z. B. nach Art. 4 ab dem 1. August 2025.",
        "Danach gilt es.",
        "Wirklich?",
        "Ja!",
    ]


def test_plain_blocks_reads_tables_lists_boxes_and_code() -> None:
    markdown = (
        "# Titel\n\n| A | B |\n|---|---|\n| eins | **zwei** |\n\n- Punkt *eins*\n- Punkt zwei\n\n"
        '!!! tip "Ausprobieren"\n    Formulieren Sie\n    einen Prompt.\n\n```\ncode = 1\n```\n'
    )
    assert plain_blocks(markdown) == [
        (1, "Titel"),
        (0, "A"),
        (0, "B"),
        (0, "eins"),
        (0, "zwei"),
        (0, "Punkt eins"),
        (0, "Punkt zwei"),
        (0, "Ausprobieren"),
        (0, "Formulieren Sie einen Prompt."),
        (0, "code = 1"),
    ]


def test_a_long_sentence_is_cut_around_the_match() -> None:
    words = [f"wort{n}" for n in range(80)]
    words[60] = "Treffer"
    index = build({"M": {"01.md": "# T\n\n" + " ".join(words) + ".\n"}})
    (hit,) = index.search("treffer")
    text, spans = hit.excerpt(80)
    assert text.startswith("…")
    assert text.endswith("…")
    assert len(text) < 100
    assert [text[a:b] for a, b in spans] == ["Treffer"]


@pytest.mark.slow
def test_a_typed_query_on_a_big_course_answers_within_50_ms() -> None:
    """2,000 lessons of ~400 words (a fifth of the benchmark); CPU time, p95."""
    rng = random.Random(3)
    vocabulary = [f"{a}{b}" for a in ("da", "ki", "sch", "pro", "le", "no") for b in range(400)]
    vocabulary += ["und", "die", "der", "ist", "nicht", "mit"] * 200
    lessons: dict[str, dict[str, str]] = {}
    for m in range(100):
        lessons[f"Modul {m}"] = {
            f"{n:02d}.md": f"# Lektion {m} {n}\n\n"
            + " ".join(" ".join(rng.choices(vocabulary, k=15)) + "." for _ in range(27))
            for n in range(20)
        }
    index = build(lessons)
    queries = [w[:k] for w in rng.sample(vocabulary[:2400], 60) for k in range(1, len(w) + 1)]
    queries += [f"die {w}" for w in rng.sample(vocabulary[:2400], 60)]
    times = []
    for query in queries:
        start = time.process_time()
        index.search(query)
        times.append(time.process_time() - start)
    times.sort()
    assert times[int(len(times) * 0.95)] < 0.050


def test_a_build_can_be_cancelled_between_lessons(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from kompetenz.learning.search import BuildCancelled, SearchIndex
    from kompetenz.resources import bundled_content_dir

    course = load_course([bundled_content_dir()])
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 3

    with pytest.raises(BuildCancelled):
        SearchIndex.build(course, cancelled=cancelled)
    assert len(asked) == 4  # it stopped at the first "yes"
