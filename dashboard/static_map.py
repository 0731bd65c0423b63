"""Static images of a story for print and social media: PNG and SVG.

Drawn with geopandas and matplotlib from the same base map and story data as the
interactive map: countries, areas, the border line, places and events, labels for the
key places placed so that they do not overlap, a scale bar, a locator inset and the
credit line. In the SVG, text stays text (searchable, editable in a graphics program).

Story text is text here too: matplotlib would read `$...$` as math (dropping dollar signs,
or failing on a bad formula), so every Text is made with math parsing off. The work is
bounded whatever the story holds: labels are placed with a grid index (near-linear), and
story geometry is clipped and simplified to the output resolution within a vertex budget.
"""

from __future__ import annotations

import io
import math
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

import geopandas as gpd
import matplotlib
import shapely
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.text import Text as MplText
from shapely.geometry import box

from dashboard.basemap import basemap_frame
from dashboard.geometry import is_large_area, view_bounds
from dashboard.i18n import Lang, text
from dashboard.model import Story
from dashboard.palette import PALETTE
from dashboard.wording import day_text, source_line

ImageFormat = Literal["png", "svg"]

WIDTH_IN, HEIGHT_IN = 12.0, 8.0
PNG_DPI = 220  # 12 in x 220 dpi = 2640 px wide: print size
SEA, LAND, OUTLINE = PALETTE["sea"], PALETTE["land"], PALETTE["outline"]
PLACE, EVENT, LINE, AREA, LARGE_AREA = (
    PALETTE[name] for name in ("place", "event", "line", "area", "largeArea")
)
SAME_SPOT_PX = 25
# Every Text (titles, labels, legends a library adds) shows its string as written.
TEXT_IS_TEXT = {"text.parse_math": False, "text.usetex": False}
# The most vertices of story geometry one image draws: a print map needs far fewer, and
# Agg's time and memory grow with them (a zig-zag of a million vertices fails outright).
MAX_DRAWN_VERTICES = 60_000
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
        with matplotlib.rc_context({"svg.fonttype": "none", **TEXT_IS_TEXT}):
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
            "large": is_large_area(f),
            "geometry": f.geometry,
        }
        for f in story.features
    ]  # fmt: skip
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=4326)


