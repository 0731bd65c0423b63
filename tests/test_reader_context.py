"""The named ground: context layers, callouts and opt-in detail tiles in the map data."""

from __future__ import annotations

import gzip
import re
import unicodedata
from functools import cache
from typing import NamedTuple

import pytest
from shapely.geometry import box

from dashboard.core.model import Story
from dashboard.reader.context import (
    CONTEXT_FILE,
    PLACES_FILE,
    context_items,
    context_payload,
    payload_labels,
    story_context,
)
from dashboard.reader.story import StoryError, load_story
from dashboard.render.export import export_html
from dashboard.render.maps import callouts, map_payload
from dashboard.render.tiles import DetailTiles

ARTICLE_CITIES = {"Mossul", "Mosul", "Rakka", "Raqqa", "Bagdad", "Baghdad"}


class Town(NamedTuple):
    id: str
    lon: float
    lat: float
    name_de: str
    name_en: str


@cache
def towns_file() -> list[Town]:
    """Every town of the named ground's towns file, read as any reader of the data would
    (GeoNames, tab-separated: id, lon, lat, population, German and English name)."""
    with gzip.open(PLACES_FILE, "rt", encoding="utf-8") as lines:
        rows = [line.rstrip("\n").split("\t") for line in lines if not line.startswith("#")]
    return [Town(row[0], float(row[1]), float(row[2]), row[4], row[5]) for row in rows]


def test_every_layer_keeps_to_the_scales_its_data_is_made_for() -> None:
    items = context_items(CONTEXT_FILE)
    assert {i.layer for i in items} == {"country", "sea", "river", "lake"}
    for item in items:
        assert 0 <= item.min_zoom <= item.label_zoom <= item.max_zoom, item.id
        if item.layer == "river":  # Natural Earth 1:10m: never beyond zoom 9
            assert item.max_zoom <= 9, item.id
        if item.layer == "lake":  # as far in as the 1:10m land around it, no further
            assert item.max_zoom <= 16, item.id
        if item.layer != "lake":  # lakes may be unnamed: drawn, not named
            assert item.name["de"] and item.name["en"], item.id
        if item.layer in ("country", "sea"):
            assert item.anchors, item.id


def test_layers_cover_the_world() -> None:
    items = context_items(CONTEXT_FILE)
    countries = [i for i in items if i.layer == "country"]
    assert len(countries) > 150
    # Every continent has named seas, rivers and lakes.
    for west, south, east, north in (
        (-130, 10, -60, 60),
        (-80, -50, -35, 10),
        (-20, -35, 50, 35),
        (-10, 35, 40, 70),
        (60, 5, 140, 55),
        (110, -45, 180, -10),
    ):
        here = box(west, south, east, north)
        layers = {i.layer for i in items if i.geometry.intersects(here) and i.name["en"]}
        assert {"sea", "river", "lake"} <= layers, (west, south, layers)


@pytest.mark.parametrize(
    ("lang", "names"),
    [
        ("de", {"Türkei", "Syrien", "Irak", "Euphrat", "Tigris", "Mittelmeer"}),
        ("en", {"Turkey", "Syria", "Iraq", "Euphrates", "Tigris", "Mediterranean Sea"}),
    ],
)
def test_payload_names_the_ground_in_the_readers_language(
    story: Story, lang: str, names: set[str]
) -> None:
    payload = context_payload(story, lang)  # type: ignore[arg-type]
    assert names <= {label["name"] for label in payload_labels(payload)}
    rivers = [s for s in payload["shapes"] if s["layer"] == "river"]
    assert {payload["labels"][s["label"]]["name"] for s in rivers} >= {"Tigris"}


def test_the_storys_own_places_are_not_repeated_as_context_cities(story: Story) -> None:
    cities = {i.name["de"] for i in story_context(story) if i.layer == "city"}
    assert not cities & {"Mossul", "Rakka"}
    assert {"Aleppo", "Gaziantep", "Erbil", "Kirkuk", "Deir ez-Zor", "Damaskus"} <= cities


def test_raqqa_figure_is_a_callout_in_both_languages(story: Story) -> None:
    de = {c["id"]: c for c in callouts(story, "de")}
    en = {c["id"]: c for c in callouts(story, "en")}
    assert set(de) == {"raqqa-civilians"}
    assert de["raqqa-civilians"]["value"] == "50.000–100.000"
    assert en["raqqa-civilians"]["value"] == "50,000–100,000"
    assert de["raqqa-civilians"]["asOf"] == "Stand: 1. Juli 2017"
    assert (round(de["raqqa-civilians"]["lat"], 2), round(de["raqqa-civilians"]["lon"], 2)) == (
        35.95,
        39.01,
    )


