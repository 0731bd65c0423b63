"""Islands and island groups of Natural Earth's physical regions
(`ne_10m_geography_regions_polys`: "Vanua Levu", "Lau Group", "Espiritu Santo", "Gotland"),
each with one point inside its largest part and the country of the town nearest to it.

News name islands as places ("the island of Vanua Levu", "auf Gotland"); GeoNames'
towns and admin names miss most of them. Natural Earth gives English names only; a name
that is a country's ("Jamaica", "Malta") is left to the country.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import shapely
from shapely.geometry import Point, shape

from dashboard.core.geometry import geodesic_distance_km

ISLAND_CLASSES = ("Island", "Island group")
# The nearest town must be this close for its country to be the island's: a remote rock
# with no town near it is no place a story names.
COUNTRY_MAX_KM = 300.0
# Natural Earth abbreviates "I." and "Is." at the end of a name.
_ABBREVIATIONS = ((re.compile(r"\bIs\.$"), "Islands"), (re.compile(r"\bI\.$"), "Island"))
_GROUP = re.compile(r"\s+Group$")


@dataclass
class Island:
    names: list[str]  # the name as the news write it first
    lat: float
    lon: float
    country: str


def island_names(name: str, alternate: str | None) -> list[str]:
    """ "Mafia I." is "Mafia Island", "Lau Group" also "Lau", "ELLESMERE  ISLAND"
    "Ellesmere Island"; the alternate name too ("Truk": "Chuuk")."""
    found = []
    for raw in (name, alternate or ""):
        text = " ".join(raw.split())
        if text.isupper():
            text = text.title()
        for pattern, full in _ABBREVIATIONS:
            text = pattern.sub(full, text)
        if text:
            found += [text, _GROUP.sub("", text)]
    return list(dict.fromkeys(n for n in found if n))


def islands(
    features: Iterable[dict],
    towns: list[tuple[str, float, float]],
    country_names: set[str],
) -> list[Island]:
    """The islands among the features, each given the country of its nearest town
    (`towns`: country, lat, lon) and a point inside its largest part; islands named like
    a country (folded `country_names`) are left out."""
    from dashboard.core.names import fold

    points = [Point(lon, lat) for _country, lat, lon in towns]
    tree = shapely.STRtree(points)
    found = []
    for feature in features:
        properties = feature["properties"]
        if properties.get("featurecla") not in ISLAND_CLASSES or not feature.get("geometry"):
            continue
        names = island_names(properties.get("name") or "", properties.get("namealt"))
        if not names or any(fold(n) in country_names for n in names):
            continue
        geometry = shape(feature["geometry"])
        parts = sorted(getattr(geometry, "geoms", [geometry]), key=lambda g: -g.area)
        where = parts[0].representative_point()
        nearest = int(tree.nearest(where))
        country, lat, lon = towns[nearest]
        if geodesic_distance_km((where.x, where.y), (lon, lat)) > COUNTRY_MAX_KM:
            continue
        found.append(Island(names, round(where.y, 4), round(where.x, 4), country))
    return found
