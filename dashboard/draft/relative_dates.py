"""Dates said relative to the article's date: weekdays ("am Dienstag", "Thursday
night", "in der Nacht zu Mittwoch"), "gestern", "yesterday", "vor zwei Tagen", holidays.
Each is resolved against the day the article speaks from, and marked as inferred.
"""

from __future__ import annotations

import datetime as dt
import re

from dashboard.core.calendar_words import weekday_number, weekday_pattern
from dashboard.draft.date_cues import Found, Spans, is_ahead, nearest_year
from dashboard.draft.model import LOW, MEDIUM
from dashboard.draft.words import NUMBER_WORDS

_WEEKDAY = re.compile(
    r"\b(?:(?P<ahead>next|kommenden|nächsten|am kommenden|am nächsten)\s+|"
    r"(?P<until>by|until|bis|bis zum)\s+)?"
    # "in der Nacht zu Mittwoch", "overnight into Sunday": the night before that day
    r"(?P<night>(?:(?i:in)\s+)?(?i:der)\s+Nacht\s+(?:zu|zum|auf)(?:\s+den)?\s+|"
    r"(?:(?i:in)\s+the\s+)?(?i:night)\s+(?:to|before)\s+|(?i:overnight)\s+into\s+)?"
    r"(?:(?i:am|vom|seit|on|last|late on|early on)\s+)?(?:(?i:späten|frühen|vergangenen|"
    rf"letzten)\s+)?(?P<weekday>{weekday_pattern()})"
    r"(?:abend|morgen|früh|nachmittag|vormittag|mittag|nacht|s)?\b(?:\s+(?:night|morning|evening|"
    r"afternoon))?"
)
# Said of a day already gone: "vom Montag", "last Friday", "am vergangenen Sonntag".
_SAID_PAST = re.compile(r"(?i)\b(?:vom|seit|since|last|vergangenen|letzten)\b")
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
    # "am Vortag" in wire copy: the day before the report's ("Die Polizei hatte am Vortag …")
    "am vortag": ("day", -1),
    "bereits am vortag": ("day", -1),
    "tomorrow": ("day", 1),
    "übermorgen": ("day", 2),
    "the day before yesterday": ("day", -2),
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


def _weekday_date(text: str, match: re.Match[str], published: dt.date | None) -> Found:
    """The day a weekday names, counted from the article's date: the last such day on or
    before it ("am Dienstag" in a Wednesday article is yesterday), the next one when the
    sentence speaks of it as still to come. The weekday just after the article's day is
    that next day, not six days back: a report dated in a time zone behind the event's
    ("on Wednesday" in Sydney, dated Tuesday in New York), or a plan, far more often than
    a day of last week said without "last". A night "zu Mittwoch" is Tuesday's."""
    if published is None:
        return Found(match.start(), match.end(), None, True, LOW, "no article date")
    weekday = weekday_number(match["weekday"]) or 0
    night = 1 if match["night"] else 0
    confidence = MEDIUM
    if match["ahead"] or is_ahead(text, match.start(), match.end()):
        # "next Friday" is never today; "Friday will bring snow" may be.
        back = -((weekday - published.weekday()) % 7 or (7 if match["ahead"] else 0))
        reason = "the next such weekday after the article's date"
    else:
        back = (published.weekday() - weekday) % 7
        reason = "the last such weekday before the article's date"
        if back == 6 and not _SAID_PAST.search(match.group(0)):
            back, confidence = -1, LOW
            reason = "the day after the article's date (the event's time zone or a plan)"
    if night:
        reason += "; the night before it, counted as the evening's day"
    value = (published - dt.timedelta(days=back + night)).isoformat()
    deadline = bool(match["until"]) and back < 0
    return Found(match.start(), match.end(), value, True, confidence, reason, deadline)


def relative_dates(text: str, published: dt.date | None, taken: Spans) -> list[Found]:
    found: list[Found] = []

    def free(match: re.Match[str]) -> bool:
        return not taken.overlaps(match.start(), match.end())

    for match in _WEEKDAY.finditer(text):
        if free(match):
            found.append(_weekday_date(text, match, published))
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
