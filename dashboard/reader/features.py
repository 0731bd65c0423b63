"""The features of a story (`features.geojson`): each checked field by field, its
geometry checked for type, range, swapped coordinates and validity before shapely
builds it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from itertools import islice
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from dashboard.core.geometry import LonLatBox, inside, region_box
from dashboard.core.i18n import LANGS, Lang
from dashboard.core.model import Feature, Problem, View
from dashboard.reader.fields import ID_PATTERN, Fields, finite, shown
from dashboard.reader.limits import MAX_FEATURES, MAX_VERTICES, read_json
from dashboard.reader.sources import read_sources

# Which geometry types each kind of feature may have.
KIND_GEOMETRIES: dict[str, tuple[str, ...]] = {
    "place": ("Point",),
    "event": ("Point",),
    "area": ("Polygon", "MultiPolygon"),
    "line": ("LineString", "MultiLineString"),
}


def _positions(coordinates: Any, depth: int = 0) -> Iterator[Any]:
    """Every position (innermost list) of a GeoJSON coordinates array."""
    if depth > 4:
        raise ValueError("coordinates are nested too deeply")
    if isinstance(coordinates, list) and not coordinates:
        return
    if isinstance(coordinates, list) and isinstance(coordinates[0], list):
        for item in coordinates:
            yield from _positions(item, depth + 1)
    else:
        yield coordinates


def check_coordinates(
    fields: Fields,
    geometry: Mapping[str, Any],
    region: LonLatBox | None,
    distant: bool,
) -> bool:
    """Whether a GeoJSON geometry's positions are well formed: lists of two or three
    numbers, finite, in range, no more than MAX_VERTICES, and not lat/lon swapped (judged
    against the story's `region` unless the feature is `distant`). Reports the first
    problem found to `fields` and returns False; True when there is none."""
    try:
        # counted no further than one past the limit: a million-vertex ring is refused
        # without walking all of it
        positions = list(islice(_positions(geometry.get("coordinates")), MAX_VERTICES + 1))
    except ValueError as error:
        fields.problem("geometry", str(error))
        return False
    if len(positions) > MAX_VERTICES:
        fields.problem("geometry", f"more than {MAX_VERTICES:,} vertices")
        return False
    for position in positions:
        if (
            not isinstance(position, list)
            or len(position) < 2
            or not all(isinstance(c, (int, float)) and not isinstance(c, bool) for c in position)
        ):
            fields.problem(
                "geometry", f"malformed position {shown.repr(position)}: expected [lon, lat]"
            )
            return False
        lon, lat = position[0], position[1]
        if not (finite(lon) and finite(lat)):
            fields.problem("geometry", "coordinates must be finite numbers")
            return False
        if abs(lat) > 90 and abs(lon) <= 90:
            fields.problem(
                "geometry",
                f"latitude {lat} out of range; coordinates look swapped: GeoJSON is [lon, lat]",
            )
            return False
        if abs(lon) > 180 or abs(lat) > 90:
            fields.problem("geometry", f"coordinates [{lon}, {lat}] out of range")
            return False
    if region is not None and not distant:
        outside = _swapped_positions(positions, region)
        if outside:
            lon, lat = outside[0][0], outside[0][1]
            fields.problem(
                "geometry",
                f"[{lon}, {lat}] lies outside the story's views but [{lat}, {lon}] inside: "
                "coordinates look swapped (GeoJSON is [lon, lat])",
            )
            return False
    return True


# How far (degrees) a line or outline must lie off the story's views before its mirror
# image inside them makes it look swapped: a country beside the views (the Palestinian
# territories south of a Turkey-Syria view) is off them by less, and real.
SWAP_GAP_DEG = 5.0


def _swapped_positions(positions: list[Any], region: LonLatBox) -> list[Any]:
    """The positions that lie outside the story's views but inside when read [lat, lon],
    when that makes the geometry look swapped; else []. A point is judged alone. A line
    or outline is read as written unless it lies wholly and well off the views: a
    country's outline around or beside the views has vertices outside them whose mirror
    image, where latitudes and longitudes are alike (30 to 42 from the Levant to Iran),
    falls inside them."""
    outside = [p for p in positions if not inside(region, (p[0], p[1]))]
    if not outside or not all(inside(region, (p[1], p[0])) for p in outside):
        return []
    if len(positions) > 1:
        west, south, east, north = region
        gap = SWAP_GAP_DEG
        lons = [p[0] for p in positions]
        lats = [p[1] for p in positions]
        if not (
            min(lons) > east + gap
            or max(lons) < west - gap
            or min(lats) > north + gap
            or max(lats) < south - gap
        ):
            return []
    return outside


def read_features(
    path: Path,
    problems: list[Problem],
    views: list[View],
    written_ids: set[str],
    languages: tuple[Lang, ...] = LANGS,
) -> list[Feature]:
    """Valid features; `written_ids` gets every id written, valid or not, so that
    references to a broken feature are not reported twice."""
    data = read_json(path, problems)
    if data is None:
        return []
    file = str(path)
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        problems.append(Problem(file, "file", "type", "expected a GeoJSON FeatureCollection"))
        return []
    raw_features = data.get("features")
    if not isinstance(raw_features, list):
        problems.append(Problem(file, "file", "features", "expected a list of features"))
        return []
    if len(raw_features) > MAX_FEATURES:
        problems.append(Problem(file, "file", "features", f"more than {MAX_FEATURES:,} features"))
        return []

    region = region_box(views)
    features: list[Feature] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_features):
        where = f"feature #{index + 1}"
        if not isinstance(raw, dict):
            problems.append(Problem(file, where, None, "expected a GeoJSON Feature object"))
            continue
        properties = raw.get("properties")
        if not isinstance(properties, dict):
            problems.append(Problem(file, where, "properties", "missing properties object"))
            continue
        raw_id = properties.get("id")
        if isinstance(raw_id, str) and raw_id:
            where = f"feature {shown.repr(raw_id)}"  # 'mosul'; shortened if long
            written_ids.add(raw_id)
        fields = Fields(problems, file, where, properties, languages=languages)
        feature_id = fields.string("id")
        if feature_id is not None:
            if not ID_PATTERN.match(feature_id):
                fields.problem("id", "use lower-case letters, digits and hyphens")
            if feature_id in seen:
                fields.problem("id", f"duplicate feature id '{feature_id}'")
            seen.add(feature_id)
        kind = fields.string("kind")
        if kind is not None and kind not in KIND_GEOMETRIES:
            fields.problem(
                "kind", f"unknown kind {kind!r}: use one of {', '.join(KIND_GEOMETRIES)}"
            )
            kind = None
        name = fields.flat_text("name")
        note = fields.flat_text("note")
        sources = read_sources(fields, flat=True)
        quote = fields.flat_text("quote", required=False)
        date = fields.date("date", required=False)
        flags = {
            key: fields.boolean(key) for key in ("hindsight", "estimate", "labelled", "distant")
        }
        geometry = _read_geometry(fields, raw.get("geometry"), kind, region, flags["distant"])
        if None in (feature_id, kind, name, note, sources, geometry):
            continue
        features.append(
            Feature(
                id=feature_id,
                kind=kind,
                geometry=geometry,
                name=name,
                note=note,  # type: ignore[arg-type]
                sources=sources,  # type: ignore[arg-type]
                quote=quote,
                date=date,
                **flags,  # type: ignore[arg-type]
            )
        )
    return features


def _read_geometry(
    fields: Fields,
    raw: Any,
    kind: str | None,
    region: LonLatBox | None,
    distant: bool,
) -> BaseGeometry | None:
    if not isinstance(raw, dict):
        got = "" if raw is None else f": expected an object, got {type(raw).__name__}"
        fields.problem("geometry", f"missing geometry{got}")
        return None
    geometry_type = raw.get("type")
    if kind is not None and geometry_type not in KIND_GEOMETRIES[kind]:
        needs = " or ".join(KIND_GEOMETRIES[kind])
        fields.problem("geometry", f"a {kind} needs {needs}, got {shown.repr(geometry_type)}")
        return None
    if not check_coordinates(fields, raw, region, distant):
        return None
    try:
        geometry = shape(raw)
    except (
        ValueError,
        TypeError,
        AttributeError,
        IndexError,
        KeyError,
        shapely.errors.ShapelyError,
    ) as error:
        fields.problem("geometry", f"invalid geometry: {error}")
        return None
    if geometry.is_empty:
        fields.problem("geometry", "empty geometry")
        return None
    if not geometry.is_valid:
        fields.problem("geometry", f"invalid geometry: {shapely.is_valid_reason(geometry)}")
        return None
    return geometry
