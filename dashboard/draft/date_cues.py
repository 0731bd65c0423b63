"""What a sentence says of a day it names: still to come or gone ("storms will reach
Tulsa on Thursday", "said on Sunday"), which year a day without one is in, and the spans
of a sentence already read as dates. Shared by the readers of written-out and of relative
dates.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from dataclasses import dataclass

from dashboard.draft.figure_words import word_set


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    date: str | None
    inferred: bool
    confidence: str
    reason: str
    deadline: bool = False  # "by Wednesday", "bis Freitag": the end of a span, not an event


# A day and month without a year is the latest such day not further than this after the
# article's date: "on Dec. 28" in a January article is last December's.
AHEAD_DAYS = 60

# Words that put a weekday or a day without a year ahead of the article's date: a forecast,
# a plan, a schedule ("storms will reach Tulsa on Thursday", "soll am Sonntag stattfinden").
# Matched as written (lower case): "Will" may be a name. Not hedges ("could", "may",
# "possible"): wire copy hedges about what a past event may still bring ("the toll from
# the quake on Saturday could rise").
_FUTURE_CUES = word_set(
    """will wird werden soll sollen sollte sollten wollen expected erwartet forecast
    forecasts scheduled planned plans due geplant voraussichtlich"""
)
# Beside the day, a verb of saying, a past tense or a past auxiliary makes it past whatever
# the sentence announces: "said on Sunday that roads will reopen", "ist am Freitag
# ausgebrochen", "the quake that struck on Sunday could ...".
_PAST_CUES = word_set(
    """said says told announced reported confirmed stated warned was were had struck began
    broke fell came sagte sagten sagt erklärte erklärten teilte teilten berichtete meldete
    bestätigte warnte war waren wurde wurden hatte hatten ist sind hat haben nach after
    following"""
)
# "vom Sonntag", "since Monday", "last Friday": a day already gone.
_PAST_DAY = re.compile(r"(?i)(?:vom|seit|since|last|vergangenen|letzten)\b")
FUTURE_WINDOW = 8  # words on either side of the day, besides its own clause
PAST_WINDOW = 3
CLAUSE_WORDS = 30  # a clause without commas is read this far either side
_WORD = re.compile(r"[^\W\d_]+")
_POSSESSIVE = re.compile(r"['’]s\b")  # "Sunday's quake": an event already named
_CLAUSE_END = re.compile(r"[,;:()—–]")


def _is_past_word(word: str, before: str) -> bool:
    if word.lower() in _PAST_CUES:  # "Nach dem Beben am Samstag" opens a sentence
        return True
    if word.startswith("ge") and word.endswith(("t", "te", "ten", "en")) and len(word) > 5:
        return word not in _FUTURE_CUES  # a German participle: "am Sonntag gewählte"
    # "killed on Sunday", not "expected Sunday" nor "could be affected by Friday"
    return word.endswith("ed") and word not in _FUTURE_CUES and before not in ("be", "been")


@functools.lru_cache(maxsize=16)
def _word_index(text: str) -> tuple[list[int], list[int], list[str], list[int]]:
    """The words of a sentence (starts, ends, words) and where its clauses end: read once
    per sentence, so a sentence of 4,000 dates stays linear-time."""
    found = list(_WORD.finditer(text))
    breaks = [m.start() for m in _CLAUSE_END.finditer(text)]
    return [m.start() for m in found], [m.end() for m in found], [m[0] for m in found], breaks


def is_ahead(text: str, start: int, end: int) -> bool:
    """Does the sentence speak of text[start:end] (a weekday, a day) as still to come?"""
    if _PAST_DAY.match(text, start) or _POSSESSIVE.match(text, end):
        return False
    starts, ends, words, breaks = _word_index(text)
    first_after = bisect.bisect_left(starts, end)
    last_before = bisect.bisect_right(ends, start)  # words[:last_before] end before the day
    for i in [
        *range(max(0, last_before - PAST_WINDOW), last_before),
        *range(first_after, min(len(words), first_after + PAST_WINDOW)),
    ]:
        if _is_past_word(words[i], words[i - 1] if i else ""):
            return False
    # The clause: from the last break before the day to the first after it.
    b = bisect.bisect_left(breaks, start)
    clause_start = breaks[b - 1] if b else 0
    clause_end = (
        breaks[bisect.bisect_left(breaks, end)] if breaks and breaks[-1] >= end else len(text)
    )
    low = min(max(0, last_before - FUTURE_WINDOW), bisect.bisect_left(starts, clause_start))
    high = max(first_after + FUTURE_WINDOW, bisect.bisect_left(starts, clause_end))
    low, high = max(low, last_before - CLAUSE_WORDS, 0), min(high, first_after + CLAUSE_WORDS)
    high = min(high, len(words))
    if _past_infinitive(words, low, high):
        return False
    return any(words[i] in _FUTURE_CUES for i in range(low, high))


# "soll am Montag übergossen worden sein", "sollen gesagt haben": "soll" reports what is
# said to have happened, with a past infinitive; no plan.
_PAST_AUXILIARIES = frozenset(["sein", "haben"])


def _past_infinitive(words: list[str], low: int, high: int) -> bool:
    return any(
        words[i + 1] in _PAST_AUXILIARIES
        and (words[i] in ("worden", "gewesen") or (words[i].startswith("ge") and len(words[i]) > 5))
        for i in range(low, high - 1)
    )


def next_year(month: int, day: int, around: dt.date) -> int:
    """The year of "am 1. Oktober" said of a plan: the first such day on or after `around`."""
    for year in range(around.year, around.year + 9):  # 29 February: up to 8 years on
        try:
            if dt.date(year, month, day) >= around:
                return year
        except ValueError:
            continue
    return around.year


def nearest_year(month: int, day: int, around: dt.date) -> int:
    """The year of "Oct. 29" said in an article of `around`'s date."""
    candidates = []
    for year in (around.year - 1, around.year, around.year + 1):
        try:
            when = dt.date(year, month, day)
        except ValueError:  # 29 February
            continue
        if (when - around).days <= AHEAD_DAYS:
            candidates.append(year)
    return max(candidates, default=around.year)


class Spans:
    """Spans of text already read as dates, kept apart and sorted: whether a new match
    overlaps one is a binary search, so a sentence of 4,000 dates stays linear-time."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    @classmethod
    def of(cls, found: list[Found]) -> Spans:
        spans = cls()
        for item in found:
            spans.add(item.start, item.end)
        return spans

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)  # spans starting before `end`
        return i > 0 and self.ends[i - 1] > start

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)
