"""Story -> folium.Map: layers, labels, legend, details, no CDN, no raw story text."""

from __future__ import annotations

import dataclasses
import re

import pytest

from dashboard.core.i18n import format_number, format_range
from dashboard.core.model import LAYERS, Story
from dashboard.core.wording import feature_details, figure_value_text
from dashboard.reader.story import load_story
from dashboard.render.maps import build_map, label_min_zoom, map_payload

CDN = re.compile(r"https?://(?!www\.w3\.org/2000/svg)", re.IGNORECASE)


def rendered(story: Story, lang: str = "de") -> str:
    return build_map(story, lang).get_root().render()


def test_every_feature_is_in_exactly_one_layer(tiny: Story) -> None:
    payload = map_payload(tiny, "de")
    features = payload["features"]["features"]
    assert sorted(f["properties"]["id"] for f in features) == sorted(f.id for f in tiny.features)
    assert {f["properties"]["layer"] for f in features} <= set(LAYERS)
    layers = {f["properties"]["id"]: f["properties"]["layer"] for f in features}
    assert layers["capital"] == "context"
    assert layers["wall"] == "lines"
    assert layers["old-town"] == "areas"
    assert layers["blast"] == "events"
    large = {f["properties"]["id"] for f in features if f["properties"]["large"]}
    assert large == {"province"}


def test_the_story_is_one_geojson_dataset_not_one_folium_object_per_feature(tiny: Story) -> None:
    folium_map = build_map(tiny, "de")
    # the map object holds a single story element, whatever the number of features
    assert len(folium_map._children) == 1


def test_map_names_no_external_host(story: Story) -> None:
    html = rendered(story)
    assert not CDN.search(html), CDN.search(html)


def test_key_places_are_labelled_and_close_labels_wait_for_zoom(tiny: Story) -> None:
    assert label_min_zoom(tiny, tiny.feature("harbour")) == 0
    # the lighthouse is 700 m from the harbour: its label only shows when zoomed in
    assert label_min_zoom(tiny, tiny.feature("lighthouse")) >= 12
    assert label_min_zoom(tiny, tiny.feature("hilltop")) < 8


def test_legend_lists_each_layer_in_use(tiny: Story) -> None:
    payload = map_payload(tiny, "en")
    texts = [entry["text"] for entry in payload["legend"]]
    # the only event is later than the article: its legend line says so; the province
    # is drawn as a large area, in its own colours
    # the one line is keyed by its own name: "Borders" would also claim the base map's
    assert texts == [
        "Areas",
        "Countries, regions",
        "Wall",
        "Places",
        "Events (later)",
        "Far-away places",
        "dashed: approximate",
    ]


def test_each_legend_line_is_drawn_like_a_feature_of_its_own(tiny: Story) -> None:
    """The legend's area symbol was red while the countries were drawn brown: each line
    now names a feature drawn with its symbol, and every feature names its line."""
    payload = map_payload(tiny, "de")
    keys = {entry["key"]: entry for entry in payload["legend"]}
    features = {f["properties"]["id"]: f["properties"] for f in payload["features"]["features"]}
    for entry in payload["legend"]:
        if entry["key"] != "estimate":
            assert features[entry["sample"]]["legend"] == entry["key"]
    assert {props["legend"] for props in features.values()} <= set(keys)
    assert features["province"]["legend"] != features["old-town"]["legend"]


def test_smaller_areas_are_drawn_above_the_larger_ones_around_them(tiny: Story) -> None:
    """The Iraq polygon lay on top of Mosul's old city and took its clicks."""
    ids = [f["properties"]["id"] for f in map_payload(tiny, "de")["features"]["features"]]
    assert ids.index("province") < ids.index("old-town")


@pytest.mark.parametrize(
    ("lang", "expected"), [("de", "1.500\u20132.500"), ("en", "1,500\u20132,500")]
)
def test_a_range_is_shown_as_a_range_in_the_readers_locale(
    tiny: Story, lang: str, expected: str
) -> None:
    harbour = feature_details(tiny, tiny.feature("harbour"), lang)
    values = [f["value"] for f in harbour["figures"]]
    assert expected in values


def test_numbers_follow_the_locale() -> None:
    assert format_number(50000, "de") == "50.000"
    assert format_number(50000, "en") == "50,000"
    assert format_range(1500, 2500.5, "de") == "1.500\u20132.500,5"


def test_approximate_and_computed_figures(tiny: Story) -> None:
    wall = next(f for f in tiny.figures if f.id == "wall")
    assert figure_value_text(wall, "de") == "ca. 12 km"
    assert figure_value_text(wall, "en") == "about 12 km"
    assert figure_value_text(dataclasses.replace(wall, approximate=False), "de") == "12 km"
    distance = next(f for f in tiny.figures if f.id == "harbour-hill-distance")
    assert figure_value_text(distance, "en") == "147 km"  # computed: rounded to the km


def test_details_carry_quote_translation_mark_and_source(tiny: Story) -> None:
    de = feature_details(tiny, tiny.feature("harbour"), "de")
    en = feature_details(tiny, tiny.feature("harbour"), "en")
    assert de["quote"] and de["quoteNote"] is None  # the article's own words
    assert en["quote"] and en["quoteNote"] == "(translated)"
    assert de["source"].startswith("Quelle: ") and en["source"].startswith("Source: ")


def test_story_text_never_appears_raw_in_the_page(hostile_story_dir) -> None:
    html = rendered(load_story(hostile_story_dir))
    assert "<script>window.__pwned" not in html
    assert "<img src=x" not in html
    assert "</script><b>" not in html
    # the text is there, escaped as JSON string content
    assert "\\u003cscript\\u003ewindow.\\u005f\\u005fpwned=1" in html
