"""The offline base map and the Turkish-Syrian border line derived from it."""

from __future__ import annotations

import shapely
from pyproj import Geod
from shapely.geometry import Point

from dashboard.reader.basemap import BASEMAP_DIR, basemap_frame, borders_frame
from dashboard.reader.story import Story

GEOD = Geod(ellps="WGS84")
SYRIA, TURKEY, IRAQ = "760", "792", "368"


def country(frame, iso_n3: str):
    return frame.loc[frame["iso_n3"] == iso_n3].geometry.iloc[0]


def test_base_layers_are_valid_and_small() -> None:
    for layer in ("region", "world"):
        frame = basemap_frame(layer)
        assert frame.geometry.is_valid.all()
        assert not frame.geometry.is_empty.any()
    for name in ("region.geojson", "world.geojson"):
        assert (BASEMAP_DIR / name).stat().st_size < 80_000


def test_neighbours_neither_overlap_nor_leave_gaps() -> None:
    region = basemap_frame("region")
    syria, iraq, turkey = (country(region, c) for c in (SYRIA, IRAQ, TURKEY))
    assert syria.intersection(iraq).area < 1e-9
    assert syria.intersection(turkey).area < 1e-9
    # shared edges are identical after simplification: the boundaries touch along a line
    assert syria.boundary.intersection(turkey.boundary).length > 5


def test_border_line_follows_the_turkish_syrian_border(story: Story) -> None:
    region = basemap_frame("region")
    syria, turkey = country(region, SYRIA), country(region, TURKEY)
    line = story.feature("border-tr-sy").geometry
    # every vertex lies on both countries' outlines (within ~100 m)
    for x, y in shapely.get_coordinates(line):
        vertex = Point(x, y)
        assert syria.boundary.distance(vertex) < 1e-3
        assert turkey.boundary.distance(vertex) < 1e-3
    # and it runs the whole way: from the Mediterranean to the Iraqi tripoint
    start, end = sorted([line.coords[0], line.coords[-1]])
    assert GEOD.inv(start[0], start[1], 35.9, 35.92)[2] < 15_000
    assert GEOD.inv(end[0], end[1], 42.35, 37.11)[2] < 15_000
    length_km = GEOD.geometry_length(line) / 1000
    assert 650 < length_km < 899  # generalised map data measures short of the official 899 km


def test_derived_border_file_matches_the_story_line(story: Story) -> None:
    borders = borders_frame()
    derived = borders.loc[borders["id"] == "border-tr-sy"].geometry.iloc[0]
    assert derived.equals_exact(story.feature("border-tr-sy").geometry, 1e-9)


def test_far_away_places_have_world_context(story: Story) -> None:
    world = basemap_frame("world")
    for feature_id in ("washington", "moscow"):
        point = story.feature(feature_id).geometry
        assert min(g.distance(point) for g in world.geometry) < 0.5


def test_region_box_matches_the_derived_layers() -> None:
    """The map hides outline seams lying on REGION_BOX: it must be the layers' real box."""
    from dashboard.reader.basemap import REGION_BOX

    region = basemap_frame("region")
    west, south, east, north = region.total_bounds
    assert west >= REGION_BOX[0] and south >= REGION_BOX[1]
    assert east <= REGION_BOX[2] and north <= REGION_BOX[3]
    assert (west, east) == (REGION_BOX[0], REGION_BOX[2])  # land reaches both sides
