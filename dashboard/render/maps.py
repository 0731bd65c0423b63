"""Turn a `Story` into a `folium.Map`: base map, story layers, labels, legend, details.

All story text reaches the page as JSON data (see `escape.script_json`) that our own
JavaScript (`web/story_map.js`) puts into the DOM with textContent. folium's Tooltip,
Popup and GeoJsonTooltip are not used: they insert raw HTML.
The map uses no assets until the caller chooses them (`assets.serve_assets` for the
dashboard, `assets.inline_assets` for a single-file export).
"""

from __future__ import annotations

import math
import re
from functools import cache
from typing import Any, Literal

import folium
from branca.element import MacroElement
from jinja2 import Template
from shapely.geometry import mapping

from dashboard.core.escape import script_json
from dashboard.core.geometry import (
    geodesic_area_km2,
    is_large_area,
    view_bounds,
    web_mercator_fractions,
)
from dashboard.core.i18n import Lang, text
from dashboard.core.label_spacing import label_min_zooms as spaced_label_zooms
from dashboard.core.model import LAYERS, Feature, Story
from dashboard.core.palette import PALETTE
from dashboard.core.resources import WEB_DIR
from dashboard.core.wording import (
    day_text,
    feature_details,
    figure_value_text,
    partial_date_text,
    source_line,
)
from dashboard.reader.base_ground import base_payload
from dashboard.reader.context import context_payload
from dashboard.render.assets import Verbatim, clear_cdn_assets
from dashboard.render.tiles import DetailTiles

DetailsPlace = Literal["always", "narrow", "never"]

# A key place's label shows only from the zoom at which it is this far (px) from every
# key place listed before it, so Mosul's and al-Nuri's labels do not sit on each other.
LABEL_SPACING_PX = 70
MAX_ZOOM = 18
# A place shown on its own ("show on the map", a timeline step) at least at this zoom.
POINT_ZOOM = 12
# Streamlit puts the side panel beside the map from this page width on (below it, under
# the map, so a phone gets the details inside the map).
SIDE_PANEL_MIN_WIDTH_PX = 640


@cache
def _web_file(name: str) -> str:
    return (WEB_DIR / name).read_text("utf-8")


def _compact_script(source: str) -> str:
    """Our own script without indentation and whole-line comments: every byte of the
    single-file export counts. (No line of it continues a string or a regex.)"""
    lines = (line.strip() for line in source.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("//"))


def _compact_css(source: str) -> str:
    """Our own styles without comments and indentation (see `_compact_script`)."""
    without_comments = re.sub(r"/\*.*?\*/", "", source, flags=re.DOTALL)
    lines = (line.strip() for line in without_comments.splitlines())
    # no space is needed around these in CSS (our files have none of them inside a string)
    return re.sub(r"\s*([{};:,>])\s*", r"\1", "\n".join(line for line in lines if line))


class DataElement(MacroElement):
    """A MacroElement whose rendered parts enter the page as they are. branca's own
    `render` wraps each part in `Element(text)`, which parses it as template source a
    second time: with story data in it, `{{ }}` would run on the server. (The data is
    also escaped for that: see `escape.script_json`.)"""

    def render(self, **kwargs: Any) -> None:
        figure = self.get_root()
        module = self._template.module.__dict__
        for part, place in (
            ("header", figure.header),
            ("html", figure.html),
            ("script", figure.script),
        ):
            macro = module.get(part)
            if macro is not None:
                place.add_child(Verbatim(macro(self, kwargs)), name=self.get_name())
        for element in self._children.values():
            element.render(**kwargs)


class StoryLayers(DataElement):
    """The story's layers and controls, drawn by `web/story_map.js` from JSON data."""

    _template = Template(
        "{% macro header(this, kwargs) %}<style>{{ this.css }}</style>{% endmacro %}"
        "{% macro script(this, kwargs) %}{% raw %}"
        + _compact_script(_web_file("story_map.js"))
        + "\n"
        + _compact_script(_web_file("context_map.js"))
        + "{% endraw %}\n(function (map, data) { lagekarteStoryMap(map, data);"
        " window.lagekarte.context = lagekarteContext(map, data); })"
        "({{ this._parent.get_name() }}, {{ this.payload }});"
        "{% endmacro %}"
    )

    def __init__(self, payload: dict[str, Any], encoded: str | None = None):
        super().__init__()
        self._name = "StoryLayers"
        self.payload = encoded if encoded is not None else script_json(payload)
        self.css = _compact_css(_web_file("story_map.css") + "\n" + _web_file("context_map.css"))