def test_callout_limited_to_views_shows_only_at_their_scales(story_copy) -> None:
    folder = story_copy(toml={"callout = true": 'callout = ["raqqa"]'})
    [callout] = callouts(load_story(folder), "en")
    assert callout["minZoom"] >= 10  # a city close-up, not the region
    assert callout["maxZoom"] <= 16


@pytest.mark.parametrize(
    ("value", "message"),
    [('["nowhere"]', "unknown view 'nowhere'"), ('"yes"', "expected true, false or a list")],
)
def test_bad_callout_is_named(story_copy, value: str, message: str) -> None:
    folder = story_copy(toml={"callout = true": f"callout = {value}"})
    with pytest.raises(StoryError) as error:
        load_story(folder)
    assert any("callout" in str(p) and message in str(p) for p in error.value.problems)


def test_callout_needs_a_feature(story_copy) -> None:
    folder = story_copy(toml={'feature = "raqqa"\nlabel = {': "label = {"})
    with pytest.raises(StoryError) as error:
        load_story(folder)
    assert any("needs the figure's 'feature'" in str(p) for p in error.value.problems)


def _csp(page: str) -> str:
    return re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)


def test_no_tiles_by_default_and_no_tile_host_in_the_csp(story: Story) -> None:
    assert map_payload(story, "de")["tiles"] is None
    csp = _csp(export_html(story, "de"))
    assert "img-src data:;" in csp and "font-src data:;" in csp and "http" not in csp


def test_tiles_allow_exactly_their_host(story: Story) -> None:
    tiles = DetailTiles("https://tiles.example.org:8443/{z}/{x}/{y}.png", name="Example Maps")
    page = export_html(story, "en", tiles=tiles)
    assert "img-src data: https://tiles.example.org:8443;" in _csp(page)
    payload = map_payload(story, "de", tiles=tiles)["tiles"]
    assert payload["label"] == "Detailkarte laden (Example Maps)"
    assert map_payload(story, "en", tiles=tiles)["tiles"]["label"] == (
        "Load detailed map (Example Maps)"
    )


@pytest.mark.parametrize(
    "url",
    [
        "ftp://tiles.example.org/{z}/{x}/{y}.png",
        "https://tiles.example.org/tiles.png",
        "https://{s}.tiles.example.org/{z}/{x}/{y}.png",
        "javascript:alert(1)//{z}/{x}/{y}",
        "https:///{z}/{x}/{y}.png",
    ],
)
def test_bad_tile_urls_are_refused(url: str) -> None:
    with pytest.raises(ValueError, match="tile URL"):
        DetailTiles(url)


def test_town_names_are_the_names_a_reader_knows() -> None:
    """The German map writes the name German readers use, not a historical long form of
    Natural Earth's ("Antiochia am Orontes"); quarters by their own name, without the
    district before them ("Zürich (Kreis 7) / Witikon") or a qualifier in brackets."""
    names = {town.id: (town.name_de, town.name_en) for town in towns_file()}
    assert names["323779"] == ("Antakya", "Antioch")
    assert all(" / " not in n for pair in names.values() for n in pair)
    german = {de for de, _ in names.values()}
    assert "Witikon" in german and "Atbara" in german and "Atbara (Sudan)" not in german
    assert "Frankfurt (Oder)" in german  # a qualifier in every language is the name's
    # German exonyms of Natural Earth stay: Kyiv, Milan, Tripoli
    assert {"Kiew", "Mailand", "Tripolis"} <= german


def test_town_names_are_written_as_the_news_writes_them() -> None:
    """GeoNames gives some towns in a scholar's transliteration ("H̱olon", "Īz̄eh",
    "Chari̇̄koṭ"): marks that no letter takes, which the map's typeface cannot draw (a
    Nepalese story's print image once showed a missing glyph). Such names are written
    without their marks; a language's own letters keep theirs."""
    towns = towns_file()
    left = [
        t.name_en
        for t in towns
        for name in (t.name_de, t.name_en)
        if any(unicodedata.category(c) == "Mn" for c in unicodedata.normalize("NFC", name))
    ]
    assert left == []
    by_id = {t.id: t for t in towns}
    assert by_id["294751"].name_en == "Holon"  # Israel
    assert by_id["1283329"].name_en == "Itahari"  # Nepal
    assert any(t.name_en == "Şanlıurfa" for t in towns)  # Turkish letters stay
    assert any(t.name_en == "Włocławek" for t in towns)  # Polish letters stay
    # a transliteration from another script loses a scholar's marks ("Ōsaka", "Thāne")
    assert by_id["1853909"].name_en == "Osaka"  # Japan
    assert by_id["1169607"].name_en == "Muzaffarabad"  # Pakistan
    assert by_id["113646"].name_de == "Täbris"  # a German name keeps its umlaut (Iran)
    assert by_id["2548885"].name_de == "Fès"  # French, official in Morocco, keeps its accent
