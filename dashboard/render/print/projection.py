"""The print map's projection and frame: shared by the map, its close-up and its locator.

Each image is drawn in an equal-area projection centred on its own view, so that
distances (the scale bar) are true near the middle, whichever continent it shows.
"""

from __future__ import annotations

import geopandas as gpd
from shapely.geometry import box

from dashboard.core.geometry import is_large_area
from dashboard.core.i18n import Lang
from dashboard.core.model import Story

Extent = tuple[float, float, float, float]  # x0, y0, x1, y1 in the projection's metres


def local_crs(lon: float, lat: float) -> str:
    """An equal-area projection centred on the map: distances true near the centre."""
    return f"+proj=laea +lat_0={lat:.4f} +lon_0={lon:.4f} +datum=WGS84 +units=m +no_defs"


def projected_extent(west: float, south: float, east: float, north: float, crs: str):
    """The bounds, in `crs`, of a box given in degrees."""
    return gpd.GeoSeries([box(west, south, east, north)], crs=4326).to_crs(crs).total_bounds


def degree_bounds(extent, crs: str):
    """The bounds, in degrees (west, south, east, north), of an extent in `crs`."""
    return gpd.GeoSeries([box(*extent)], crs=crs).to_crs(4326).total_bounds


def fill_frame(extent, aspect: float) -> Extent:
    """Widen the view to the frame's aspect (width / height) around the same centre."""
    x0, y0, x1, y1 = extent
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    half_w, half_h = (x1 - x0) / 2, (y1 - y0) / 2
    if half_w / half_h < aspect:
        half_w = half_h * aspect
    else:
        half_h = half_w / aspect
    return cx - half_w, cy - half_h, cx + half_w, cy + half_h


def clean_axes(ax) -> None:
    """A map frame: no ticks, no axis labels (geopandas would name the CRS's axes)."""
    ax.set_xticks([])
    ax.set_yticks([])
    ax.xaxis.set_visible(False)
    ax.yaxis.set_visible(False)


def story_frame(story: Story, lang: Lang) -> gpd.GeoDataFrame:
    """The story's features as a table in degrees, with what drawing them depends on."""
    rows = [
        {
            "id": f.id,
            "kind": f.kind,
            "name": f.name[lang],
            "labelled": f.labelled,
            "distant": f.distant,
            "hindsight": f.hindsight,
            "estimate": f.estimate,
            "large": is_large_area(f),
            "lonlat": f.geometry.representative_point(),
            "geometry": f.geometry,
        }
        for f in story.features
    ]
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=4326)
