"""A tiny PMTiles archive of vector tiles around one place, as a newsroom's own street
extract would be (Protomaps basemap layer names and kinds): a road, a building and the
place's name, for the tiles around it at every zoom up to `MAX_ZOOM`."""

from __future__ import annotations

import gzip
import io
import math

import mapbox_vector_tile
import shapely
from pmtiles.tile import Compression, TileType, zxy_to_tileid
from pmtiles.writer import Writer
from shapely.geometry import LineString, Point, box
from shapely.geometry.base import BaseGeometry

MAX_ZOOM = 15
EXTENT = 4096
# The road runs east-west this far south of the place (degrees), so that its line and
# the place's name never fall on the same pixels.
ROAD_OFFSET = 0.002
ROAD_HALF_LENGTH = 0.03


def _tile_position(lon: float, lat: float, zoom: int) -> tuple[float, float]:
    """Web Mercator tile coordinates (fractional) of a point at `zoom`."""
    n = 2**zoom
    y = (1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n
    return (lon + 180) / 360 * n, y


def road(lon: float, lat: float) -> LineString:
    """The road of the archive, in degrees: what a test looks for on the map."""
    south = lat - ROAD_OFFSET
    return LineString([(lon - ROAD_HALF_LENGTH, south), (lon + ROAD_HALF_LENGTH, south)])


def _layers(lon: float, lat: float, name: str) -> dict[str, list[tuple[BaseGeometry, dict]]]:
    building = box(lon + 0.003, lat + 0.001, lon + 0.0036, lat + 0.0015)
    return {
        "roads": [(road(lon, lat), {"kind": "highway", "name": "Test Highway"})],
        "buildings": [(building, {"kind": "building"})],
        "places": [(Point(lon, lat), {"kind": "locality", "name": name, "min_zoom": 1})],
    }


def _tile(layers: dict, zoom: int, x: int, y: int) -> bytes | None:
    """The tile's MVT bytes, or None where no feature reaches it (an archive has no
    empty tiles: their zero-length range is one no server can answer)."""

    def local(coords):
        positions = [_tile_position(lon, lat, zoom) for lon, lat in coords]
        return [((px - x) * EXTENT, (py - y) * EXTENT) for px, py in positions]

    margin = EXTENT / 16
    frame = box(-margin, -margin, EXTENT + margin, EXTENT + margin)
    encoded = []
    for layer, features in layers.items():
        shapes = [(shapely.transform(g, local).intersection(frame), p) for g, p in features]
        kept = [{"geometry": g, "properties": p} for g, p in shapes if not g.is_empty]
        if kept:
            encoded.append({"name": layer, "features": kept})
    if not encoded:
        return None
    # gzip-compressed, as in a Protomaps basemap extract (the browser inflates them)
    return gzip.compress(
        mapbox_vector_tile.encode(
            encoded, default_options={"y_coord_down": True, "extents": EXTENT}
        ),
        mtime=0,
    )


def street_archive(lon: float, lat: float, name: str) -> bytes:
    """The archive's bytes: the 3x3 tiles around the place at zooms 0 to `MAX_ZOOM`."""
    layers = _layers(lon, lat, name)
    tiles = {}
    for zoom in range(MAX_ZOOM + 1):
        cx, cy = (int(v) for v in _tile_position(lon, lat, zoom))
        for x in range(max(cx - 1, 0), min(cx + 2, 2**zoom)):
            for y in range(max(cy - 1, 0), min(cy + 2, 2**zoom)):
                tile = _tile(layers, zoom, x, y)
                if tile is not None:
                    tiles[zxy_to_tileid(zoom, x, y)] = tile
    out = io.BytesIO()
    writer = Writer(out)
    for tile_id in sorted(tiles):
        writer.write_tile(tile_id, tiles[tile_id])
    e7 = 10_000_000
    writer.finalize(
        {
            "tile_type": TileType.MVT,
            "tile_compression": Compression.GZIP,
            "min_zoom": 0,
            "max_zoom": MAX_ZOOM,
            "min_lon_e7": int((lon - 1) * e7),
            "min_lat_e7": int((lat - 1) * e7),
            "max_lon_e7": int((lon + 1) * e7),
            "max_lat_e7": int((lat + 1) * e7),
            "center_zoom": 13,
            "center_lon_e7": int(lon * e7),
            "center_lat_e7": int(lat * e7),
        },
        {
            "name": "test streets",
            "vector_layers": [
                {"id": layer, "fields": {}} for layer in ("roads", "buildings", "places")
            ],
        },
    )
    return out.getvalue()
