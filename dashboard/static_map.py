"""Static images of a story for print and social media: PNG and SVG.

Drawn with geopandas and matplotlib from the same base map and story data as the
interactive map: countries, areas, the border line, places and events, labels for the
key places placed so that they do not overlap, a scale bar, a locator inset and the
credit line. In the SVG, text stays text (searchable, editable in a graphics program).
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from typing import Literal

import geopandas as gpd
import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.text import Text as MplText
from shapely.geometry import box

from dashboard.basemap import basemap_frame
from dashboard.i18n import Lang, format_partial_date, text
from dashboard.maps import LARGE_AREA_KM2, geodesic_area_km2, view_bounds
from dashboard.story import Story

ImageFormat = Literal["png", "svg"]

WIDTH_IN, HEIGHT_IN = 12.0, 8.0
PNG_DPI = 220  # 12 in x 220 dpi = 2640 px wide: print size
SEA, LAND, OUTLINE = "#cfe0ea", "#f3f0e7", "#a59d8c"
PLACE, EVENT, LINE, AREA, LARGE_AREA = "#1d1d1d", "#b2182b", "#c45a00", "#b2182b", "#6b4f3a"
SAME_SPOT_PX = 25
MAP_AXES = (0.02, 0.08, 0.96, 0.82)  # left, bottom, width, height (figure fractions)
# Where a label may sit relative to its point, in points (tried in this order).
LABEL_OFFSETS = ((7, 0, "left", "center"), (-7, 0, "right", "center"),
                 (0, 8, "center", "bottom"), (0, -8, "center", "top"),
                 (6, 6, "left", "bottom"), (-6, -6, "right", "top"),
                 (6, -6, "left", "top"), (-6, 6, "right", "bottom"))  # fmt: skip


@dataclass(frozen=True)
class PlacedLabel:
    feature_id: str
    text: str
    bbox: tuple[float, float, float, float]  # x0, y0, x1, y1 in display pixels


@dataclass
class StaticMap:
    figure: Figure
    labels: list[PlacedLabel]

    def to_bytes(self, fmt: ImageFormat) -> bytes:
        buffer = io.BytesIO()
        # svg.fonttype "none": text is written as <text>, not as glyph outlines
        with matplotlib.rc_context({"svg.fonttype": "none"}):
            self.figure.savefig(buffer, format=fmt, dpi=PNG_DPI, facecolor="white")
        return buffer.getvalue()


def _local_crs(lat: float, lon: float) -> str:
    """An equal-area projection centred on the map: distances true near the centre."""
    return f"+proj=laea +lat_0={lat:.4f} +lon_0={lon:.4f} +datum=WGS84 +units=m +no_defs"


def _story_frame(story: Story, lang: Lang) -> gpd.GeoDataFrame:
    rows = [
        {
            "id": f.id, "kind": f.kind, "name": f.name[lang], "labelled": f.labelled,
            "distant": f.distant, "hindsight": f.hindsight, "estimate": f.estimate,
            "large": f.kind == "area" and geodesic_area_km2(f) > LARGE_AREA_KM2,
            "geometry": f.geometry,
        }
        for f in story.features
    ]  # fmt: skip
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=4326)


def _overlaps(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _place_labels(figure: Figure, ax, candidates: list[tuple[str, str, float, float]],
                  obstacles: list[tuple[float, ...]]) -> list[PlacedLabel]:  # fmt: skip
    """Greedy placement: each label takes the first position that overlaps nothing."""
    renderer = figure.canvas.get_renderer()
    placed: list[PlacedLabel] = []
    taken = list(obstacles)
    for feature_id, label, x, y in candidates:
        for dx, dy, ha, va in LABEL_OFFSETS:
            artist: MplText = ax.annotate(
                label, (x, y), xytext=(dx, dy), textcoords="offset points", ha=ha, va=va,
                fontsize=13, fontweight="bold", color="#111",
                bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8},
            )  # fmt: skip
            extent = artist.get_window_extent(renderer)
            bbox = (extent.x0, extent.y0, extent.x1, extent.y1)
            inside = ax.get_window_extent(renderer)
            within = (bbox[0] >= inside.x0 and bbox[2] <= inside.x1
                      and bbox[1] >= inside.y0 and bbox[3] <= inside.y1)  # fmt: skip
            if within and not any(_overlaps(bbox, other) for other in taken):
                placed.append(PlacedLabel(feature_id, label, bbox))
                taken.append(bbox)
                break
            artist.remove()
    return placed


def _nice_length_km(span_km: float) -> int:
    """A round scale-bar length of about a fifth of the map's width."""
    target = span_km / 5
    magnitude = 10 ** math.floor(math.log10(target))
    for step in (5, 2, 1):
        if step * magnitude <= target:
            return int(step * magnitude)
    return int(magnitude)


