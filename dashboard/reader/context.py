"""The named ground around a story: country, sea, river, lake and town names.

Read from `geodata/context/` (see its README): world-wide layers, each item with the
zooms its data is made for; maps show it only there. A story gets only what its frames
need (its views and its places, with a margin, plus the big names around them), clipped
and simplified for the zoom of each frame, computed once per story. Areas that fill much
of a frame get a label position inside the frame's part of them. Towns at the story's
own places are left out: the story names those itself, in its own (stronger) style.
"""

from __future__ import annotations

import gzip
import json
import math
from collections import OrderedDict
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from shapely.geometry import Point, box, shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import polylabel

from dashboard.core.geometry import WEB_MERCATOR_M_PER_PX_Z0, LonLat
from dashboard.core.i18n import Lang
from dashboard.core.model import Story
from dashboard.core.resources import CONTEXT_DIR
from dashboard.reader.basemap import basemap_geojson, basemap_geometries

CONTEXT_FILE = CONTEXT_DIR / "context.geojson.gz"
PLACES_FILE = CONTEXT_DIR / "places.tsv.gz"
# A context town this close (km) to one of the story's points is the story's own place.
STORY_PLACE_KM = 1.0
CONTEXT_CREDIT = "Natural Earth, GeoNames"
# Around the story's frames, the ground that a reader zooming out sees: big names only.
WIDE_MARGIN_DEG = 12.0
WIDE_MAX_ZOOM = 4.5
# Towns around the frames are chosen for a map of this zoom (one step out of a region).
WIDE_TOWN_ZOOM = 6.0
PLACE_MARGIN_DEG = 4.0
WIDE_SIMPLIFY_DEG = 0.1  # two pixels at zoom 4.5
TOWNS_PER_VIEW = 24
TOWNS_PER_PLACE = 6
TOWNS_WIDE = 30
# A story's point without a view of its own still gets the ground of a town close-up.
PLACE_FRAME_DEG = 0.12
MAX_PLACE_FRAMES = 12  # a story's ground stays small however many places it has
# Of a frame's area, what an area must fill to be named inside the frame.
FILLS_FRAME = 0.04
STORY_CACHE_SIZE = 32
LAKE_MIN_PX = 64  # a lake smaller than 8 by 8 pixels at a frame's zoom is left out
NAME_ROOM_PX = 40  # towns closer than this on screen would fight for the same room
TOWN_MAX_ZOOM = 16  # GeoNames points are good to a few hundred metres
# Lines and areas are drawn up to zoom 9, where a pixel is about 0.003 degrees.
COORDINATE_DIGITS = 3
# From which zoom a town of at least this many people is named: a region's cities first,
# villages (fewer than the last) only in a close-up, from zoom 10.
TOWN_ZOOMS = (
    (5_000_000, 3),
    (1_000_000, 4),
    (300_000, 5),
    (100_000, 6),
    (30_000, 7),
    (10_000, 8),
    (3_000, 9),
)


@dataclass(frozen=True)
class ContextItem:
    layer: str  # country, sea, river, lake, city
    id: str
    name: dict[str, str]
    min_zoom: float
    label_zoom: float
    max_zoom: float
    geometry: BaseGeometry
    anchors: tuple[tuple[float, float], ...]  # label positions (lon, lat), best first
    population: int = 0


@dataclass(frozen=True)
class Frame:
    """A part of the map a reader sees: a view or a place's close-up, at its zoom."""

    box: tuple[float, float, float, float]  # west, south, east, north
    zoom: float
    towns: int

    @property
    def shape(self) -> BaseGeometry:
        return box(*self.box)


@cache
def _countries() -> dict[str, BaseGeometry]:
    """The base map's 1:50m outline of each country (ISO numeric code): where a frame's
    part of it is, to name it there."""
    parts: dict[str, list[BaseGeometry]] = {}
    features = basemap_geojson("50m")["features"]
    for feature, geometry in zip(features, basemap_geometries("50m"), strict=True):
        code = feature["properties"]["iso_n3"]
        if code:
            parts.setdefault(code, []).append(geometry)
    return {code: shapely.union_all(p) for code, p in parts.items()}


