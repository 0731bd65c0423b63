"""Where, when and by whom: datelines, publication-date lines and bylines of news text.

- A dateline opens the first paragraph of wire copy: "VALENCIA, Spain (AP) —",
  "VALENCIA, Spain, Oct. 30, 2024 —", "KYIV, Nov 21 (Reuters) -", "Istanbul (dpa) -",
  "Berlin (dpa/lni) –", "Gundremmingen - ", "Lima. Bei einem Erdbeben …" (a German
  newspaper's), "March 12 (Reuters) -" (no place). Its place is where the report was filed.
- A closing signature ends Austrian and Swiss wire copy: "… das Leben. (APA, 3.7.2017)",
  "(sda, 12. März 2024)": the agency and the day of the report (`signatures.py`).
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
from dataclasses import dataclass, replace

from dashboard.core.calendar_words import (
    month_first_zones,
    month_number,
    month_pattern,
    time_zone_abbreviations,
    title_case_months,
    weekday_numbers,
)
from dashboard.draft.agencies import SECTIONS, is_agency
from dashboard.draft.date_fillers import FILLER as _FILLER
from dashboard.draft.sentences import is_abbreviation

# A line longer than this is no date line.
MAX_DATE_LINE = 200

_MONTH = rf"(?P<month>{month_pattern()})(?!\w)"
_DAY = r"(?P<day>[0-3]?\d)"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# 30/10/2024, 30-10-2024, read only when the day cannot be the month (US pages write
# 10/30/2024), or the line's time zone or weekday says which comes first
_SLASH_DATE = re.compile(
    rf"(?<!\d)(?P<first>[0-3]?\d)(?P<sep>[/-])(?P<second>[0-3]?\d)(?P=sep){_YEAR}(?!\d)"
)
# Full dates, each tried on its own (named groups cannot repeat in one alternation).
_FULL_DATES = (
    re.compile(rf"{_DAY}\. ?(?P<monthnum>[01]?\d)\. ?{_YEAR}(?!\d)"),  # 31.10.2024, 31. 10. 2024
    re.compile(rf"{_YEAR}-(?P<monthnum>[01]\d)-{_DAY}(?:T[\d:.+\-Z]{{0,20}})?"),  # ISO
    # 2020/02/01, 2020.02.01: year first
    re.compile(rf"{_YEAR}(?P<ysep>[/.])(?P<monthnum>[01]?\d)(?P=ysep){_DAY}(?!\d)"),
    # 3. Juli 2021, 16th Oct 2023, 12-Mar-2024, 4th of March 2024
    re.compile(rf"{_DAY}(?:\.|st|nd|rd|th)?[ -](?:of )?{_MONTH}(?:,? |-){_YEAR}"),
    re.compile(rf"{_MONTH} {_DAY}(?:st|nd|rd|th)?,? {_YEAR}"),  # Oct. 30, 2024
    # 08.Sep.2017, 12.Mär.2024: dots around the abbreviated month, as newstickers stamp it
    re.compile(rf"(?<![\d.]){_DAY}\.{_MONTH}\.?{_YEAR}(?!\d)"),
    _SLASH_DATE,
    # 12.03.24: a two-digit year, as some German pages stamp their articles
    re.compile(rf"(?<![\d.]){_DAY}\.(?P<monthnum>[01]?\d)\.(?P<short_year>\d\d)(?![\d.])"),
    # dpa:240312-99-123456/3: dpa's story id starts with the day the story was filed
    re.compile(
        r"(?<!\w)dpa:(?P<short_year>\d\d)(?P<monthnum>[01]\d)(?P<day>[0-3]\d)-\d\d-\d{3,12}"
        r"(?:/\d{1,3})?"
    ),
)
# What else a date line may hold: a label, weekdays, clock times, time zones, separators.
_LABEL_WORDS = (
    r"veröffentlicht|erstmals veröffentlicht|erschienen|erstellt|aktualisiert|"
    r"zuletzt aktualisiert|geändert|zuletzt geändert|bearbeitet|zuletzt bearbeitet|stand|datum|"
    r"(?:artikel|beitrag|meldung|nachricht|in der ausgabe|ausgabe) vom|"
    r"publiziert|published|first published|originally published|issued|posted|date|updated|"
    r"last updated|"
    r"last modified|modified|update|"
    # a syndicated story's note on its first publication
    r"this (?:article|story|report) (?:was )?(?:first |originally )?(?:published|posted)|"
    r"dieser (?:artikel|beitrag|text) erschien (?:zuerst|erstmals)"
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
        "geändert",
        "zuletzt geändert",
        "bearbeitet",
        "zuletzt bearbeitet",
        "stand",
        "updated",
        "last updated",
        "last modified",
        "modified",
        "update",  # "Update: 13.03.2024", as German pages mark a later version
    ]
)


@dataclass(frozen=True)
class DateLine:
    """A line that is only a date: the article's publication (or update) date."""

    date: dt.date
    updated: bool  # "Updated …", "Stand: …": the date of a later version
    # "Veröffentlicht am 12.03.2024, aktualisiert am 13.03.2024": the update's date beside
    # the first publication's (which `date` is)
    updated_on: dt.date | None = None
    author: str | None = None  # "Von Anna Muster, 12.03.2024": the byline on the same line
    publisher: str | None = None  # "By Jane Doe, Associated Press | March 12, 2024"


