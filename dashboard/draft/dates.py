"""Dates in an article: absolute ones for the timeline, relative ones resolved against the
article's own date where that is possible (and then marked as inferred).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from dataclasses import dataclass

from dashboard.core.calendar_words import (
    month_number,
    month_pattern,
    weekday_number,
    weekday_pattern,
)
from dashboard.draft.figure_words import QUALIFIER_PHRASES, word_set
from dashboard.draft.model import HIGH, LOW, MEDIUM, DraftDate
from dashboard.draft.sentences import Sentence
from dashboard.draft.words import NUMBER_WORDS

_MONTH = rf"(?P<month>{month_pattern()})(?!\w)"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_ABSOLUTE = [
    # 29. Juni 2014 / 29 June 2014 / 29. Juni
    re.compile(rf"\b(?P<day>[0-3]?\d)\.?\s+{_MONTH}(?:\s+{_YEAR})?\b"),
    # June 29, 2014 / June 29th
    re.compile(rf"\b{_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR})?"),
    # 01.07.2017
    re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<monthnum>[01]?\d)\.(?P<year>1[89]\d\d|20\d\d)\b"),
    # am 3.10. / vom 28.10.: German short dates, read only after a preposition (a bare
    # "3.10." may be a section or a score)
    re.compile(
        r"\b(?i:am|vom|bis zum|bis|seit dem|seit|zum|ab dem|ab)\s+"
        r"(?P<day>[0-3]?\d)\.(?P<monthnum>[01]?\d)\.(?!\d)"
    ),
    # 2017-07-01
    re.compile(r"\b(?P<year>1[89]\d\d|20\d\d)-(?P<monthnum>[01]\d)-(?P<day>[0-3]\d)\b"),
    # Juni 2014 / im März 2015 / in June 2014
    re.compile(rf"\b{_MONTH}\s+{_YEAR}\b"),
    # Ende März / late March / im Juni: the year is the article's
    re.compile(
        r"\b(?i:Anfang|Mitte|Ende|im|seit|bis|late|early|mid-|in|since|until)\s*"
        rf"(?P<month>{month_pattern(dot=True)})(?!\w)(?!\s+\d)"
    ),
    # 2010 (a year alone)
    # not a decade ("1960er Jahre", "the 1990s"): a year with letters after it
    re.compile(rf"(?<![\d.,:/-]){_YEAR}(?![\d.,:/-]\d|-\w|[a-zäöü’'])"),
]
_WEEKDAY = re.compile(
    r"\b(?:(?P<ahead>by|next|until|bis|bis zum|kommenden|nächsten|am kommenden|am nächsten)\s+)?"
    r"(?:(?:am|vom|seit|on|last|late on|early on)\s+)?(?:(?:späten|frühen|vergangenen|"
    rf"letzten)\s+)?(?P<weekday>{weekday_pattern()})"
    r"(?:abend|morgen|nachmittag|vormittag|mittag|nacht|s)?\b(?:\s+(?:night|morning|evening|"
    r"afternoon))?"
)
_AGO = re.compile(
    r"\b(?:vor\s+(?P<n_de>\w+)\s+(?P<unit_de>Tagen|Wochen|Monaten|Jahren)|"
    r"(?P<n_en>\w+)\s+(?P<unit_en>days|weeks|months|years)\s+ago)\b",
    re.IGNORECASE,
)
_SIMPLE_RELATIVE = {
    "heute": ("day", 0),
    "today": ("day", 0),
    "tonight": ("day", 0),
    "this morning": ("day", 0),
    "this afternoon": ("day", 0),
    "this evening": ("day", 0),
    "earlier today": ("day", 0),
    "heute früh": ("day", 0),
    "heute nacht": ("day", 0),
    "last night": ("day", -1),
    "late last night": ("day", -1),
    "vergangene nacht": ("day", -1),
    "in der vergangenen nacht": ("day", -1),
    "letzte nacht": ("day", -1),
    "in der nacht zu heute": ("day", -1),
    "gestern": ("day", -1),
    "vorgestern": ("day", -2),
    "yesterday": ("day", -1),
    "im vergangenen jahr": ("year", -1),
    "im letzten jahr": ("year", -1),
    "vergangenes jahr": ("year", -1),
    "letztes jahr": ("year", -1),
    "last year": ("year", -1),
    "vergangenen jahres": ("year", -1),
    "letzten jahres": ("year", -1),
    "des vergangenen jahres": ("year", -1),
    "this year": ("year", 0),
    "dieses jahres": ("year", 0),
    "in diesem jahr": ("year", 0),
    "im vergangenen monat": ("month", -1),
    "last month": ("month", -1),
}
_RELATIVE_WORDS = re.compile(
    r"\b("
    + "|".join(re.escape(k) for k in sorted(_SIMPLE_RELATIVE, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
# Said relative to the article's date but not resolvable to a day, month or year.
_VAGUE = re.compile(
    r"\b(vor kurzem|kürzlich|jüngst|neulich|in dieser woche|diese woche|vergangene woche|"
    r"letzte woche|in der vergangenen woche|recently|this week|last week|earlier this week)\b",
    re.IGNORECASE,
)
# Days of the year known by name: "in der Silvesternacht", "on New Year's Day". The night
# of New Year's Eve is its evening's day. Only days the same everywhere they are named
# (no Easter, no national days).
_HOLIDAYS = {
    "silvester": (12, 31),
    "silvesternacht": (12, 31),
    "silvesterabend": (12, 31),
    "neujahr": (1, 1),
    "neujahrstag": (1, 1),
    "neujahrsnacht": (12, 31),
    "heiligabend": (12, 24),
    "heiligen abend": (12, 24),
    "ersten weihnachtstag": (12, 25),
    "ersten weihnachtsfeiertag": (12, 25),
    "new year's eve": (12, 31),
    "new year's day": (1, 1),
    "christmas eve": (12, 24),
    "christmas day": (12, 25),
    "boxing day": (12, 26),
}


def _holiday_key(written: str) -> str:
    return " ".join(written.lower().replace("’", "'").split())


_HOLIDAY = re.compile(
    r"\b(?:"
    + "|".join(re.escape(k).replace("'", "['’]").replace(r"\ ", r"\s+") for k in _HOLIDAYS)
    + r")(?!\w)",
    re.IGNORECASE,
)
# "vor einem Jahr", "a year ago": the indefinite article counts one.
_NUMBER_WORDS = {**NUMBER_WORDS, "einem": 1, "einer": 1, "one": 1, "a": 1}


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    date: str | None
    inferred: bool
    confidence: str
    reason: str


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
    return any(words[i] in _FUTURE_CUES for i in range(low, min(high, len(words))))


# A day said of a plan is the next such day only when the last one is this long gone: "the
# dam, which broke on Sept. 10, will be rebuilt" (in an October article) is September's.
PLAN_AFTER_DAYS = 90


def _year_of_day(month: int, day: int, published: dt.date, text: str, match: re.Match[str]) -> int:
    year = nearest_year(month, day, published)
    try:
        gone = (published - dt.date(year, month, day)).days
    except ValueError:
        return year
    if gone > PLAN_AFTER_DAYS and is_ahead(text, match.start(), match.end()):
        return next_year(month, day, published)
    return year


def next_year(month: int, day: int, around: dt.date) -> int:
    """The year of "am 1. Oktober" said of a plan: the first such day on or after `around`."""
    for year in (around.year, around.year + 1, around.year + 4):  # 29 February
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


def _month_of(match: re.Match[str]) -> int | None:
    groups = match.groupdict()
    if groups.get("monthnum"):
        return int(groups["monthnum"])
    if groups.get("month"):
        return month_number(groups["month"])
    return None


# Words before a number that make it a time ("seit 2014", "by 2030"), and words after a
# year-like number that make it a count ("2000 Menschen", "1900 homes").
_TIME_CUES = word_set(
    """im jahr jahre jahres seit bis ab von vom nach vor anfang mitte ende in since by until
    from before after of early late mid during year"""
)
# Measures after a year-like number make it a length, height or amount ("2000 km", "1800 m").
_UNITS = word_set(
    """km m mm cm kg t ha km2 qm mw kw gw gwh mwh ft mi kt meter metre metres meters feet
    miles kilometres kilometers hectares acres tons tonnes grad degrees kilometer"""
)
# Words in -ed before which a year stays a year ("the year ended 2023" is rare; "dated").
_DATED_WORDS = word_set("dated founded named")
_QUALIFIER_ENDS = frozenset(" ".join(phrase) for phrase in QUALIFIER_PHRASES)
_WORD_BEFORE = re.compile(r"([^\W\d_]+\.?)\s+$")
_WORDS_AFTER = re.compile(r"\s+([^\W\d_][\w-]*)")
_PLURAL_EN = re.compile(r"[a-z-]+(?:s|people|men|children)")


def _is_count(text: str, start: int, end: int) -> bool:
    """Is the year-like number at text[start:end] a count? After a qualifier ("rund",
    "more than"), or, with no time word before it, before a counted noun: a German noun
    ("2000 Menschen"; not a month) or an English plural ("1900 homes")."""
    window = text[max(0, start - 24) : start]
    before = _WORD_BEFORE.search(window)
    word = before.group(1).lower() if before else ""
    two = " ".join(window.lower().split()[-2:])
    if word in _QUALIFIER_ENDS or two in _QUALIFIER_ENDS:
        return True
    if word in _TIME_CUES:
        return False
    if word.endswith("ed") and word not in _DATED_WORDS:
        return True  # "killed 2000", "arrested 1900": English puts "in" before a year
    after = _WORDS_AFTER.match(text, end)
    if after is None:
        return False
    noun = after.group(1)
    if _PLURAL_EN.fullmatch(noun) or noun.lower() in _UNITS:
        return True
    # "der 2014 gewählte Präsident" is a year; a determiner before a capitalised word is
    # too often a name ("the 2016 Kumamoto quake") to call it a count.
    return (
        noun[0].isupper()
        and noun.isalpha()
        and month_number(noun) is None
        and word not in ("der", "die", "das", "den", "dem", "the")
    )


class _Spans:
    """Spans of text already read as dates, kept apart and sorted: whether a new match
    overlaps one is a binary search, so a sentence of 4,000 dates stays linear-time."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    @classmethod
    def of(cls, found: list[Found]) -> _Spans:
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