@cache
def context_items(path: Path = CONTEXT_FILE) -> tuple[ContextItem, ...]:
    """All areas and lines of the context layers, read once per process (countries with
    the base map's outline as their geometry)."""
    collection = json.loads(gzip.decompress(path.read_bytes()).decode("utf-8"))
    outlines = _countries() if path == CONTEXT_FILE else {}
    items = []
    for feature in collection["features"]:
        p = feature["properties"]
        geometry = shape(feature["geometry"])
        if p["layer"] == "country" and p.get("iso_n3") in outlines:
            geometry = outlines[p["iso_n3"]]
        anchors = p.get("anchors") or []
        if not anchors and p["layer"] == "city":
            anchors = [[geometry.x, geometry.y]]
        items.append(
            ContextItem(
                layer=p["layer"],
                id=p["id"],
                name={"de": p["name_de"], "en": p["name_en"]},
                min_zoom=p["min_zoom"],
                label_zoom=p["label_zoom"],
                max_zoom=p["max_zoom"],
                geometry=geometry,
                anchors=tuple((a[0], a[1]) for a in anchors),
                population=p.get("population", 0),
            )
        )
    return tuple(items)


@cache
def _tree() -> shapely.STRtree:
    # context_items() exactly as story_context calls it: `cache` keys on the arguments
    # as written, and a second key would read the file a second time.
    return shapely.STRtree([item.geometry for item in context_items()])


@dataclass(frozen=True)
class _Places:
    ids: list[str]
    lon: np.ndarray
    lat: np.ndarray
    population: np.ndarray
    names: list[tuple[str, str]]
    zoom: np.ndarray  # from this zoom the town is named


@cache
def _places(path: Path = PLACES_FILE) -> _Places:
    """Towns and villages (GeoNames), largest first, read once per process."""
    ids, lon, lat, population, names = [], [], [], [], []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#"):
                continue
            place_id, x, y, people, name_de, name_en = line.rstrip("\n").split("\t")
            ids.append(place_id)
            lon.append(float(x))
            lat.append(float(y))
            population.append(int(people))
            names.append((name_de, name_en))
    people = np.array(population)
    zoom = np.full(len(people), 10.0)
    for floor, value in reversed(TOWN_ZOOMS):
        zoom[people >= floor] = value
    return _Places(ids, np.array(lon), np.array(lat), people, names, zoom)


def _zoom_of(bounds: tuple[float, float, float, float]) -> float:
    """About the Web Mercator zoom at which a map of 800 px shows this box."""
    west, south, east, north = bounds
    lat = math.radians((south + north) / 2)
    span = max(east - west, (north - south) / math.cos(lat), 1e-4)  # in degrees of longitude
    return max(2.0, min(16.0, math.log2(800 / 256 * 360 / span)))


def story_frames(story: Story) -> list[Frame]:
    """The story's views, and a close-up of each point without a view around it."""
    frames = []
    for view in story.views:
        (south, west), (north, east) = view.bounds
        frames.append(
            Frame((west, south, east, north), _zoom_of((west, south, east, north)), TOWNS_PER_VIEW)
        )
    if not frames:
        local = [f.geometry for f in story.features if not f.distant] or [
            f.geometry for f in story.features
        ]
        if local:
            bounds = shapely.union_all(local).bounds
            frames.append(Frame(bounds, _zoom_of(bounds), TOWNS_PER_VIEW))
    covered = shapely.union_all([f.shape for f in frames]) if frames else Point()
    cells: set[tuple[int, int]] = set()  # points this close share one close-up
    for feature in story.features:
        if feature.geometry.geom_type != "Point":
            continue
        x, y = feature.geometry.x, feature.geometry.y
        cell = (round(x / PLACE_FRAME_DEG), round(y / PLACE_FRAME_DEG))
        if cell in cells or len(cells) >= MAX_PLACE_FRAMES:
            continue
        close = (x - PLACE_FRAME_DEG, y - PLACE_FRAME_DEG, x + PLACE_FRAME_DEG, y + PLACE_FRAME_DEG)
        if any(f.zoom >= 10 and f.shape.contains(feature.geometry) for f in frames):
            continue
        if covered.contains(box(*close)) and any(f.zoom >= 10 for f in frames):
            continue
        cells.add(cell)
        frames.append(Frame(close, _zoom_of(close), TOWNS_PER_PLACE))
    return frames