@dataclass(frozen=True)
class Dateline:
    """The opening of wire copy: where it was filed, by which agency, maybe when."""

    text: str  # as written, separator included: "VALENCIA, Spain (AP) —"
    # "Valencia", capitalised as a name even when written in capitals; "" when the
    # dateline names no place ("March 12 (Reuters) -")
    place: str
    region: str | None  # "Spain"
    agency: str | None  # "AP", "dpa/lni"
    date: dt.date | None  # only when the dateline gives the year
    month_day: tuple[int, int] | None = None  # "KYIV, Nov 21 (Reuters)": (11, 21)
    # "Berlin. Die …", the byline "Von Anna Muster, Nairobi": read from a name alone, a
    # dateline only when the name is a place's (a lead may open with a one-word sentence:
    # "Stillstand. Die …"; a byline may end with a newspaper's name)
    name_only: bool = False


# A line's time zone says which order its "03/04/2024" is in: the United States' zones month
# first, every other zone (Europe, India, Australia, Africa …) and "Uhr" day first.
_MONTH_FIRST = re.compile(rf"\b(?:{'|'.join(month_first_zones())})\b")
_DAY_FIRST_ZONES = [zone for zone in time_zone_abbreviations() if zone not in month_first_zones()]
_DAY_FIRST = re.compile(rf"\b(?:Uhr|{'|'.join(_DAY_FIRST_ZONES)})\b")


def _slash_order(line: str) -> str | None:
    month_first, day_first = _MONTH_FIRST.search(line), _DAY_FIRST.search(line)
    if bool(month_first) == bool(day_first):
        return _weekday_order(line)
    return "month" if month_first else "day"


_LETTERS = re.compile(r"[^\W\d_]{2,12}")


def _weekday_order(line: str) -> str | None:
    """ "Mon, 03/04/2024": the order in which the date falls on the line's weekday (4 March
    2024 was a Monday, 3 April a Wednesday); None without one weekday or when both fit."""
    slash = _SLASH_DATE.search(line)
    days = {weekday_numbers().get(word.lower()) for word in _LETTERS.findall(line)} - {None}
    if slash is None or len(days) != 1:
        return None
    fitting = [order for order in ("day", "month") if _weekday_of(slash, order) in days]
    return fitting[0] if len(fitting) == 1 else None


def _weekday_of(match: re.Match[str], order: str) -> int | None:
    date = _date_of(match, order)
    return date.weekday() if date else None


def _date_of(match: re.Match[str], order: str | None = None) -> dt.date | None:
    groups = match.groupdict()
    if groups.get("first"):
        first, second = int(groups["first"]), int(groups["second"])
        if first <= 12 and second <= 12 and first != second and order is None:
            return None  # 03/04/2024: March or April?
        month_first = order == "month" if first <= 12 and second <= 12 else first <= 12
        day, month = (second, first) if month_first else (first, second)
        groups = {"year": groups["year"], "monthnum": str(month), "day": str(day)}
    month = int(groups["monthnum"]) if groups.get("monthnum") else None
    if month is None and groups.get("month"):
        month = month_number(groups["month"])
    year = 2000 + int(groups["short_year"]) if groups.get("short_year") else groups.get("year")
    try:
        return dt.date(int(year or 0), month or 0, int(groups["day"]))
    except (TypeError, ValueError):
        return None


