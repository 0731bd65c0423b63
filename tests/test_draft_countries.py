"""draft/countries.py: a country's outline from the base map, by ISO alpha-2 code."""

from __future__ import annotations

import pytest
from shapely.geometry import Point, shape

from dashboard.draft.countries import country_geometry


@pytest.mark.parametrize(
    ("code", "inside"),
    [
        ("NZ", (174.78, -41.29)),
        ("CL", (-70.65, -33.45)),
        ("KE", (36.82, -1.29)),
        ("NP", (85.32, 27.7)),
    ],
    ids=["new-zealand-wellington", "chile-santiago", "kenya-nairobi", "nepal-kathmandu"],
)
def test_a_country_outline_holds_its_capital(code: str, inside: tuple[float, float]) -> None:
    geometry = country_geometry(code)
    assert geometry is not None and geometry["type"] in ("Polygon", "MultiPolygon")
    assert shape(geometry).buffer(0.1).contains(Point(inside))


def test_an_unknown_code_has_no_outline() -> None:
    assert country_geometry("XX") is None


def test_outlines_of_neighbours_do_not_overlap() -> None:
    chile, argentina = shape(country_geometry("CL")), shape(country_geometry("AR"))
    assert chile.intersection(argentina).area < 0.01 * chile.area
