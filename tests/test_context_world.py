"""The named ground anywhere on Earth: one-place stories on six continents, in the map
data of their export (what the page names on load is tested in tests/e2e)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from shapely.geometry import box, shape

from dashboard.core.model import Story
from dashboard.reader.context import (
    CONTEXT_FILE,
    context_items,
    context_payload,
    payload_labels,
    story_context,
    story_frames,
)
from dashboard.render.export import export_html
from tests.one_place import CLOSE_KM, PLACES, REGION_KM, Place, bounds, one_place_story
from tests.test_reader_context import towns_file

EXPORT_BUDGET = 450_000


@pytest.fixture(scope="module")
def stories(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Story]:
    folder = tmp_path_factory.mktemp("one-place")
    return {place.slug: one_place_story(place, folder) for place in PLACES}


def _window(place: Place, km: float) -> tuple[float, float, float, float]:
    (south, west), (north, east) = bounds(place, km)
    return west, south, east, north


def _named_in(labels: list[dict], window: tuple[float, ...], zoom: float) -> list[dict]:
    """Labels with a position inside the window, shown at the zoom."""
    west, south, east, north = window
    return [
        label
        for label in labels
        if label["minZoom"] <= zoom <= label["maxZoom"]
        and any(west <= x <= east and south <= y <= north for x, y in label["anchors"])
    ]


def towns_in_data(window: tuple[float, float, float, float]) -> set[str]:
    west, south, east, north = window
    return {
        town.name_de
        for town in towns_file()
        if west <= town.lon <= east and south <= town.lat <= north
    }


def _zoom(story: Story, view: str) -> float:
    frame = next(f for f in story_frames(story) if f.box == _box_of(story, view))
    return int(frame.zoom)  # a map fitting the view zooms no closer than this


def _box_of(story: Story, view: str) -> tuple[float, ...]:
    (south, west), (north, east) = next(v.bounds for v in story.views if v.id == view)
    return west, south, east, north


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("place", PLACES, ids=lambda p: p.slug)
def test_region_view_names_country_water_and_towns(
    stories: dict[str, Story], place: Place, lang: str
) -> None:
    story = stories[place.slug]
    labels = payload_labels(context_payload(story, lang))  # type: ignore[arg-type]
    at_region = _named_in(labels, _window(place, REGION_KM), _zoom(story, "region"))
    names = {label["name"] for label in at_region}
    country = place.country[0 if lang == "de" else 1]
    assert country in {label["name"] for label in at_region if label["layer"] == "country"}
    if place.waters:
        expected = {pair[0 if lang == "de" else 1] for pair in place.waters}
        assert names & expected, (expected, names)
    others = {label["name"] for label in at_region if label["layer"] != "country"}
    assert len(others) >= 6, others


@pytest.mark.parametrize("place", PLACES, ids=lambda p: p.slug)
def test_water_in_view_is_named(stories: dict[str, Story], place: Place) -> None:
    """Wherever a sea or lake fills part of the region view, or a river crosses it, the
    payload names water there: a sea or lake inside the view, or a river's line."""
    story = stories[place.slug]
    window = box(*_window(place, REGION_KM))
    zoom = _zoom(story, "region")
    in_view = [
        item
        for item in context_items()
        if item.layer in ("sea", "lake", "river")
        and item.min_zoom <= zoom <= item.max_zoom
        and item.name["en"]
        and item.geometry.intersects(window)
        and (item.layer == "river" or item.geometry.intersection(window).area > 0.04 * window.area)
    ]
    payload = context_payload(story, "en")
    named = {label["name"] for label in _named_in(payload["labels"], window.bounds, zoom)}
    rivers = {
        payload["labels"][s["label"]]["name"]
        for s in payload["shapes"]
        if s["layer"] == "river" and shape(s).intersects(window)
    }
    if in_view:
        assert (named | rivers) & {i.name["en"] for i in in_view}, [i.name["en"] for i in in_view]


@pytest.mark.parametrize("place", PLACES, ids=lambda p: p.slug)
def test_close_view_names_the_neighbouring_towns(stories: dict[str, Story], place: Place) -> None:
    story = stories[place.slug]
    window = _window(place, CLOSE_KM)
    towns = [
        label for label in payload_labels(context_payload(story, "de")) if label["layer"] == "city"
    ]
    named = _named_in(towns, window, _zoom(story, "close"))
    # Towns of the data (GeoNames) in the view, other than the place itself.
    in_data = towns_in_data(window) - {place.name_de}
    if len(in_data) >= 2:
        assert len(named) >= 2, [t["name"] for t in named]
    assert all(t["name"] != place.name_de for t in named)


