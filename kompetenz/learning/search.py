"""Full-text search over the course: module titles, lesson titles, headings and sentences.

The course is read-only while the app runs, so the index lives in memory: per tier a map
word → ids of the entries holding it (a posting list) and, back, the words of each entry.
A query is answered by walking the shortest posting list and checking each candidate against
the other words, stopping once enough hits are found; that keeps a prefix query typed into a
10,000-lesson course well below a frame (`benchmarks/search_bench.py`). Building reads every
lesson, so the UI runs `SearchIndex.build` off the GUI thread.

Matching ignores case and accents and spells umlauts out ("Ä" = "ä" = "ae"). Every query word
must occur in the same sentence (AND); the last word also matches as a prefix while it is still
being typed. Hits come tier by tier (module titles, lesson titles, headings, sentences), exact
words before prefixes, then in course order, with at most a few sentences per lesson so that
one long lesson does not push all the others off the list.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import IntEnum
from itertools import accumulate, chain, filterfalse

from kompetenz.content.loader import Course, read_lesson_text
from kompetenz.content.model import Lesson
from kompetenz.content.problems import ContentError

UNION_LIMIT = 20_000  # above this many postings a prefix is checked entry by entry instead
_WORD = re.compile(r"\w+")
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


class HitKind(IntEnum):
    """Where a hit was found; the order is the ranking tier."""

    MODULE = 0
    LESSON = 1
    HEADING = 2
    TEXT = 3


class BuildCancelled(Exception):
    """The index was not finished because its build was cancelled."""


@dataclass(frozen=True)
class SearchHit:
    kind: HitKind
    module_id: str
    module_title: str
    file_name: str  # the lesson, as in module.toml; "" for a module title (open the overview)
    lesson_title: str
    text: str  # the matching sentence, heading or title, as plain text
    spans: tuple[tuple[int, int], ...]  # the matching words in `text` as (start, end)
    heading: str  # the section the sentence stands in; "" before the first heading

    @property
    def scroll_text(self) -> str:
        """What the lesson view should find and show; "" means the top of the lesson."""
        return self.text if self.kind in (HitKind.HEADING, HitKind.TEXT) else ""

    def excerpt(self, width: int = 200) -> tuple[str, tuple[tuple[int, int], ...]]:
        """`text` cut to about `width` characters around the first match, spans moved along."""
        if len(self.text) <= width:
            return self.text, self.spans
        first = self.spans[0][0] if self.spans else 0
        start = max(0, min(first - width // 3, len(self.text) - width))
        start = self.text.rfind(" ", 0, start) + 1 if start else 0
        end = min(len(self.text), start + width)
        end = self.text.find(" ", end) if end < len(self.text) else end
        end = len(self.text) if end == -1 else end
        lead, tail = ("…" if start else ""), ("…" if end < len(self.text) else "")
        shift = len(lead) - start
        spans = tuple((a + shift, b + shift) for a, b in self.spans if a >= start and b <= end)
        return f"{lead}{self.text[start:end]}{tail}", spans


def fold(text: str) -> str:
    """Text as the index compares it: casefolded, umlauts spelled out, other accents dropped."""
    text = unicodedata.normalize("NFC", text).casefold()
    text = text.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


def words_of(text: str) -> list[str]:
    """The folded words of `text`, as indexed and as queried."""
    return _WORD.findall(fold(text))


# -- Markdown to the plain text a reader sees ---------------------------------------------------

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
_ADMONITION = re.compile(r'^!!!\s*[\w-]+(?:\s+"(.*)")?$')
_FENCE = re.compile(r"^(```|~~~)")
_SKIP = re.compile(r"^(?:([-*_])(?:\s*\1){2,}|\|?[\s:|-]*-{3,}[\s:|-]*|\[TOC\])$")
_NEW_BLOCK = re.compile(r"^(?:[-*+]\s+|\d+[.)]\s+|:\s+|\[\^[^\]]+\]:\s*)")
_QUOTE = re.compile(r"^(?:>\s?)+")
_INLINE = (
    ("[", re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images show as pictures, not as text
    ("[", re.compile(r"\[\^[^\]]+\]"), ""),  # footnote marks
    ("[", re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])"), r"\1"),  # links
    ("<", re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),
    ("`", re.compile(r"(`+)(.+?)\1"), r"\2"),
    ("*", re.compile(r"(\*\*)(?=\S)(.+?)(?<=\S)\*\*"), r"\2"),
    ("*", re.compile(r"(?<![\w*\\])\*(?=\S)(.+?)(?<=[^\s\\])\*(?![\w*])"), r"\1"),
    ("_", re.compile(r"(?<![\w\\])(__?)(?=\S)(.+?)(?<=\S)\1(?!\w)"), r"\2"),
    ("\\", re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])"), r"\1"),
)


def strip_inline(text: str) -> str:
    """Markdown inline syntax removed: what a reader sees of a paragraph."""
    for trigger, pattern, replacement in _INLINE:
        if trigger in text:
            text = pattern.sub(replacement, text)
    return " ".join(text.split())


def plain_blocks(markdown: str) -> list[tuple[int, str]]:
    """Paragraphs, list items, table cells and headings as (heading level or 0, plain text)."""
    blocks: list[tuple[int, str]] = []
    lines: list[str] = []
    in_code = False

    def flush() -> None:
        if text := strip_inline(" ".join(lines)):
            blocks.append((0, text))
        lines.clear()

    for raw in markdown.splitlines():
        line = _QUOTE.sub("", raw.strip())
        if _FENCE.match(line):
            flush()
            in_code = not in_code
        elif in_code:
            if line:
                blocks.append((0, line))
        elif heading := _HEADING.match(line):
            flush()
            blocks.append((len(heading.group(1)), strip_inline(heading.group(2))))
        elif admonition := _ADMONITION.match(line):
            flush()
            if admonition.group(1):
                blocks.append((0, strip_inline(admonition.group(1))))
        elif not line or _SKIP.match(line):
            flush()
        elif line.startswith("|"):
            flush()
            blocks.extend(
                (0, cell) for c in line.strip("|").split("|") if (cell := strip_inline(c))
            )
        else:
            if _NEW_BLOCK.match(line):
                flush()
                line = _NEW_BLOCK.sub("", line)
            lines.append(line)
    flush()
    return blocks


_BOUNDARY = re.compile(r"[.!?…][\"'“”»)]*\s+(?=[\"'„“«(]?[A-ZÄÖÜ0-9])")
_LAST_WORD = re.compile(r"(\w+)\W*$")
_ABBREVIATIONS = frozenset(
    {"abs", "art", "bzw", "ca", "dr", "etc", "evtl", "ggf", "hr", "fr", "inkl", "kap", "max"}
    | {"min", "mio", "mrd", "nr", "sog", "std", "usw", "vgl"}
)


def split_sentences(block: str) -> list[str]:
    """Sentences of one paragraph; "z. B.", "Art. 4" and "am 1. August" do not end one."""
    sentences: list[str] = []
    start = 0
    for boundary in _BOUNDARY.finditer(block):
        if block[boundary.start()] == ".":
            word = _LAST_WORD.search(block, max(start, boundary.start() - 24), boundary.start())
            if word and (
                len(word.group(1)) == 1
                or word.group(1).casefold() in _ABBREVIATIONS
                or (word.group(1).isdigit() and len(word.group(1)) <= 2)
            ):
                continue
        sentences.append(block[start : boundary.end()].strip())
        start = boundary.end()
    sentences.append(block[start:].strip())
    return [s for s in sentences if s]


# -- the index ---------------------------------------------------------------------------------


class _Tier:
    """One tier's inverted index: word → sorted entry ids, and entry → its distinct words."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.places = array("I")  # index into SearchIndex._places
        self.headings: list[str] = []
        self.term_ids: dict[str, int] = {}
        self.postings: list[array[int]] = []
        self.words = array("I")  # the term ids of every entry, one entry after the other
        self.offsets = array("I", [0])
        self.sorted_terms: list[str] = []
        self.sorted_ids: list[int] = []
        self.cumulative: list[int] = []

    def add(self, text: str, place: int, heading: str, words: Iterable[str]) -> None:
        entry = len(self.texts)
        self.texts.append(text)
        self.places.append(place)
        self.headings.append(heading)
        term_ids, postings = self.term_ids, self.postings
        unique = dict.fromkeys(words)
        for word in filterfalse(term_ids.__contains__, unique):
            term_ids[word] = len(postings)
            postings.append(array("I"))
        terms = list(map(term_ids.__getitem__, unique))
        for term in terms:
            postings[term].append(entry)
        self.words.extend(terms)
        self.offsets.append(len(self.words))

    def freeze(self) -> None:
        self.sorted_terms = sorted(self.term_ids)
        self.sorted_ids = [self.term_ids[term] for term in self.sorted_terms]
        sizes = (len(self.postings[term]) for term in self.sorted_ids)
        self.cumulative = [0, *accumulate(sizes)]

    def find(self, exact: Sequence[str], prefix: str | None) -> Iterator[int]:
        """Ids, ascending, of the entries holding every `exact` word and a word with `prefix`."""
        required = [self.term_ids.get(word) for word in exact]
        if None in required:
            return
        terms = sorted({t for t in required if t is not None}, key=lambda t: len(self.postings[t]))
        wanted: frozenset[int] | None = None
        union = 0
        if prefix is not None:
            lo = bisect_left(self.sorted_terms, prefix)
            hi = bisect_left(self.sorted_terms, prefix + "\U0010ffff", lo)
            if lo == hi:
                return
            wanted = frozenset(self.sorted_ids[lo:hi])
            union = self.cumulative[hi] - self.cumulative[lo]
        candidates: Iterable[int]
        if terms and (wanted is None or len(self.postings[terms[0]]) <= union):
            candidates, terms = self.postings[terms[0]], terms[1:]
        elif wanted is not None and union <= UNION_LIMIT:
            candidates = sorted(set(chain.from_iterable(self.postings[t] for t in wanted)))
            wanted = None
        else:
            candidates = range(len(self.texts))  # a short prefix: most entries match anyway
        words, offsets = self.words, self.offsets
        for entry in candidates:
            held = words[offsets[entry] : offsets[entry + 1]]
            if all(t in held for t in terms) and (wanted is None or not wanted.isdisjoint(held)):
                yield entry


