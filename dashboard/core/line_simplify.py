"""Douglas-Peucker simplification in bounded time and stack, for drawing.

GEOS simplifies a line by recursion over its vertices: on a line whose vertices all stand
out by the same amount (a zigzag, a noisy digitised front line) each step peels off one
vertex, so the work grows with the square of the vertices and the recursion can overflow
the C stack and end the process. Cutting long lines and rings into pieces of at most
`PIECE_VERTICES` vertices (neighbours sharing their end vertex) bounds both: the work is
linear in the vertices, and every kept vertex still lies within the tolerance of the
original line, as Douglas-Peucker promises. The pieces' ends are kept, a few vertices
more than one pass over the whole line would keep.
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import (
    GeometryCollection,
    LinearRing,
    LineString,
    MultiLineString,
    MultiPoint,
    MultiPolygon,
    Point,
    Polygon,
)
from shapely.geometry.base import BaseGeometry

PIECE_VERTICES = 256


def _simplified_path(coordinates: np.ndarray, tolerance: float) -> np.ndarray:
    """The vertices of one path (a line or a closed ring), simplified piece by piece."""
    count = len(coordinates)
    starts = range(0, count - 1, PIECE_VERTICES)
    pieces = [shapely.linestrings(coordinates[s : s + PIECE_VERTICES + 1]) for s in starts]
    kept = shapely.get_coordinates(
        shapely.simplify(np.array(pieces, dtype=object), tolerance, preserve_topology=False),
        return_index=True,
    )
    points, piece_of = kept
    # each piece after the first starts where the one before ended: drop that repeat
    first_of_piece = np.r_[True, piece_of[1:] != piece_of[:-1]]
    repeat = first_of_piece & (piece_of > 0)
    return points[~repeat]


def _simplified(geometry: BaseGeometry, tolerance: float) -> BaseGeometry:
    if isinstance(geometry, Point | MultiPoint):
        return geometry  # nothing to simplify
    if isinstance(geometry, LineString | LinearRing):
        path = _simplified_path(shapely.get_coordinates(geometry), tolerance)
        return LineString(path) if len(path) >= 2 else LineString()
    if isinstance(geometry, Polygon):
        shell = _simplified_path(shapely.get_coordinates(geometry.exterior), tolerance)
        if len(shell) < 4:
            return Polygon()
        holes = [
            _simplified_path(shapely.get_coordinates(ring), tolerance)
            for ring in geometry.interiors
        ]
        return Polygon(shell, [hole for hole in holes if len(hole) >= 4])
    parts = [_simplified(part, tolerance) for part in shapely.get_parts(geometry)]
    parts = [part for part in parts if not part.is_empty]
    if isinstance(geometry, MultiLineString):
        return MultiLineString(parts)
    if isinstance(geometry, MultiPolygon):
        return MultiPolygon(parts)
    return GeometryCollection(parts)


def simplify_for_drawing(geometries: np.ndarray, tolerance: float) -> np.ndarray:
    """`shapely.simplify(geometries, tolerance, preserve_topology=False)`, with long
    lines and rings done piecewise: linear time, no deep recursion."""
    long = shapely.get_num_coordinates(geometries) > PIECE_VERTICES
    out = np.array(geometries, dtype=object, copy=True)
    out[~long] = shapely.simplify(out[~long], tolerance, preserve_topology=False)
    for index in np.flatnonzero(long):
        out[index] = _simplified(geometries[index], tolerance)
    return out
