"""Where, when and by whom: datelines, publication-date lines and bylines of news text.

- A dateline opens the first paragraph of wire copy: "VALENCIA, Spain (AP) —",
  "VALENCIA, Spain, Oct. 30, 2024 —", "KYIV, Nov 21 (Reuters) -", "Istanbul (dpa) -",
  "Berlin (dpa/lni) –", "Gundremmingen - ". Its place is where the report was filed.
- A closing signature ends Austrian and Swiss wire copy: "… das Leben. (APA, 3.7.2017)",
  "(sda, 12. März 2024)": the agency and the day of the report.
- A publication-date line stands alone: "31.10.2024, 14:12 Uhr", "Veröffentlicht am
  3. Juli 2021", "Published 7:31 AM EDT, Wed September 11, 2024", "Stand: 15.07.2021
  18:03 Uhr", "Mon 16 Oct 2023 10.12 BST", or an ISO date from a page's metadata.

Every pattern is anchored and bounded (words of bounded count, one space apart), so each
is tried in time linear in the line. Month and weekday names come from one home,
`dashboard.core.calendar_words` (Babel's CLDR data).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dashboard.core.calendar_words import month_number, month_pattern, weekday_numbers

# A line longer than this is no date line.
MAX_DATE_LINE = 120

_MONTH = rf"(?P<month>{month_pattern()})(?!\w)"
_DAY = r"(?P<day>[0-3]?\d)"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# Full dates, each tried on its own (named groups cannot repeat in one alternation).
_FULL_DATES = (
    re.compile(rf"{_DAY}\.(?P<monthnum>[01]?\d)\.{_YEAR}(?!\d)"),  # 31.10.2024
    re.compile(rf"{_YEAR}-(?P<monthnum>[01]\d)-{_DAY}(?:T[\d:.+\-Z]{{0,20}})?"),  # ISO
    re.compile(rf"{_YEAR}/(?P<monthnum>[01]?\d)/{_DAY}(?!\d)"),  # 2020/02/01: year first
    re.compile(rf"{_DAY}\.? {_MONTH},? {_YEAR}"),  # 3. Juli 2021, 16 Oct 2023
    re.compile(rf"{_MONTH} {_DAY}(?:st|nd|rd|th)?,? {_YEAR}"),  # Oct. 30, 2024
    # 30/10/2024, read only when the day cannot be the month (US pages write 10/30/2024)
    re.compile(rf"(?P<first>[0-3]?\d)/(?P<second>[0-3]?\d)/{_YEAR}(?!\d)"),
)
# What else a date line may hold: a label, weekdays, clock times, time zones, separators.
_LABEL_WORDS = (
    r"veröffentlicht|erschienen|erstellt|aktualisiert|zuletzt aktualisiert|stand|datum|published|"
    r"first published|posted|updated|last updated|last modified|modified"
)
_LABEL = re.compile(rf"(?i)^(?:[\w-]+ )?(?P<label>{_LABEL_WORDS})(?: (?:am|um|on|at))?\b:?")
# A broadcaster's stamp names its programme around the date: "Sendung: Bayern 2
# Nachrichten, 28.04.2025 09:00 Uhr", "Diese Nachricht wurde am 23.08.2024 im Programm
# Deutschlandfunk gesendet."
_STAMP = re.compile(
    r"(?i)^(?:sendung:|sendedatum:|diese (?:nachricht|meldung|sendung) wurde am\b|"
    r"gesendet am\b|ausgestrahlt am\b)"
)
_STAMP_WORDS = 5  # words of a programme's name the stamp may hold besides the date
_UPDATE_LABELS = frozenset(
    [
        "aktualisiert",
        "zuletzt aktualisiert",
        "stand",
        "updated",
        "last updated",
        "last modified",
        "modified",
    ]
)
_FILLER = re.compile(
    r"\s|[,|/()·•–—-]|\b(?i:uhr|am|pm|a\.m\.|p\.m\.|um|on|at|den|der|vom|gmt|utc)(?!\w)|"
    r"\b(?:[A-Z]{1,4}[ST]|[A-Z]{1,4}T|[+-]\d{2}:?\d{2})(?!\w)|"
    r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[ap]m)?\b|"
    r"(?i:(?:lesedauer|lesezeit|reading time):? ?\d+ ?min\.?|\b\d+ ?min(?:ute)?s? read\b)"
)
# Wire services and their regional desks ("dpa/lni"): a word in brackets before the
# dash is an agency only when it is one of these (not "Mossul (Irak) -").
AGENCIES = frozenset(
    [
        "dpa",
        "afp",
        "reuters",
        "ap",
        "epd",
        "kna",
        "sid",
        "apa",
        "keystone-sda",
        "sda",
        "anp",
        "belga",
        "efe",
        "ansa",
        "tt",
        "dpa-afx",
        "bloomberg",
        "xinhua",
        "tass",
        "interfax",
        "anadolu",
        "aa",
        "ips",
        "ots",
        "upi",
        "pap",
        "ctk",
        "mti",
        "hina",
        "tanjug",
    ]
)
_REGIONAL_DESK = re.compile(r"l[a-z]{2}")  # dpa's regional services: lni, lby, lsw …


def is_agency(written: str) -> bool:
    parts = [p for p in re.split(r"[/,]\s*|\s+", written.strip().lower()) if p]
    return bool(parts) and all(p in AGENCIES or _REGIONAL_DESK.fullmatch(p) for p in parts)


@dataclass(frozen=True)
class DateLine:
    """A line that is only a date: the article's publication (or update) date."""

    date: dt.date
    updated: bool  # "Updated …", "Stand: …": the date of a later version


