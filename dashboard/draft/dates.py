"""Dates in an article: absolute ones for the timeline, relative ones resolved against the
article's own date where that is possible (and then marked as inferred).
"""

from __future__ import annotations

import datetime as dt
import re

from dashboard.core.calendar_words import month_number, month_pattern
from dashboard.draft.date_cues import Found, Spans, is_ahead, nearest_year, next_year
from dashboard.draft.figure_words import QUALIFIER_PHRASES, word_set
from dashboard.draft.model import HIGH, LOW, MEDIUM, DraftDate
from dashboard.draft.relative_dates import relative_dates
from dashboard.draft.sentences import Sentence

__all__ = ["date_spans", "find_dates", "is_ahead", "nearest_year"]

_MONTH = rf"(?P<month>{month_pattern()})(?!\w)"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_ABSOLUTE = [
    # 29. Juni 2014 / 29 June 2014 / 29. Juni / 29th of June
    re.compile(rf"\b(?P<day>[0-3]?\d)(?:\.|st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b"),
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
        r"\b(?i:Anfang|Mitte|Ende|im|seit|bis|late|early|mid-|in|since|until|"
        r"(?:the\s+)?(?:end|beginning|start|middle)\s+of)\s*"
        rf"(?P<month>{month_pattern(dot=True)})(?!\w)(?!\s+\d)"
    ),
    # 2010 (a year alone)
    # not a decade ("1960er Jahre", "the 1990s"): a year with letters after it
    re.compile(rf"(?<![\d.,:/-]){_YEAR}(?![\d.,:/-]\d|-\w|[a-zäöü’'])"),
]


# A day said of a plan is the next such day only when the last one is this long gone: "the
# dam, which broke on Sept. 10, will be rebuilt" (in an October article) is September's.
PLAN_AFTER_DAYS = 90


def _year_of_day(month: int, day: int, published: dt.date, text: str, match: re.Match[str]) -> int:
    """The article's year, or the year before when the day would fall well after the
    article's date ("Dec. 28" in a January report; within AHEAD_DAYS it is a schedule, "die
    Wahl ist am 9. November"); the next such day when the sentence speaks of it as to come
    and it is long gone ("will be rebuilt by Sept. 10" in an October report)."""
    year = nearest_year(month, day, published)
    try:
        gone = (published - dt.date(year, month, day)).days
    except ValueError:
        return year
    if gone > PLAN_AFTER_DAYS and is_ahead(text, match.start(), match.end()):
        return next_year(month, day, published)
    return year


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


def _absolute(text: str, published: dt.date | None) -> list[Found]:
    found: list[Found] = []
    taken = Spans()
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
                elif month > published.month and not is_ahead(text, match.start(), match.end()):
                    year -= 1  # "im November" in an October report: last year's
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


# A day this close after the article's date stays on the timeline: a plan or a forecast
# the article names ("die Trauerfeier am kommenden Freitag", "storms on Saturday").
PLANNED_DAYS = 7
PLANNED_NOTE = (
    "a plan or forecast after the article's date: on the draft's timeline for review; "
    "the story's events end at its date"
)
# A year alone this long before the article's is its background ("1824 ließen sich die
# ersten Einwanderer nieder"), not a point on its timeline.
HISTORY_YEARS = 30
_Y = r"(?:1[89]|20)\d\d"
# "von 2020 bis 2025", "between 2017 and 2019", "2020–2025", "in den Jahren 2017, 2018 und
# 2019": a period, or a list of years something was done in, not a point in time.
_YEAR_SPAN = re.compile(
    rf"(?i:\b(?:von|vom|from|zwischen|between)\s+{_Y}\s+(?:bis|to|und|and|until)\s+{_Y}|"
    rf"{_Y}\s*(?:–|-|bis|to|until|through)\s*{_Y}|"
    rf"\b(?:in\s+den\s+jahren|in\s+the\s+years|in\s+the\s+years\s+of)\s+{_Y}"
    rf"(?:\s*,\s*{_Y})*\s*(?:und|and|bis|to)\s*{_Y})"
)
_M = month_pattern()
# "von Juli bis September", "from July to September": a season, not a month of the story.
_MONTH_SPAN = re.compile(
    rf"(?i:\b(?:von|vom|from|zwischen|between)\s+){_M}\s+(?i:bis|to|und|and|until)\s+{_M}|"
    rf"{_M}\s*(?:–|-)\s*{_M}"
)
# A month without a year in a sentence about what happens every year is no month of the story.
_EVERY_YEAR = re.compile(
    r"(?i)\b(?:jedes jahr|jährlich|alljährlich|every year|each year|annually)\b"
)
# "Bis letztes Jahr war nur eine Person zuständig", "until 2019": a state that ended.
_UNTIL = re.compile(r"(?i)\b(?:bis|until|till)\s+(?:zum\s+|ins\s+|in\s+)?\S+")


def _inside(pattern: re.Pattern[str], text: str, found: Found) -> bool:
    return any(m.start() <= found.start and found.end <= m.end() for m in pattern.finditer(text))


def _off_timeline(found: Found, published: dt.date | None, text: str) -> str | None:
    """Why a date read in `text` stays off the timeline, or None."""
    date = found.date
    if date is None:
        return None
    if published and date > published.isoformat():
        ahead = (dt.date.fromisoformat(date) - published).days if len(date) == 10 else None
        if ahead is None or ahead > PLANNED_DAYS:
            return "after the article's date: not on the timeline"
        if found.deadline:  # "the rain will move east by Wednesday"
            return "a deadline after the article's date, not an event: not on the timeline"
    if len(date) == 4:
        if published and date == f"{published.year:04d}":
            return "the article's own year: not on the timeline"  # "the 2024 floods"
        if published and published.year - int(date) > HISTORY_YEARS:
            return "long before the article's date: background, not on the timeline"
        if _inside(_YEAR_SPAN, text, found):
            return "a span or list of years: a period, not a point in time"
    month_alone = found.inferred and found.reason == "year from the article's date"
    if (
        len(date) == 7
        and month_alone
        and (_inside(_MONTH_SPAN, text, found) or _EVERY_YEAR.search(text))
    ):
        return "a season or a month of every year, not of the story"
    if len(date) < 10 and _UNTIL.search(text, max(0, found.start - 12), found.start + 6):
        return "the end of a state (until then), not an event"
    return None


def find_dates(sentences: list[Sentence], published: dt.date | None) -> list[DraftDate]:
    dates: list[DraftDate] = []
    for sentence in sentences:
        absolute = _absolute(sentence.text, published)
        relative = relative_dates(sentence.text, published, Spans.of(absolute))
        ordered = sorted(absolute + relative, key=lambda f: f.start)
        for found in _joined(ordered, sentence.text):
            off = _off_timeline(found, published, sentence.text)
            keep = found.date is not None and off is None
            reasons = [found.reason] + ([off] if off else [])
            if keep and published and (found.date or "") > published.isoformat():
                reasons.append(PLANNED_NOTE)
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
    relative = relative_dates(text, any_day, Spans.of(absolute))
    return [(f.start, f.end) for f in absolute] + [(f.start, f.end) for f in relative]
