"""draft/engine.py: an article becomes a draft (places, figures, dates, timeline), and a
sentence becomes a timeline title."""

from __future__ import annotations

import datetime as dt

from dashboard.draft.article import article_from_text
from dashboard.draft.engine import draft_article, event_title

FLOOD = (
    "Floods in southern Brazil\n\n"
    "PORTO ALEGRE, Brazil (AP) — Floods in the state of Rio Grande do Sul have killed "
    "at least 57 people, officials said on Sunday.\n\n"
    "In Porto Alegre, more than 8,000 people left their homes as the Guaíba river rose."
)


def test_a_flood_report_becomes_a_draft_with_its_places_and_figures() -> None:
    draft = draft_article(article_from_text(FLOOD), published=dt.date(2024, 5, 5))
    names = {place.name for place in draft.places}
    assert "Porto Alegre" in names
    values = {figure.low for figure in draft.figures}
    assert {57, 8000} <= values
    assert draft.language == "en" and draft.published == "2024-05-05"


def test_a_short_sentence_is_its_own_title_without_the_full_stop() -> None:
    assert event_title("A quake shook Christchurch.") == "A quake shook Christchurch"


def test_a_long_sentence_is_cut_at_a_word() -> None:
    sentence = "Rescuers in Nepal searched the collapsed houses of Jajarkot " * 4
    title = event_title(sentence, limit=60)
    assert title.endswith(" …") and len(title) <= 62
    assert sentence.startswith(title.removesuffix(" …"))
