"""Closing signatures of wire copy: "… das Leben. (APA, 3.7.2017)", "(sda, 12. März 2024)",
dpa's story id ("© dpa-infocom, dpa:240312-99-123456/3") and desk codes ("dpa mf yyzz n1"),
or a date line glued to the last sentence: the agency and the day of the report."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dashboard.draft.agencies import is_agency
from dashboard.draft.date_fillers import only_times
from dashboard.draft.datelines import first_full_date, read_date_line

# "(APA, 3.7.2017)", "(Xinhua News Agency, China.org.cn November 7, 2005)" closing the text.
_SIGNATURE = re.compile(r"\((?P<inner>[A-Za-z][^()]{5,80})\)\s*$")
_CREDIT_PART = re.compile(r"[A-ZÄÖÜ][\w.&'’-]*(?: [A-ZÄÖÜ][\w.&'’-]*){0,3}")
# "… am Abend. © dpa-infocom, dpa:240312-99-123456/3": dpa's story id, its filing day first.
_DPA_ID = re.compile(
    r"(?:©\s?)?(?:dpa-infocom,?\s?)?(?P<date>dpa:\d{6}-\d\d-\d{3,12}(?:/\d{1,3})?)\s*$"
)


# "… sagte er. dpa mf yyzz n1": dpa's desk codes closing raw copy (no date in them).
_DPA_CODES = re.compile(r"(?:^|(?<=[.!?\"“”»] ))dpa(?:-AFX)?(?: [a-z0-9/]{1,8}){2,6}\s*$")


_SENTENCE_END = re.compile(r"(?<=[.!?\"“”»]) ")


@dataclass(frozen=True)
class Signature:
    """The agency and date closing a report: "(APA, 3.7.2017)"."""

    start: int  # where it starts in the paragraph
    agency: str  # "" after a bare date
    date: dt.date | None  # None after desk codes ("dpa mf yyzz n1")


def read_signature(paragraph: str) -> Signature | None:
    """The closing signature of `paragraph`: an agency and a full date and nothing else but
    a clock time, dpa's story id or desk codes, or a date line after the last sentence."""
    offset = max(0, len(paragraph) - 80)
    story_id = _DPA_ID.search(paragraph, offset)
    if story_id and (date := first_full_date(story_id["date"])):
        return Signature(story_id.start(), "dpa", date[0])
    codes = _DPA_CODES.search(paragraph, offset)
    if codes:
        return Signature(codes.start(), "dpa", None)
    signed = _agency_signature(paragraph, offset)
    if signed is not None:
        return signed
    # "… starben. 12.03.2024, 14:05 Uhr": a date line glued to the end of the text
    for end in _SENTENCE_END.finditer(paragraph, offset):
        tail = read_date_line(paragraph[end.end() :])
        if tail is not None:
            return Signature(end.end(), "", tail.date)
    return None


def _agency_signature(paragraph: str, offset: int) -> Signature | None:
    """ "(APA, 3.7.2017)", "(sda, 12. März 2024, 14:30 Uhr)", "(Xinhua News Agency August
    18, 2006)" closing the paragraph: an agency first, publishers' names after it, then a
    full date and nothing but clock times."""
    match = _SIGNATURE.search(paragraph[offset:])
    found = first_full_date(match["inner"]) if match else None
    if match is None or found is None:
        return None
    date, start, end = found
    agency, *credits = [part.strip() for part in match["inner"][:start].strip(" ,").split(",")]
    if not is_agency(agency) or not all(_CREDIT_PART.fullmatch(part) for part in credits):
        return None  # "(Mossul, 3.7.2017)", "(AP, the day after the vote on March 3, 2024)"
    if not only_times(match["inner"][end:]):
        return None
    return Signature(offset + match.start(), agency, date)
