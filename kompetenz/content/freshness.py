"""Finding sentences that the passing of time has made wrong.

A lesson written in July that says "gilt ab dem 02.08.2026" is wrong once the module is
brought to the state of December: the date has passed and the sentence should read "gilt seit
dem 02.08.2026". `stale_future_dates` finds such places (a date before the module's `as_of`,
spoken of in the future tense), so that the next legal update is found by
`kompetenz content check` rather than by a reviewer. Only a few clear patterns count, each
tied to the date itself, so that a sentence naming a past and a future date is not flagged
for the future one's "voraussichtlich".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

_MONTHS = (
    "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
    "Oktober", "November", "Dezember",
)  # fmt: skip
_DATE = (
    r"(?P<day>\d{1,2})\.\s?(?:(?P<month>\d{1,2})\.\s?|(?P<name>" + "|".join(_MONTHS) + r")\s+)"
    r"(?P<year>\d{4})"
)
_ARTICLE = r"(?:dem\s+|den\s+|zum\s+)?"
_CLAUSE = r"[^.;!?]{0,60}?"  # the rest of the clause, not across a sentence
_PATTERNS = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        # "gilt ab dem 02.08.2026", "gelten erst ab 2. August 2026", "gilt grundsätzlich ab …"
        rf"\b(?:gilt|gelten|greift|greifen)\s+(?:\w+\s+){{0,2}}ab\s+{_ARTICLE}{_DATE}",
        # "voraussichtlich ab dem …", "voraussichtlich erst zum …"
        rf"\bvoraussichtlich\s+(?:erst\s+|schon\s+)?(?:ab|am|zum|bis\s+zum)\s+{_ARTICLE}{_DATE}",
        # "wird ab dem 02.08.2026 gelten", "werden am 2. August 2026 anwendbar"
        rf"\b(?:wird|werden)\b{_CLAUSE}\b(?:ab|am|zum|seit)\s+{_ARTICLE}{_DATE}{_CLAUSE}"
        r"\b(?:gelten|greifen|anwendbar|verbindlich|wirksam|in\s+Kraft\s+treten)\b",
        # "tritt am 02.08.2026 in Kraft"
        rf"\b(?:tritt|treten)\s+(?:erst\s+)?(?:am|zum|ab)\s+{_ARTICLE}{_DATE}\s+in\s+Kraft\b",
        # "die Übergangsfrist läuft bis zum 02.12.2026"
        rf"\b(?:läuft|laufen|gilt|gelten)\s+(?:noch\s+)?bis\s+{_ARTICLE}{_DATE}",
    )
)
# "ab dem 02.08.2026" next to a verb in the present or future tense, in the same clause:
# "verlangt ab dem …", "ab dem … muss offengelegt werden", "sollten ab … gelten". Not "wird":
# "ab dem 05.12.2025 wird telli bereitgestellt" is a passive in the present, still true.
_FROM_DATE = re.compile(rf"\bab\s+{_ARTICLE}{_DATE}", re.IGNORECASE)
_PRESENT_VERB = re.compile(
    r"\b(?:gilt|gelten|greift|greifen|verlangt|verlangen|muss|müssen|soll|sollen|sollte|"
    r"sollten|darf|dürfen|tritt|treten|ist|sind|kann|können|beginnt|beginnen)\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[;:!?]|\.\s+(?=[A-ZÄÖÜ„])")
_NEAR = 60  # characters on either side of the date that still count as its clause
_EMPHASIS = re.compile(r"[*_]{1,3}")


@dataclass(frozen=True)
class StaleDate:
    line: int
    phrase: str  # what was found, for the message
    when: date


def stale_future_dates(text: str, as_of: date) -> Iterator[StaleDate]:
    """Every place in `text` that puts a date before `as_of` in the future tense."""
    for number, raw_line in enumerate(text.splitlines(), start=1):
        line = _EMPHASIS.sub("", raw_line)  # "gilt ab dem **02.08.2026**"
        seen: set[date] = set()  # two patterns may find the same date: one warning
        for match in _future_matches(line):
            when = _date_of(match)
            if when is not None and when < as_of and when not in seen:
                seen.add(when)
                yield StaleDate(number, " ".join(match.group(0).split()), when)


def _future_matches(line: str) -> Iterator[re.Match[str]]:
    for pattern in _PATTERNS:
        yield from pattern.finditer(line)
    for match in _FROM_DATE.finditer(line):
        if _PRESENT_VERB.search(_clause_around(line, match.start(), match.end())):
            yield match


def _clause_around(line: str, start: int, end: int) -> str:
    """Up to `_NEAR` characters either side of line[start:end], cut at the clause's ends."""
    low = max(0, start - _NEAR)
    # Searched up to the date's end, so that ". " right before "Ab dem …" counts as an end.
    cuts = [m.end() for m in _CLAUSE_END.finditer(line, low, end) if m.end() <= start]
    before = line[cuts[-1] if cuts else low : start]
    after = line[end : end + _NEAR]
    stop = _CLAUSE_END.search(after)
    return before + " " + (after[: stop.start()] if stop else after)


def _date_of(match: re.Match[str]) -> date | None:
    name = match.group("name")
    month = _MONTHS.index(name.capitalize()) + 1 if name else int(match.group("month"))
    try:
        return date(int(match.group("year")), month, int(match.group("day")))
    except ValueError:
        return None  # "31.02.2026" is no date
