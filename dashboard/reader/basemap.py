"""The offline base map: Natural Earth country outlines derived into `geodata/basemap/`.

The world's countries at three scales: `110m` (world zooms), `50m` (a country, a region)
and `10m` (a province and closer, in cells of 10 by 10 degrees: the whole of it takes
seconds to read). A map takes from each only what its views need
(`dashboard/reader/base_ground.py`). See `geodata/basemap/README.md` for how the files
were made.
"""

from __future__ import annotations

import gzip
import json
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shapely
from shapely.geometry.base import BaseGeometry

from dashboard.core.resources import BASEMAP_DIR

if TYPE_CHECKING:
    import geopandas as gpd

LAYER_FILES = {"110m": "world.geojson", "50m": "countries-50m.geojson.gz"}
# Must match CELL_DEG and CELL_DIR in geodata/basemap/derive.py.
CELL_DEG = 10
CELL_DIR = "10m"
CELL_CACHE_SIZE = 64
BORDERS_FILE = "borders.geojson"
CREDIT = "Natural Earth"


def _text(path: Path) -> str:
    if path.suffix == ".gz":
        return gzip.decompress(path.read_bytes()).decode("utf-8")
    return path.read_text("utf-8")


@cache
def basemap_geojson(layer: str, folder: Path = BASEMAP_DIR) -> dict[str, Any]:
    """One whole base layer as a GeoJSON dict, read once per process."""
    return json.loads(_text(folder / LAYER_FILES[layer]))


@cache
def basemap_geometries(layer: str, folder: Path = BASEMAP_DIR) -> tuple[BaseGeometry, ...]:
    """One whole base layer's country polygons in the file's order, read once per process
    (by GEOS's own GeoJSON reader: several times faster than shapes made in Python)."""
    collection = shapely.from_geojson(_text(folder / LAYER_FILES[layer]))
    return tuple(shapely.get_parts(collection))


def cell_name(west: int, south: int) -> str:
    """File name of the 1:10m cell whose south-west corner this is: `e010n40.geojson.gz`."""
    ew = "e" if west >= 0 else "w"
    ns = "n" if south >= 0 else "s"
    return f"{ew}{abs(west):03d}{ns}{abs(south):02d}.geojson.gz"


@lru_cache(maxsize=CELL_CACHE_SIZE)
def fine_cell(
    west: int, south: int, folder: Path = BASEMAP_DIR
) -> tuple[tuple[str, BaseGeometry], ...]:
    """The 1:10m countries' pieces in one cell, each with its country's key (ISO numeric
    code, else name); nothing for a cell without land."""
    path = folder / CELL_DIR / cell_name(west, south)
    if not path.exists():
        return ()
    text = _text(path)
    keys = [
        f["properties"]["iso_n3"] or f["properties"]["name"] for f in json.loads(text)["features"]
    ]
    pieces = shapely.get_parts(shapely.from_geojson(text))
    return tuple(zip(keys, pieces, strict=True))


def basemap_frame(layer: str, folder: Path = BASEMAP_DIR) -> gpd.GeoDataFrame:
    """One base layer as a GeoDataFrame in WGS84 (for static images and checks)."""
    import geopandas as gpd  # here: the GeoJSON readers above must not pay for it

    collection = basemap_geojson(layer, folder)
    return gpd.GeoDataFrame.from_features(collection["features"], crs=4326)


def borders_frame(folder: Path = BASEMAP_DIR) -> gpd.GeoDataFrame:
    """Shared borders derived from the region layer (id, length_km)."""
    import geopandas as gpd

    return gpd.read_file(folder / BORDERS_FILE).set_crs(4326, allow_override=True)