def _overlaps(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


Box = tuple[float, float, float, float]


class _BoxGrid:
    """Boxes in display pixels, added one at a time, found by the grid cells they touch.

    A query looks only at the cells around its box, so placing n labels takes about n
    steps, not n squared. (shapely's STRtree is built once and cannot take the boxes
    placed so far.) Cells are clamped to the figure, so a huge box costs no more than
    the figure has cells.
    """

    def __init__(self, cell: float, width: float, height: float) -> None:
        self.cell = cell
        self.last = (int(width // cell) + 1, int(height // cell) + 1)
        self.cells: defaultdict[tuple[int, int], list[Box]] = defaultdict(list)

    def _keys(self, b: Box) -> Iterator[tuple[int, int]]:
        def span(low: float, high: float, last: int) -> range:
            first = min(max(int(low // self.cell), -1), last)
            return range(first, min(max(int(high // self.cell), -1), last) + 1)

        for i in span(b[0], b[2], self.last[0]):
            for j in span(b[1], b[3], self.last[1]):
                yield i, j

    def add(self, b: Box) -> None:
        for key in self._keys(b):
            self.cells[key].append(b)

    def near(self, b: Box) -> Iterator[Box]:
        for key in self._keys(b):
            yield from self.cells.get(key, ())

    def overlaps(self, b: Box) -> bool:
        return any(_overlaps(b, other) for other in self.near(b))


LABEL_STYLE = {
    "fontsize": 13, "fontweight": "bold", "color": "#111",
    "bbox": {"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8},
}  # fmt: skip


def _label_box(
    x: float, y: float, size: tuple[float, float], offset: tuple, px_per_pt: float
) -> Box:
    """Where a label of `size` (w, h pixels) lies at one of LABEL_OFFSETS from (x, y)."""
    dx, dy, ha, va = offset
    width, height = size
    left = x + dx * px_per_pt - {"left": 0, "center": width / 2, "right": width}[ha]
    bottom = y + dy * px_per_pt - {"bottom": 0, "center": height / 2, "top": height}[va]
    return left, bottom, left + width, bottom + height


def _place_labels(figure: Figure, ax, candidates: list[tuple[str, str, float, float]],
                  taken: _BoxGrid) -> list[PlacedLabel]:  # fmt: skip
    """Greedy placement: each label takes the first position that overlaps nothing.

    Each label is measured once; its candidate positions are that box moved about."""
    renderer = figure.canvas.get_renderer()
    inside = ax.get_window_extent(renderer)
    px_per_pt = figure.dpi / 72
    font = {key: value for key, value in LABEL_STYLE.items() if key != "bbox"}
    ruler = MplText(0, 0, "", figure=figure, **font)
    placed: list[PlacedLabel] = []
    for feature_id, label, x, y in candidates:
        ruler.set_text(label)
        extent = ruler.get_window_extent(renderer)
        xd, yd = ax.transData.transform((x, y))
        for offset in LABEL_OFFSETS:
            b = _label_box(xd, yd, (extent.width, extent.height), offset, px_per_pt)
            within = (
                inside.x0 <= b[0] and b[2] <= inside.x1 and inside.y0 <= b[1] and b[3] <= inside.y1
            )
            if within and not taken.overlaps(b):
                dx, dy, ha, va = offset
                ax.annotate(label, (x, y), xytext=(dx, dy), textcoords="offset points",
                            ha=ha, va=va, **LABEL_STYLE)  # fmt: skip
                placed.append(PlacedLabel(feature_id, label, tuple(map(float, b))))
                taken.add(b)
                break
    return placed


def _drawable(frame: gpd.GeoDataFrame, extent, pixel: float) -> gpd.GeoDataFrame:
    """Story geometry as much as the image can show: clipped to a margin around the
    frame and simplified to half an output pixel, coarser while it is over the budget."""
    if frame.empty:
        return frame
    x0, y0, x1, y1 = extent
    margin = max(x1 - x0, y1 - y0) * 0.1
    geometries = shapely.clip_by_rect(frame.geometry.values, x0 - margin, y0 - margin,
                                      x1 + margin, y1 + margin)  # fmt: skip
    tolerance = pixel / 2
    while True:
        geometries = shapely.simplify(geometries, tolerance, preserve_topology=False)
        if int(shapely.get_num_coordinates(geometries).sum()) <= MAX_DRAWN_VERTICES:
            break
        tolerance *= 4
    drawn = frame.set_geometry(gpd.GeoSeries(geometries, index=frame.index, crs=frame.crs))
    return drawn[~drawn.geometry.is_empty]


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
    with matplotlib.rc_context(TEXT_IS_TEXT):
        return _build(story, lang, view)


def _build(story: Story, lang: Lang, view: str | None) -> StaticMap:
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

    extent = _fill_frame(extent, MAP_AXES[2] * WIDTH_IN / (MAP_AXES[3] * HEIGHT_IN))
    output_pixel = (extent[2] - extent[0]) / (MAP_AXES[2] * WIDTH_IN * PNG_DPI)
    features = _story_frame(story, lang)
    local = features[~features["distant"]].to_crs(crs)
    areas = _drawable(local[local["kind"] == "area"], extent, output_pixel)
    for large, group in areas.groupby("large"):
        group.plot(
            ax=ax, facecolor=LARGE_AREA if large else AREA, alpha=0.06 if large else 0.25,
            edgecolor=LARGE_AREA if large else AREA, linewidth=1.4,
        )  # fmt: skip
    lines = _drawable(local[local["kind"] == "line"], extent, output_pixel)
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
                    fontsize=12, color=PALETTE["largeAreaName"], style="italic",
                    alpha=0.8)  # fmt: skip

    figure.canvas.draw()  # labels are placed on the drawn layout
    renderer = figure.canvas.get_renderer()
    taken = _BoxGrid(2 * SAME_SPOT_PX, figure.bbox.width, figure.bbox.height)
    labelled_at = _BoxGrid(SAME_SPOT_PX, figure.bbox.width, figure.bbox.height)
    candidates = []
    at = ax.transData.transform(shapely.get_coordinates(points.geometry.values).reshape(-1, 2))
    for (x, y), (_, row) in zip(at, points.iterrows(), strict=True):
        taken.add((x - 5, y - 5, x + 5, y + 5))
        # A key place drawn on top of an earlier one (al-Nuri in Mosul) stays unnamed at
        # this scale: its label could not say which dot it names.
        near = (x - SAME_SPOT_PX, y - SAME_SPOT_PX, x + SAME_SPOT_PX, y + SAME_SPOT_PX)
        if row["labelled"] and all(
            math.dist((x, y), p[:2]) > SAME_SPOT_PX for p in labelled_at.near(near)
        ):
            labelled_at.add((x, y, x, y))
            candidates.append((row["id"], row["name"], row.geometry.x, row.geometry.y))
    for artist in _decorate(figure, ax, story, lang, extent, crs):
        e = artist.get_window_extent(renderer)
        taken.add((e.x0, e.y0, e.x1, e.y1))
    labels = _place_labels(figure, ax, candidates, taken)
    return StaticMap(figure, labels)


def _decorate(figure: Figure, ax, story: Story, lang: Lang, extent, crs: str) -> list:
    """Title, credit line, scale bar and locator inset; returns artists labels must avoid."""
    as_of = f"{text('as_of', lang)}: {day_text(story.as_of, lang)}"
    figure.text(0.02, 0.955, story.title[lang], fontsize=20, fontweight="bold", va="center")
    figure.text(0.02, 0.915, f"{as_of} · {source_line(story, lang)}", fontsize=12,
                color="#444", va="center")  # fmt: skip
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
