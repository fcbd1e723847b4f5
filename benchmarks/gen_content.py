"""Generated course content for the benchmarks: valid per docs/content-format.md.

Everything is deterministic (seeded), so two runs measure the same files. Lessons look like
the bundled course: headings, paragraphs, a table, an image, an info box, a list, a link to
the next lesson and a „Kurz gesagt“ summary. Quizzes mix every GIFT question type.
"""

from __future__ import annotations

import random
import struct
import zlib
from pathlib import Path

# Words that give the Markdown parser realistic German text (umlauts, long compounds).
_WORD_LIST = (
    "Sprachmodell Schule Unterricht Lehrkraft Datenschutz Prompt Werkzeug Ergebnis Beispiel "
    "Aufgabe prüfen erklären wahrscheinlich Token nächste Antwort Quelle Fehler Halluzination "
    "Schülerinnen Schüler Verwaltung Elternbrief Bewertung Kompetenz künstliche Intelligenz "
    "Verordnung Transparenz Fairness Bias Rückmeldung Arbeitsblatt Bild Text Modell Daten "
    "Training Muster Regel Entscheidung Verantwortung Kollegium Fortbildung Medienbildung und "
    "oder aber nicht immer manchmal häufig selten genau ungefähr die der das ein eine mit für "
    "über unter zwischen während nach vor bei"
)
_WORDS = tuple(_WORD_LIST.split())

GIFT_TYPES = (
    "single",
    "multiple",
    "true_false",
    "short",
    "numerical",
    "matching",
    "missing_word",
    "essay",
    "description",
)


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choices(_WORDS, k=words))
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random, words: int) -> str:
    sentences = []
    while words > 0:
        n = min(words, rng.randint(8, 16))
        sentences.append(_sentence(rng, n))
        words -= n
    return " ".join(sentences)


