"""Derive the offline base map from Natural Earth, as packaged by npm world-atlas 2.0.2.

Usage: python geodata/basemap/derive.py /tmp/wa/package

Writes the world's countries at three scales next to this script: world.geojson
(1:110m), countries-50m.geojson.gz and 10m/ (1:10m in cells of 10 by 10 degrees, one
file each, so that a map reads only the cells its views need); a map takes from each
only what its views need (dashboard/reader/base_ground.py). Also borders.geojson
(Turkey-Syria and Syria-Iraq border lines) and countries-story.geojson (Syria and Iraq),
both from the 1:50m layer. See README.md.
"""

from __future__ import annotations

import gzip
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

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from dashboard.reader.basemap import CELL_DEG, CELL_DIR, cell_name

OUT_DIR = Path(__file__).resolve().parent

# Generalisation per scale, in degrees: coverage-simplification tolerance and precision
# grid. 1:110m is seen only from afar (world zooms, the locator inset); 1:50m serves a
# country or a region; 1:10m a province and closer, two pixels at zoom 10.
SCALES = {
    "110m": (0.75, 0.1),
    "50m": (0.025, 0.005),
    "10m": (0.0025, 0.001),
}
OUT_FILES = {"110m": "world.geojson", "50m": "countries-50m.geojson.gz"}
# 1:10m is cut into cells (CELL_DEG, named by cell_name, in CELL_DIR, as the map reads
# them): the whole of it takes seconds to read, a story needs a few cells.

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
    # make_valid may give a collection holding a MultiPolygon (1:10m Spain): parts of parts
    parts = shapely.get_parts(shapely.get_parts(geom))
    polys = [p for p in parts if p.geom_type == "Polygon" and not p.is_empty]
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


def generalise(gdf: gpd.GeoDataFrame, tolerance: float, grid: float) -> gpd.GeoDataFrame:
    """Simplify as a coverage (shared borders stay identical), snap to the grid."""
    simplified = gdf.geometry.simplify_coverage(tolerance).values
    snapped = shapely.set_precision(simplified, grid)
    if not shapely.coverage_is_valid(snapped):
        # Snapping each polygon on its own can leave a sliver between neighbours
        # (1:10m Belarus and Russia): cleaned as a coverage, then snapped once more.
        cleaned = shapely.coverage_clean(snapped, snapping_distance=0.0)
        snapped = shapely.set_precision(cleaned, grid)
    gdf = gdf.assign(geometry=[polygonal(g) for g in shapely.orient_polygons(snapped)])
    gdf = gdf[~gdf.geometry.is_empty]
    gdf = gdf.sort_values(["name", "iso_n3"], key=lambda s: s.fillna(""))
    return gdf.reset_index(drop=True)


def derive(package: Path, scale: str) -> gpd.GeoDataFrame:
    """The world's countries at one scale, generalised."""
    tolerance, grid = SCALES[scale]
    return generalise(load(package, scale), tolerance, grid)


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


def write(path: Path, features: list[dict[str, Any]], report: bool = True) -> None:
    """Write a compact, deterministic FeatureCollection (gzip-compressed for .gz, with no
    time stamp, so that a rerun writes the same bytes)."""
    collection = {"type": "FeatureCollection", "features": features}
    text = json.dumps(collection, separators=(",", ":"), ensure_ascii=False) + "\n"
    if path.suffix == ".gz":
        path.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    else:
        path.write_text(text, encoding="utf-8")
    if report:
        print(f"{path.name}: {path.stat().st_size / 1000:.1f} kB, {len(features)} features")


def write_cells(gdf: gpd.GeoDataFrame, grid: float) -> None:
    """Each country's pieces in each cell of CELL_DEG degrees, one file per cell with
    land. A map joins a country's pieces of neighbouring cells again."""
    folder = OUT_DIR / CELL_DIR
    folder.mkdir(exist_ok=True)
    for old in folder.glob("*.geojson.gz"):
        old.unlink()
    tree = shapely.STRtree(gdf.geometry.values)
    decimals = _decimals(grid)
    written = 0
    for west in range(-180, 180, CELL_DEG):
        for south in range(-90, 90, CELL_DEG):
            cell = shapely.box(west, south, west + CELL_DEG, south + CELL_DEG)
            features = []
            for index in sorted(tree.query(cell, predicate="intersects")):
                row = gdf.iloc[index]
                # snapped again: the cut's new vertices are off the grid
                piece = shapely.set_precision(row.geometry.intersection(cell), grid)
                piece = polygonal(shapely.orient_polygons(piece))
                if not piece.is_empty:
                    properties = {"iso_n3": row.iso_n3, "name": row["name"]}
                    features.append(feature(piece, properties, decimals))
            if features:
                write(folder / cell_name(west, south), features, report=False)
                written += 1
    size = sum(p.stat().st_size for p in folder.glob("*.geojson.gz"))
    print(f"{CELL_DIR}/: {written} cells, {size / 1000:.1f} kB")


def check(layers: dict[str, gpd.GeoDataFrame], lines: dict[str, BaseGeometry]) -> None:
    """Sanity checks: validity, coverage, no Syria/Iraq overlap, border end points."""
    for label, gdf in layers.items():
        assert gdf.geometry.is_valid.all(), f"{label}: invalid geometry"
        invalid = shapely.coverage_invalid_edges(gdf.geometry.values)
        bad = [n for n, e in zip(gdf["name"], invalid, strict=True) if not e.is_empty]
        assert not bad, f"{label}: coverage broken at {', '.join(bad)}"
    print("all geometries valid, coverages valid")
    region = layers["50m"]
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
    layers = {scale: derive(package, scale) for scale in SCALES}
    region = layers["50m"]
    lines = {key: border(region, a, b) for key, a, b in BORDERS}
    check(layers, lines)

    for scale, name in OUT_FILES.items():
        write(OUT_DIR / name, country_features(layers[scale], SCALES[scale][1]))
    write_cells(layers["10m"], SCALES["10m"][1])

    region_grid = SCALES["50m"][1]
    decimals = _decimals(region_grid)
    border_features = []
    for key, line in lines.items():
        length_km = round(GEOD.geometry_length(line) / 1000)
        print(f"{key}: {length_km} km")
        border_features.append(feature(line, {"id": key, "length_km": length_km}, decimals))
    write(OUT_DIR / "borders.geojson", border_features)

    story = region[region["iso_n3"].isin([ISO_SYRIA, ISO_IRAQ])]
    write(OUT_DIR / "countries-story.geojson", country_features(story, region_grid))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python geodata/basemap/derive.py <path to unpacked world-atlas package>")
    main(Path(sys.argv[1]))