def _grown(bounds: tuple[float, ...], factor: float, at_least: float = 0.0) -> BaseGeometry:
    west, south, east, north = bounds
    dx = max((east - west) * factor, at_least)
    dy = max((north - south) * factor, at_least)
    return box(west - dx, max(south - dy, -85), east + dx, min(north + dy, 85))


def _wide(frame: Frame) -> BaseGeometry:
    """The ground a reader zooming out of a frame sees: wide around a view, less around
    a place of the story."""
    margin = WIDE_MARGIN_DEG if frame.towns == TOWNS_PER_VIEW else PLACE_MARGIN_DEG
    return _grown(frame.box, 0.0, margin)


def _view_anchors(area: BaseGeometry, frames: list[Frame]) -> list[tuple[float, float]]:
    """Label positions inside each frame's part of an area that fills much of it: the
    part's pole of inaccessibility, then points of a 3x3 grid over the frame inside it."""
    out: list[tuple[float, float]] = []
    for frame in frames:
        window = frame.shape
        part = area.intersection(window)
        if part.is_empty or part.area < FILLS_FRAME * window.area:
            continue
        pieces = sorted(getattr(part, "geoms", [part]), key=lambda g: -g.area)
        pieces = [g for g in pieces if g.geom_type == "Polygon"]
        if not pieces:
            continue
        west, south, east, north = frame.box
        centre = polylabel(pieces[0], max(east - west, north - south) / 200)
        out.append((centre.x, centre.y))
        for i in (1, 3):
            for j in (1, 3):
                point = Point(west + (east - west) * i / 4, south + (north - south) * j / 4)
                if part.contains(point):
                    out.append((point.x, point.y))
    return [(round(x, 4), round(y, 4)) for x, y in out]


def _clipped(
    item: ContextItem, frames: list[Frame], wide: BaseGeometry, wide_water: BaseGeometry
) -> ContextItem | None:
    """An item as the story's frames need it: the pieces in each frame (with a margin),
    simplified for the frame's zoom, and the coarse rest in the wide ground."""
    pieces = []
    done: BaseGeometry = Point()
    for frame in sorted(frames, key=lambda f: -f.zoom):
        if not (item.min_zoom <= frame.zoom + 0.5 and frame.zoom - 1 <= item.max_zoom):
            continue
        window = _grown(frame.box, 0.5, 0.05).difference(done)
        done = done.union(window)
        if item.layer in ("river", "lake"):
            pixel = 360 / 256 / 2**frame.zoom  # degrees of longitude per pixel
            piece = item.geometry.intersection(window).simplify(2 * pixel)
            if not piece.is_empty and (
                item.layer == "river" or piece.area > LAKE_MIN_PX * pixel**2
            ):
                pieces.append(piece)
    shows_wide = item.min_zoom <= WIDE_MAX_ZOOM
    if shows_wide and item.layer in ("river", "lake"):
        # A lake's coarse rest reaches a little under its detailed part: simplified
        # apart, the two would leave a gap along the cut.
        finer = done.buffer(-2 * WIDE_SIMPLIFY_DEG) if item.layer == "lake" else done
        piece = item.geometry.intersection(wide_water.difference(finer))
        piece = piece.simplify(WIDE_SIMPLIFY_DEG)
        if not piece.is_empty:
            pieces.append(piece)
    if item.layer in ("river", "lake"):
        if not pieces:
            return None
        geometry = shapely.set_precision(shapely.union_all(pieces), 10**-COORDINATE_DIGITS)
        geometry = shapely.line_merge(geometry) if item.layer == "river" else geometry
        if geometry.is_empty:
            return None
    else:
        geometry = item.geometry
    anchors = list(_view_anchors(item.geometry, frames)) if item.layer != "river" else []
    reach = wide if shows_wide else done
    anchors += [a for a in item.anchors if reach.contains(Point(a))]
    if item.layer != "river" and not anchors:
        return None
    return replace(item, geometry=geometry, anchors=tuple(anchors))