@dataclass(frozen=True)
class _Place:
    module_id: str
    module_title: str
    file_name: str
    lesson_title: str


class SearchIndex:
    """Search over one course; build it with `SearchIndex.build(course)`, then `search`."""

    def __init__(self) -> None:
        self._places: list[_Place] = []
        self._tiers = {kind: _Tier() for kind in HitKind}

    def __len__(self) -> int:
        return sum(len(tier.texts) for tier in self._tiers.values())

    @classmethod
    def build(
        cls,
        course: Course,
        read_text: Callable[[Lesson], str] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> SearchIndex:
        """Read every lesson of `course` (through `read_text`, default: its file) and index it.

        A lesson that cannot be read is still found by its title. `cancelled` is asked between
        lessons; when it says yes, `BuildCancelled` ends the build (the app is quitting).
        """
        reader = read_text or (lambda lesson: read_lesson_text(lesson.path))
        index = cls()
        for module in course.modules:
            index._add(HitKind.MODULE, module.title, _Place(module.id, module.title, "", ""), "")
            for lesson in module.lessons:
                if cancelled is not None and cancelled():
                    raise BuildCancelled
                place = _Place(module.id, module.title, lesson.file_name, lesson.title)
                index._add(HitKind.LESSON, lesson.title, place, "")
                try:
                    text = reader(lesson)
                except (ContentError, OSError):
                    continue
                index._add_lesson(text, place)
        for tier in index._tiers.values():
            tier.freeze()
        return index

    def _add_lesson(self, markdown: str, place: _Place) -> None:
        heading = ""
        title_seen = False
        for level, block in plain_blocks(markdown):
            if level == 1 and not title_seen and block == place.lesson_title:
                title_seen = True
            elif level:
                heading = block
                self._add(HitKind.HEADING, block, place, block)
            else:
                for sentence in split_sentences(block):
                    self._add(HitKind.TEXT, sentence, place, heading)

    def _add(self, kind: HitKind, text: str, place: _Place, heading: str) -> None:
        if not self._places or self._places[-1] is not place:
            self._places.append(place)
        self._tiers[kind].add(text, len(self._places) - 1, heading, words_of(text))

    def search(self, query: str, limit: int = 30, per_lesson: int = 3) -> list[SearchHit]:
        """The best `limit` hits for `query`, at most `per_lesson` sentences from one lesson."""
        words = words_of(query)
        if not words or limit <= 0:
            return []
        typing = bool(_WORD.match(query[-1]))  # the last word may not be finished yet
        last = words[-1]
        exact = [word for word in dict.fromkeys(words[:-1]) if word != last]
        hits: list[SearchHit] = []
        for kind, tier in self._tiers.items():
            taken: set[int] = set()
            per_place: Counter[int] = Counter()
            passes: list[tuple[list[str], str | None]] = [([*exact, last], None)]
            if typing:
                passes.append((exact, last))
            for pass_exact, pass_prefix in passes:
                for entry in tier.find(pass_exact, pass_prefix):
                    place = tier.places[entry]
                    if entry in taken or (kind is HitKind.TEXT and per_place[place] >= per_lesson):
                        continue
                    taken.add(entry)
                    per_place[place] += 1
                    hits.append(self._hit(kind, tier, entry, exact, last, typing))
                    if len(hits) >= limit:
                        return hits
        return hits

    def _hit(
        self, kind: HitKind, tier: _Tier, entry: int, exact: list[str], last: str, typing: bool
    ) -> SearchHit:
        text, place = tier.texts[entry], self._places[tier.places[entry]]
        spans = []
        for match in _WORD.finditer(text):
            word = fold(match.group())
            if word in exact or word == last or (typing and word.startswith(last)):
                spans.append(match.span())
        return SearchHit(
            kind,
            place.module_id,
            place.module_title,
            place.file_name,
            place.lesson_title,
            text,
            tuple(spans),
            tier.headings[entry],
        )