class EventCells(DataElement):
    """Hands a new event pyramid to a map already drawn (see `web/story_map.js`)."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "window.lagekarte && window.lagekarte.setEventCells({{ this.cells }}, {{ this.summary }});"
        "{% endmacro %}"
    )

    def __init__(self, cells: dict[str, Any], summary: str):
        super().__init__()
        self._name = "EventCells"
        self.cells = script_json(cells)
        self.summary = script_json(summary)


class MapFollow(DataElement):
    """Tells a map already drawn which feature is chosen and, when `seq` is new, what to
    show (`web/story_map.js`, `follow`): the map moves without being rebuilt."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "window.lagekarte ? window.lagekarte.follow({{ this.command }})"
        " : (window.lagekartePending = {{ this.command }});"
        "{% endmacro %}"
    )

    def __init__(self, feature: str | None, seq: int, target: dict[str, Any] | None):
        super().__init__()
        self._name = "MapFollow"
        self.command = script_json({"feature": feature, "seq": seq, "target": target})


def build_map(
    story: Story,
    lang: Lang,
    *,
    view: str | None = None,
    show_title: bool = True,
    payload: dict[str, Any] | None = None,
    gestures: bool = False,
    tiles: DetailTiles | None = None,
    payload_script: str | None = None,
) -> folium.Map:
    """A folium map of the story in `lang`, with no external assets attached.

    `payload` may be a cached `map_payload(...)` result for the same arguments, and
    `payload_script` its `script_json` (a page that reruns keeps it: encoding the map's
    data is most of the time it takes to build the map again).
    `gestures`: in a page that scrolls, zoom needs ctrl (⌘) + wheel and panning two
    fingers (Leaflet.GestureHandling, whose assets the caller must add).
    """
    options: dict[str, Any] = {}
    if gestures:
        options["gesture_handling"] = True
        options["gesture_handling_options"] = {
            "text": {
                "touch": text("gesture.touch", lang),
                "scroll": text("gesture.scroll", lang),
                "scrollMac": text("gesture.scroll_mac", lang),
            },
            "duration": 1500,
        }
    if payload is None:
        payload = map_payload(
            story,
            lang,
            view=view,
            show_title=show_title,
            tiles=tiles,
        )
    (south, west), (north, east) = payload["view"]
    folium_map = folium.Map(
        location=[(south + north) / 2, (west + east) / 2],
        zoom_start=6,
        tiles=None,
        zoom_control=False,
        attribution_control=True,
        min_zoom=2,
        max_zoom=MAX_ZOOM,
        world_copy_jump=False,
        **options,
    )
    clear_cdn_assets(folium_map)
    StoryLayers(payload, payload_script).add_to(folium_map)
    return folium_map


def map_payload(
    story: Story,
    lang: Lang,
    *,
    view: str | None = None,
    show_title: bool = True,
    tiles: DetailTiles | None = None,
    details_in_map: DetailsPlace = "always",
    keep_url: bool = False,
    fill_frame: bool = False,
) -> dict[str, Any]:
    """Everything the map's JavaScript needs, as plain JSON-able data.

    `details_in_map`: where a click shows a feature's details inside the map: "always"
    (an export, an embed), "narrow" (only when the page is too narrow for its side panel),
    or "never". `keep_url`: the map keeps its view in the page's address. `fill_frame`:
    the map is as high as the frame it is shown in.
    """
    chosen = view_bounds(story, view)
    zooms = label_min_zooms(story)
    return {
        "context": context_payload(story, lang),
        "callouts": callouts(story, lang),
        "tiles": tiles.payload(lang) if tiles else None,
        "story": story.slug,
        "detailsInMap": details_in_map,
        "sidePanelMinWidth": SIDE_PANEL_MIN_WIDTH_PX,
        "keepUrl": keep_url,
        "fillFrame": fill_frame,
        "pointZoom": POINT_ZOOM,
        "views": [
            {"id": v.id, "name": v.name[lang], "bounds": [list(v.bounds[0]), list(v.bounds[1])]}
            for v in story.views
        ],
        "lang": lang,
        "title": story.title[lang],
        "asOfText": f"{text('as_of', lang)}: {day_text(story.as_of, lang)}",
        "sourceText": source_line(story, lang),
        "credit": story.credit[lang],
        "showTitle": show_title,
        "view": chosen,
        "palette": PALETTE,
        "layers": list(LAYERS),
        "texts": {
            "layers": {layer: text(f"layer.{layer}", lang) for layer in LAYERS},
            "legend": text("legend.title", lang),
            "details": text("map.details", lang),
            "close": text("close", lang),
            "hindsight": text("hindsight", lang),
            "estimate": text("estimate", lang),
            "zoomIn": text("zoom_in", lang),
            "zoomOut": text("zoom_out", lang),
            "inset": text("map.inset", lang),
            "together": text("map.together", lang),
            "views": text("ui.view", lang),
        },
        "legend": _legend(story, lang),
        "base": base_payload(story),
        "features": {
            "type": "FeatureCollection",
            "features": [_feature_json(feature, lang, zooms) for feature in drawing_order(story)],
        },
        "details": {f.id: feature_details(story, f, lang) for f in story.features},
        "eventLayerName": story.event_layer.name[lang] if story.event_layer else None,
    }