def _absolute(text: str, published: dt.date | None) -> list[Found]:
    found: list[Found] = []
    taken = _Spans()
    for pattern in _ABSOLUTE:
        for match in pattern.finditer(text):
            if taken.overlaps(match.start(), match.end()):
                continue
            groups = match.groupdict()
            if set(groups) == {"year"} and _is_count(text, match.start(), match.end()):
                continue  # "mehr als 2000 Menschen": a figure, not a year
            month = _month_of(match)
            year = int(groups["year"]) if groups.get("year") else None
            day = int(groups["day"]) if groups.get("day") else None
            inferred = False
            if year is None and published is not None and month is not None:
                year, inferred = published.year, True
                if day:
                    year = _year_of_day(month, day, published, text, match)
                elif month > published.month:
                    year -= 1
            if year is None:
                continue
            try:
                if day and month:
                    value = dt.date(year, month, day).isoformat()
                    confidence = HIGH if not inferred else MEDIUM
                elif month:
                    value = f"{year:04d}-{month:02d}"
                    confidence = MEDIUM if inferred else HIGH
                else:
                    value, confidence = f"{year:04d}", MEDIUM
            except ValueError:
                continue
            reason = "year from the article's date" if inferred else "written out"
            found.append(Found(match.start(), match.end(), value, inferred, confidence, reason))
            taken.add(match.start(), match.end())
    return found


