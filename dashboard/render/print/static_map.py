"""Static images of a story for print and social media: PNG and SVG.

Drawn with geopandas and matplotlib from the same base map, context layers and story
data as the interactive map, in the project's own typeface (Noto Sans): countries,
rivers and lakes, areas, the border line, places and events, the story's figure
callouts, names placed so that none overlaps another, a legend, a scale bar, a locator
inset, a close-up panel where the story's heart is too small for the scale, and the
credit line. Sizes by name (`print_sizes.SIZES`). In the SVG, text stays text
(searchable, editable in a graphics program) and the typeface is embedded.

Story text is text here too: matplotlib would read `$...$` as math (dropping dollar signs,
or failing on a bad formula), so every Text is made with math parsing off. The work is
bounded whatever the story holds: labels are placed with a grid index (near-linear), and
story geometry is clipped and simplified to the output resolution within a vertex budget.
"""

from __future__ import annotations

import base64
import io
import math
import textwrap
from dataclasses import dataclass
from typing import Literal

import geopandas as gpd
import matplotlib
import pandas as pd
import shapely
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.text import Text as MplText
from shapely.geometry import box

from dashboard.core.geometry import is_large_area, view_bounds
from dashboard.core.i18n import Lang, text
from dashboard.core.line_simplify import simplify_for_drawing
from dashboard.core.model import Story
from dashboard.core.palette import PALETTE
from dashboard.core.wording import day_text, figure_value_text
from dashboard.reader.basemap import basemap_frame
from dashboard.reader.context import story_context
from dashboard.render.print.ground import BoxGrid, GroundPainter, web_zoom
from dashboard.render.print.layout import (
    Layout,
    box_of_view,
    city_areas,
    draw_legend,
    extent_of,
    layout_for,
    legend_entries,
    legend_rows,
    line_samples,
)
from dashboard.render.print.sizes import FONT_DIR, SIZES, PrintSize, register_fonts

ImageFormat = Literal["png", "svg"]

SEA, LAND, OUTLINE = PALETTE["sea"], PALETTE["land"], PALETTE["outline"]
PLACE, EVENT, LINE, AREA, LARGE_AREA = (
    PALETTE[name] for name in ("place", "event", "line", "area", "largeArea")
)
SAME_SPOT_PT = 8  # markers closer than this (points) are moved apart to stay visible
RING_STEPS = 6  # places on the ring around a crowded spot
# Every Text (titles, labels, legends a library adds) shows its string as written.
TEXT_IS_TEXT = {"text.parse_math": False, "text.usetex": False}
# The most vertices of story geometry one image draws: a print map needs far fewer, and
# Agg's time and memory grow with them (a zig-zag of a million vertices fails outright).
MAX_DRAWN_VERTICES = 60_000
# Beyond this (Web Mercator) zoom a country's name says nothing the frame does not.
COUNTRY_NAME_MAX_ZOOM = 9
# A story feature smaller than this (points) at the map's scale is shown in a close-up.
TINY_PT = 4
# Where a label may sit relative to its point, in points (tried in this order).
LABEL_OFFSETS = (
    (6, 0, "left", "center"),
    (-6, 0, "right", "center"),
    (0, 6, "center", "bottom"),
    (0, -6, "center", "top"),
    (5, 5, "left", "bottom"),
    (-5, -5, "right", "top"),
    (5, -5, "left", "top"),
    (-5, 5, "right", "bottom"),
)


@dataclass(frozen=True)
class PlacedLabel:
    feature_id: str
    text: str
    bbox: tuple[float, float, float, float]  # x0, y0, x1, y1 in display pixels


@dataclass
class StaticMap:
    figure: Figure
    labels: list[PlacedLabel]
    size: PrintSize
    ground: list[tuple[str, str, tuple[float, float, float, float]]]  # layer, name, box

    def to_bytes(self, fmt: ImageFormat) -> bytes:
        buffer = io.BytesIO()
        # svg.fonttype "none": text is written as <text>, not as glyph outlines. The same
        # story gives the same bytes: no date in the SVG's metadata, and its element ids
        # hashed with a fixed salt (matplotlib salts them with a random one by default).
        settings = {"svg.fonttype": "none", "svg.hashsalt": "lagekarte", **TEXT_IS_TEXT}
        with matplotlib.rc_context(settings):
            self.figure.savefig(
                buffer, format=fmt, dpi=self.size.dpi, facecolor="white", metadata={"Date": None}
            )
        data = buffer.getvalue()
        return _embed_font(data) if fmt == "svg" else data


