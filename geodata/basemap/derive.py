"""Derive the offline base map from Natural Earth, as packaged by npm world-atlas 2.0.2.

Usage: python geodata/basemap/derive.py /tmp/wa/package

Writes region.geojson (1:50m, clipped to the region), world.geojson (1:110m, region
cut out), borders.geojson (Turkey-Syria and Syria-Iraq border lines) and
countries-story.geojson (Syria and Iraq) next to this script. See README.md.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pyproj
import shapely
from shapely import affinity
from shapely.geometry.base import BaseGeometry

OUT_DIR = Path(__file__).resolve().parent

# Region: eastern Mediterranean to Iran (lon_min, lat_min, lon_max, lat_max).
REGION_BBOX = (24.0, 22.0, 64.0, 44.0)

# Generalisation, in degrees: coverage-simplification tolerance and precision grid.
REGION_TOLERANCE = 0.025
REGION_GRID = 0.005
WORLD_TOLERANCE = 0.75
WORLD_GRID = 0.1

ISO_SYRIA = "760"
ISO_IRAQ = "368"
ISO_TURKEY = "792"

BORDERS = (
    ("border-tr-sy", ISO_TURKEY, ISO_SYRIA),
    ("border-sy-iq", ISO_SYRIA, ISO_IRAQ),
)

GEOD = pyproj.Geod(ellps="WGS84")


def _fix_ring(coords: np.ndarray) -> np.ndarray:
    """Unwrap a ring that jumps across the antimeridian into continuous longitudes.

    A ring that crosses it an odd number of times goes round a pole (Antarctica):
    it is closed along the pole instead.
    """
    lon = coords[:, 0]
    jumps = np.diff(lon)
    crossings = np.flatnonzero(np.abs(jumps) > 180)
    if len(crossings) == 0:
        return coords
    shift = np.concatenate([[0.0], np.cumsum(-360.0 * np.sign(jumps) * (np.abs(jumps) > 180))])
    out = coords.copy()
    out[:, 0] = lon + shift
    if len(crossings) % 2 == 1:
        pole = -90.0 if coords[:, 1].mean() < 0 else 90.0
        body = out[:-1]
        out = np.vstack([body, [body[-1, 0], pole], [body[0, 0], pole], body[:1]])
    return out


def fix_antimeridian(geom: BaseGeometry) -> BaseGeometry:
    """Repair polygons whose rings wrap across the antimeridian (Russia, Fiji, Antarctica).

    Rings are unwrapped to continuous longitudes, then the result is cut at +-180 and
    the overhanging pieces shifted back by 360 degrees.
    """
    parts = []
    changed = False
    for part in shapely.get_parts(geom):
        rings = [np.asarray(part.exterior.coords)] + [np.asarray(r.coords) for r in part.interiors]
        fixed = [_fix_ring(r) for r in rings]
        if all(f is r for f, r in zip(fixed, rings, strict=True)):
            parts.append(part)
            continue
        changed = True
        unwrapped = shapely.make_valid(shapely.Polygon(fixed[0], fixed[1:]))
        for offset in (-360.0, 0.0, 360.0):
            window = shapely.box(-180.0 + offset, -90.0, 180.0 + offset, 90.0)
            piece = shapely.intersection(unwrapped, window)
            if not piece.is_empty:
                parts.append(affinity.translate(piece, xoff=-offset))
    if not changed:
        return geom
    return polygonal(shapely.union_all(parts))


def polygonal(geom: BaseGeometry) -> BaseGeometry:
    """Keep only the polygonal parts of a geometry (Polygon, or MultiPolygon, maybe empty)."""
    polys = [p for p in shapely.get_parts(geom) if p.geom_type == "Polygon" and not p.is_empty]
    if len(polys) == 1:
        return polys[0]
    return shapely.MultiPolygon(polys)


def load(package: Path, scale: str) -> gpd.GeoDataFrame:
    """Read world-atlas countries-<scale>.json as a valid coverage (iso_n3, name, geometry)."""
    gdf = gpd.read_file(package / f"countries-{scale}.json", layer="countries")
    gdf = gdf.set_crs(4326)
    gdf = gdf.rename(columns={"id": "iso_n3"})[["iso_n3", "name", "geometry"]]
    gdf["iso_n3"] = gdf["iso_n3"].astype(object).where(gdf["iso_n3"].notna(), None)
    repaired = shapely.make_valid([fix_antimeridian(g) for g in gdf.geometry])
    geoms = np.array([polygonal(g) for g in repaired], dtype=object)
    if not shapely.coverage_is_valid(geoms):
        # 1:110m Sudan has a self-overlapping sliver along South Sudan / CAR.
        geoms = shapely.coverage_clean(geoms, snapping_distance=0.0)
    gdf["geometry"] = geoms
    return gdf[~gdf.geometry.is_empty]


def generalise(
    gdf: gpd.GeoDataFrame, tolerance: float, grid: float, cut: BaseGeometry, inside: bool
) -> gpd.GeoDataFrame:
    """Simplify as a coverage, then keep the part inside (or outside) `cut`, snap to grid.

    Simplifying before cutting keeps the cut edges straight, so that the region and the
    world layer meet exactly along the region box.
    """
    simplified = gdf.geometry.simplify_coverage(tolerance).values
    pieces = (
        shapely.intersection(simplified, cut) if inside else shapely.difference(simplified, cut)
    )
    snapped = shapely.set_precision(pieces, grid)
    gdf = gdf.assign(geometry=[polygonal(g) for g in shapely.orient_polygons(snapped)])
    gdf = gdf[~gdf.geometry.is_empty]
    gdf = gdf.sort_values(["name", "iso_n3"], key=lambda s: s.fillna(""))
    return gdf.reset_index(drop=True)


def derive_region(package: Path) -> gpd.GeoDataFrame:
    """1:50m countries, generalised, inside REGION_BBOX."""
    gdf = load(package, "50m")
    return generalise(gdf, REGION_TOLERANCE, REGION_GRID, shapely.box(*REGION_BBOX), True)


def derive_world(package: Path) -> gpd.GeoDataFrame:
    """1:110m countries of the world, generalised, with REGION_BBOX cut out."""
    gdf = load(package, "110m")
    return generalise(gdf, WORLD_TOLERANCE, WORLD_GRID, shapely.box(*REGION_BBOX), False)


def border(region: gpd.GeoDataFrame, iso_a: str, iso_b: str) -> BaseGeometry:
    """Shared border of two countries of the generalised region layer, merged."""
    a = region.geometry[region["iso_n3"] == iso_a].item()
    b = region.geometry[region["iso_n3"] == iso_b].item()
    shared = a.boundary.intersection(b.boundary)
    segments = [p for p in shapely.get_parts(shared) if p.geom_type == "LineString"]
    lines = list(shapely.get_parts(shapely.line_merge(shapely.MultiLineString(segments))))
    return lines[0] if len(lines) == 1 else shapely.MultiLineString(lines)


def _decimals(grid: float) -> int:
    return max(0, int(np.ceil(-np.log10(grid) - 1e-9)))


def _number(value: float, decimals: int) -> float | int:
    """Round to the grid's decimals; whole numbers as int (shorter, never -0.0)."""
    rounded = round(float(value), decimals)
    return int(rounded) if rounded.is_integer() else rounded


