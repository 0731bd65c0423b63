"""The page's HTML cards: escaped story text, hindsight marked, sources shown."""

from __future__ import annotations

from pathlib import Path

from dashboard.reader.story import Problem, Story, load_story
from dashboard.render.cards import details_card, error_card, event_card, figure_card, header_card


def test_details_mark_later_events_as_hindsight(tiny: Story) -> None:
    html = details_card(tiny, "harbour", "de")
    assert "Entsatz" in html
    later = html.split("Entsatz", 1)[1].split("</li>", 1)[0]
    assert "später" in later
    assert "später" not in html.split("Belagerung beginnt", 1)[1].split("</li>", 1)[0]
    assert "1.500\u20132.500" in html and "Quelle:" in html


def test_header_shows_as_of_date_source_and_credit(tiny: Story) -> None:
    html = header_card(tiny, "en")
    assert "Published: 4 May 2020" in html and "As of: 3 May 2020" in html
    assert "Source: Testagentur (Erika Muster), \u201cHafenstadt unter Druck\u201d" in html
    assert tiny.credit.en in html


def test_event_card_names_place_quote_and_source(tiny: Story) -> None:
    html = event_card(tiny, tiny.events[0], "en")
    assert "April 2020" in html and "Place: Harbourtown" in html
    assert "(translated)" in html  # the German article's sentence, in English
    assert "Source: Testagentur" in html


def test_story_text_is_escaped_in_every_card(hostile_story_dir: Path) -> None:
    story = load_story(hostile_story_dir)
    pages = [header_card(story, "en"), details_card(story, "raqqa", "en")]
    pages += [figure_card(story, f, "en") for f in story.figures]
    for html in pages:
        assert "<script>" not in html and "<img" not in html and "<b>bold" not in html
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in pages[0]


def test_error_card_escapes_and_shortens_paths() -> None:
    problems = [Problem("/srv/x/geodata/stories/a/story.toml", "story", "title", "<b>bad</b>")]
    html = error_card("a", problems, "de", root="/srv/x/")
    assert "Diese Geschichte hat Fehler: a" in html
    assert "geodata/stories/a/story.toml: story: field &#39;title&#39;: &lt;b&gt;bad" in html
    assert "/srv/x/" not in html