def full_dates(text: str, order: str | None = None) -> list[tuple[dt.date, int, int]]:
    """Every date with day, month and year in `text`, and where it is, in text order (of
    two overlapping readings the one starting first); `order` ("day", "month") reads an
    ambiguous "03/04/2024"."""
    found: list[tuple[dt.date, int, int]] = []
    text = title_case_months(text)  # "MARCH 13, 2024" as "March 13, 2024", same positions
    for pattern in _FULL_DATES:
        for match in pattern.finditer(text):
            date = _date_of(match, order)
            if date is not None:
                found.append((date, match.start(), match.end()))
    kept: list[tuple[dt.date, int, int]] = []
    for date, start, end in sorted(found, key=lambda f: (f[1], -f[2])):
        if not kept or start >= kept[-1][2]:
            kept.append((date, start, end))
    return kept


def first_full_date(text: str) -> tuple[dt.date, int, int] | None:
    """The first date with day, month and year in `text`, and where it is."""
    found = full_dates(text)
    return found[0] if found else None


# Any label inside a line: "By Jane Doe | Published March 12, 2024 | Updated March 13".
_ANY_LABEL = re.compile(rf"(?i)(?<!\w)(?P<label>{_LABEL_WORDS})(?: (?:am|um|on|at))?(?!\w):?")
# A byline beside the date: "Von Anna Muster", "By JANE DOE and Tom Roe", read from the
# words left once dates, labels and times are taken out.
_NAME_WORD = r"[A-ZÄÖÜ][\w'’.-]*"
_BYLINE_PART = re.compile(
    rf"^(?:(?:[Ee]dited|[Ww]ritten|[Rr]eported|EDITED|WRITTEN|REPORTED) )?"
    rf"(?:[Vv]on|[Bb]y|VON|BY):? (?P<author>{_NAME_WORD}(?: (?:{_NAME_WORD}|und|and|&|"
    rf"von|van|de|del|da|al|el|bin|ibn)){{0,7}})$"
)
_BARE_NAME = re.compile(rf"{_NAME_WORD} {_NAME_WORD}(?: {_NAME_WORD})?")
_PUBLISHER_PART = re.compile(rf"^{_NAME_WORD}(?: (?:{_NAME_WORD}|of|der|die|the)){{0,3}}$")
_PART_SEPARATORS = re.compile(r"\s*(?:[|·•]|,(?!\d))\s*|\s+[/–—-]\s+")  # not "1,234"


def _is_filler_word(word: str) -> bool:
    bare = word.strip(".:;")
    return (
        not bare  # punctuation left from "12:30 pm."
        or bare.lower() in weekday_numbers()
        or is_agency(bare)  # "October 17, 2013|Reuters"
        or bare.lower() in SECTIONS  # "Politik | 12.03.2024"
        or word.lower() in ("source:", "quelle:")
        or bare.lower() in ("redaktion", "newsroom", "newsdesk")  # "Redaktion / 12.03.2024"
    )


# "Quelle: ZEIT ONLINE, dpa", "Source: Xinhua", "Editor: huaxia", "Quelle: dpa/wetter.com"
# beside the date: credits,
# up to the next "|" or the line's end.
_DOMAIN = r"[a-z][\w-]{1,20}(?:\.[a-z]{2,6})?"  # "dpa", "wetter.com"
_CREDIT_NAME = rf"(?:[A-ZÄÖÜ][\w.&'’-]*|{_DOMAIN}(?:/{_DOMAIN})?)(?: [A-ZÄÖÜ][\w.&'’-]*){{0,3}}"
_CREDITS = re.compile(
    r"(?<!\w)(?i:quelle|quellen|source|sources|editor|redaktion):\s*"
    rf"{_CREDIT_NAME}(?:(?:, | / | und | and ){_CREDIT_NAME}){{0,6}}(?=\s*\||\s*$)"
)
# A page's address pasted with its text, its path dated: ".../2024/03/12/floods-kenya",
# ".../2024-03-12/hochwasser", ".../article-20240312-quake.html".
_URL_LINE = re.compile(r"(?i)^(?:(?:quelle|source|url|link):\s*)?https?://\S{1,300}$")
_URL_DATES = (
    re.compile(r"/(?P<year>20\d\d)/(?P<monthnum>[01]?\d)/(?P<day>[0-3]?\d)(?=[/?#]|$)"),
    re.compile(r"[/_.-](?P<year>20\d\d)-?(?P<monthnum>[01]\d)-?(?P<day>[0-3]\d)(?=[/_.?#-]|$)"),
)


def _url_date(line: str) -> DateLine | None:
    for pattern in _URL_DATES:
        match = pattern.search(line)
        date = _date_of(match) if match else None
        if date is not None:
            return DateLine(date, False)
    return None


