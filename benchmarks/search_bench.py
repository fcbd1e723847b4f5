"""How fast is course search on a big course? And how does SQLite FTS5 compare?

    python benchmarks/search_bench.py [--modules 500] [--lessons 20] [--words 400] [--fts5]

Builds a synthetic course (by default 500 modules × 20 lessons × ~400 words) in memory: the
words are drawn with their real frequencies from the bundled German course, plus rare
compounds, so posting lists are as long and prefixes as ambiguous as in real text. Then it
times the index build and a few thousand queries as a learner types them (every prefix of
a word, one- to three-word AND queries, words that do not occur) and prints p50/p95/max.
"""

from __future__ import annotations

import argparse
import random
import re
import sqlite3
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kompetenz.content.loader import Course, read_lesson_text  # noqa: E402
from kompetenz.content.model import Lesson, Module, QuizSettings  # noqa: E402
from kompetenz.learning.search import SearchIndex, plain_blocks, split_sentences  # noqa: E402


def word_frequencies() -> Counter[str]:
    words: Counter[str] = Counter()
    for path in sorted((REPO / "content").glob("*/*/*.md")):
        words.update(re.findall(r"\w+", read_lesson_text(path)))
    return words


def make_course(
    modules: int, lessons: int, words: int, seed: int = 1
) -> tuple[Course, dict[tuple[str, str], str]]:
    """A course and its lesson texts (key: module id, file name), for `read_text`."""
    rng = random.Random(seed)
    frequencies = word_frequencies()
    vocabulary, weights = list(frequencies), list(frequencies.values())
    nouns = [w for w in vocabulary if w[:1].isupper() and len(w) > 3]

    def sentence(length: int) -> str:
        picked = rng.choices(vocabulary, weights, k=length)
        if rng.random() < 0.3:  # compounds make the vocabulary grow like real text does
            picked[rng.randrange(length)] = rng.choice(nouns) + rng.choice(nouns).lower()
        return " ".join(picked).capitalize() + "."

    texts: dict[tuple[str, str], str] = {}
    built: list[Module] = []
    for m in range(modules):
        module_id = f"modul-{m:03d}"
        lesson_list = []
        for n in range(lessons):
            file_name = f"{n + 1:02d}-lektion.md"
            title = " ".join(rng.choices(nouns, k=3))
            parts, count = [f"# {title}", ""], 0
            while count < words:
                if rng.random() < 0.15:
                    parts += [f"## {' '.join(rng.choices(nouns, k=2))}", ""]
                length = rng.randint(8, 22)
                prefix = "- " if rng.random() < 0.2 else ""
                parts += [prefix + " ".join(sentence(length) for _ in range(3)), ""]
                count += 3 * length
            texts[(module_id, file_name)] = "\n".join(parts)
            lesson_list.append(Lesson(module_id, file_name, Path(), title))
        built.append(_module(module_id, " ".join(rng.choices(nouns, k=3)), tuple(lesson_list)))
    return Course(tuple(built), ()), texts


def _module(module_id: str, title: str, lessons: tuple[Lesson, ...]) -> Module:
    return Module(
        id=module_id,
        version="1.0.0",
        title=title,
        summary="",
        audience=(),
        estimated_minutes=60,
        workload_hours=1.0,
        as_of=date(2026, 7, 1),
        objectives=(),
        lessons=lessons,
        quiz=QuizSettings(),
        folder=Path(module_id),
        language="de",
    )


def typed_queries(rng: random.Random, vocabulary: list[str], count: int) -> list[str]:
    """What a learner's keystrokes produce: every prefix of one to three words."""
    queries: list[str] = []
    while len(queries) < count:
        picked = rng.sample(vocabulary, rng.choice((1, 1, 2, 3)))
        if rng.random() < 0.1:
            picked[-1] = "xq" + picked[-1]  # a word the course does not hold
        done = ""
        for word in picked:
            queries += [done + word[:k] for k in range(1, len(word) + 1)]
            done += word + " "
    return queries[:count]


def timed(run: Callable[[str], object], queries: list[str]) -> list[float]:
    """CPU milliseconds per query: on a busy machine wall time measures the neighbours."""
    times = []
    for query in queries:
        start = time.process_time()
        run(query)
        times.append((time.process_time() - start) * 1000)
    return times


def report(name: str, times: list[float]) -> None:
    times = sorted(times)
    p95 = times[int(len(times) * 0.95)]
    print(
        f"{name:<36} n={len(times)}  p50 {statistics.median(times):6.2f} ms  "
        f"p95 {p95:6.2f} ms  max {times[-1]:7.2f} ms"
    )


def sentences(course: Course, texts: dict[tuple[str, str], str]) -> list[tuple[str, str, str]]:
    return [
        (sentence, module.id, lesson.file_name)
        for module in course.modules
        for lesson in module.lessons
        for _, block in plain_blocks(texts[(module.id, lesson.file_name)])
        for sentence in split_sentences(block)
    ]


def fts5(rows: list[tuple[str, str, str]], options: str, order: str) -> Callable[[str], object]:
    """The same sentences in an in-memory SQLite FTS5 table (unicode61, diacritics removed)."""
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE VIRTUAL TABLE s USING fts5(text, module UNINDEXED, lesson UNINDEXED, "
        f"tokenize = 'unicode61 remove_diacritics 2'{options})"
    )
    start = time.process_time()
    db.executemany("INSERT INTO s VALUES (?, ?, ?)", rows)
    db.commit()
    print(f"FTS5{options} build (CPU)  {time.process_time() - start:6.2f} s")
    sql = f"SELECT module, lesson, text FROM s WHERE s MATCH ? {order} LIMIT 30"

    def run(query: str) -> object:
        words = re.findall(r"\w+", query)
        if not words:
            return []
        match = " ".join(f'"{w}"' for w in words[:-1]) + f' "{words[-1]}"*'
        return db.execute(sql, (match,)).fetchall()

    return run


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--modules", type=int, default=500)
    parser.add_argument("--lessons", type=int, default=20)
    parser.add_argument("--words", type=int, default=400)
    parser.add_argument("--queries", type=int, default=3000)
    parser.add_argument("--fts5", action="store_true", help="also time SQLite FTS5")
    args = parser.parse_args()
    course, texts = make_course(args.modules, args.lessons, args.words)
    start = time.process_time()
    index = SearchIndex.build(course, lambda lesson: texts[(lesson.module_id, lesson.file_name)])
    print(f"index build (CPU)  {time.process_time() - start:6.2f} s, {len(index)} entries")
    rng = random.Random(7)
    vocabulary = sorted({w.lower() for w in word_frequencies()})
    queries = typed_queries(rng, vocabulary, args.queries)
    report("SearchIndex.search", timed(index.search, queries))
    if args.fts5:
        rows = sentences(course, texts)
        for options, order in (("", "ORDER BY rank"), ("", ""), (", prefix='1 2 3'", "")):
            report(f"FTS5{options} {order}", timed(fts5(rows, options, order), queries))


if __name__ == "__main__":
    main()
