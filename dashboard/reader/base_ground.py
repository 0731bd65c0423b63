"""The base map a story's frames need: land and country outlines at each frame's scale.

The world's countries come at three scales (`geodata/basemap/`): 1:10m around the frames
of a province or closer, 1:50m around every frame with a wide margin (what a reader
zooming out sees), and 1:110m for the rest of the world (the world zooms, the locator
inset). The three are cut from each other along boxes, so they never overlap; a map
leaves out the outline seams that lie on the boxes' edges. Computed once per set of
frames.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Sequence
from functools import cache
from typing import Any

import shapely
from shapely.geometry import box
from shapely.geometry.base import BaseGeometry

from dashboard.core.model import Story
from dashboard.reader.basemap import CELL_DEG, basemap_geometries, fine_cell
from dashboard.reader.context import TOWNS_PER_VIEW, Frame, story_frames

# Finest first: a frame takes the finest scale its zoom is made for.
SCALES = ("10m", "50m", "110m")
# From this zoom (a view about 200 km across) a frame gets 1:10m: 1:50m, simplified to
# 2.5 km, would be five pixels off.
FINE_FROM_ZOOM = 7.5
# Around a frame, what a reader panning or zooming out a little sees, in the frame's
# own scale: half its size each side, at least this much (degrees).
FINE_MARGIN = 0.5
FINE_MIN_MARGIN_DEG = 0.3
# Around every view, 1:50m as far as a reader zooming out sees more than a blur; less
# around a place's close-up (a timeline's step abroad), seen from its region.
MID_MARGIN_DEG = 8.0
PLACE_MID_MARGIN_DEG = 3.0
# Below this zoom (a continent), 1:110m is enough: for an image of that scale, or an inset.
MID_FROM_ZOOM = 3.5
# Box edges lie on half degrees shifted by this much: no coastline or border of the data
# runs exactly along such a line, so a seam cannot hide a real outline.
EDGE_SHIFT_DEG = 0.025
COORDINATE_DIGITS = 3
CACHE_SIZE = 32


@cache
def _countries(scale: str) -> tuple[shapely.STRtree, tuple[BaseGeometry, ...]]:
    """One whole scale's country polygons and their index, read once per process."""
    geometries = basemap_geometries(scale)
    return shapely.STRtree(geometries), geometries


def _fine_countries(area: BaseGeometry) -> list[BaseGeometry]:
    """The 1:10m countries inside `area`, from the cells it touches: each country's
    pieces cut to the area, those of neighbouring cells joined again."""
    west, south, east, north = area.bounds
    pieces: dict[str, list[BaseGeometry]] = {}
    for x in range(math.floor(west / CELL_DEG) * CELL_DEG, math.ceil(east), CELL_DEG):
        for y in range(math.floor(south / CELL_DEG) * CELL_DEG, math.ceil(north), CELL_DEG):
            if not area.intersects(box(x, y, x + CELL_DEG, y + CELL_DEG)):
                continue
            for key, piece in fine_cell(x, y):
                if not area.contains(piece):
                    piece = piece.intersection(area)
                if not piece.is_empty:
                    pieces.setdefault(key, []).append(piece)
    joined = [p[0] if len(p) == 1 else shapely.union_all(p) for p in pieces.values()]
    return [g for g in (_polygonal(j) for j in joined) if g is not None]


def _edge(value: float, outward: int, low: float, high: float) -> float:
    """A box edge on the half-degree grid (shifted by EDGE_SHIFT_DEG), outward of `value`."""
    if outward < 0:
        edge = math.floor(value * 2) / 2 - EDGE_SHIFT_DEG
    else:
        edge = math.ceil(value * 2) / 2 + EDGE_SHIFT_DEG
    return round(min(max(edge, low), high), COORDINATE_DIGITS)


def _grown(
    bounds: tuple[float, float, float, float], factor: float, at_least: float
) -> BaseGeometry:
    west, south, east, north = bounds
    dx = max((east - west) * factor, at_least)
    dy = max((north - south) * factor, at_least)
    return box(
        _edge(west - dx, -1, -180, 180),
        _edge(south - dy, -1, -90, 90),
        _edge(east + dx, 1, -180, 180),
        _edge(north + dy, 1, -90, 90),
    )


