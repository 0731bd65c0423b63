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
_WEEKDAY_DATES = (
    # Tuesday, March 8, 2022 / Wed September 11, 2024 / Monday, Sept. 11, 2023
    re.compile(rf"\b{_WEEKDAY},? {_MONTH} {_DAY}(?:st|nd|rd|th)?,? {_YEAR}"),
    # Dienstag, 8. März 2022 / Tuesday 8 March 2022 / Tuesday, the 8th of March, 2022
    re.compile(
        rf"\b{_WEEKDAY},? (?:(?:den|the) )?{_DAY}(?:\.|st|nd|rd|th)? (?:of )?{_MONTH},? {_YEAR}"
    ),
    # Dienstag, 08.03.2022
    re.compile(rf"\b{_WEEKDAY},? (?:den )?{_DAY}\.(?P<monthnum>[01]?\d)\.{_YEAR}"),
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
    weekday = weekday_number(said["weekday"])
    month, day = dateline.month_day
    for year in range(today.year, today.year - _CALENDAR_CYCLE, -1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:  # 29 February
            continue
        if candidate <= today and candidate.weekday() == weekday:
            return candidate
    return None


def latest_weekday_date(text: str) -> dt.date | None:
    """The latest date the text writes with its weekday ("Tuesday, March 8, 2022") when
    the weekday is that date's."""
    latest: dt.date | None = None
    for pattern in _WEEKDAY_DATES:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            month = (
                int(groups["monthnum"]) if groups.get("monthnum") else month_number(groups["month"])
            )
            try:
                date = dt.date(int(groups["year"]), month or 0, int(groups["day"]))
            except ValueError:
                continue
            if date.weekday() == weekday_number(groups["weekday"]) and (
                latest is None or date > latest
            ):
                latest = date
    return latest