def png_bytes(width: int, height: int, seed: int = 0) -> bytes:
    """A valid RGB PNG with a simple gradient (no Qt needed, so the generator stays core-only)."""
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # filter type "none"
        for x in range(width):
            rows += bytes(((x * 255) // max(width, 1), (y * 255) // max(height, 1), seed % 256))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(rows), 6))
        + chunk(b"IEND", b"")
    )


def lesson_markdown(
    rng: random.Random,
    title: str,
    words: int,
    next_file: str | None,
    images: tuple[str, ...] = ("bilder/diagramm.png",),
) -> str:
    """One lesson of about `words` words, split into sections with a table, image and box each
    few hundred words (so a long lesson has many of them, as a real long lesson would)."""
    parts = [f"# {title}", ""]
    sections = max(1, words // 400)
    per_section = max(40, words // sections - 60)
    for number in range(sections):
        parts += [f"## Abschnitt {number + 1}", "", _paragraph(rng, per_section // 2), ""]
        parts += ["| Begriff | Erklärung | Beispiel |", "|---|---|---|"]
        parts += [
            f"| {rng.choice(_WORDS)} | {_sentence(rng, 6)} | {_sentence(rng, 4)} |"
            for _ in range(4)
        ]
        image = images[number % len(images)]
        parts += ["", f"![Ein Diagramm zu Abschnitt {number + 1}]({image})", ""]
        parts += ['!!! note "Merke"', f"    {_sentence(rng, 12)}", ""]
        parts += [_paragraph(rng, per_section // 2), ""]
        parts += [f"- **{rng.choice(_WORDS)}**: {_sentence(rng, 7)}" for _ in range(3)]
        parts.append("")
    if next_file is not None:
        parts += [f"Weiter mit [der nächsten Lektion]({next_file}).", ""]
    parts += ["## Kurz gesagt", "", f"- {_sentence(rng, 8)}", f"- {_sentence(rng, 8)}", ""]
    return "\n".join(parts)


def gift_question(rng: random.Random, key: str, kind: str) -> str:
    """One question of the given kind, in the GIFT syntax the bundled quizzes use."""
    stem = _sentence(rng, 12)[:-1]
    right, wrong1, wrong2 = (_sentence(rng, 4)[:-1] for _ in range(3))
    if kind == "single":
        return (
            f"::{key}:: {stem}? {{\n={right}#Richtig.\n~{wrong1}#Nein.\n~{wrong2}#Leider nicht.\n}}"
        )
    if kind == "multiple":
        return (
            f"::{key}:: {stem}? {{\n~%50%{right}#Richtig.\n~%50%{wrong1}#Auch richtig.\n"
            f"~%-100%{wrong2}#Nein.\n}}"
        )
    if kind == "true_false":
        return f"::{key}:: {stem}. {{{rng.choice('TF')}#Nicht ganz.#Richtig.}}"
    if kind == "short":
        word = rng.choice(_WORDS)
        return f"::{key}:: {stem}: Welches Wort fehlt? {{\n={word}\n={word.upper()}\n}}"
    if kind == "numerical":
        return f"::{key}:: {stem}: Wie viele? {{#\n={rng.randint(1, 99)}:1#Richtig.\n}}"
    if kind == "matching":
        pairs = "\n".join(f"={_WORDS[i]} -> {_WORDS[i + 20]}" for i in rng.sample(range(20), 3))
        return f"::{key}:: Ordnen Sie zu: {stem}. {{\n{pairs}\n}}"
    if kind == "missing_word":
        return f"::{key}:: {stem} {{={right} ~{wrong1} ~{wrong2}}} {_sentence(rng, 4)}"
    if kind == "essay":
        return f"::{key}:: Reflexion\\: {stem}. {{}}"
    return f"::{key}:: {stem}."  # description: no answer block


def quiz_gift(rng: random.Random, prefix: str, questions: int) -> str:
    blocks = [f"// Generated quiz {prefix}"]
    blocks += [
        gift_question(rng, f"{prefix}-q{i:03d}", GIFT_TYPES[i % len(GIFT_TYPES)])
        for i in range(questions)
    ]
    return "\n\n".join(blocks) + "\n"


def module_toml(module_id: str, number: int, lesson_files: list[str], questions: int) -> str:
    lessons = "\n".join(f'  "{name}",' for name in lesson_files)
    return f"""id = "{module_id}"
version = "1.0.{number}"
title = "Modul {number:04d}: Generierter Kurs"
summary = "Ein erzeugtes Modul, mit dem die Benchmarks einen großen Kurs nachbilden."
audience = ["Lehrkräfte", "Schulleitungen"]
estimated_minutes = {30 + len(lesson_files) * 10}
as_of = 2026-07-02
order = {number}
objectives = [
  "einen großen Kurs schnell öffnen",
  "jede Lektion ohne Wartezeit lesen",
]
lessons = [
{lessons}
]

[quiz]
pass_percent = 80
questions_per_attempt = {min(10, questions)}
"""


def generate_course(
    root: Path,
    modules: int,
    lessons: int,
    questions: int,
    *,
    words_per_lesson: int = 350,
    seed: int = 1,
) -> Path:
    """Write a course of `modules` modules below `root`/content/de and return `root`/content.

    Lesson bodies are drawn from a small pool of variants (each with its own title), so
    generating 10,000 lessons takes seconds; the parser still sees distinct, realistic files.
    """
    rng = random.Random(seed)
    content = root / "content"
    image = png_bytes(64, 32)
    pool_size = 16
    bodies = [
        lesson_markdown(rng, "TITLE", words_per_lesson, "NEXT").split("\n", 1)[1]
        for _ in range(pool_size)
    ]
    for m in range(modules):
        module_id = f"modul-{m:04d}"
        folder = content / "de" / module_id
        (folder / "bilder").mkdir(parents=True)
        (folder / "bilder" / "diagramm.png").write_bytes(image)
        files = [f"{i + 1:02d}-lektion.md" for i in range(lessons)]
        for i, name in enumerate(files):
            body = bodies[(m * lessons + i) % pool_size]
            if i + 1 < len(files):
                body = body.replace("(NEXT)", f"({files[i + 1]})")
            else:
                body = body.replace("Weiter mit [der nächsten Lektion](NEXT).\n", "")
            title = f"# Lektion {m}.{i + 1}: {' '.join(rng.choices(_WORDS, k=3))}\n"
            (folder / name).write_text(title + body, encoding="utf-8")
        (folder / "module.toml").write_text(
            module_toml(module_id, m + 1, files, questions), encoding="utf-8"
        )
        (folder / "quiz.gift").write_text(quiz_gift(rng, module_id, questions), encoding="utf-8")
    return content
