"""Where a story's body begins (dashboard/draft/story_lead.py): the dateline and the lead,
past a kicker, a second title and a byline's lines."""

from __future__ import annotations

from dashboard.draft.article import article_from_text
from dashboard.draft.engine import draft_article
from dashboard.draft.story_lead import dateline_span, lead_sentences

PAGE = (
    "World\n\nBy\n\nAFP\n\nQuake kills 9 near Arequipa\n\nTuesday Mar 5, 2024\n\n"
    "LIMA: An earthquake killed 9 people in southern Peru on Tuesday. Rescuers searched "
    "the rubble."
)


def test_the_lead_begins_at_the_dateline_past_a_pages_lines() -> None:
    article = article_from_text(PAGE)
    draft = draft_article(article)
    lead = lead_sentences(draft.dateline_place, article.sentences)
    assert [s.text[:5] for s in lead] == ["LIMA:", "Rescu"]
    span = dateline_span(draft, article.sentences)
    assert span is not None
    assert article.sentences[span[0]].text[: span[1]] == "LIMA: "


def test_without_a_dateline_the_lead_is_the_bodys_first_two_sentences() -> None:
    article = article_from_text(
        "Floods in Kenya\n\nFloods killed 12 people in Voi. Rescuers searched the river."
    )
    draft = draft_article(article)
    assert [s.text[:6] for s in lead_sentences(draft.dateline_place, article.sentences)] == [
        "Floods",
        "Rescue",
    ]
    assert dateline_span(draft, article.sentences) is None
