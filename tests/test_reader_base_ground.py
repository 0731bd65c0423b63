"""The base map a story's page carries: each frame's ground at its scale, never the world
in detail, the scales cut from each other without overlap."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
import shapely
from shapely.geometry import Point, box, shape

from dashboard.core.model import Story
from dashboard.reader.base_ground import base_payload, scale_areas, scale_for_zoom
from dashboard.reader.context import story_frames
from tests.one_place import PLACES, one_place_story

SCALES_COARSE_FIRST = ("110m", "50m", "10m")


@pytest.fixture(scope="module")
def valencia(tmp_path_factory: pytest.TempPathFactory) -> Story:
    place = next(p for p in PLACES if p.slug == "valencia")
    return one_place_story(place, tmp_path_factory.mktemp("one-place"))


def _polygons(story: Story) -> dict[str, list[shapely.Geometry]]:
    """Each scale's polygons (one MultiPolygon in the payload: its countries touch, so it
    is not a valid geometry as a whole)."""
    payload = base_payload(story)
    return {
        scale: [shape({"type": "Polygon", "coordinates": c}) for c in layer["coordinates"]]
        for scale, layer in zip(SCALES_COARSE_FIRST, payload["layers"], strict=True)
    }


def _layers(story: Story) -> dict[str, shapely.Geometry]:
    return {scale: shapely.union_all(p) for scale, p in _polygons(story).items()}


def test_a_close_story_gets_the_detailed_coast(valencia: Story) -> None:
    layers = _layers(valencia)
    land = shapely.union_all(list(layers.values()))
    assert land.contains(Point(2.95, 39.6))  # Mallorca, missing at 1:110m
    assert land.contains(Point(-0.40, 39.47))  # Valencia on land
    assert not land.contains(Point(-0.25, 39.45))  # and the sea just off it
    # The coast south of the city bends (the Albufera, Cap de la Nau): no straight line.
    coast = layers["10m"].boundary.intersection(box(-0.6, 38.6, 0.3, 39.6))
    assert len(shapely.get_coordinates(coast)) > 40


def test_the_scales_do_not_overlap_and_far_ground_is_coarse(valencia: Story) -> None:
    layers = _layers(valencia)
    for a, b in ((0, 1), (0, 2), (1, 2)):
        first, second = layers[SCALES_COARSE_FIRST[a]], layers[SCALES_COARSE_FIRST[b]]
        assert first.intersection(second).area < 1e-6
    assert layers["10m"].intersects(Point(-0.4, 39.5).buffer(0.2))
    far = box(165, -48, 180, -33)  # New Zealand: only the world's outline
    assert layers["110m"].intersects(far)
    assert not layers["50m"].intersects(far) and not layers["10m"].intersects(far)


def test_outlines_hide_only_the_seams(valencia: Story) -> None:
    """An outline segment the map leaves out (both ends on one seam line) lies on the edge
    of a scale's area, never inside one: a real coast or border is never hidden."""
    payload = base_payload(valencia)
    areas = scale_areas(story_frames(valencia))
    edges = shapely.union_all([a.boundary for a in areas.values()])
    xs, ys = set(payload["seams"]["x"]), set(payload["seams"]["y"])
    hidden = 0
    for layer in payload["layers"]:
        for polygon in layer["coordinates"]:
            for ring in polygon:
                for a, b in itertools.pairwise(ring):
                    on_x = a[0] == b[0] and a[0] in xs
                    on_y = a[1] == b[1] and a[1] in ys
                    if on_x or on_y:
                        hidden += 1
                        middle = Point((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
                        assert edges.distance(middle) < 1e-6, (a, b)
    assert hidden > 0  # the boxes do cut land here


def test_the_first_story_keeps_its_region_at_1_50m(story: Story) -> None:
    polygons = _polygons(story)
    layers = {scale: shapely.union_all(p) for scale, p in polygons.items()}
    outlines = shapely.union_all([p.boundary for p in polygons["50m"]])
    border = story.feature("border-tr-sy").geometry
    # The story's border line was taken from the 1:50m layer: it lies on the drawn outline.
    for x, y in border.coords:
        assert outlines.distance(Point(x, y)) < 1e-3
    # Its close-ups (the old city, Raqqa) and the steps abroad get 1:10m.
    for lon, lat in ((43.13, 36.34), (-2.24, 53.48)):
        assert layers["10m"].intersects(Point(lon, lat).buffer(0.05))


def test_the_payload_is_small_and_computed_once(valencia: Story) -> None:
    payload = base_payload(valencia)
    assert payload is base_payload(valencia)
    assert len(json.dumps(payload, separators=(",", ":"))) < 150_000


def test_scale_follows_zoom() -> None:
    assert [scale_for_zoom(z) for z in (2, 5, 7, 8, 14)] == ["110m", "50m", "50m", "10m", "10m"]


def test_a_story_on_the_antimeridian_stays_valid(tmp_path: Path) -> None:
    """Fiji: the boxes are clamped to the world, the payload is still valid GeoJSON."""
    place = next(p for p in PLACES if p.slug == "christchurch")
    fiji = one_place_story(
        type(place)("suva", "Suva", "Suva", 178.44, -18.14, ("Fidschi", "Fiji"), place.waters),
        tmp_path,
    )
    polygons = _polygons(fiji)
    assert all(p.is_valid for parts in polygons.values() for p in parts)
    assert shapely.union_all(polygons["10m"]).intersects(Point(178.44, -18.14).buffer(0.1))