@dataclass(frozen=True)
class Dateline:
    """The opening of wire copy: where it was filed, by which agency, maybe when."""

    text: str  # as written, separator included: "VALENCIA, Spain (AP) —"
    place: str  # "Valencia", capitalised as a name even when written in capitals
    region: str | None  # "Spain"
    agency: str | None  # "AP", "dpa/lni"
    date: dt.date | None  # only when the dateline gives the year
    month_day: tuple[int, int] | None = None  # "KYIV, Nov 21 (Reuters)": (11, 21)


def _date_of(match: re.Match[str]) -> dt.date | None:
    groups = match.groupdict()
    if groups.get("first"):
        first, second = int(groups["first"]), int(groups["second"])
        if first <= 12 and second <= 12 and first != second:
            return None  # 03/04/2024: March or April?
        day, month = (first, second) if first > 12 or first == second else (second, first)
        groups = {"year": groups["year"], "monthnum": str(month), "day": str(day)}
    month = int(groups["monthnum"]) if groups.get("monthnum") else None
    if month is None and groups.get("month"):
        month = month_number(groups["month"])
    try:
        return dt.date(int(groups["year"]), month or 0, int(groups["day"]))
    except (TypeError, ValueError):
        return None


def first_full_date(text: str) -> tuple[dt.date, int, int] | None:
    """The first date with day, month and year in `text`, and where it is."""
    best: tuple[dt.date, int, int] | None = None
    for pattern in _FULL_DATES:
        match = pattern.search(text)
        if match and (best is None or match.start() < best[1]):
            date = _date_of(match)
            if date is not None:
                best = (date, match.start(), match.end())
    return best


def read_date_line(line: str) -> DateLine | None:
    """The date of a line that holds nothing but a (labelled) date and time."""
    line = line.strip()
    if not line or len(line) > MAX_DATE_LINE:
        return None
    label = _LABEL.match(line)
    stamp = _STAMP.match(line)
    rest = line[(label or stamp).end() :] if (label or stamp) else line
    found = first_full_date(rest)
    if found is None:
        return None
    date, start, end = found
    leftover = _FILLER.sub(" ", rest[:start] + " " + rest[end:])
    words = [
        word
        for word in leftover.split()
        if word.strip(".:;").lower() not in weekday_numbers()
        and word.strip(".:;")  # punctuation left from "12:30 pm."
        and not is_agency(word.strip(".:;"))  # "October 17, 2013|Reuters"
        and word.lower() not in ("source:", "quelle:")
    ]
    if words and not (stamp and len(words) <= _STAMP_WORDS):
        return None  # a sentence that mentions a date, not a date line
    updated = bool(label) and label["label"].lower() in _UPDATE_LABELS
    return DateLine(date, updated)


