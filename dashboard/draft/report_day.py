"""The day an article's relative dates ("on Tuesday", "gestern") are counted from.

The date of publication, or the dateline's day near it. Most wire copy found on the web
states no full date of its own; two things in such text still name the day:

- a dateline with month and day ("KATHMANDU, April 25 (Reuters) -") whose lead says
  which weekday that was ("… disputed on Tuesday"): the year is the latest one, not after
  today, in which that day was that weekday;
- a date written with its weekday ("Tuesday, March 8, 2022", "Dienstag, 8. März 2022"),
  as photo captions of news agencies write it: the weekday confirms the date, and the
  latest such date is the report's day.

Neither is the date of publication (the story's date stays for the journalist to give);
the draft says which day it counted from.
"""

from __future__ import annotations

import datetime as dt
import re

from dashboard.core.calendar_words import (
    month_number,
    month_pattern,
    weekday_number,
    weekday_pattern,
)
from dashboard.draft.article import PHOTO_CAPTION, Article
from dashboard.draft.date_cues import is_ahead, nearest_year

# A dateline's day ("SYDNEY, Oct 18 (Reuters)") this close to the date of publication is
# the day the report speaks from (time zones, a page dated by its first version).
DATELINE_DAYS = 3
# Weekdays repeat on the same day of the year within this many years.
_CALENDAR_CYCLE = 28

_WEEKDAY = rf"(?P<weekday>{weekday_pattern()})"
_MONTH = rf"(?P<month>{month_pattern()})(?!\w)"
_DAY = r"(?P<day>[0-3]?\d)"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d)"
# A weekday beside its day, with or without the year: "Tuesday, March 8, 2022", "Wed
# September 11, 2024", "Dienstag, 8. März 2022", "Tuesday, the 8th of March", "am Dienstag
# (8. März)", "Dienstag, 08.03.2022", "am Dienstag, den 8.3.".
_OPEN = r",? (?:\()?(?:(?:den|the) )?"
_WEEKDAY_DATES = (
    re.compile(rf"\b{_WEEKDAY}{_OPEN}{_MONTH} {_DAY}(?:st|nd|rd|th)?(?:,? {_YEAR})?"),
    re.compile(rf"\b{_WEEKDAY}{_OPEN}{_DAY}(?:\.|st|nd|rd|th)? (?:of )?{_MONTH}(?:,? {_YEAR})?"),
    re.compile(rf"\b{_WEEKDAY}{_OPEN}{_DAY}\.(?P<monthnum>[01]?\d)\.(?:{_YEAR}|(?!\d))"),
)
_LEAD_WEEKDAY = re.compile(rf"\b(?:on |am )?{_WEEKDAY}")


def report_date(article: Article, published: dt.date | None) -> dt.date | None:
    """The day "on Tuesday" is counted from when the article's date is known: the
    dateline's day when it has one near the date of publication, else that date."""
    if published is None or article.dateline is None or article.dateline.month_day is None:
        return published
    month, day = article.dateline.month_day
    try:
        filed = dt.date(nearest_year(month, day, published), month, day)
    except ValueError:
        return published
    return filed if abs((filed - published).days) <= DATELINE_DAYS else published


def counting_day(
    article: Article, published: dt.date | None, today: dt.date
) -> tuple[dt.date | None, str]:
    """The day relative dates are counted from, and, when it is not the date of
    publication, how it was found (for the journalist to check)."""
    if published is not None:
        return report_date(article, published), ""
    filed = dateline_day(article, today)
    if filed is not None:
        return filed, "dateline"
    captions = [d.text for d in article.dropped if d.reason == PHOTO_CAPTION]
    stated = latest_weekday_date(" ".join([*captions, *(s.text for s in article.sentences)]))
    if stated is not None and stated <= today:
        return stated, "weekday date"
    anchored = weekday_day_date(" ".join(s.text for s in article.sentences), today)
    if anchored is not None:
        return anchored, "weekday and day"
    return None, ""


def dateline_day(article: Article, today: dt.date) -> dt.date | None:
    """ "KATHMANDU, April 25 (Reuters) - … on Tuesday": the latest April 25 up to today
    that was a Tuesday, when the lead names the weekday as a day gone by."""
    dateline = article.dateline
    if dateline is None or dateline.month_day is None:
        return None
    lead = next((s.text for s in article.sentences if s.text.startswith(dateline.text)), None)
    if lead is None:
        return None
    said = _LEAD_WEEKDAY.search(lead, len(dateline.text))
    if said is None or is_ahead(lead, said.start(), said.end()):
        return None
    month, day = dateline.month_day
    text = " ".join(s.text for s in article.sentences)
    year = _year_of(month, day, weekday_number(said["weekday"]), _named_years(text, today), today)
    return dt.date(year, month, day) if year else None


def latest_weekday_date(text: str) -> dt.date | None:
    """The latest date the text writes with its weekday ("Tuesday, March 8, 2022") when
    the weekday is that date's."""
    latest: dt.date | None = None
    for pattern in _WEEKDAY_DATES:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            if not groups.get("year"):
                continue  # "Tuesday, March 8": `weekday_day_date`
            try:
                date = dt.date(int(groups["year"]), _month_of(groups), int(groups["day"]))
            except ValueError:
                continue
            if date.weekday() == weekday_number(groups["weekday"]) and (
                latest is None or date > latest
            ):
                latest = date
    return latest


# Years the text names ("seit 2019", "the 2022 floods"): the article's own is not before the
# latest of them.
_NAMED_YEAR = re.compile(r"(?<![\d.,/-])(?:19|20)\d\d(?![\d.,/-]\d)")


def _named_years(text: str, today: dt.date) -> list[int]:
    return [int(y) for y in _NAMED_YEAR.findall(text) if int(y) <= today.year]


def _year_of(
    month: int, day: int, weekday: int | None, named: list[int], today: dt.date
) -> int | None:
    """The year up to today in which that day fell on that weekday: the first such not
    before the latest year the text names ("since 2019"), else the latest one."""
    years = []
    for year in range(today.year, today.year - _CALENDAR_CYCLE, -1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:  # 29 February, or no such day
            continue
        if candidate <= today and candidate.weekday() == weekday:
            years.append(year)
    after = [year for year in years if named and year >= max(named)]
    return after[-1] if after else next(iter(years), None)


def _month_of(groups: dict[str, str]) -> int:
    return int(groups["monthnum"]) if groups.get("monthnum") else month_number(groups["month"]) or 0


def weekday_day_date(text: str, today: dt.date) -> dt.date | None:
    """The latest day the text writes with its weekday but no year ("on Thursday, July 28"),
    said of a day gone by, its year from the weekday (`_year_of`)."""
    named = _named_years(text, today)
    latest: dt.date | None = None
    for pattern in _WEEKDAY_DATES:
        for match in pattern.finditer(text):
            if match["year"] or is_ahead(text, match.start(), match.end()):
                continue  # a year given, or "the vote on Sunday, March 17": a day to come
            month, day = _month_of(match.groupdict()), int(match["day"])
            year = _year_of(month, day, weekday_number(match["weekday"]), named, today)
            if year is not None and (latest is None or dt.date(year, month, day) > latest):
                latest = dt.date(year, month, day)
    return latest
