"""Many events on a map: a pyramid of cells, sent instead of the events themselves.

For each zoom, events are binned on a grid of about 40 screen pixels and each cell
carries its number of events and their summed count. The map picks the level for its
zoom on its own, so panning and zooming need no server; the bytes grow with the number
of occupied cells, not with the number of events.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from dashboard.core.geometry import web_mercator_fractions

if TYPE_CHECKING:
    import pandas as pd

PYRAMID_ZOOMS = tuple(range(3, 16))
CELL_PX = 40
# A zoom level with more occupied cells than this is not sent: the map keeps showing
# the finest level it has. This bounds the bytes whatever the number of events.
MAX_CELLS_PER_LEVEL = 6_000


def cell_pyramid(frame: pd.DataFrame) -> dict[str, list[list[float]]]:
    """Per zoom: [[lon, lat, events, summed count], ...], cells of CELL_PX screen pixels.

    A cell's position is the mean position of its events, so a single event sits where
    it happened.
    """
    if frame.empty:
        return {}
    lon, lat = frame["lon"].to_numpy(), frame["lat"].to_numpy()
    counts = frame["count"].to_numpy()
    fx, fy = web_mercator_fractions(lon, lat)
    pyramid: dict[str, list[list[float]]] = {}
    for zoom in PYRAMID_ZOOMS:
        cells_across = 256 * 2**zoom / CELL_PX
        ix = np.floor(fx * cells_across).astype(np.int64)
        iy = np.floor(fy * cells_across).astype(np.int64)
        keys, inverse, events = np.unique(
            ix * (int(cells_across) + 1) + iy, return_inverse=True, return_counts=True
        )
        if len(keys) > MAX_CELLS_PER_LEVEL:
            break
        total = np.bincount(inverse, weights=counts)
        mean_lon = np.bincount(inverse, weights=lon) / events
        mean_lat = np.bincount(inverse, weights=lat) / events
        pyramid[str(zoom)] = [
            [round(float(a), 4), round(float(b), 4), int(n), int(c)]
            for a, b, n, c in zip(mean_lon, mean_lat, events, total, strict=True)
        ]
        if len(keys) == len(frame):
            break  # every event has a cell of its own: finer levels would repeat this one
    return pyramid