def _embed_font(svg: bytes) -> bytes:
    """The typeface inside the SVG (@font-face), so it shows as designed anywhere."""
    faces = "".join(
        f'@font-face{{font-family:"Noto Sans";font-weight:{weight};font-style:{style};'
        f"src:url(data:font/ttf;base64,{base64.b64encode(path.read_bytes()).decode()})}}"
        for weight, style, path in (
            (400, "normal", FONT_DIR / "NotoSans-Regular.ttf"),
            (600, "normal", FONT_DIR / "NotoSans-SemiBold.ttf"),
            (400, "italic", FONT_DIR / "NotoSans-Italic.ttf"),
        )
    )
    head, sep, tail = svg.partition(b"<defs>")
    if not sep:
        return svg
    return head + sep + f"<style>{faces}</style>".encode() + tail


def _local_crs(lat: float, lon: float) -> str:
    """An equal-area projection centred on the map: distances true near the centre."""
    return f"+proj=laea +lat_0={lat:.4f} +lon_0={lon:.4f} +datum=WGS84 +units=m +no_defs"


def _story_frame(story: Story, lang: Lang) -> gpd.GeoDataFrame:
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


def _label_box(
    x: float, y: float, size: tuple[float, float], offset: tuple, px_per_pt: float
) -> tuple[float, float, float, float]:
    """Where a label of `size` (w, h pixels) lies at one of LABEL_OFFSETS from (x, y)."""
    dx, dy, ha, va = offset
    width, height = size
    left = x + dx * px_per_pt - {"left": 0, "center": width / 2, "right": width}[ha]
    bottom = y + dy * px_per_pt - {"bottom": 0, "center": height / 2, "top": height}[va]
    return left, bottom, left + width, bottom + height


def _place_labels(
    figure: Figure,
    ax,
    candidates: list[tuple[str, str, float, float]],
    taken: BoxGrid,
    fontsize: float,
) -> list[PlacedLabel]:
    """Greedy placement: each label takes the first position that overlaps nothing.

    Each label is measured once; its candidate positions are that box moved about."""
    renderer = figure.canvas.get_renderer()
    inside = ax.get_window_extent(renderer)
    px_per_pt = figure.dpi / 72
    style = {"fontsize": fontsize, "fontweight": "semibold", "color": "#111"}
    ruler = MplText(0, 0, "", figure=figure, **style)
    pad = 0.15 * fontsize * px_per_pt  # the white box around the text
    placed: list[PlacedLabel] = []
    for feature_id, label, x, y in candidates:
        ruler.set_text(label)
        extent = ruler.get_window_extent(renderer)
        xd, yd = ax.transData.transform((x, y))
        for offset in LABEL_OFFSETS:
            b = _label_box(xd, yd, (extent.width, extent.height), offset, px_per_pt)
            b = (b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad)
            within = (
                inside.x0 <= b[0] and b[2] <= inside.x1 and inside.y0 <= b[1] and b[3] <= inside.y1
            )
            if within and not taken.overlaps(b):
                dx, dy, ha, va = offset
                ax.annotate(
                    label,
                    (x, y),
                    xytext=(dx, dy),
                    textcoords="offset points",
                    ha=ha,
                    va=va,
                    zorder=10,
                    **style,
                    bbox={
                        "boxstyle": "square,pad=0.15",
                        "fc": "white",
                        "ec": "none",
                        "alpha": 0.85,
                    },
                )
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
    geometries = shapely.clip_by_rect(
        frame.geometry.values, x0 - margin, y0 - margin, x1 + margin, y1 + margin
    )
    tolerance = pixel / 2
    while True:
        geometries = simplify_for_drawing(geometries, tolerance)
        if int(shapely.get_num_coordinates(geometries).sum()) <= MAX_DRAWN_VERTICES:
            break
        tolerance *= 4
    drawn = frame.set_geometry(gpd.GeoSeries(geometries, index=frame.index, crs=frame.crs))
    return drawn[~drawn.geometry.is_empty]


def _nice_length_km(span_km: float) -> float:
    """A round scale-bar length of about a fifth of the map's width."""
    target = span_km / 5
    magnitude = 10 ** math.floor(math.log10(target))
    for step in (5, 2, 1):
        if step * magnitude <= target:
            return step * magnitude
    return magnitude