def build_static_map(story: Story, lang: Lang, view: str | None = None) -> StaticMap:
    """The story's map as a matplotlib Figure, ready to save as PNG or SVG."""
    (south, west), (north, east) = view_bounds(story, view)
    crs = _local_crs((south + north) / 2, (west + east) / 2)
    extent = gpd.GeoSeries([box(west, south, east, north)], crs=4326).to_crs(crs).total_bounds
    margin_lonlat = box(west - 8, south - 6, east + 8, north + 6)

    figure = Figure(figsize=(WIDTH_IN, HEIGHT_IN))
    FigureCanvasAgg(figure)  # no pyplot: safe in a server's threads
    ax = figure.add_axes(MAP_AXES)
    ax.set_facecolor(SEA)
    base = (
        gpd.GeoDataFrame(
            geometry=list(basemap_frame("region").geometry) + list(basemap_frame("world").geometry),
            crs=4326,
        )
        .clip(margin_lonlat)
        .to_crs(crs)
    )
    base.plot(ax=ax, color=LAND, edgecolor=OUTLINE, linewidth=0.6)

    features = _story_frame(story, lang)
    local = features[~features["distant"]].to_crs(crs)
    areas = local[local["kind"] == "area"]
    for large, group in areas.groupby("large"):
        group.plot(
            ax=ax, facecolor=LARGE_AREA if large else AREA, alpha=0.06 if large else 0.25,
            edgecolor=LARGE_AREA if large else AREA, linewidth=1.4,
        )  # fmt: skip
    lines = local[local["kind"] == "line"]
    if not lines.empty:
        lines.plot(ax=ax, color=LINE, linewidth=3.2, zorder=4)
    points = local[local["kind"].isin(["place", "event"])]
    for (kind, hindsight), group in points.groupby(["kind", "hindsight"]):
        group.plot(
            ax=ax, marker="D" if kind == "event" else "o",
            markersize=60 if kind == "event" else 70,
            color="white" if hindsight else (EVENT if kind == "event" else PLACE),
            edgecolor=EVENT if kind == "event" else "white", linewidth=1.2,
            zorder=6 if kind == "place" else 5,
        )  # fmt: skip
    extent = _fill_frame(extent, MAP_AXES[2] * WIDTH_IN / (MAP_AXES[3] * HEIGHT_IN))
    ax.set_xlim(extent[0], extent[2])
    ax.set_ylim(extent[1], extent[3])
    ax.set_aspect("equal")
    _clean_axes(ax)

    # Country-sized story areas get a quiet name in the middle of their visible part.
    frame_box = box(*extent)
    for _, row in areas[areas["large"]].iterrows():
        visible = row.geometry.intersection(frame_box)
        if not visible.is_empty:
            point = visible.representative_point()
            ax.text(point.x, point.y, row["name"].upper(), ha="center", va="center",
                    fontsize=12, color="#6b5a4a", style="italic", alpha=0.8)  # fmt: skip

    figure.canvas.draw()  # labels are placed on the drawn layout
    renderer = figure.canvas.get_renderer()
    point_boxes = []
    candidates = []
    labelled_at: list[tuple[float, float]] = []
    for _, row in points.iterrows():
        x, y = ax.transData.transform((row.geometry.x, row.geometry.y))
        point_boxes.append((x - 5, y - 5, x + 5, y + 5))
        # A key place drawn on top of an earlier one (al-Nuri in Mosul) stays unnamed at
        # this scale: its label could not say which dot it names.
        if row["labelled"] and all(math.dist((x, y), p) > SAME_SPOT_PX for p in labelled_at):
            labelled_at.append((x, y))
            candidates.append((row["id"], row["name"], row.geometry.x, row.geometry.y))
    legend_and_inset = _decorate(figure, ax, story, lang, extent, crs)
    obstacles = point_boxes + [
        (e.x0, e.y0, e.x1, e.y1) for e in (a.get_window_extent(renderer) for a in legend_and_inset)
    ]
    labels = _place_labels(figure, ax, candidates, obstacles)
    return StaticMap(figure, labels)