# "VALENCIA, Spain, Oct. 30, 2024 (AP) —": a place in capitals (English wire style), an
# optional region and date, an optional agency, then a dash.
_CAPS_PLACE = r"(?P<place>[A-Z][A-Z.'’-]*+(?: [A-Z][A-Z.'’-]*+){0,3})"
_REGION = r"(?:, (?P<region>[A-Z][A-Za-z.'’-]*+(?: [A-Z][A-Za-z.'’-]*+){0,3}))?"
_WIRE_DATE = (
    rf"(?:, (?P<date>(?P<wire_month>{month_pattern()}) (?P<wire_day>[0-3]?\d)"
    r"(?:, (?:19|20)\d\d)?))?"
)
_AGENCY = r"\((?P<agency>[A-Za-z][\w/ .-]{0,29})\)"
_DASH = r" ?[—–-]{1,2} "
_ENGLISH_DATELINE = re.compile(rf"{_CAPS_PLACE}{_REGION}{_WIRE_DATE}(?: {_AGENCY})?{_DASH}")
# "Istanbul (dpa) -", "Berlin (dpa/lni) –", "Frankfurt am Main (AFP) -": a place in the
# usual spelling with its agency; "Gundremmingen - " or "DHAKA: " without one, only in
# the lead.
_WORD = r"[A-ZÄÖÜ][\w.'’/-]*+"
_PLACE = rf"(?P<place>{_WORD}(?: (?:am |an der |im |bei |upon |on )?{_WORD}){{0,3}})"
# "Berlin, 3. Juli (Reuters) -", "Lima, 12. März 2025 (AFP) -", "LONDON, 21 November
# (Reuters) -": the day before the agency, its year optional.
_AGENCY_DATELINE = re.compile(
    rf"{_PLACE}(?:, {_DAY}\.? {_MONTH}(?: {_YEAR})?)? {_AGENCY}{_DASH}(?=[A-ZÄÖÜ\"„“])"
)
_DATED_DATELINE = re.compile(
    rf"{_PLACE}, {_DAY}\.(?P<monthnum>[01]?\d)\.{_YEAR}(?::| ?[—–-])(?= [A-ZÄÖÜ\"„“])"
)
_BARE_DATELINE = re.compile(rf"{_PLACE}(?: [—–-]|:) (?=[A-ZÄÖÜ\"„“])")  # "Jakarta: Der"


_NOT_PLACE_STARTS = frozenset(
    [
        "der",
        "die",
        "das",
        "ein",
        "eine",
        "in",
        "im",
        "am",
        "auf",
        "the",
        "a",
        "an",
        "this",
        "that",
        "it",
        "es",
        "er",
        "sie",
        "wir",
        "we",
        "he",
        "she",
        "they",
        "zum",
        "zur",
        "bei",
    ]
)


def _as_name(written: str) -> str:
    """ "NEW DELHI" -> "New Delhi"; "Istanbul" stays."""
    if written.upper() != written:
        return written
    return " ".join(part[:1] + part[1:].lower() for part in written.split(" "))


def read_dateline(paragraph: str, bare: bool = False) -> Dateline | None:
    """The dateline that opens `paragraph`, if any; `bare` also accepts "Place - " with no
    agency (only the lead paragraph may be read so)."""
    match = (
        _ENGLISH_DATELINE.match(paragraph)
        or _AGENCY_DATELINE.match(paragraph)
        or _DATED_DATELINE.match(paragraph)
        or (_BARE_DATELINE.match(paragraph) if bare else None)
    )
    if match is None:
        return None
    groups = match.groupdict()
    if groups.get("agency") and not is_agency(groups["agency"]):
        return None
    if groups["place"].split(" ")[0].lower() in _NOT_PLACE_STARTS:
        return None  # "Die Lage: …", "The question - …"
    date = month_day = None
    if groups.get("date"):
        found = first_full_date(groups["date"])
        date = found[0] if found else None
        month_day = (month_number(groups["wire_month"]) or 0, int(groups["wire_day"]))
    elif groups.get("year") and (groups.get("month") or groups.get("monthnum")):
        date = _date_of(match)
    elif groups.get("month") and groups.get("day"):  # "Berlin, 3. Juli (Reuters) -"
        month_day = (month_number(groups["month"]) or 0, int(groups["day"]))
    region = groups.get("region")
    return Dateline(
        text=match.group(0).rstrip(),
        place=_as_name(groups["place"]),
        region=_as_name(region) if region else None,
        agency=groups.get("agency"),
        date=date,
        month_day=month_day or ((date.month, date.day) if date else None),
    )


# "(APA, 3.7.2017)", "(dpa/lby, 12. März 2024, 14:30 Uhr)" closing the last paragraph.
_SIGNATURE = re.compile(r"\((?P<agency>[A-Za-z][\w/ .-]{0,29}), (?P<date>[^()]{6,40})\)\s*$")


@dataclass(frozen=True)
class Signature:
    """The agency and date closing a report: "(APA, 3.7.2017)"."""

    start: int  # where it starts in the paragraph
    agency: str
    date: dt.date


def read_signature(paragraph: str) -> Signature | None:
    """The closing signature of `paragraph`, when it names an agency and a full date and
    nothing else but a clock time."""
    match = _SIGNATURE.search(paragraph[-80:])
    if match is None or not is_agency(match["agency"]):
        return None
    found = first_full_date(match["date"])
    if found is None:
        return None
    date, start, end = found
    rest = match["date"][:start] + " " + match["date"][end:]
    if _FILLER.sub(" ", rest).strip(" ,"):
        return None  # "(AP, the day after the vote on March 3, 2024)": not a signature
    offset = max(0, len(paragraph) - 80)
    return Signature(offset + match.start(), match["agency"], date)
