"""The named ground around a story: country, sea, river, lake and city names.

Read from `geodata/context/context.geojson` (see its README). Each item carries the
zooms its data is made for; maps show it only there. Cities at the story's own places
are left out: the story names those itself, in its own (stronger) style.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from dashboard.i18n import Lang
from dashboard.model import Story
from dashboard.resources import CONTEXT_DIR

CONTEXT_FILE = CONTEXT_DIR / "context.geojson"
# A context city this close (km) to one of the story's points is the story's own place.
STORY_PLACE_KM = 30
CONTEXT_CREDIT = "Natural Earth, GeoNames"


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


@cache
def context_items(path: Path = CONTEXT_FILE) -> tuple[ContextItem, ...]:
    """All context items, read once per process."""
    collection = json.loads(path.read_text("utf-8"))
    items = []
    for feature in collection["features"]:
        p = feature["properties"]
        geometry = shape(feature["geometry"])
        anchors = p.get("anchors") or [[geometry.representative_point().x,
                                         geometry.representative_point().y]]  # fmt: skip
        items.append(
            ContextItem(
                layer=p["layer"], id=p["id"], name={"de": p["name_de"], "en": p["name_en"]},
                min_zoom=p["min_zoom"], label_zoom=p["label_zoom"], max_zoom=p["max_zoom"],
                geometry=geometry, anchors=tuple((a[0], a[1]) for a in anchors),
                population=p.get("population", 0),
            )
        )  # fmt: skip
    return tuple(items)


def _km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    dx = (lon1 - lon2) * math.cos(math.radians((lat1 + lat2) / 2))
    return math.hypot(dx, lat1 - lat2) * 111.2


def story_context(story: Story) -> list[ContextItem]:
    """The context items for a story: all but the cities at the story's own places."""
    own = [f.geometry.representative_point() for f in story.features if not f.distant]
    names = {f.name[lang].casefold() for f in story.features for lang in ("de", "en")}
    chosen = []
    for item in context_items():
        if item.layer == "city":
            point = item.geometry
            if item.name["de"].casefold() in names or item.name["en"].casefold() in names:
                continue
            if any(_km(point.x, point.y, p.x, p.y) < STORY_PLACE_KM for p in own):
                continue
        chosen.append(item)
    return chosen


def _coordinates(geometry: BaseGeometry) -> Any:
    return json.loads(json.dumps(geometry.__geo_interface__["coordinates"]))


def context_payload(story: Story, lang: Lang) -> dict[str, Any]:
    """What the web map needs: lines and areas to draw, names to place (in `lang`)."""
    items = story_context(story)
    labels = []
    shapes = []
    for rank, item in enumerate(items):
        if item.layer in ("river", "lake"):
            shapes.append({
                "layer": item.layer, "type": item.geometry.geom_type,
                "coordinates": _coordinates(item.geometry),
                "minZoom": item.min_zoom, "maxZoom": item.max_zoom, "label": len(labels),
            })  # fmt: skip
        labels.append({
            "layer": item.layer, "name": item.name[lang], "rank": rank,
            "minZoom": item.label_zoom, "maxZoom": item.max_zoom,
            "anchors": [list(a) for a in item.anchors] if item.layer != "river" else [],
        })  # fmt: skip
    return {"labels": labels, "shapes": shapes}
