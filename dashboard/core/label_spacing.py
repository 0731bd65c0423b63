"""From which zoom each key place's label keeps its distance to the labels before it.

A label waits for the zoom at which every earlier label lies at least `spacing_px` screen
pixels away (measured geodesically, in metres, at the place's latitude). Comparing every
pair is quadratic: 4,900 places meant 12 million geodesic calls. Instead each zoom has a
grid of Web Mercator cells `spacing_px` pixels wide, so a place only looks at the earlier
places in the cells around it, and a binary search over the zooms finds the first zoom
at which none of them is too close. The result is the pairwise one, exactly.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable

from dashboard.core.geometry import GEOD, WEB_MERCATOR_M_PER_PX_Z0

MERCATOR_MAX_LAT = 85.0511
METRES_PER_DEGREE_LAT_MIN = 110_500.0  # the shortest degree of latitude, at the equator
# Sphere and ellipsoid differ by well under 1 %; the searched neighbourhood is that much
# wider than needed so that no close place is missed.
SEARCH_MARGIN = 1.02

Cell = tuple[int, int]
Place = tuple[float, float]  # lon, lat


def mercator_px_z0(lon: float, lat: float) -> tuple[float, float]:
    """World pixel of a point at zoom 0 (256 px around the world)."""
    lat = max(-MERCATOR_MAX_LAT, min(MERCATOR_MAX_LAT, lat))
    x = (lon + 180.0) / 360.0 * 256.0
    sin = math.sin(math.radians(lat))
    y = (0.5 - math.log((1 + sin) / (1 - sin)) / (4 * math.pi)) * 256.0
    return x, y


def needed_zoom(place: Place, other: Place, spacing_px: float) -> int:
    """The zoom from which `other` is `spacing_px` screen pixels from `place` (may be < 0)."""
    _, _, metres = GEOD.inv(place[0], place[1], other[0], other[1])
    metres_per_px_z0 = WEB_MERCATOR_M_PER_PX_Z0 * math.cos(math.radians(place[1]))
    return math.ceil(math.log2(spacing_px * metres_per_px_z0 / max(metres, 1.0)))


class _ZoomGrid:
    """Earlier places in Web Mercator cells of `spacing_px` pixels at one zoom."""

    def __init__(self, zoom: int, spacing_px: float) -> None:
        self.zoom = zoom
        self.cell_px_z0 = spacing_px / 2**zoom
        self.columns = max(1, math.ceil(256.0 / self.cell_px_z0))
        self.spacing_px = spacing_px
        self.cells: dict[Cell, list[Place]] = defaultdict(list)

    def cell(self, x: float, y: float) -> Cell:
        return int(x // self.cell_px_z0) % self.columns, int(y // self.cell_px_z0)

    def add(self, place: Place, x: float, y: float) -> None:
        self.cells[self.cell(x, y)].append(place)

    def reach_cells(self, place: Place) -> int:
        """How many cells away a place closer than the spacing can lie: a ground distance
        d spans up to d / cos(lat) Mercator metres, at the highest latitude within d."""
        metres = self.spacing_px * WEB_MERCATOR_M_PER_PX_Z0 * math.cos(math.radians(place[1]))
        metres /= 2**self.zoom
        reach_lat = min(abs(place[1]) + metres / METRES_PER_DEGREE_LAT_MIN, MERCATOR_MAX_LAT)
        stretch = math.cos(math.radians(place[1])) / math.cos(math.radians(reach_lat))
        return math.ceil(stretch * SEARCH_MARGIN)

    def nearby(self, place: Place, x: float, y: float) -> Iterable[Place]:
        column, row = self.cell(x, y)
        reach = self.reach_cells(place)
        columns = range(column - reach, column + reach + 1)
        if 2 * reach + 1 >= self.columns:
            columns = range(self.columns)
        for c in {c % self.columns for c in columns}:
            for r in range(row - reach, row + reach + 1):
                yield from self.cells.get((c, r), ())

    def clear_of(self, place: Place, x: float, y: float) -> bool:
        """No earlier place is too close to `place` at this zoom."""
        return all(
            needed_zoom(place, other, self.spacing_px) <= self.zoom
            for other in self.nearby(place, x, y)
        )


def label_min_zooms(places: list[Place], spacing_px: float, max_zoom: int) -> list[int]:
    """For each place in order, the lowest zoom (0..max_zoom) at which it keeps
    `spacing_px` to every place before it; `max_zoom` if none does."""
    grids = [_ZoomGrid(zoom, spacing_px) for zoom in range(max_zoom + 1)]
    zooms = []
    for place in places:
        x, y = mercator_px_z0(*place)
        low, high = 0, max_zoom  # the answer lies in [low, high]; being clear is monotone
        while low < high:
            middle = (low + high) // 2
            if grids[middle].clear_of(place, x, y):
                high = middle
            else:
                low = middle + 1
        zooms.append(low)
        for grid in grids:
            grid.add(place, x, y)
    return zooms
