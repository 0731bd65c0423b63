"""Date lines a page breaks in two, and date lines a text copied without its line breaks
glues to the headline.

- A label alone above the date ("Published" / "March 12, 2024", "Stand:" / "12.03.2024,
  10:12 Uhr"), a clock time alone below it ("12 March 2024" / "10:12 AM"): joined, they
  are read as one date line, and the label says whether it is an update's; apart, the
  label and the time would be read as sentences of the text.
- "Floods kill 12 in Kenya Published March 12, 2024 10:12 AM EAT NAIROBI, Kenya (AP) — …":
  a headline, a time stamp (a date with its clock time or label) and the text, one
  paragraph; split, each is read as what it is.
"""

from __future__ import annotations

import re

from dashboard.core.calendar_words import weekday_number
from dashboard.draft.datelines import full_dates, is_date_part, read_date_line, read_dateline
from dashboard.draft.figure_words import word_set

# How far into a paragraph a glued time stamp is looked for, how many words of a headline
# may stand before it, and in how many of the first paragraphs.
_STAMP_WINDOW = 400
_HEADLINE_WORDS = (3, 25)
_GLUED_PARAGRAPHS = 3  # a kicker or a page's name may stand above
# A stamp: the date with a clock time beside it (not a date's own "12.03"), or a label
# before it; the words that may stand before its date.
_CLOCK = re.compile(r"(?<![\d.])\d{1,2}[:.]\d{2}(?![\d.])")
_LABELS = word_set(
    """published posted updated veröffentlicht aktualisiert erstellt stand first last
    originally zuletzt am on um at"""
)
_SENTENCE_END = (".", "!", "?", "…", ":")


def join_date_parts(paragraphs: list[str]) -> list[str]:
    """The paragraphs, a date line's label or clock time joined to the date beside it, and
    the first paragraphs split where a time stamp is glued between headline and text."""
    joined: list[str] = []
    for number, paragraph in enumerate(paragraphs):
        if joined and _belong_together(joined[-1], paragraph):
            joined[-1] += " " + paragraph
        elif number < _GLUED_PARAGRAPHS:
            joined.extend(split_glued_stamp(paragraph))
        else:
            joined.append(paragraph)
    return joined


def _belong_together(previous: str, paragraph: str) -> bool:
    part_before = is_date_part(previous) and read_date_line(paragraph) is not None
    part_after = is_date_part(paragraph) and read_date_line(previous) is not None
    return (part_before or part_after) and read_date_line(f"{previous} {paragraph}") is not None


def split_glued_stamp(paragraph: str) -> list[str]:
    """ "Headline STAMP Text …" as [headline, stamp, text], else [paragraph]: the stamp
    the widest run around one of the first dates that is a date line, holds a clock time or
    opens with a label, after a headline of a few words and before a capitalised text."""
    if read_date_line(paragraph) is not None:
        return [paragraph]  # a date line as it stands, its byline with it
    for _, date_start, date_end in full_dates(paragraph[:_STAMP_WINDOW])[:2]:
        stamp = _widest_stamp(paragraph, date_start, date_end)
        if stamp is None:
            continue
        start, end = stamp
        headline, rest = paragraph[:start].strip(), paragraph[end:].strip()
        words = len(headline.split())
        if not _HEADLINE_WORDS[0] <= words <= _HEADLINE_WORDS[1]:
            continue
        if headline.endswith(_SENTENCE_END) or not _opens_text(rest) or read_dateline(headline):
            continue  # a sentence, or a dateline's text ("Nairobi (AFP) - Der Damm brach am …")
        return [headline, paragraph[start:end].strip(), rest]
    return [paragraph]


def _widest_stamp(paragraph: str, date_start: int, date_end: int) -> tuple[int, int] | None:
    """Where the stamp around a date starts (labels and a weekday before the date) and ends
    (the latest end that still makes a date line), if it is one."""
    start, labelled = date_start, False
    for word in reversed(list(re.finditer(r"\S+", paragraph[:date_start]))):
        bare = word[0].strip(",.:;|").lower()
        if bare not in _LABELS and weekday_number(bare) is None:
            break
        start, labelled = word.start(), labelled or bare in _LABELS
    ends = [m.start() for m in re.finditer(r"\s|$", paragraph[: date_end + 40])]
    for end in reversed([end for end in ends if end >= date_end]):
        stamp = paragraph[start:end].strip()
        if (labelled or _CLOCK.search(stamp)) and read_date_line(stamp):
            return start, end
    return None


def _opens_text(rest: str) -> bool:
    return rest[:1].isupper() or rest[:1] in '"„“«'