def _shift(published: dt.date, unit: str, amount: int) -> str:
    if unit == "day":
        return (published + dt.timedelta(days=amount)).isoformat()
    if unit == "week":
        return (published + dt.timedelta(weeks=amount)).isoformat()
    if unit == "month":
        months = published.year * 12 + published.month - 1 + amount
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    return f"{published.year + amount:04d}"


def _counted_back(match: re.Match[str], value: str | None) -> Found:
    confidence = MEDIUM if value else LOW
    reason = "counted back from the article's date"
    return Found(match.start(), match.end(), value, True, confidence, reason)


def _relative(text: str, published: dt.date | None, taken: _Spans) -> list[Found]:
    found: list[Found] = []

    def free(match: re.Match[str]) -> bool:
        return not taken.overlaps(match.start(), match.end())

    for match in _WEEKDAY.finditer(text):
        if not free(match):
            continue
        if published is None:
            found.append(Found(match.start(), match.end(), None, True, LOW, "no article date"))
            continue
        weekday = weekday_number(match["weekday"]) or 0
        if match["ahead"] or is_ahead(text, match.start(), match.end()):
            # "next Friday" is never today; "Friday will bring snow" may be.
            ahead = (weekday - published.weekday()) % 7 or (7 if match["ahead"] else 0)
            value = (published + dt.timedelta(days=ahead)).isoformat()
            reason = "the next such weekday after the article's date"
        else:
            back = (published.weekday() - weekday) % 7
            value = (published - dt.timedelta(days=back)).isoformat()
            reason = "the last such weekday before the article's date"
        found.append(Found(match.start(), match.end(), value, True, MEDIUM, reason))
    for match in _HOLIDAY.finditer(text):
        if not free(match):
            continue
        month, day = _HOLIDAYS[_holiday_key(match.group(0))]
        value = None
        if published is not None:
            value = dt.date(nearest_year(month, day, published), month, day).isoformat()
        found.append(
            Found(
                match.start(),
                match.end(),
                value,
                True,
                MEDIUM if value else LOW,
                "a holiday, the year from the article's date",
            )
        )
    for match in _RELATIVE_WORDS.finditer(text):
        if not free(match):
            continue
        unit, amount = _SIMPLE_RELATIVE[match.group(1).lower()]
        value = _shift(published, unit, amount) if published else None
        found.append(_counted_back(match, value))
    for match in _AGO.finditer(text):
        if not free(match):
            continue
        count_word = (match["n_de"] or match["n_en"]).lower()
        count = int(count_word) if count_word.isdigit() else _NUMBER_WORDS.get(count_word)
        unit = (match["unit_de"] or match["unit_en"]).lower()
        unit = {
            "tagen": "day",
            "days": "day",
            "wochen": "week",
            "weeks": "week",
            "monaten": "month",
            "months": "month",
        }.get(unit, "year")
        value = _shift(published, unit, -count) if published and count else None
        found.append(_counted_back(match, value))
    for match in _VAGUE.finditer(text):
        found.append(
            Found(
                match.start(),
                match.end(),
                None,
                True,
                LOW,
                "relative to the article's date, not to a day: confirm the date",
            )
        )
    return found


