"""The offline base map: Natural Earth country outlines derived into `geodata/basemap/`.

Two layers: `region` (1:50m, eastern Mediterranean to Iran) and `world` (1:110m with the
region cut out), so that far-away places have context without the weight of detail.
See `geodata/basemap/README.md` for how the files were made.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dashboard.core.resources import BASEMAP_DIR

if TYPE_CHECKING:
    import geopandas as gpd

LAYER_FILES = {"world": "world.geojson", "region": "region.geojson"}
BORDERS_FILE = "borders.geojson"
CREDIT = "Natural Earth"
# The detailed region layer covers this box (west, south, east, north); the world layer
# has it cut out. Must match REGION_BBOX in geodata/basemap/derive.py.
REGION_BOX = (24.0, 22.0, 64.0, 44.0)


@cache
def basemap_geojson(layer: str, folder: Path = BASEMAP_DIR) -> dict[str, Any]:
    """One base layer as a GeoJSON dict, read once per process."""
    return json.loads((folder / LAYER_FILES[layer]).read_text("utf-8"))


@cache
def basemap_shapes(layer: str, folder: Path = BASEMAP_DIR) -> dict[str, Any]:
    """One base layer with geometry only: what a map draws, in fewer bytes."""
    collection = basemap_geojson(layer, folder)
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {}, "geometry": f["geometry"]}
            for f in collection["features"]
        ],
    }


def basemap_frame(layer: str, folder: Path = BASEMAP_DIR) -> gpd.GeoDataFrame:
    """One base layer as a GeoDataFrame in WGS84 (for static images and checks)."""
    import geopandas as gpd  # here: the GeoJSON readers above must not pay for it

    return gpd.read_file(folder / LAYER_FILES[layer]).set_crs(4326, allow_override=True)


def borders_frame(folder: Path = BASEMAP_DIR) -> gpd.GeoDataFrame:
    """Shared borders derived from the region layer (id, length_km)."""
    import geopandas as gpd

    return gpd.read_file(folder / BORDERS_FILE).set_crs(4326, allow_override=True)
