"""Geometry on the WGS84 ellipsoid and the Web Mercator plane the maps are drawn in.

Coordinates go longitude first, latitude second, as in GeoJSON and shapely (`x`, `y`):
`LonLat` for a point, `LonLatBox` for a box in degrees. (A story's view bounds are the
one exception, written south-west and north-east corners as Leaflet takes them.)

Pure functions of coordinates and story types, shared by the reader (computed figures,
region checks), the interactive map, the static map and the event cells.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from numpy.typing import ArrayLike
from pyproj import Geod

from dashboard.core.model import Feature, Story, View

GEOD = Geod(ellps="WGS84")

# Areas larger than this (km²) are drawn as a light outline (countries), smaller ones
# filled (a city, an old town): the one rule the interactive and the static map share.
LARGE_AREA_KM2 = 20_000
# Metres per pixel at zoom 0 on the equator of the Web Mercator tile pyramid.
WEB_MERCATOR_M_PER_PX_Z0 = 156_543.03
# Margin (degrees) around a story's views inside which its local features must lie.
REGION_MARGIN_DEG = 2.0

LonLat = tuple[float, float]  # longitude, latitude in degrees (GeoJSON order)
LonLatBox = tuple[float, float, float, float]  # west, south, east, north in degrees


def geodesic_distance_km(a: LonLat, b: LonLat) -> float:
    """Distance on the WGS84 ellipsoid, in km."""
    _, _, metres = GEOD.inv(a[0], a[1], b[0], b[1])
    return metres / 1000.0


def geodesic_area_km2(feature: Feature) -> float:
    area, _ = GEOD.geometry_area_perimeter(feature.geometry)
    return abs(area) / 1e6


def is_large_area(feature: Feature) -> bool:
    """A country-sized area: drawn as a quiet outline, not a filled patch."""
    return feature.kind == "area" and geodesic_area_km2(feature) > LARGE_AREA_KM2


def web_mercator_fractions(lon: ArrayLike, lat: ArrayLike) -> tuple[Any, Any]:
    """Position as fractions (0..1, y from the top) of the Web Mercator world, as the
    map's zoom levels divide it; numbers or numpy arrays."""
    x = (np.asarray(lon, dtype=float) + 180.0) / 360.0
    sin = np.sin(np.radians(np.clip(lat, -85.0, 85.0)))
    y = 0.5 - np.log((1 + sin) / (1 - sin)) / (4 * math.pi)
    return x, y


def view_bounds(story: Story, view_id: str | None) -> list[list[float]]:
    """The bounds ([[south, west], [north, east]]) of a named view, or of the default."""
    for view in story.views:
        if view_id is None or view.id == view_id:
            return [list(view.bounds[0]), list(view.bounds[1])]
    # No views: fit the story's local features.
    local = [f.geometry for f in story.features if not f.distant] or [
        f.geometry for f in story.features
    ]
    west = min(g.bounds[0] for g in local)
    south = min(g.bounds[1] for g in local)
    east = max(g.bounds[2] for g in local)
    north = max(g.bounds[3] for g in local)
    return [[south, west], [north, east]]


def region_box(views: list[View]) -> LonLatBox | None:
    """(west, south, east, north) around all views, with a margin; None without views."""
    if not views:
        return None
    south = min(v.bounds[0][0] for v in views)
    west = min(v.bounds[0][1] for v in views)
    north = max(v.bounds[1][0] for v in views)
    east = max(v.bounds[1][1] for v in views)
    margin = REGION_MARGIN_DEG
    return west - margin, south - margin, east + margin, north + margin


def inside(box: LonLatBox, point: LonLat) -> bool:
    west, south, east, north = box
    lon, lat = point
    return west <= lon <= east and south <= lat <= north
