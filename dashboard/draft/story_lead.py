"""Where a story's body begins: its dateline ("SEOUL (Reuters) -", "Rabat:") and its lead,
past the lines a page stands before them (a kicker, a second title, a byline's lines, a
date line, a caption). The place a figure belongs to is read from the body (the README's
"Which place a figure belongs to"): a dateline says where the reporter was, and a title
only announces a count.
"""

from __future__ import annotations

import re

from dashboard.draft.model import Draft
from dashboard.draft.sentences import Sentence

# The end of a dateline: "SEOUL (Reuters) - ", "Rabat: ", "KYIV, Ukraine (AP) — ".
_DATELINE_END = re.compile(r"\s[-–—]+\s|:\s|\s--\s")
_DATELINE_CHARS = 120
# How many of the body's first paragraphs the dateline may open (the article reader looks
# for it in as many).
_DATELINE_LOOK = 12
# What follows a place that opens the lead as a dateline: "Rabat: ", "Tokio (AFP) ",
# "Acapulco – ", "KYIV, Ukraine (AP) — ".
_OPENER_END = re.compile(
    r"\s*(?::|\([^()]{1,40}\)|[-–—]+\s|,[^,.]{1,30}\([^()]{1,40}\)\s*[-–—]*)\s*"
)


def dateline_span(draft: Draft, sentences: list[Sentence]) -> tuple[int, int] | None:
    """(sentence, end offset) of the dateline at the start of the body, if there is one:
    the one the article reader found, else a place that opens the lead followed by a
    colon, a bracket or a dash ("Rabat: In Marokko …", "Tokio (AFP) Ein Erdbeben …").
    A dateline after a page's teaser is not left out: the teaser, not the dateline, then
    opens the story, and the dateline's town is the place its own sentence tells of."""
    lead = [s for s in sentences if s.paragraph >= 1][:2]
    if not draft.dateline_place:
        for sentence in lead:
            opener = next(
                (p for p in draft.places if p.keep and (sentence.index, 0) in p.positions), None
            )
            if opener is None:
                continue
            rest = sentence.text[len(opener.name) :]
            end = _OPENER_END.match(rest)
            if end:
                return sentence.index, len(opener.name) + end.end()
        return None
    for sentence in _opening(sentences):
        if _opens_with(sentence, draft.dateline_place):
            end = _DATELINE_END.search(sentence.text[:_DATELINE_CHARS])
            return sentence.index, end.end() if end else len(draft.dateline_place)
    return None


def _opening(sentences: list[Sentence]) -> list[Sentence]:
    """The first sentence of each of the body's first paragraphs: where the article reader
    looks for the dateline (titles, a teaser, a byline's lines, a date line or a caption may
    stand before it)."""
    firsts: dict[int, Sentence] = {}
    for sentence in sentences:
        if sentence.paragraph > _DATELINE_LOOK:
            break
        if sentence.paragraph >= 1 and sentence.paragraph not in firsts:
            firsts[sentence.paragraph] = sentence
    return list(firsts.values())


def _opens_with(sentence: Sentence, dateline: str) -> bool:
    head = sentence.text[:_DATELINE_CHARS].casefold().lstrip("(„\"'")
    return head.startswith(dateline.casefold())


def lead_sentences(dateline: str | None, sentences: list[Sentence]) -> list[Sentence]:
    """The lead's two sentences, whose place a figure with none takes: from the one the
    dateline opens (a page's title, teaser or "Posted ... last updated" lines may stand
    before it), else the body's first two."""
    body = [s for s in sentences if s.paragraph >= 1]
    if dateline:
        for first in _opening(sentences):
            if _opens_with(first, dateline):
                at = body.index(first)
                return body[at : at + 2]
    return body[:2]