def scale_areas(frames: Sequence[Frame]) -> dict[str, BaseGeometry]:
    """Where each scale is drawn: unions of boxes, no two overlapping; 1:110m is the
    whole world but for the other two."""
    fine = shapely.union_all(
        [
            _grown(f.box, FINE_MARGIN, FINE_MIN_MARGIN_DEG)
            for f in frames
            if f.zoom >= FINE_FROM_ZOOM
        ]
    )
    mid = shapely.union_all(
        [
            _grown(
                f.box, 0.0, MID_MARGIN_DEG if f.towns == TOWNS_PER_VIEW else PLACE_MID_MARGIN_DEG
            )
            for f in frames
        ]
    )
    mid = mid.union(fine)
    return {
        "10m": fine,
        "50m": mid.difference(fine),
        "110m": box(-180, -90, 180, 90).difference(mid),
    }


def scale_for_zoom(zoom: float) -> str:
    """The scale whose data is made for a map of this zoom."""
    if zoom >= FINE_FROM_ZOOM:
        return "10m"
    return "50m" if zoom >= MID_FROM_ZOOM else "110m"


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        rounded = round(value, COORDINATE_DIGITS)
        return int(rounded) if rounded.is_integer() else rounded
    return [_rounded(v) for v in value]


def _multipolygon(geometries: list[BaseGeometry]) -> dict[str, Any]:
    """All of a scale's pieces as one GeoJSON MultiPolygon: a map draws them alike, and
    one geometry spares a feature's wrapping per country."""
    polygons = [
        _rounded(p.__geo_interface__["coordinates"])
        for g in geometries
        for p in shapely.get_parts(g)
    ]
    return {"type": "MultiPolygon", "coordinates": polygons}


def _polygonal(geometry: BaseGeometry) -> BaseGeometry | None:
    polygons = [p for p in shapely.get_parts(geometry) if p.geom_type == "Polygon"]
    if not polygons:
        return None
    return polygons[0] if len(polygons) == 1 else shapely.MultiPolygon(polygons)


def clipped_countries(scale: str, area: BaseGeometry) -> list[BaseGeometry]:
    """The countries of one scale inside `area`, cut along it."""
    if area.is_empty:
        return []
    if scale == "10m":
        return _fine_countries(area)
    tree, geometries = _countries(scale)
    out = []
    for index in sorted(tree.query(area, predicate="intersects")):
        geometry = geometries[index]
        if not area.contains(geometry):
            geometry = _polygonal(geometry.intersection(area))
        if geometry is not None and not geometry.is_empty:
            out.append(geometry)
    return out


def _seams(areas: dict[str, BaseGeometry]) -> dict[str, list[float]]:
    """The longitudes and latitudes of the boxes' edges, where outlines are seams."""
    xs: set[float] = set()
    ys: set[float] = set()
    for scale in ("10m", "50m"):
        for part in shapely.get_parts(areas[scale]):
            for ring in [part.exterior, *part.interiors]:
                for x, y in ring.coords:
                    xs.add(round(x, COORDINATE_DIGITS))
                    ys.add(round(y, COORDINATE_DIGITS))
    return {"x": sorted(xs), "y": sorted(ys)}


_CACHE: OrderedDict[tuple, dict[str, Any]] = OrderedDict()


def base_payload(story: Story) -> dict[str, Any]:
    """What a web map draws as its ground: each scale's countries cut to its area, as
    GeoJSON MultiPolygons (`layers`, coarsest first), and the seams to leave unstroked.
    Computed once per set of frames."""
    frames = story_frames(story)
    key = tuple(frames)
    if key in _CACHE:
        _CACHE.move_to_end(key)
        return _CACHE[key]
    areas = scale_areas(frames)
    payload = {
        "layers": [_multipolygon(clipped_countries(s, areas[s])) for s in reversed(SCALES)],
        "seams": _seams(areas),
    }
    _CACHE[key] = payload
    if len(_CACHE) > CACHE_SIZE:
        _CACHE.popitem(last=False)
    return payload


def ground_around(bounds: tuple[float, float, float, float]) -> list[dict[str, Any]]:
    """The ground of a map around `bounds` (west, south, east, north), for a reviewer's
    map: 1:50m with a wide margin, 1:110m beyond, as two GeoJSON MultiPolygons."""
    near = _grown(bounds, 0.0, MID_MARGIN_DEG)
    areas = {"50m": near, "110m": box(-180, -90, 180, 90).difference(near)}
    return [_multipolygon(clipped_countries(s, areas[s])) for s in ("110m", "50m")]