def _leftover(rest: str, taken: list[tuple[int, int]]) -> list[str]:
    """The parts of `rest` between the dates and labels, each without times and fillers."""
    parts, last = [], 0
    for start, end in sorted(taken):
        parts.append(rest[last:start])
        last = max(last, end)
    parts.append(rest[last:])
    pieces = []
    for part in parts:
        for piece in _PART_SEPARATORS.split(_CREDITS.sub(" ", part)):
            if is_agency(piece.strip(" .:")):  # "Keystone-SDA", "Press Trust of India"
                pieces.append(piece.strip(" .:"))
                continue
            words = [w for w in _FILLER.sub(" ", piece).split() if not _is_filler_word(w)]
            if words:
                pieces.append(" ".join(words))
    return pieces


def _byline_of(pieces: list[str]) -> tuple[str | None, str | None, list[str]]:
    """Author and publisher among the words beside a date ("Von Anna Muster", "Associated
    Press" after it), and the words that are neither."""
    author = publisher = None
    left = []
    for number, piece in enumerate(pieces):
        if is_agency(piece):  # "Associated Press", "Kyodo News" beside the date
            publisher = publisher or piece
            continue
        byline = _BYLINE_PART.match(piece)
        if piece.lower() in ("von", "by"):
            continue  # "Von dpa | 12.03.2024": an agency's byline, the agency read apart
        if byline and author is None:
            author = byline["author"]
        elif (
            number == 0
            and _BARE_NAME.fullmatch(piece)
            and not _NOT_PLACE_STARTS & {w.lower() for w in piece.split()}
        ):
            author = piece  # "Anna Muster | 12.03.2024": a byline without its "Von"
        elif author is not None and _PUBLISHER_PART.match(piece):
            # one word after the author is more often the place written from ("Von Anna
            # Muster, Kairo"); two or more a publisher ("Associated Press")
            if publisher is None and " " in piece:
                publisher = piece
        else:
            left.append(piece)
    return author, publisher, left


# "Amina Yusuf Published March 04, 2022 | 03:10 PM": a name straight before the label.
_NAME_BEFORE_LABEL = re.compile(
    rf"(?P<author>{_NAME_WORD}(?: {_NAME_WORD}){{1,3}}) (?=(?i:published|posted|"
    r"veröffentlicht|erschienen|publiziert)\b)"
)


def is_date_part(line: str) -> bool:
    """A label or clock time alone on its line ("Published", "Stand:", "10:12 Uhr"), as a
    page breaks its date line in two: nothing but a label, times and zones, no date."""
    label = _LABEL.match(line)
    rest = line[label.end() :] if label else line
    return len(line) <= 40 and not full_dates(line) and not _FILLER.sub("", rest).strip(" .:")