def _towns(story: Story, frames: list[Frame]) -> list[ContextItem]:
    """Towns for the frames: in each, the biggest and nearest to the story's places; in
    the wide ground, the big cities. Ordered by size, the order a map names them in."""
    table = _places()
    own_points = [f.geometry.representative_point() for f in story.features if not f.distant]
    own_x = np.array([p.x for p in own_points])
    own_y = np.array([p.y for p in own_points])
    names = {f.name[lang].casefold() for f in story.features for lang in ("de", "en")}
    chosen: dict[int, float] = {}

    def pick(frame: tuple[float, ...], margin: float, zoom: float, count: int) -> None:
        """The `count` best towns in the frame (`margin` around it included): big, in the
        frame and near its middle, none closer to a better one than a name's room at
        `zoom` (a city's districts give way to it)."""
        west, south, east, north = _grown(frame, 0.0, margin).bounds
        inside = np.flatnonzero(
            (table.lon >= west) & (table.lon <= east) & (table.lat >= south) & (table.lat <= north)
        )
        if not len(inside):
            return
        x, y = table.lon[inside], table.lat[inside]
        x0, y0 = (frame[0] + frame[2]) / 2, (frame[1] + frame[3]) / 2
        kx = math.cos(math.radians(y0))
        size_km = max((frame[2] - frame[0]) * kx, frame[3] - frame[1], 0.01) * 111.2
        km = np.hypot((x - x0) * kx, y - y0) * 111.2
        off_x = np.maximum(np.maximum(frame[0] - x, x - frame[2]), 0) * kx
        off_y = np.maximum(np.maximum(frame[1] - y, y - frame[3]), 0)
        outside = np.hypot(off_x, off_y) * 111.2
        people = np.log10(np.maximum(table.population[inside], 100))
        score = people - km / size_km - 4.0 * outside / size_km
        room_km = NAME_ROOM_PX * WEB_MERCATOR_M_PER_PX_Z0 / 1000 * kx / 2**zoom
        picked: list[tuple[float, float]] = []
        for index in inside[np.argsort(-score, kind="stable")]:
            if len(picked) >= count:
                break
            name_de, name_en = table.names[index]
            if name_de.casefold() in names or name_en.casefold() in names:
                continue
            x, y = float(table.lon[index]), float(table.lat[index])
            own_km = np.hypot((own_x - x) * kx, own_y - y) * 111.2
            if len(own_km) and own_km.min() < STORY_PLACE_KM:
                continue
            if any(_km((x, y), spot) < room_km for spot in picked):
                continue
            picked.append((x, y))
            # A small town that is among the few of a sparse frame is named at its zoom.
            zoom_here = min(float(table.zoom[index]), math.floor(zoom))
            chosen[int(index)] = min(chosen.get(int(index), 99), zoom_here)

    for frame in frames:
        west, south, east, north = frame.box
        pick(frame.box, max(east - west, north - south) / 2, frame.zoom, frame.towns)
    for frame in frames:
        views = frame.towns == TOWNS_PER_VIEW
        count = TOWNS_WIDE if views else TOWNS_PER_PLACE // 2
        margin = WIDE_MARGIN_DEG if views else PLACE_MARGIN_DEG
        pick(_grown(frame.box, 0.0, margin).bounds, 0.0, WIDE_TOWN_ZOOM, count)
    out = []
    for index in sorted(chosen, key=lambda i: (-int(table.population[i]), table.ids[i])):
        x, y = float(table.lon[index]), float(table.lat[index])
        zoom = chosen[index]
        name_de, name_en = table.names[index]
        out.append(
            ContextItem(
                layer="city",
                id=f"gn{table.ids[index]}",
                name={"de": name_de, "en": name_en},
                min_zoom=zoom,
                label_zoom=zoom,
                max_zoom=TOWN_MAX_ZOOM,
                geometry=Point(x, y),
                anchors=((x, y),),
                population=int(table.population[index]),
            )
        )
    return out