def test_close_view_of_a_town_with_neighbours(stories: dict[str, Story]) -> None:
    """Some of the places have suburbs or villages within a few kilometres."""
    with_neighbours = 0
    for place in PLACES:
        story = stories[place.slug]
        towns = [
            label
            for label in payload_labels(context_payload(story, "en"))
            if label["layer"] == "city"
        ]
        with_neighbours += (
            len(_named_in(towns, _window(place, CLOSE_KM), _zoom(story, "close"))) >= 2
        )
    assert with_neighbours >= 4


@pytest.mark.parametrize("slug", ["valencia", "goma", "kathmandu"])
def test_one_place_export_stays_small(stories: dict[str, Story], slug: str) -> None:
    for lang in ("de", "en"):
        assert len(export_html(stories[slug], lang).encode()) <= EXPORT_BUDGET  # type: ignore[arg-type]


def test_ground_is_clipped_to_the_story(stories: dict[str, Story]) -> None:
    """The page carries the ground around the story, not the world."""
    payload = context_payload(stories["christchurch"], "en")
    names = {label["name"] for label in payload_labels(payload)}
    assert "Neuseeland" not in names and "New Zealand" in names
    assert not names & {"Spain", "Germany", "Mediterranean Sea", "Lake Victoria"}


def test_ground_is_computed_once_per_story(stories: dict[str, Story]) -> None:
    """Cached per story (a rerun of the page does not compute it again), and computed
    anew when the story changes."""
    story = stories["lima"]
    assert story_context(story) is story_context(story)
    moved = replace(story, views=story.views[:1])
    assert story_context(moved) is not story_context(story)


def test_a_lake_shore_close_up_keeps_its_lake(stories: dict[str, Story]) -> None:
    """Goma lies on Lake Kivu: its close view draws the lake (the land around it is drawn
    at every zoom, so without it the water would be land) and names it in the view."""
    place = next(p for p in PLACES if p.slug == "goma")
    story = stories["goma"]
    window = box(*_window(place, CLOSE_KM))
    zoom = _zoom(story, "close")
    payload = context_payload(story, "de")
    lakes = [
        s
        for s in payload["shapes"]
        if s["layer"] == "lake" and s["minZoom"] <= zoom <= s["maxZoom"]
    ]
    assert any(shape(s).intersection(window).area > 0.2 * window.area for s in lakes)
    named = {label["name"] for label in _named_in(payload["labels"], window.bounds, zoom)}
    assert "Kiwusee" in named


def test_the_german_map_names_seas_in_german(stories: dict[str, Story]) -> None:
    """The strait off Hualien is the Taiwanstraße on the German map: the world-wide table
    of the major waters reaches Natural Earth's seas of rank 4."""
    names = {label["name"] for label in context_payload(stories["hualien"], "de")["labels"]}
    assert "Taiwanstraße" in names and "Taiwan Strait" not in names


def test_the_german_map_writes_gulfs_and_lakes_in_german_where_german_does() -> None:
    """A German map of Iraq said "Lake Razazah", of India "Gulf of Kutch": English forms
    where the table of major waters has no German name. Now "Golf von" and "-See" outside
    the Americas and Oceania, where German keeps "Lake Mead", "Lake Tahoe"."""
    items = {i.name["en"]: i for i in context_items(CONTEXT_FILE) if i.layer in ("sea", "lake")}
    assert items["Lake Razazah"].name["de"] == "Razazah-See"  # Iraq
    assert items["Gulf of Kutch"].name["de"] == "Golf von Kutch"  # India
    assert items["Lake Turkana"].name["de"] == "Turkana-See"  # Kenya
    assert items["Lake Mead"].name["de"] == "Lake Mead"  # United States
    assert items["Lake of the Woods"].name["de"] == "Lake of the Woods"
    assert items["Lake Balaton"].name["de"] == "Plattensee"  # the table's own name
    english = [n for n, i in items.items() if i.name["de"] == n and n.startswith("Gulf of ")]
    assert english == []