# "im vergangenen Jahr im März", "im März vergangenen Jahres", "in March last year":
# a month and a relative year this close together are one date.
_JOIN = re.compile(r"\s*(?:,\s*)?(?:im|in|of)?\s*")


def _joined(found: list[Found], text: str) -> list[Found]:
    """A month without a year beside a relative year ("last year") takes that year; the
    year is then not an event of its own."""
    out = list(found)
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        if not _JOIN.fullmatch(text[first.end : second.start]):
            continue
        pair = {_kind(first): first, _kind(second): second}
        month, year = pair.get("month"), pair.get("relative year")
        if month is None or year is None or year.date is None or month.date is None:
            continue
        merged = Found(
            min(first.start, second.start),
            max(first.end, second.end),
            f"{year.date}-{month.date[5:7]}",
            True,
            MEDIUM,
            "month and year counted back from the article's date",
        )
        out[i], out[i + 1] = merged, Found(0, 0, None, True, LOW, "")
    return [f for f in out if f.end > f.start]


def _kind(found: Found) -> str:
    if found.inferred and found.date and len(found.date) == 7:
        return "month"
    if found.inferred and found.date and len(found.date) == 4:
        return "relative year"
    return ""


def find_dates(sentences: list[Sentence], published: dt.date | None) -> list[DraftDate]:
    dates: list[DraftDate] = []
    for sentence in sentences:
        absolute = _absolute(sentence.text, published)
        relative = _relative(sentence.text, published, _Spans.of(absolute))
        ordered = sorted(absolute + relative, key=lambda f: f.start)
        for found in _joined(ordered, sentence.text):
            keep = found.date is not None
            reasons = [found.reason]
            if found.date and published and found.date > published.isoformat():
                keep = False
                reasons.append("after the article's date: not on the timeline")
            elif published and found.date == f"{published.year:04d}":
                keep = False  # "the 2024 floods" in a 2024 article: no point in time
                reasons.append("the article's own year: not on the timeline")
            dates.append(
                DraftDate(
                    id=f"date-{len(dates) + 1}",
                    text=sentence.text[found.start : found.end],
                    date=found.date,
                    sentence=sentence.index,
                    inferred=found.inferred,
                    confidence=found.confidence,
                    reasons=reasons,
                    keep=keep,
                    offset=found.start,
                )
            )
    return dates


def date_spans(text: str) -> list[tuple[int, int]]:
    """Where dates are written in a text, absolute or relative ("vor zwei Tagen"): their
    numbers are not figures."""
    any_day = dt.date(2000, 1, 1)
    absolute = _absolute(text, any_day)
    relative = _relative(text, any_day, _Spans.of(absolute))
    return [(f.start, f.end) for f in absolute] + [(f.start, f.end) for f in relative]
