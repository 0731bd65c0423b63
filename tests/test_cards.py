"""The page's HTML cards: escaped story text, hindsight marked, sources shown."""

from __future__ import annotations

from pathlib import Path

from dashboard.cards import details_card, error_card, event_card, figure_card, header_card
from dashboard.story import Problem, Story, load_story


def test_details_mark_later_events_as_hindsight(story: Story) -> None:
    html = details_card(story, "raqqa", "de")
    assert "Die SDF nehmen Rakka ein" in html
    later = html.split("Die SDF nehmen Rakka ein", 1)[1].split("</li>", 1)[0]
    assert "später" in later
    assert "50.000\u2013100.000" in html and "Quelle:" in html


def test_header_shows_as_of_date_source_and_credit(story: Story) -> None:
    html = header_card(story, "en")
    assert "As of: 1 July 2017" in html
    assert "dpa (Jan Kuhlmann)" in html
    assert story.credit.en in html


def test_event_card_names_place_quote_and_source(story: Story) -> None:
    event = next(e for e in story.events if e.id == "al-nuri-destroyed")
    html = event_card(story, event, "en")
    assert "21 June 2017" in html and "Place: Great Mosque of al-Nuri" in html
    assert "(translated)" in html  # the German article's sentence, in English


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
