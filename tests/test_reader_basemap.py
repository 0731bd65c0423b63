"""The offline base map and the Turkish-Syrian border line derived from it."""

from __future__ import annotations

import shapely
from pyproj import Geod
from shapely.geometry import Point

from dashboard.reader.basemap import (
    BASEMAP_DIR,
    CELL_DEG,
    CELL_DIR,
    basemap_frame,
    borders_frame,
    fine_cell,
)
from dashboard.reader.story import Story

GEOD = Geod(ellps="WGS84")
SYRIA, TURKEY, IRAQ = "760", "792", "368"


def country(frame, iso_n3: str):
    return frame.loc[frame["iso_n3"] == iso_n3].geometry.iloc[0]


def test_base_layers_are_valid_and_small() -> None:
    for layer in ("110m", "50m"):
        frame = basemap_frame(layer)
        assert frame.geometry.is_valid.all()
        assert not frame.geometry.is_empty.any()
        assert len(frame) > 170  # the whole world: no country lost in the repair
    assert (BASEMAP_DIR / "world.geojson").stat().st_size < 80_000
    assert (BASEMAP_DIR / "countries-50m.geojson.gz").stat().st_size < 500_000
    cells = list((BASEMAP_DIR / CELL_DIR).glob("*.geojson.gz"))
    assert 150 < len(cells) < 648  # the cells with land, of the world's 648
    assert sum(c.stat().st_size for c in cells) < 2_800_000


def test_fine_cells_hold_valid_pieces_of_the_whole_world() -> None:
    keys = set()
    for west in range(-180, 180, CELL_DEG):
        for south in range(-90, 90, CELL_DEG):
            for key, piece in fine_cell(west, south):
                assert piece.is_valid and not piece.is_empty
                assert piece.within(shapely.box(west, south, west + CELL_DEG, south + CELL_DEG))
                keys.add(key)
    assert len(keys) > 240


def _spain(layer: str):
    if layer == "10m":
        return shapely.union_all(
            [
                piece
                for cell in ((-10, 30), (0, 30))
                for key, piece in fine_cell(*cell)
                if key == "724"
            ]
        )
    return country(basemap_frame(layer), "724")


def test_detailed_scales_keep_islands_and_coasts() -> None:
    """Mallorca is in 1:50m and 1:10m; the finer scale draws more of the coast."""
    mallorca = Point(2.95, 39.6)
    for layer in ("50m", "10m"):
        assert _spain(layer).contains(mallorca)
    around_valencia = shapely.box(-1.0, 38.5, 0.5, 40.5)
    coast = {
        layer: _spain(layer).boundary.intersection(around_valencia).length
        for layer in ("110m", "50m", "10m")
    }
    assert coast["110m"] < coast["50m"] < coast["10m"]


def test_neighbours_neither_overlap_nor_leave_gaps() -> None:
    region = basemap_frame("50m")
    syria, iraq, turkey = (country(region, c) for c in (SYRIA, IRAQ, TURKEY))
    assert syria.intersection(iraq).area < 1e-9
    assert syria.intersection(turkey).area < 1e-9
    # shared edges are identical after simplification: the boundaries touch along a line
    assert syria.boundary.intersection(turkey.boundary).length > 5


def test_border_line_follows_the_turkish_syrian_border(story: Story) -> None:
    region = basemap_frame("50m")
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
    world = basemap_frame("110m")
    for feature_id in ("washington", "moscow"):
        point = story.feature(feature_id).geometry
        assert min(g.distance(point) for g in world.geometry) < 0.5