def _decorate(figure: Figure, ax, story: Story, lang: Lang, extent, crs: str) -> list:
    """Title, credit line, scale bar and locator inset; returns artists labels must avoid."""
    as_of = format_partial_date(story.as_of, "day", lang)
    figure.text(0.02, 0.955, story.title[lang], fontsize=20, fontweight="bold", va="center")
    figure.text(0.02, 0.915, f"{text('as_of', lang)}: {as_of}", fontsize=12, color="#444",
                va="center")  # fmt: skip
    figure.text(0.02, 0.035, story.credit[lang], fontsize=10, color="#333")

    # Scale bar, lower left, measured in the local equal-area projection.
    span_km = (extent[2] - extent[0]) / 1000
    length_km = _nice_length_km(span_km)
    x0 = extent[0] + (extent[2] - extent[0]) * 0.04
    y0 = extent[1] + (extent[3] - extent[1]) * 0.05
    ax.plot([x0, x0 + length_km * 1000], [y0, y0], color="#111", linewidth=3,
            solid_capstyle="butt", zorder=7)  # fmt: skip
    scale = ax.text(x0, y0 + (extent[3] - extent[1]) * 0.015, f"{length_km} km", fontsize=11,
                    zorder=7)  # fmt: skip

    # Locator: where the map lies, on a small world map.
    inset = figure.add_axes((0.80, 0.66, 0.18, 0.22))
    inset.set_facecolor(SEA)
    world = gpd.GeoDataFrame(
        geometry=list(basemap_frame("world").geometry) + list(basemap_frame("region").geometry),
        crs=4326,
    ).clip(box(-15, 5, 75, 62))
    world.plot(ax=inset, color=LAND, edgecolor=OUTLINE, linewidth=0.3)
    corners = gpd.GeoSeries([box(*extent)], crs=crs).to_crs(4326).total_bounds
    inset.add_patch(Rectangle((corners[0], corners[1]), corners[2] - corners[0],
                              corners[3] - corners[1], fill=False, edgecolor=EVENT,
                              linewidth=1.8))  # fmt: skip
    inset.set_xlim(-15, 75)
    inset.set_ylim(5, 62)
    _clean_axes(inset)
    for spine in inset.spines.values():
        spine.set_edgecolor("#666")
    return [scale, inset]


def _fill_frame(extent, aspect: float) -> tuple[float, float, float, float]:
    """Widen the view to the frame's aspect (width / height) around the same centre."""
    x0, y0, x1, y1 = extent
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    half_w, half_h = (x1 - x0) / 2, (y1 - y0) / 2
    if half_w / half_h < aspect:
        half_w = half_h * aspect
    else:
        half_h = half_w / aspect
    return cx - half_w, cy - half_h, cx + half_w, cy + half_h


def _clean_axes(ax) -> None:
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("")
    ax.set_ylabel("")


def render_image(story: Story, lang: Lang, fmt: ImageFormat) -> bytes:
    """PNG (print size) or SVG bytes of the story's default view."""
    return build_static_map(story, lang).to_bytes(fmt)