def read_date_line(line: str, order: str | None = None) -> DateLine | None:
    """The date of a line that holds nothing but (labelled) dates and times, maybe a byline:
    the first publication's date, with the update's date when the line gives both.
    `order` ("day", "month") reads "03/04/2024" when the line itself (its time zone or
    weekday) does not say: the order the article's language and country write."""
    line = line.strip()
    if _URL_LINE.match(line):
        return _url_date(line)
    if not line or len(line) > MAX_DATE_LINE:
        return None
    filed = _FILED_BY.match(line)
    if filed and is_agency(filed["agency"]):  # "Accra (AFP) June 14, 2016": where and by whom
        found = read_date_line(line[filed.end() :], order)
        return replace(found, publisher=found.publisher or filed["agency"]) if found else None
    named = _NAME_BEFORE_LABEL.match(line)
    if named:  # "Jane Doe Published March 12, 2024": the byline without its "By"
        found = read_date_line(line[named.end() :], order)
        return replace(found, author=named["author"]) if found and not found.author else found
    label = _LABEL.match(line)
    stamp = _STAMP.match(line)
    rest = line[(label or stamp).end() :] if (label or stamp) else line
    dates = full_dates(rest, _slash_order(line) or order)
    if not dates:
        return None
    labels = [(m.start(), m.end(), m["label"].lower()) for m in _ANY_LABEL.finditer(rest)]
    labels = [lab for lab in labels if not any(s < lab[1] and lab[0] < e for _, s, e in dates)]
    if label:  # the line's own label stands before everything in `rest`
        labels.insert(0, (-1, 0, label["label"].lower()))
    taken = [(s, e) for _, s, e in dates] + [(max(s, 0), e) for s, e, _ in labels]
    author, publisher, words = _byline_of(_leftover(rest, taken))
    if words and not (stamp and sum(len(w.split()) for w in words) <= _STAMP_WORDS):
        return None  # a sentence that mentions a date, not a date line
    kinds = []  # (date, is an update) in line order; a date takes the last label before it
    for number, (date, date_start, _) in enumerate(dates):
        after = dates[number - 1][2] if number else -1
        named = [name for s, _, name in labels if after <= s < date_start]
        kinds.append((date, bool(named) and named[-1] in _UPDATE_LABELS))
    first = next((date for date, update in kinds if not update), None)
    update = next((date for date, update in kinds if update), None)
    if first is None:
        return DateLine(kinds[0][0], True, author=author, publisher=publisher)
    return DateLine(
        first,
        False,
        updated_on=update if update != first else None,
        author=author,
        publisher=publisher,
    )


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
# Joining words inside a place's name: "Frankfurt am Main", "Rio de Janeiro", "Rio Grande do
# Sul", "Dar es Salaam", "Mar del Plata", "Santa Cruz de la Sierra".
_JOIN = r"am |an der |im |bei |upon |on |de la |de |do |da |dos |das |del |es |el |al "
_PLACE = rf"(?P<place>{_WORD}(?: (?:{_JOIN})?{_WORD}){{0,3}})"
# "Berlin, 3. Juli (Reuters) -", "Lima, 12. März 2025 (AFP) -", "LONDON, 21 November
# (Reuters) -": the day before the agency, its year optional.
# "Quito, Ecuador (AP) —", "Lima, Oct 30 (Reuters) -": a region, an English date.
# After the agency a dash, or as KNA, epd, PTI, ANI and EFE write it none: "Nairobi (KNA)
# Die", "Bonn (epd). Die", "Guwahati, Mar 12 (PTI) Floods", "(ANI): Floods", "(EFE).- A".
_AGENCY_END = rf"(?:{_DASH}|\.-? ?|:? )"
# "Accra (AFP) June 14, 2016 At least …": the full date after the agency.
_FILED = (
    rf"(?: (?P<filed>{month_pattern()} [0-3]?\d,? (?:19|20)\d\d|[0-3]?\d\.[01]?\d\.(?:19|20)\d\d))?"
)
_AGENCY_DATELINE = re.compile(
    rf"{_PLACE}(?:, (?P<region>{_WORD}(?: {_WORD}){{0,2}}))?"
    rf"(?:{_WIRE_DATE}|(?:, {_DAY}\.? {_MONTH}(?: {_YEAR})?)?) {_AGENCY}{_FILED}"
    rf"{_AGENCY_END}(?=[A-ZÄÖÜ\"„“])"
)
_FILED_BY = re.compile(rf"{_PLACE} {_AGENCY} (?=\S)")
_DATED_DATELINE = re.compile(
    rf"{_PLACE}, {_DAY}\.(?P<monthnum>[01]?\d)\.{_YEAR}"
    rf"(?: {_AGENCY}{_AGENCY_END}|(?::| ?[—–-]{{1,2}}) )(?=[A-ZÄÖÜ\"„“])"
)
_BARE_DATELINE = re.compile(rf"{_PLACE}(?: [—–-]|:) (?=[A-ZÄÖÜ\"„“])")  # "Jakarta: Der"
# "Berlin. Die Bundesregierung …", "Lima. Bei einem Erdbeben …", "Berlin/Kiew. Die …": a
# German newspaper's dateline, its place's name and a full stop before the lead's first
# sentence. Words of letters only (no "Dr.", "St. Gallen" as a whole is no name before a
# full stop); whether the name is a place's is for the gazetteer to say (`name_only`).
_NAME_PART = r"[A-ZÄÖÜ][^\W\d_]++(?:-[A-ZÄÖÜ][^\W\d_]++)?"
_ONE_PLACE = rf"{_NAME_PART}(?: (?:{_JOIN})?{_NAME_PART}){{0,2}}"
_PERIOD_DATELINE = re.compile(
    rf"(?P<place>{_ONE_PLACE}(?:/{_ONE_PLACE}){{0,3}})\. (?=[\"„“]?[A-ZÄÖÜ][a-zäöüß])"
)
# "March 12 (Reuters) -", "Dec 7 (Reuters) -", "12. März (AFP) -": the wire's day with no
# place, as a desk files a story written from several places. Its agency is required:
# "March 12 - …" alone is a sentence about a date.
_DAY_ONLY_DATELINE = re.compile(
    rf"(?:(?P<date>(?P<wire_month>{month_pattern()}) (?P<wire_day>[0-3]?\d)(?:, (?:19|20)\d\d)?)"
    rf"|{_DAY}\.? {_MONTH}(?: {_YEAR})?) {_AGENCY}{_AGENCY_END}(?=[A-ZÄÖÜ\"„“])"
)


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
        "laut",  # "Laut (AFP) …" is a source, not where a report was filed
        "nach",
        "according",
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
        or _DAY_ONLY_DATELINE.match(title_case_months(paragraph[:MAX_DATE_LINE]))
        or (_period_dateline(paragraph) if bare else None)
    )
    if match is None:
        return None
    groups = match.groupdict()
    if groups.get("agency") and not is_agency(groups["agency"]):
        return None
    groups["place"] = groups.get("place") or ""  # "March 12 (Reuters) -": filed from no place
    if groups["place"].split(" ")[0].lower() in _NOT_PLACE_STARTS:
        return None  # "Die Lage: …", "The question - …"
    date = month_day = None
    if groups.get("filed"):
        date = full_dates(groups["filed"])[0][0]
    elif groups.get("date"):
        found = first_full_date(groups["date"])
        date = found[0] if found else None
        month_day = (month_number(groups["wire_month"]) or 0, int(groups["wire_day"]))
    elif groups.get("year") and (groups.get("month") or groups.get("monthnum")):
        date = _date_of(match)
    elif groups.get("month") and groups.get("day"):  # "Berlin, 3. Juli (Reuters) -"
        month_day = (month_number(groups["month"]) or 0, int(groups["day"]))
    region = groups.get("region")
    return Dateline(
        text=paragraph[: match.end()].rstrip(),
        place=_as_name(groups["place"]),
        region=_as_name(region) if region else None,
        agency=groups.get("agency"),
        date=date,
        month_day=month_day or ((date.month, date.day) if date else None),
        name_only=match.re is _PERIOD_DATELINE,
    )


