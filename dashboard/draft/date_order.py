"""Which order an article writes a numeric date in: "03/04/2024" is 3 April in German and
in British, Indian, Kenyan or Australian English, 4 March in American English.

German text writes the day first. English text says its country through its dateline
("HOUSTON, Texas (AP) —": the United States, month first; "NAIROBI, Kenya (Reuters) -":
day first), else through its agency. With neither, "03/04/2024" stays unread: a wrong
date of publication is worse than none, which the draft asks for.
"""

from __future__ import annotations

import re

from dashboard.draft.datelines import Dateline, read_dateline

# A numeric date both of whose first numbers may be the month: only then does the order
# matter (31/10/2024 reads itself).
_AMBIGUOUS = re.compile(
    r"(?<![\d./-])(?:0?[1-9]|1[0-2])([/-])(?:0?[1-9]|1[0-2])\1(?:19|20)\d\d(?!\d)"
)
# Agencies of the United States, which write the month first.
_AMERICAN_AGENCIES = frozenset(["ap", "associated press", "upi", "bloomberg"])
# How many paragraphs the dateline is looked for in (a title, a date line and a byline
# may stand before the lead).
_DATELINE_LOOK = 8


def numeric_date_order(language: str, paragraphs: list[str]) -> str | None:
    """ "day" or "month": how the article's "03/04/2024" is read; None when nothing says."""
    if not any(_AMBIGUOUS.search(p) for p in paragraphs):
        return None  # nothing to decide (and no gazetteer to load)
    if language == "de":
        return "day"
    dateline = next(
        (found for p in paragraphs[:_DATELINE_LOOK] if (found := read_dateline(p))), None
    )
    return _order_of(dateline) if dateline else None


def _order_of(dateline: Dateline) -> str | None:
    if dateline.place:
        from dashboard.draft.place_scores import dateline_countries  # only when needed
        from dashboard.reader.gazetteer import gazetteer

        countries = dateline_countries(gazetteer(), (dateline.place, dateline.region))
        if len(countries) == 1:
            return "month" if countries == {"US"} else "day"
    if dateline.agency:
        return "month" if dateline.agency.lower() in _AMERICAN_AGENCIES else "day"
    return None
