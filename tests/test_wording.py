"""Reader-facing wording: one source line everywhere, quotes of the reader's language."""

from __future__ import annotations

from dashboard.core.model import Story
from dashboard.core.wording import source_line
from dashboard.render.cards import header_card
from dashboard.render.maps import map_payload


def test_source_line_quotes_the_title_in_the_readers_language(story: Story) -> None:
    assert source_line(story, "de") == (
        "Quelle: dpa (Jan Kuhlmann), \u201eDas Kalifat des IS bricht zusammen\u201c, 1. Juli 2017"
    )
    assert source_line(story, "en") == (
        "Source: dpa (Jan Kuhlmann), \u201cDas Kalifat des IS bricht zusammen\u201d, 1 July 2017"
    )


def test_english_header_has_english_quotes(story: Story) -> None:
    html = header_card(story, "en")
    assert "\u201cDas Kalifat des IS bricht zusammen\u201d" in html
    assert "\u201e" not in html


def test_header_and_map_use_the_same_source_line(story: Story) -> None:
    for lang in ("de", "en"):
        assert source_line(story, lang, dated=False) in header_card(story, lang)
        assert map_payload(story, lang)["sourceText"] == source_line(story, lang)