def _km(a: LonLat, b: LonLat) -> float:
    """About the distance in km, on a sphere: for towns a few dozen km apart."""
    (lon1, lat1), (lon2, lat2) = a, b
    dx = (lon1 - lon2) * math.cos(math.radians((lat1 + lat2) / 2))
    return math.hypot(dx, lat1 - lat2) * 111.2


_STORY_CACHE: OrderedDict[tuple, list[ContextItem]] = OrderedDict()


def _story_key(story: Story) -> tuple:
    return (
        story.slug,
        tuple(v.bounds for v in story.views),
        tuple(
            (f.id, f.geometry.wkb, f.distant, f.name["de"], f.name["en"]) for f in story.features
        ),
    )


def story_context(story: Story) -> list[ContextItem]:
    """The context items for a story, clipped to what its frames show (computed once per
    story and kept while it is unchanged)."""
    key = _story_key(story)
    if key in _STORY_CACHE:
        _STORY_CACHE.move_to_end(key)
        return _STORY_CACHE[key]
    frames = story_frames(story)
    if not frames:
        return []
    # The ground a reader zooming out sees: wide around a view, less around a place.
    wide = shapely.union_all([_wide(f) for f in frames])
    # Rivers and lakes far out only around the views: a place's close-up (a timeline's
    # step abroad) is seen from its region, not from afar.
    views = [f for f in frames if f.towns == TOWNS_PER_VIEW]
    wide_water = shapely.union_all([_wide(f) for f in views])
    items = context_items()
    chosen = []
    for index in sorted(_tree().query(wide, predicate="intersects")):
        clipped = _clipped(items[index], frames, wide, wide_water)
        if clipped is not None:
            chosen.append(clipped)
    order = {"country": 0, "sea": 1, "river": 2, "lake": 3}
    chosen.sort(key=lambda i: (order[i.layer], i.label_zoom))
    chosen += _towns(story, frames)
    _STORY_CACHE[key] = chosen
    if len(_STORY_CACHE) > STORY_CACHE_SIZE:
        _STORY_CACHE.popitem(last=False)
    return chosen


def _coordinates(geometry: BaseGeometry) -> Any:
    def rounded(value: Any) -> Any:
        if isinstance(value, float):
            return round(value, COORDINATE_DIGITS)
        return [rounded(v) for v in value]

    return rounded(geometry.__geo_interface__["coordinates"])


def _number(value: float) -> float | int:
    """4 for 4.0: fewer bytes in the page."""
    return int(value) if float(value).is_integer() else round(value, 2)


def context_payload(story: Story, lang: Lang) -> dict[str, Any]:
    """What the web map needs: lines and areas to draw, names to place (in `lang`), in
    the order a map names them. Towns, the most, come as [name, zoom, lon, lat]."""
    labels = []
    shapes = []
    towns = []
    for item in story_context(story):
        if item.layer == "city":
            x, y = item.anchors[0]
            towns.append([item.name[lang], _number(item.label_zoom), round(x, 4), round(y, 4)])
            continue
        if item.layer in ("river", "lake"):
            shapes.append(
                {
                    "layer": item.layer,
                    "type": item.geometry.geom_type,
                    "coordinates": _coordinates(item.geometry),
                    "minZoom": _number(item.min_zoom),
                    "maxZoom": _number(item.max_zoom),
                    "label": len(labels) if item.name[lang] else None,
                }
            )
        if not item.name[lang]:
            continue
        labels.append(
            {
                "layer": item.layer,
                "name": item.name[lang],
                "minZoom": _number(item.label_zoom),
                "maxZoom": _number(item.max_zoom),
                "anchors": [[round(x, 3), round(y, 3)] for x, y in item.anchors]
                if item.layer != "river"
                else [],
            }
        )
    return {"labels": labels, "shapes": shapes, "towns": towns, "townMaxZoom": TOWN_MAX_ZOOM}


def payload_labels(payload: dict[str, Any]) -> list[dict[str, Any]]:
    """Every label of a payload, towns written out as the map's script does."""
    return payload["labels"] + [
        {
            "layer": "city",
            "name": name,
            "minZoom": zoom,
            "maxZoom": payload["townMaxZoom"],
            "anchors": [[x, y]],
        }
        for name, zoom, x, y in payload["towns"]
    ]
