"""Story -> folium.Map: layers, labels, legend, details, no CDN, no raw story text."""

from __future__ import annotations

import dataclasses
import re

import pytest

from dashboard.assets import serve_assets
from dashboard.i18n import format_number, format_range
from dashboard.maps import build_map, label_min_zoom, map_payload
from dashboard.model import LAYERS, Story
from dashboard.story import load_story
from dashboard.wording import feature_details, figure_value_text

CDN = re.compile(r"https?://(?!www\.w3\.org/2000/svg)", re.IGNORECASE)


def rendered(story: Story, lang: str = "de") -> str:
    return build_map(story, lang).get_root().render()


def test_every_feature_is_in_exactly_one_layer(story: Story) -> None:
    payload = map_payload(story, "de")
    features = payload["features"]["features"]
    assert [f["properties"]["id"] for f in features] == [f.id for f in story.features]
    assert {f["properties"]["layer"] for f in features} <= set(LAYERS)
    layers = {f["properties"]["id"]: f["properties"]["layer"] for f in features}
    assert layers["washington"] == "context"
    assert layers["border-tr-sy"] == "lines"
    assert layers["mosul-old-city"] == "areas"
    assert layers["raqqa-encircled"] == "events"


def test_the_story_is_one_geojson_dataset_not_one_folium_object_per_feature(story: Story) -> None:
    folium_map = build_map(story, "de")
    # the map object holds a single story element, whatever the number of features
    assert len(folium_map._children) == 1


def test_map_names_no_external_host(story: Story) -> None:
    html = rendered(story)
    assert not CDN.search(html), CDN.search(html)


def test_served_assets_come_from_our_server(story: Story) -> None:
    folium_map = build_map(story, "de")
    serve_assets(folium_map, "/app/static/vendor")
    urls = [url for _, url in folium_map.default_js + folium_map.default_css]
    assert urls and all(url.startswith("/app/static/vendor/") for url in urls)
    # the class-level lists (shared by every map in the process) are untouched
    assert folium_map.__class__.default_js[0][1].startswith("https://")


def test_key_places_are_labelled_and_close_labels_wait_for_zoom(story: Story) -> None:
    assert story.feature("mosul").labelled and story.feature("raqqa").labelled
    assert label_min_zoom(story, story.feature("mosul")) == 0
    # al-Nuri is 1 km from Mosul's centre: its label only shows when zoomed in
    assert label_min_zoom(story, story.feature("al-nuri-mosque")) >= 12


def test_legend_lists_each_layer_in_use(story: Story) -> None:
    payload = map_payload(story, "en")
    texts = [entry["text"] for entry in payload["legend"]]
    for name in ("Places", "Areas", "Borders", "Events", "Far-away places"):
        assert name in texts


@pytest.mark.parametrize(
    ("lang", "expected"), [("de", "50.000\u2013100.000"), ("en", "50,000\u2013100,000")]
)
def test_a_range_is_shown_as_a_range_in_the_readers_locale(
    story: Story, lang: str, expected: str
) -> None:
    raqqa = feature_details(story, story.feature("raqqa"), lang)
    values = [f["value"] for f in raqqa["figures"]]
    assert expected in values


def test_numbers_follow_the_locale() -> None:
    assert format_number(50000, "de") == "50.000"
    assert format_number(50000, "en") == "50,000"
    assert format_range(1500, 2500.5, "de") == "1.500\u20132.500,5"


def test_approximate_and_computed_figures(story: Story) -> None:
    border = next(f for f in story.figures if f.id == "border-length")
    assert figure_value_text(border, "de") == "899 km"
    approximate = dataclasses.replace(border, approximate=True)
    assert figure_value_text(approximate, "de") == "ca. 899 km"
    assert figure_value_text(approximate, "en") == "about 899 km"
    distance = next(f for f in story.figures if f.id == "mosul-raqqa-distance")
    assert re.fullmatch(r"3\d\d km", figure_value_text(distance, "en"))


def test_details_carry_quote_translation_mark_and_source(story: Story) -> None:
    de = feature_details(story, story.feature("mosul"), "de")
    en = feature_details(story, story.feature("mosul"), "en")
    assert de["quote"] and de["quoteNote"] is None  # the article's own words
    assert en["quote"] and en["quoteNote"] == "(translated)"
    assert de["source"].startswith("Quelle: ") and en["source"].startswith("Source: ")


def test_story_text_never_appears_raw_in_the_page(hostile_story_dir) -> None:
    html = rendered(load_story(hostile_story_dir))
    assert "<script>window.__pwned" not in html
    assert "<img src=x" not in html
    assert "</script><b>" not in html
    # the text is there, escaped as JSON string content
    assert "\\u003cscript\\u003ewindow.__pwned=1" in html
