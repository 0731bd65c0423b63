"""What a date line may hold besides its date: clock times, time zones, separators, how
old the page was when saved, its counters and a reading time ("Lesezeit: 3 Minuten",
"2 Minuten, 3 Sekunden", "4 min read"). None of it is ever a date."""

from __future__ import annotations

import re

from dashboard.core.calendar_words import time_zone_abbreviations

_ZONES = "|".join(time_zone_abbreviations())
# "Updated 2 hours ago", "vor 5 Minuten", "an hour ago", "vor einem Tag": how old the page
# was when it was saved, beside its date (never a date itself)
# "3h ago", "vor 3 Std.": abbreviated
_AGE_EN = (
    r"(?:(?:\d{1,3}|an?) (?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)|"
    r"\d{1,3} ?(?:s|m|h|d|w|hr|min))"
)
_AGE_DE = (
    r"(?:(?:\d{1,3}|einer|einem) (?:sekunden?|minuten?|stunden?|tag(?:en)?|wochen?|monat(?:en)?)|"
    r"\d{1,3} (?:sek|min|std)\.?(?!\w))"
)
FILLER = re.compile(
    r"(?<![\w+-])[+-]\d{2}:?\d{2}(?!\w)|"  # a time zone's offset ("+0530", "-05:00")
    r"\s|[,|/()·•–—-]|©|\b(?i:uhr|am|pm|a\.m\.|p\.m\.|um|on|at|den|der|vom)(?!\w)|"
    # time zones: "GMT+1", "UTC+05:30", "EDT", "MESZ", "WIB"
    r"\b(?i:gmt|utc)(?:[+-]\d{1,2}(?::?\d{2})?)?(?!\w)|"
    rf"\b(?:{_ZONES}|[A-Z]{{1,4}}[ST]|[A-Z]{{1,4}}T)(?!\w)|"
    rf"\b(?i:{_AGE_EN} ago(?!\w)|vor {_AGE_DE})|"
    r"\b(?i:local time|ortszeit|lokalzeit)(?!\w)|"
    # "1,234 views", "3 Kommentare", "Gelesen: 575": the page's counters beside the date
    r"(?i:\b\d[\d.,]{0,9} ?(?:views?|comments?|shares?|reads?|kommentare?|aufrufe)|"
    r"\b(?:gelesen|views|aufrufe|kommentare|comments):? ?\d[\d.,]{0,9}(?: mal)?)(?!\w)|"
    # "10:12", "10.12am", "10.12 h" (Swiss and Austrian pages)
    r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:(?i:[ap]m)| ?h)?\b|"
    r"(?i:(?:lesedauer|lesezeit|reading time):? ?\d+ ?(?:minuten|minute|min)\.?|"
    r"\b\d+ ?min(?:ute)?s? read\b|\b\d{1,2} ?min\.?(?!\w))|"
    # a reading or listening time beside the date, its parts apart: "2 Minuten, 3 Sekunden",
    # "4 min 30 sec", "3 minutes 12 seconds"
    r"(?i:\b\d{1,2} ?(?:minuten|minutes?|sekunden|seconds?|sek\.|secs?\.?)(?!\w))"
)


def only_times(text: str) -> bool:
    """Does the text hold nothing but clock times, zones, separators and the like?"""
    return not FILLER.sub(" ", text).strip(" ,")