def _period_dateline(paragraph: str) -> re.Match[str] | None:
    """ "Lima. Bei einem Erdbeben …": the place and full stop opening the lead, not an
    abbreviation ("Dr. Müller", "Prof. Weber") nor a short word ("Ja. Die …")."""
    match = _PERIOD_DATELINE.match(paragraph)
    if match is None:
        return None
    words = [word for word in re.split(r"[ /-]", match["place"]) if word[:1].isupper()]
    if any(is_abbreviation(word) or len(word) < 3 or word.isupper() for word in words):
        return None  # "Dr.", "Ja.", "USA." (an agency's or a country's letters)
    return match


# A clock time in a date line glued to the headline: "13.12.2019 10:17 Explosion in …".
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b")


def split_date_head(line: str) -> tuple[DateLine, str] | None:
    """A time stamp glued to the headline after it ("13.12.2019 10:17 Deutschland:
    Explosion in Wohnhaus", as a page copied without its line breaks gives it): the date
    line and the headline. The longest such prefix counts; it must hold a clock time, so
    that a headline opening with a date ("12. März 2024: Ein Jahr nach dem Beben") stays."""
    found = None
    for space in re.finditer(" ", line[: MAX_DATE_LINE + 1]):
        rest = line[space.end() :]
        if len(rest.split()) < 3 or not rest[:1].isupper():
            continue
        date_line = read_date_line(line[: space.start()])
        if date_line is not None and _CLOCK.search(line[: space.start()]):
            found = (date_line, rest)
    return found


def split_date_prefix(paragraph: str, order: str | None = None) -> tuple[DateLine, int] | None:
    """A date line glued to the dateline after it ("12.03.2024, 14:05 Uhr Kathmandu (dpa) -
    …", "March 12, 2024 KATHMANDU, Nepal (AP) — …"), as a page copied without its line
    breaks gives it: the date line, and where the dateline starts. The shortest such
    prefix counts, its dateline's place not starting with a clock word ("Uhr Kathmandu")."""
    for space in re.finditer(" ", paragraph[: MAX_DATE_LINE + 1]):
        dateline = read_dateline(paragraph[space.end() :])
        if dateline is None:
            continue
        first = dateline.text.split(" ")[0].rstrip(",")
        if not _FILLER.sub("", first).strip() or _is_filler_word(first):
            continue
        found = read_date_line(paragraph[: space.start()], order)
        if found is not None:
            return found, space.end()
    return None