def build_static_map(
    story: Story, lang: Lang, view: str | None = None, size: str = "default"
) -> StaticMap:
    """The story's map as a matplotlib Figure, ready to save as PNG or SVG."""
    register_fonts()
    with matplotlib.rc_context({**TEXT_IS_TEXT, "font.family": "Noto Sans"}):
        return _build(story, lang, view, SIZES[size])


def _build(story: Story, lang: Lang, view: str | None, size: PrintSize) -> StaticMap:
    figure = Figure(figsize=(size.width_in, size.height_in), dpi=size.dpi)
    canvas = FigureCanvasAgg(figure)  # no pyplot: safe in a server's threads
    # geopandas asks for a redraw after every layer; the image is drawn when it is saved
    # (and once before names are placed), not twenty times.
    canvas.draw_idle = lambda *args, **kwargs: None  # type: ignore[method-assign]
    features = _story_frame(story, lang)
    (south, west), (north, east) = view_bounds(story, view)
    in_view = features[~features["distant"] & features.intersects(box(west, south, east, north))]
    kinds = {(k, h) for k, h in zip(in_view["kind"], in_view["hindsight"], strict=True)}
    estimate = bool(in_view["estimate"].any())
    width_px = figure.bbox.width * (0.92 if size.width_in < 8 else 0.96)
    line_names = sorted(set(in_view.loc[in_view["kind"] == "line", "name"]))
    line_name = line_names[0] if len(line_names) == 1 else None
    possible = legend_entries(
        story, lang, kinds, rivers=True, cities=True, estimate=estimate, line_name=line_name
    )
    layout = layout_for(figure, story, lang, size, legend_rows(figure, possible, size, width_px))
    ax = figure.add_axes(layout.map_axes)
    ax_w_in = layout.map_axes[2] * size.width_in
    ax_h_in = layout.map_axes[3] * size.height_in

    lat0 = (south + north) / 2
    crs = _local_crs(lat0, (west + east) / 2)
    extent = gpd.GeoSeries([box(west, south, east, north)], crs=4326).to_crs(crs).total_bounds
    extent = _fill_frame(extent, ax_w_in / ax_h_in)
    corners = gpd.GeoSeries([box(*extent)], crs=crs).to_crs(4326).total_bounds
    margin_lonlat = box(corners[0] - 3, corners[1] - 3, corners[2] + 3, corners[3] + 3)
    ax.set_facecolor(SEA)
    base = gpd.GeoDataFrame(
        geometry=list(basemap_frame("region").geometry) + list(basemap_frame("world").geometry),
        crs=4326,
    ).clip(margin_lonlat)
    if not base.empty:
        base.to_crs(crs).plot(ax=ax, color=LAND, edgecolor=OUTLINE, linewidth=0.6)
    ax.set_xlim(extent[0], extent[2])
    ax.set_ylim(extent[1], extent[3])
    ax.set_aspect("equal")
    _clean_axes(ax)

    zoom = web_zoom(extent, ax_w_in, lat0)
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    inside = ax.get_window_extent(renderer)
    taken = BoxGrid(40, figure.bbox.width, figure.bbox.height)
    ground = GroundPainter(
        figure, ax, crs, size, zoom, taken, (inside.x0, inside.y0, inside.x1, inside.y1)
    )
    context = story_context(story)
    ground.draw_water(context)

    output_pixel = (extent[2] - extent[0]) / (ax_w_in * size.dpi)
    local = features[~features["distant"]].to_crs(crs)
    areas = _drawable(local[local["kind"] == "area"], extent, output_pixel)
    for large, group in areas.groupby("large"):
        group.plot(
            ax=ax,
            facecolor=LARGE_AREA if large else AREA,
            alpha=0.06 if large else 0.25,
            edgecolor=LARGE_AREA if large else AREA,
            linewidth=size.line(0.1),
            linestyle="-",
            zorder=2,
        )
        estimated = group[group["estimate"]]
        if not estimated.empty:
            estimated.boundary.plot(
                ax=ax,
                color=LARGE_AREA if large else AREA,
                linewidth=size.line(0.1),
                linestyle="--",
                zorder=2.1,
            )
    lines = _drawable(local[local["kind"] == "line"], extent, output_pixel)
    if not lines.empty:
        lines.plot(ax=ax, color=LINE, linewidth=size.line(0.22), zorder=4)

    px_per_pt = figure.dpi / 72
    closeup = _closeup_view(story, view, features, ax, crs) if not size.compact else None
    closeup_box = box_of_view(story, closeup)
    points = local[local["kind"].isin(["place", "event"])]
    # Places first, then events; a point on an earlier one's spot moves aside, so that
    # Raqqa's events show beside Raqqa instead of under its dot.
    points = points.assign(order=(points["kind"] == "event").astype(int)).sort_values(
        ["order"], kind="stable"
    )
    xy = ax.transData.transform(shapely.get_coordinates(points.geometry.values).reshape(-1, 2))
    same_spot = SAME_SPOT_PT * px_per_pt
    drawn = BoxGrid(2 * same_spot, figure.bbox.width, figure.bbox.height)
    spots: dict[tuple[str, bool], list[tuple[float, float]]] = {}
    marker_pt = size.line(0.55)
    half = marker_pt * px_per_pt / 2 + 1
    candidates: list[tuple[str, str, float, float]] = []
    minor: list[tuple[str, str, float, float]] = []
    labelled_at = BoxGrid(3 * same_spot, figure.bbox.width, figure.bbox.height)
    markers: list[tuple[float, float]] = []

    def near(grid: BoxGrid, spot: tuple[float, float], distance: float) -> bool:
        around = (spot[0] - distance, spot[1] - distance, spot[0] + distance, spot[1] + distance)
        return any(math.dist(spot, p[:2]) < distance for p in grid.near(around))

    for (x, y), (_, row) in zip(xy, points.iterrows(), strict=True):
        if not (inside.x0 <= x <= inside.x1 and inside.y0 <= y <= inside.y1):
            continue
        spot, step = (x, y), 0
        while step < RING_STEPS and near(drawn, spot, same_spot):  # aside, on a ring around it
            angle = math.radians(-45 + 60 * step)
            reach = (SAME_SPOT_PT + 2 + 4 * (step // 6)) * px_per_pt
            spot = (x + reach * math.cos(angle), y + reach * math.sin(angle))
            step += 1
        if step == RING_STEPS and near(drawn, spot, same_spot):
            spot = (x, y)  # a crowd: stacked where it is; the grid keeps only the ring
        elif (
            step
            and row["kind"] == "place"
            and closeup_box is not None
            and closeup_box.contains(row["lonlat"])
        ):
            continue  # the close-up shows it where it is, not pushed aside here
        else:
            drawn.add((spot[0], spot[1], spot[0], spot[1]))
        if spot != (x, y):  # moved aside: a leader line to where it is
            ends = ax.transData.inverted().transform([(x, y), spot])
            ax.plot(ends[:, 0], ends[:, 1], color="#333", linewidth=size.line(0.05), zorder=5.5)
        markers.append(spot)
        spots.setdefault((row["kind"], bool(row["hindsight"])), []).append(spot)
        taken.add((spot[0] - half, spot[1] - half, spot[0] + half, spot[1] + half))
        # A key place drawn on top of an earlier one (al-Nuri in Mosul) stays unnamed at
        # this scale: its label could not say which dot it names (the close-up does).
        if row["labelled"] and not near(labelled_at, (x, y), 3 * same_spot):
            labelled_at.add((x, y, x, y))
            data = ax.transData.inverted().transform(spot)
            candidates.append((row["id"], row["name"], data[0], data[1]))
        elif not row["labelled"] and row["kind"] == "place":
            data = ax.transData.inverted().transform(spot)
            minor.append((row["id"], row["name"], data[0], data[1]))
    for (kind, hindsight), group in spots.items():
        data = ax.transData.inverted().transform(group)
        ax.plot(
            data[:, 0],
            data[:, 1],
            linestyle="none",
            marker="D" if kind == "event" else "o",
            markersize=marker_pt * (0.85 if kind == "event" else 1),
            markerfacecolor="white" if hindsight else (EVENT if kind == "event" else PLACE),
            markeredgecolor=EVENT if kind == "event" else "white",
            markeredgewidth=0.8,
            zorder=6 if kind == "place" else 5,
        )

    # the key lists what is drawn: no events when none is in the frame
    drawn_kinds = pd.concat([areas[["kind", "hindsight"]], lines[["kind", "hindsight"]]])
    shown = set(spots) | {(k, bool(h)) for k, h in drawn_kinds.itertuples(index=False)}
    decorations = _decorate(figure, ax, story, lang, extent, crs, size, layout)
    for artist in decorations:
        taken.add(extent_of(artist, renderer))
    if closeup is not None:
        own = _mark_closeup(ax, story, closeup, crs)
        line_spots = list(ax.transData.transform(shapely.get_coordinates(lines.geometry.values)))
        # hiding the close-up's own place is worst, then a story mark, then a line's bend
        panel = _closeup(
            figure, story, lang, closeup, size, layout, markers * 10 + [own] * 100 + line_spots
        )
        taken.add(extent_of(panel, renderer))
    candidates += city_areas(areas, extent)
    labels = _place_labels(figure, ax, candidates, taken, size.pt(1.0))
    for figure_item in story.figures:
        if figure_item.callout is None or figure_item.feature is None:
            continue
        if (
            figure_item.callout
            and view not in figure_item.callout
            and not (view is None and story.views and story.views[0].id in figure_item.callout)
        ):
            continue
        point = story.feature(figure_item.feature).geometry.representative_point()
        px, py = ax.transData.transform(
            gpd.GeoSeries([point], crs=4326).to_crs(crs).get_coordinates().to_numpy()[0]
        )
        if inside.x0 <= px <= inside.x1 and inside.y0 <= py <= inside.y1:
            as_of = f"{text('as_of', lang)}: {day_text(figure_item.as_of, lang)}"
            ground.callout(
                (point.x, point.y),
                figure_value_text(figure_item, lang),
                figure_item.label[lang],
                as_of,
            )
    # names of minor places (crossings on a border) must not hide the story's lines
    for spot in line_samples(ax.transData.transform, lines.geometry.values, 3 * px_per_pt):
        taken.add((spot[0] - 2, spot[1] - 2, spot[0] + 2, spot[1] + 2))
    labels += _place_labels(figure, ax, minor, taken, size.pt(0.85))
    # a name given in two languages ("Bab al-Hawa / Cilvegözü") tries its first alone
    named = {label.feature_id for label in labels}
    shorter = [
        (i, n.split(" / ")[0], x, y) for i, n, x, y in minor if i not in named and " / " in n
    ]
    labels += _place_labels(figure, ax, shorter, taken, size.pt(0.85))
    # Country-sized story areas are named by the story, in the middle of their visible
    # part; the context layer's name for the same ground is then left out.
    frame = box(*extent)
    story_names = set()
    for _, row in areas[areas["large"] & (zoom < COUNTRY_NAME_MAX_ZOOM)].iterrows():
        visible = row.geometry.intersection(frame)
        if visible.is_empty:
            continue
        story_names.add(row["name"].casefold())
        # the middle of the visible part first, then the middles of its ninths
        x0, y0, x1, y1 = visible.bounds
        dx, dy = (x1 - x0) / 3, (y1 - y0) / 3
        cells = [
            visible.intersection(
                box(x0 + i * dx, y0 + j * dy, x0 + (i + 1) * dx, y0 + (j + 1) * dy)
            )
            for j in (1, 0, 2)
            for i in (1, 0, 2)
        ]
        spots = [visible] + [c for c in cells if not c.is_empty and c.area > 0]
        for spot in spots:
            point = spot.representative_point()
            if ground.name_area(row["name"].upper(), ax.transData.transform((point.x, point.y))):
                break
    ground.name_ground([c for c in context if c.name[lang].casefold() not in story_names], lang)
    layers = {layer for layer, _, _ in ground.placed}
    entries = legend_entries(
        story,
        lang,
        shown,
        rivers="river" in layers,
        cities="city" in layers,
        estimate=estimate,
        line_name=line_name,
    )
    draw_legend(figure, entries, size, layout)
    return StaticMap(figure, labels, size, ground.placed)


def _closeup_view(
    story: Story, view: str | None, features: gpd.GeoDataFrame, ax, crs: str
) -> str | None:
    """A view that shows what is too small for this map's scale (the old city)."""
    to_px = ax.transData.transform
    for candidate in story.views:
        if candidate.id == view or (view is None and candidate is story.views[0]):
            continue
        (s, w), (n, e) = candidate.bounds
        corners = gpd.GeoSeries([box(w, s, e, n)], crs=4326).to_crs(crs).total_bounds
        (x0, y0), (x1, y1) = to_px(corners[:2]), to_px(corners[2:])
        if max(x1 - x0, y1 - y0) > TINY_PT * 6 * ax.figure.dpi / 72:
            continue
        inside = features[features.intersects(box(w, s, e, n)) & ~features["large"]]
        if len(inside) >= 2:
            return candidate.id
    return None


def _mark_closeup(ax, story: Story, view_id: str, crs: str) -> tuple[float, float]:
    """Mark where the close-up lies on the map; returns that spot in display pixels."""
    (s, w), (n, e) = next(v.bounds for v in story.views if v.id == view_id)
    x, y = gpd.GeoSeries([box(w, s, e, n).centroid], crs=4326).to_crs(crs).get_coordinates().iloc[0]
    ax.plot(
        [x],
        [y],
        marker="s",
        markersize=9,
        markerfacecolor="none",
        markeredgecolor=EVENT,
        markeredgewidth=1.2,
        zorder=7,
    )
    return tuple(ax.transData.transform((x, y)))


def _closeup(
    figure: Figure,
    story: Story,
    lang: Lang,
    view_id: str,
    size: PrintSize,
    layout: Layout,
    markers: list[tuple[float, float]],
):
    """A small panel of a close-up view, named with the view's name, in the lower corner
    that hides fewest of the story's markers (never the close-up's own place)."""
    view = next(v for v in story.views if v.id == view_id)
    left, bottom, width, height = layout.map_axes

    def hidden(corner: tuple[float, float], w: float, h: float) -> int:
        x0, y0 = figure.transFigure.transform(corner)
        x1, y1 = figure.transFigure.transform((corner[0] + w, corner[1] + h))
        return sum(1 for x, y in markers if x0 - 8 <= x <= x1 + 8 and y0 - 8 <= y <= y1 + 8)

    # smaller, rather than over a story mark or line (down to about half the width)
    for scale in (0.24, 0.2, 0.16, 0.13):
        w = width * scale
        h = w * figure.bbox.width / figure.bbox.height * 0.85
        corners = [
            (left + width - w - 0.008, bottom + 0.012),
            (left + 0.008, bottom + 0.09),
            (left + 0.008, bottom + height - h - 0.012),
        ]
        corner = min(corners, key=lambda c: hidden(c, w, h))
        if hidden(corner, w, h) == 0:
            break
    panel = figure.add_axes((corner[0], corner[1], w, h), zorder=5)
    (s, wst), (n, e) = view.bounds
    crs = _local_crs((s + n) / 2, (wst + e) / 2)
    extent = gpd.GeoSeries([box(wst, s, e, n)], crs=4326).to_crs(crs).total_bounds
    extent = _fill_frame(extent, w * figure.bbox.width / (h * figure.bbox.height))
    # room above for the caption
    extent = (extent[0], extent[1], extent[2], extent[3] + (extent[3] - extent[1]) * 0.25)
    extent = _fill_frame(extent, w * figure.bbox.width / (h * figure.bbox.height))
    panel.set_facecolor(LAND)
    features = _story_frame(story, lang)
    local = features[~features["distant"] & ~features["large"]].to_crs(crs)
    local = local[local.intersects(box(*extent))]
    areas = local[local["kind"] == "area"]
    if not areas.empty:
        areas.plot(ax=panel, facecolor=AREA, alpha=0.25, edgecolor=AREA, linewidth=0.8)
    places = local[(local["kind"] == "place") & local["labelled"]]
    panel.set_xlim(extent[0], extent[2])
    panel.set_ylim(extent[1], extent[3])
    panel.set_aspect("equal")
    _clean_axes(panel)
    for spine in panel.spines.values():
        spine.set_edgecolor(EVENT)
        spine.set_linewidth(1.0)
    fontsize = size.pt(0.75)
    middle = (extent[0] + extent[2]) / 2
    for _, row in places.iterrows():
        leftward = row.geometry.x > middle  # the name runs towards the panel's middle
        panel.plot(
            [row.geometry.x],
            [row.geometry.y],
            marker="o",
            markersize=size.line(0.45),
            markerfacecolor=PLACE,
            markeredgecolor="white",
            zorder=6,
        )
        name = "\n".join(textwrap.wrap(row["name"], 18, break_on_hyphens=False))
        panel.annotate(
            name,
            (row.geometry.x, row.geometry.y),
            xytext=(-4 if leftward else 4, 0),
            textcoords="offset points",
            ha="right" if leftward else "left",
            va="center",
            fontsize=fontsize,
            fontweight="semibold",
            zorder=8,
            bbox={"boxstyle": "square,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.8},
        )
    panel.text(
        0.04,
        0.96,
        view.name[lang],
        transform=panel.transAxes,
        fontsize=fontsize,
        ha="left",
        va="top",
        color=EVENT,
        fontweight="semibold",
    )
    return panel


def _decorate(
    figure: Figure, ax, story: Story, lang: Lang, extent, crs: str, size: PrintSize, layout: Layout
) -> list:
    """Title, source line, credit, scale bar and locator inset; returns artists that
    names must avoid."""
    left = layout.map_axes[0]
    figure.text(
        left,
        layout.title_y,
        "\n".join(layout.title_lines),
        fontsize=size.pt(1.55),
        fontweight="semibold",
        va="bottom",
        linespacing=1.1,
    )
    figure.text(
        left,
        layout.subtitle_y,
        "\n".join(layout.subtitle_lines),
        fontsize=size.pt(0.8),
        color="#444",
        va="bottom",
        linespacing=1.1,
    )
    figure.text(
        left,
        layout.credit_y,
        "\n".join(layout.credit_lines),
        fontsize=size.pt(0.7),
        color="#333",
        va="bottom",
        linespacing=1.2,
    )

    # Scale bar, lower left, measured in the local equal-area projection.
    span_km = (extent[2] - extent[0]) / 1000
    length_km = _nice_length_km(span_km)
    x0 = extent[0] + (extent[2] - extent[0]) * 0.03
    y0 = extent[1] + (extent[3] - extent[1]) * 0.04
    [bar] = ax.plot(
        [x0, x0 + length_km * 1000],
        [y0, y0],
        color="#111",
        linewidth=size.line(0.2),
        solid_capstyle="butt",
        zorder=7,
    )
    label = f"{length_km:g} km"
    scale = ax.text(
        x0, y0 + (extent[3] - extent[1]) * 0.012, label, fontsize=size.pt(0.75), zorder=7
    )
    if size.compact:  # one column: the story's figure needs the room more than a locator
        return [scale, bar]

    # Locator: where the map lies, on a small map of the region or the world.
    left_, bottom, width, height = layout.map_axes
    w = width * (0.2 if size.width_in >= 6 else 0.28)
    h = w * figure.bbox.width / figure.bbox.height * 0.75
    inset = figure.add_axes(
        (left_ + width - w - 0.008, bottom + height - h - 0.012, w, h), zorder=5
    )
    inset.set_facecolor(SEA)
    corners = gpd.GeoSeries([box(*extent)], crs=crs).to_crs(4326).total_bounds
    cx, cy = (corners[0] + corners[2]) / 2, (corners[1] + corners[3]) / 2
    half = min(max((corners[2] - corners[0]) * 4, 6), 45)
    half_y = half * h * figure.bbox.height / (w * figure.bbox.width)
    frame = box(cx - half, cy - half_y, cx + half, cy + half_y)
    world = gpd.GeoDataFrame(
        geometry=list(basemap_frame("world").geometry) + list(basemap_frame("region").geometry),
        crs=4326,
    ).clip(frame)
    world.plot(ax=inset, color=LAND, edgecolor=OUTLINE, linewidth=0.3)
    if corners[2] - corners[0] < half / 10:
        inset.plot(
            [cx],
            [cy],
            marker="o",
            markersize=7,
            markerfacecolor="none",
            markeredgecolor=EVENT,
            markeredgewidth=1.6,
        )
    else:
        inset.add_patch(
            Rectangle(
                (corners[0], corners[1]),
                corners[2] - corners[0],
                corners[3] - corners[1],
                fill=False,
                edgecolor=EVENT,
                linewidth=1.4,
            )
        )
    inset.set_xlim(frame.bounds[0], frame.bounds[2])
    inset.set_ylim(frame.bounds[1], frame.bounds[3])
    _clean_axes(inset)
    for spine in inset.spines.values():
        spine.set_edgecolor("#666")
    return [scale, bar, inset]


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
    """A map frame: no ticks, no axis labels (geopandas would name the CRS's axes)."""
    ax.set_xticks([])
    ax.set_yticks([])
    ax.xaxis.set_visible(False)
    ax.yaxis.set_visible(False)


def render_image(
    story: Story, lang: Lang, fmt: ImageFormat, view: str | None = None, size: str = "default"
) -> bytes:
    """PNG or SVG bytes of a view of the story (default: the first) at a named size."""
    return build_static_map(story, lang, view, size).to_bytes(fmt)
