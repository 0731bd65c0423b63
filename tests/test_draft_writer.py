"""What the writer makes of unusual drafts: a pasted text with no sentence marks (one
huge "sentence") still gives a story that validates, with every quote cut to fit the
story reader's text limit; a river's point is marked as approximate."""

from __future__ import annotations

from dashboard.draft import article_from_text, draft_article, write_story
from dashboard.draft.writer import QUOTE_MAX_CHARS
from dashboard.reader.story import load_story, validate_story


def test_a_text_without_sentence_marks_drafts_a_valid_story(tmp_path) -> None:
    # Place names and counts repeated with no full stop: every quote is that one run.
    body = "In Lima 12 Tote und in Cusco 30 Verletzte nach dem Beben " * 400
    draft = draft_article(article_from_text(f"Beben in Peru\n\n{body}\n"))
    assert max(map(len, draft.sentences)) > 5_000  # the case: one overlong sentence
    folder = write_story(draft, tmp_path / "peru")
    assert validate_story(folder) == []
    story = load_story(folder)
    quotes = [f.quote for f in story.features if f.quote] + [
        g.quote for g in story.figures if g.quote
    ]
    assert quotes, "the places and figures keep their sentence"
    texts = [text for quote in quotes for text in (quote.de, quote.en)]
    assert all(len(text) <= QUOTE_MAX_CHARS for text in texts)
    assert any(text.endswith("…") for text in texts), "the overlong sentence is cut"


def test_a_river_is_marked_as_an_approximate_position(tmp_path) -> None:
    text = (
        "Hochwasser an der Oder\n\nIn Frankfurt (Oder) stieg die Oder am Montag auf "
        "mehr als sechs Meter. In Polen wurden 2000 Menschen in Sicherheit gebracht.\n"
    )
    draft = draft_article(article_from_text(text))
    waters = [p for p in draft.places if p.keep and p.place.kind == "water"]
    assert waters, [(p.name, p.place.kind) for p in draft.places]
    story = load_story(write_story(draft, tmp_path / "oder"))
    for water in waters:
        feature = next(f for f in story.features if f.id == water.id)
        assert feature.estimate
        assert "ungefährer Mittelpunkt" in feature.note.de