def _round_coords(obj: Any, decimals: int) -> Any:
    if obj and isinstance(obj[0], float | int):
        return [_number(v, decimals) for v in obj]
    return [_round_coords(o, decimals) for o in obj]


def feature(geom: BaseGeometry, properties: dict[str, Any], decimals: int) -> dict[str, Any]:
    """GeoJSON feature with coordinates rounded to `decimals`."""
    mapping = shapely.geometry.mapping(geom)
    return {
        "type": "Feature",
        "properties": properties,
        "geometry": {
            "type": mapping["type"],
            "coordinates": _round_coords(mapping["coordinates"], decimals),
        },
    }


def country_features(gdf: gpd.GeoDataFrame, grid: float) -> list[dict[str, Any]]:
    decimals = _decimals(grid)
    return [
        feature(row.geometry, {"iso_n3": row.iso_n3, "name": row.name}, decimals)
        for row in gdf.itertuples(index=False)
    ]


def write(path: Path, features: list[dict[str, Any]]) -> None:
    """Write a compact, deterministic FeatureCollection."""
    collection = {"type": "FeatureCollection", "features": features}
    text = json.dumps(collection, separators=(",", ":"), ensure_ascii=False)
    path.write_text(text + "\n", encoding="utf-8")
    print(f"{path.name}: {path.stat().st_size / 1000:.1f} kB, {len(features)} features")


def check(
    region: gpd.GeoDataFrame, world: gpd.GeoDataFrame, lines: dict[str, BaseGeometry]
) -> None:
    """Sanity checks: validity, coverage, no Syria/Iraq overlap, border end points."""
    for label, gdf in (("region", region), ("world", world)):
        assert gdf.geometry.is_valid.all(), f"{label}: invalid geometry"
        invalid = shapely.coverage_invalid_edges(gdf.geometry.values)
        bad = [n for n, e in zip(gdf["name"], invalid, strict=True) if not e.is_empty]
        assert not bad, f"{label}: coverage broken at {', '.join(bad)}"
    box = shapely.box(*REGION_BBOX)
    assert shapely.union_all(region.geometry).difference(box).area == 0, "region leaves the box"
    assert shapely.union_all(world.geometry).intersection(box).area == 0, "world enters the box"
    print("all geometries valid, coverages valid, region and world do not overlap")
    syria = region.geometry[region["iso_n3"] == ISO_SYRIA].item()
    iraq = region.geometry[region["iso_n3"] == ISO_IRAQ].item()
    overlap = syria.intersection(iraq).area
    print(f"Syria/Iraq overlap: {overlap} deg²")
    assert overlap < 1e-9
    for key, line in lines.items():
        assert line.is_valid and not line.is_empty
        coords = [c for part in shapely.get_parts(line) for c in part.coords]
        ends = "; ".join(f"{y:.3f}N {x:.3f}E" for x, y in (coords[0], coords[-1]))
        print(f"{key}: {line.geom_type}, ends {ends}")


def main(package: Path) -> None:
    region = derive_region(package)
    world = derive_world(package)
    lines = {key: border(region, a, b) for key, a, b in BORDERS}
    check(region, world, lines)

    write(OUT_DIR / "region.geojson", country_features(region, REGION_GRID))
    write(OUT_DIR / "world.geojson", country_features(world, WORLD_GRID))

    decimals = _decimals(REGION_GRID)
    border_features = []
    for key, line in lines.items():
        length_km = round(GEOD.geometry_length(line) / 1000)
        print(f"{key}: {length_km} km")
        border_features.append(feature(line, {"id": key, "length_km": length_km}, decimals))
    write(OUT_DIR / "borders.geojson", border_features)

    story = region[region["iso_n3"].isin([ISO_SYRIA, ISO_IRAQ])]
    write(OUT_DIR / "countries-story.geojson", country_features(story, REGION_GRID))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python geodata/basemap/derive.py <path to unpacked world-atlas package>")
    main(Path(sys.argv[1]))