def drawing_order(story: Story) -> list[Feature]:
    """Features in the order the map draws them: areas largest first, so that an area
    inside another (the old city inside Iraq) lies on top and takes the click."""
    return sorted(story.features, key=lambda f: -geodesic_area_km2(f) if f.kind == "area" else 0)


def legend_key(feature: Feature) -> str:
    """Features drawn with the same symbol share a key: `areas:large:now`, `places:place:later`."""
    variant = "large" if is_large_area(feature) else feature.kind
    return f"{feature.layer}:{variant}:{'later' if feature.hindsight else 'now'}"


def _legend(story: Story, lang: Lang) -> list[dict[str, Any]]:
    """One legend line per symbol the story draws; `sample` is a feature drawn with it,
    so that the map draws the legend's symbol in that feature's colours. The map shows
    only the lines whose features are in view."""
    entries: dict[str, dict[str, Any]] = {}
    sharing: dict[str, int] = {}
    for feature in story.features:
        sharing[legend_key(feature)] = sharing.get(legend_key(feature), 0) + 1
    for layer in LAYERS:
        for feature in story.features:
            key = legend_key(feature)
            if feature.layer != layer or key in entries:
                continue
            label = text(f"layer.{layer}", lang)
            if feature.kind == "line" and sharing[key] == 1:
                # one story line is keyed by its name: "borders" would claim the base
                # map's borders too, drawn in another colour
                label = feature.name[lang]
            if is_large_area(feature):
                label = text("legend.large_areas", lang)
            if feature.hindsight:
                label = f"{label} ({text('hindsight.short', lang)})"
            entries[key] = {"key": key, "kind": feature.kind, "sample": feature.id, "text": label}
    estimated = next((f for f in story.features if f.estimate), None)
    if estimated is not None:
        entries["estimate"] = {
            "key": "estimate",
            "kind": "line",
            "sample": estimated.id,
            "text": text("legend.estimate", lang),
        }
    return list(entries.values())


def _feature_json(feature: Feature, lang: Lang, zooms: dict[str, int]) -> dict[str, Any]:
    properties: dict[str, Any] = {
        "id": feature.id,
        "kind": feature.kind,
        "layer": feature.layer,
        "name": feature.name[lang],
        "a11y": _accessible_name(feature, lang),
        "labelled": feature.labelled,
        "estimate": feature.estimate,
        "hindsight": feature.hindsight,
        "distant": feature.distant,
        "large": is_large_area(feature),
        "legend": legend_key(feature),
    }
    if feature.labelled:
        properties["label_min_zoom"] = zooms[feature.id]
    return {"type": "Feature", "geometry": mapping(feature.geometry), "properties": properties}


def _accessible_name(feature: Feature, lang: Lang) -> str:
    parts = [feature.name[lang]]
    if feature.date is not None:
        parts.append(partial_date_text(feature.date, lang))
    return ", ".join(parts)


def label_min_zoom(story: Story, feature: Feature) -> int:
    """Lowest zoom at which this key place's label keeps its distance to earlier ones."""
    return label_min_zooms(story)[feature.id]


def label_min_zooms(story: Story) -> dict[str, int]:
    """`label_min_zoom` of every key place at once, near-linear in their number."""
    labelled = [f for f in story.features if f.labelled]
    points = [f.geometry.representative_point() for f in labelled]
    zooms = spaced_label_zooms([(p.x, p.y) for p in points], LABEL_SPACING_PX, MAX_ZOOM)
    return {feature.id: zoom for feature, zoom in zip(labelled, zooms, strict=True)}


def fit_zoom(bounds: list[list[float]], width_px: int, height_px: int) -> int:
    """The largest whole zoom at which `bounds` fits a map of the given size."""
    (south, west), (north, east) = bounds
    dx = max((east - west) / 360.0, 1e-9)
    _, (y_south, y_north) = web_mercator_fractions([west, east], [south, north])
    dy = max(float(y_south - y_north), 1e-9)
    zoom = math.floor(math.log2(min(width_px / (256 * dx), height_px / (256 * dy))))
    return max(2, min(zoom, MAX_ZOOM))


def callouts(story: Story, lang: Lang) -> list[dict[str, Any]]:
    """Figures the story shows on the map without a click, next to their feature.

    A callout limited to some views shows at those views' zooms (fitted to a map of
    about 900 x 600 px), one zoom either side."""
    out = []
    for figure in story.figures:
        if figure.callout is None or figure.feature is None:
            continue
        point = story.feature(figure.feature).geometry.representative_point()
        zooms = [fit_zoom(view_bounds(story, v), 900, 600) for v in figure.callout]
        out.append(
            {
                "id": figure.id,
                "lat": point.y,
                "lon": point.x,
                "value": figure_value_text(figure, lang),
                "label": figure.label[lang],
                "asOf": f"{text('as_of', lang)}: {day_text(figure.as_of, lang)}",
                "minZoom": min(zooms) - 1 if zooms else 0,
                "maxZoom": max(zooms) + 1 if zooms else MAX_ZOOM,
            }
        )
    return out
