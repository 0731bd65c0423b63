"""Static images of a story for print and social media: PNG and SVG.

Drawn with geopandas and matplotlib from the same base map, context layers and story
data as the interactive map, in the project's own typeface (Noto Sans): countries,
rivers and lakes, areas, the border line, places and events, the story's figure
callouts, names placed so that none overlaps another, a legend, a scale bar, a locator
inset, a close-up panel where the story's heart is too small for the scale, and the
credit line. Sizes by name (`sizes.SIZES`). In the SVG, text stays text (searchable,
editable in a graphics program) and the typeface is embedded. The key lists what is seen.

Story text is text here too: matplotlib would read `$...$` as math (dropping dollar signs,
or failing on a bad formula), so every Text is made with math parsing off. The work is
bounded whatever the story holds: labels are placed with a grid index (near-linear), and
story geometry is clipped and simplified to the output resolution within a vertex budget.
"""

from __future__ import annotations

import base64
import io
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Literal

import geopandas as gpd
import matplotlib
import pandas as pd
import shapely
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from shapely.geometry import box

from dashboard.core.geometry import view_bounds
from dashboard.core.i18n import Lang, text
from dashboard.core.line_simplify import simplify_for_drawing
from dashboard.core.model import Story
from dashboard.core.palette import PALETTE
from dashboard.core.wording import day_text, figure_value_text
from dashboard.reader.base_ground import clipped_countries, scale_for_zoom
from dashboard.reader.context import story_context
from dashboard.render.print.closeup import (
    closeup_areas,
    closeup_view,
    draw_closeup,
    mark_closeup,
)
from dashboard.render.print.furniture import decorate
from dashboard.render.print.ground import BoxGrid, GroundPainter, web_zoom
from dashboard.render.print.labels import (
    JointNames,
    PlacedLabel,
    name_joint_places,
    name_minor_places,
    place_labels,
)
from dashboard.render.print.layout import (
    Layout,
    box_of_view,
    city_areas,
    draw_legend,
    extent_of,
    layout_for,
    legend_entries,
    legend_rows,
    line_grid,
    seen_areas,
    wrap,
)
from dashboard.render.print.projection import (
    Extent,
    clean_axes,
    degree_bounds,
    fill_frame,
    local_crs,
    projected_extent,
    story_frame,
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


def build_static_map(
    story: Story, lang: Lang, view: str | None = None, size: str = "default"
) -> StaticMap:
    """The story's map as a matplotlib Figure, ready to save as PNG or SVG."""
    register_fonts()
    with matplotlib.rc_context({**TEXT_IS_TEXT, "font.family": "Noto Sans"}):
        return _build(story, lang, view, SIZES[size])


@dataclass
class _Canvas:
    """The map being drawn: its axes, projection and the display pixels names avoid."""

    figure: Figure
    ax: Axes
    size: PrintSize
    layout: Layout
    crs: str
    extent: Extent
    zoom: float
    taken: BoxGrid
    key_rows: int = 0  # the rows the key was given room for
    events: tuple[tuple[str, bool], ...] = ()  # event names as the key would give them

    @property
    def renderer(self):
        return self.figure.canvas.get_renderer()

    @property
    def inside(self):
        return self.ax.get_window_extent(self.renderer)

    @property
    def px_per_pt(self) -> float:
        return self.figure.dpi / 72

    def shows(self, x: float, y: float) -> bool:
        """Whether a spot (display pixels) lies inside the map's frame."""
        inside = self.inside
        return inside.x0 <= x <= inside.x1 and inside.y0 <= y <= inside.y1

    def to_data(self, spot):
        return self.ax.transData.inverted().transform(spot)


@dataclass
class _Points:
    """The story's places and events as drawn: where their markers went, which kinds
    are shown, and the names still to place (key ones and minor ones)."""

    spots: dict[tuple[str, bool], list[tuple[float, float]]] = field(default_factory=dict)
    markers: list[tuple[float, float]] = field(default_factory=list)
    candidates: list[tuple[str, str, float, float]] = field(default_factory=list)
    minor: list[tuple[str, str, float, float]] = field(default_factory=list)
    # key places drawn as one dot: (index in candidates, spot, names)
    stacked: list[tuple[int, tuple[float, float], list[str]]] = field(default_factory=list)


def _build(
    story: Story,
    lang: Lang,
    view: str | None,
    size: PrintSize,
    extra_rows: int = 0,
    context: list | None = None,
) -> StaticMap:
    features = story_frame(story, lang)
    (south, west), (north, east) = view_bounds(story, view)
    in_view = features[~features["distant"] & features.intersects(box(west, south, east, north))]
    kinds = {(k, h) for k, h in zip(in_view["kind"], in_view["hindsight"], strict=True)}
    estimate = bool(in_view["estimate"].any())
    line_names = sorted(set(in_view.loc[in_view["kind"] == "line", "name"]))
    line_name = line_names[0] if len(line_names) == 1 else None
    key = partial(legend_entries, story, lang, estimate=estimate, line_name=line_name)
    # a few event marks are keyed by name, where the key has the room
    events = in_view[in_view["kind"] == "event"]
    names = list(zip(events["name"], events["hindsight"].astype(bool), strict=True))
    canvas = _frame_map(
        story, lang, size, view, partial(key, kinds, rivers=True, cities=True), names, extra_rows
    )
    ground = GroundPainter(
        canvas.figure,
        canvas.ax,
        canvas.crs,
        size,
        canvas.zoom,
        canvas.taken,
        _corners(canvas.inside),
    )
    context = story_context(story) if context is None else context
    ground.draw_water(context)
    local = features[~features["distant"]].to_crs(canvas.crs)
    areas, lines = _draw_shapes(canvas, local)
    closeup = (
        closeup_view(story, view, features, canvas.ax, canvas.crs) if not size.compact else None
    )
    points = _draw_points(canvas, local, box_of_view(story, closeup))
    # the key explains what is seen: no area too small to be seen as one, nor its dashes
    keyed = ["kind", "hindsight", "estimate"]
    seen = seen_areas(areas, canvas.extent, canvas.layout, size)[keyed]
    if closeup is not None:
        seen = pd.concat([seen, closeup_areas(story, features, closeup)[keyed]])
    drawn_kinds = pd.concat([seen[["kind", "hindsight"]], lines[["kind", "hindsight"]]])
    shown = set(points.spots) | {(k, bool(h)) for k, h in drawn_kinds.itertuples(index=False)}
    for artist in decorate(
        canvas.figure, canvas.ax, canvas.extent, canvas.crs, size, canvas.layout
    ):
        canvas.taken.add(extent_of(artist, canvas.renderer))
    if closeup is not None:
        _add_closeup(canvas, story, lang, closeup, points.markers, lines)
    joint, labels = _name_story(canvas, ground, story, lang, view, (points, areas, lines))
    story_names = _name_large_areas(canvas, ground, areas)
    ground.name_ground([c for c in context if c.name[lang].casefold() not in story_names], lang)
    layers = {layer for layer, _, _ in ground.placed}
    drawn = partial(
        key,
        shown,
        rivers="river" in layers,
        cities="city" in layers,
        estimate=bool(seen["estimate"].any()),
    )
    entries = drawn(references=joint.key)
    named = drawn(events=canvas.events, references=joint.key)
    key_width = canvas.figure.bbox.width * canvas.layout.map_axes[2]
    if legend_rows(canvas.figure, named, size, key_width) <= canvas.key_rows:
        entries = named
    needed = legend_rows(canvas.figure, entries, size, key_width)
    if needed > canvas.key_rows and not extra_rows:
        # lettered names the key spells out: drawn again with the room for them
        return _build(story, lang, view, size, needed - canvas.key_rows, context)
    draw_legend(canvas.figure, entries, size, canvas.layout)
    return StaticMap(canvas.figure, labels, size, ground.placed)


def _name_story(
    canvas: _Canvas, ground: GroundPainter, story: Story, lang: Lang, view: str | None, drawn
) -> tuple[JointNames, list[PlacedLabel]]:
    """The story's callouts, then its names: key places off the story's lines where they
    can be, minor places only off them; the ground's names, later, keep off them too.
    `drawn` is (points, areas, lines) as drawn."""
    points, areas, lines = drawn
    # Callouts before the story's names, which then keep clear of them; a callout keeps
    # off the story's lines where it can (the Raqqa callout on the border, column size).
    on_lines = line_grid(canvas.ax, lines.geometry.values, canvas.taken.cell)
    _draw_callouts(canvas, ground, story, lang, view, on_lines)
    place = partial(place_labels, canvas.figure, canvas.ax, taken=canvas.taken, clear_of=on_lines)
    candidates = points.candidates + city_areas(areas, canvas.extent)
    joint = name_joint_places(
        partial(place, fontsize=canvas.size.pt(1.0)), candidates, points.stacked, lang
    )
    minor = partial(place, fontsize=canvas.size.pt(0.85))
    labels = joint.labels + name_minor_places(minor, points.minor, joint.labels)
    canvas.taken.merge(on_lines)
    return joint, labels


def _frame_map(
    story: Story,
    lang: Lang,
    size: PrintSize,
    view: str | None,
    key: Callable[..., list],
    events: list[tuple[str, bool]],
    extra_rows: int = 0,
) -> _Canvas:
    """The figure with its title, key and credit laid out, and the map's axes with the
    land and sea of the view drawn in a projection centred on it. The key gets room for
    the `events` in view keyed by name (wrapped to its width: a diamond the key calls
    only "events" would say nothing), and `extra_rows` more where names need them."""
    figure = Figure(figsize=(size.width_in, size.height_in), dpi=size.dpi)
    canvas = FigureCanvasAgg(figure)  # no pyplot: safe in a server's threads
    # geopandas asks for a redraw after every layer; the image is drawn when it is saved
    # (and once before names are placed), not twenty times.
    canvas.draw_idle = lambda *args, **kwargs: None  # type: ignore[method-assign]
    width_px = figure.bbox.width * (0.92 if size.width_in < 8 else 0.96)
    named = tuple(
        ("\n".join(wrap(figure, name, size.pt(0.8), width_px * 0.85)), hindsight)
        for name, hindsight in events
    )
    rows = legend_rows(figure, key(events=named), size, width_px) + extra_rows
    layout = layout_for(figure, story, lang, size, rows)
    ax = figure.add_axes(layout.map_axes)
    ax_w_in = layout.map_axes[2] * size.width_in
    ax_h_in = layout.map_axes[3] * size.height_in
    (south, west), (north, east) = view_bounds(story, view)
    lat0 = (south + north) / 2
    crs = local_crs((west + east) / 2, lat0)
    extent = fill_frame(projected_extent(west, south, east, north, crs), ax_w_in / ax_h_in)
    corners = degree_bounds(extent, crs)
    margin_lonlat = box(corners[0] - 3, corners[1] - 3, corners[2] + 3, corners[3] + 3)
    ax.set_facecolor(SEA)
    zoom = web_zoom(extent, ax_w_in, lat0)
    base = gpd.GeoDataFrame(
        geometry=clipped_countries(scale_for_zoom(zoom), margin_lonlat), crs=4326
    )
    if not base.empty:
        base.to_crs(crs).plot(ax=ax, color=LAND, edgecolor=OUTLINE, linewidth=0.6)
    ax.set_xlim(extent[0], extent[2])
    ax.set_ylim(extent[1], extent[3])
    ax.set_aspect("equal")
    clean_axes(ax)
    figure.canvas.draw()
    taken = BoxGrid(40, figure.bbox.width, figure.bbox.height)
    return _Canvas(figure, ax, size, layout, crs, extent, zoom, taken, rows, named)


def _draw_shapes(
    canvas: _Canvas, local: gpd.GeoDataFrame
) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """The story's areas (country-sized ones faint) and lines, as drawn."""
    ax, size, extent = canvas.ax, canvas.size, canvas.extent
    output_pixel = (extent[2] - extent[0]) / (canvas.layout.map_axes[2] * size.width_in * size.dpi)
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
    return areas, lines


def _near(grid: BoxGrid, spot: tuple[float, float], distance: float) -> bool:
    around = (spot[0] - distance, spot[1] - distance, spot[0] + distance, spot[1] + distance)
    return any(math.dist(spot, p[:2]) < distance for p in grid.near(around))


def _aside(canvas: _Canvas, drawn: BoxGrid, x: float, y: float) -> tuple[float, float] | None:
    """Where a marker on an earlier one's spot goes: aside, on a ring around it; None
    when the ring is full too (a crowd)."""
    same_spot = SAME_SPOT_PT * canvas.px_per_pt
    spot, step = (x, y), 0
    while step < RING_STEPS and _near(drawn, spot, same_spot):
        angle = math.radians(-45 + 60 * step)
        reach = (SAME_SPOT_PT + 2 + 4 * (step // 6)) * canvas.px_per_pt
        spot = (x + reach * math.cos(angle), y + reach * math.sin(angle))
        step += 1
    if step == RING_STEPS and _near(drawn, spot, same_spot):
        return None
    return spot


def _draw_points(canvas: _Canvas, local: gpd.GeoDataFrame, closeup_box) -> _Points:
    """Markers of the story's places and events, with the names to place for them.

    Places first, then events; a point on an earlier one's spot moves aside, so that
    Raqqa's events show beside Raqqa instead of under its dot."""
    points = local[local["kind"].isin(["place", "event"])]
    points = points.assign(order=(points["kind"] == "event").astype(int)).sort_values(
        ["order"], kind="stable"
    )
    ax, figure, size = canvas.ax, canvas.figure, canvas.size
    xy = ax.transData.transform(shapely.get_coordinates(points.geometry.values).reshape(-1, 2))
    same_spot = SAME_SPOT_PT * canvas.px_per_pt
    drawn = BoxGrid(2 * same_spot, figure.bbox.width, figure.bbox.height)
    labelled_at = BoxGrid(3 * same_spot, figure.bbox.width, figure.bbox.height)
    marker_pt = size.line(0.55)
    half = marker_pt * canvas.px_per_pt / 2 + 1
    found = _Points()
    for (x, y), (_, row) in zip(xy, points.iterrows(), strict=True):
        if not canvas.shows(x, y):
            continue
        # key places on one spot at this scale (Mosul and al-Nuri): one dot named for
        # both, unless the close-up shows the second where it is
        if row["labelled"] and row["kind"] == "place":
            host = next((s for s in found.stacked if math.dist(s[1], (x, y)) < same_spot), None)
            if host is not None and not _within(closeup_box, row["lonlat"]):
                host[2].append(row["name"])
                continue
        spot = _aside(canvas, drawn, x, y)
        if spot is None:
            spot = (x, y)  # a crowd: stacked where it is; the grid keeps only the ring
        elif spot != (x, y) and row["kind"] == "place" and _within(closeup_box, row["lonlat"]):
            continue  # the close-up shows it where it is, not pushed aside here
        else:
            drawn.add((spot[0], spot[1], spot[0], spot[1]))
        if spot != (x, y):  # moved aside: a leader line to where it is
            ends = canvas.to_data([(x, y), spot])
            ax.plot(
                ends[:, 0],
                ends[:, 1],
                color=PALETTE["leader"],
                linewidth=size.line(0.05),
                zorder=5.5,
            )
        found.markers.append(spot)
        found.spots.setdefault((row["kind"], bool(row["hindsight"])), []).append(spot)
        canvas.taken.add((spot[0] - half, spot[1] - half, spot[0] + half, spot[1] + half))
        # A key place drawn on top of an earlier one (al-Nuri in Mosul) stays unnamed at
        # this scale: its label could not say which dot it names (the close-up does).
        if row["labelled"] and not _near(labelled_at, (x, y), 3 * same_spot):
            labelled_at.add((x, y, x, y))
            data = canvas.to_data(spot)
            if row["kind"] == "place":
                found.stacked.append((len(found.candidates), (x, y), [row["name"]]))
            found.candidates.append((row["id"], row["name"], data[0], data[1]))
        elif not row["labelled"] and row["kind"] == "place":
            data = canvas.to_data(spot)
            found.minor.append((row["id"], row["name"], data[0], data[1]))
    _draw_markers(canvas, found.spots, marker_pt)
    return found


def _corners(bbox) -> tuple[float, float, float, float]:
    return bbox.x0, bbox.y0, bbox.x1, bbox.y1


def _within(area, point) -> bool:
    return area is not None and area.contains(point)


def _draw_markers(
    canvas: _Canvas, spots: dict[tuple[str, bool], list[tuple[float, float]]], marker_pt: float
) -> None:
    """One marker per spot: places as dots, events as diamonds, hindsight ones hollow."""
    for (kind, hindsight), group in spots.items():
        data = canvas.to_data(group)
        canvas.ax.plot(
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


def _add_closeup(
    canvas: _Canvas,
    story: Story,
    lang: Lang,
    closeup: str,
    markers: list[tuple[float, float]],
    lines: gpd.GeoDataFrame,
) -> None:
    """The close-up's mark on the map and its panel, where it hides least."""
    own = mark_closeup(canvas.ax, story, closeup, canvas.crs)
    line_spots = list(canvas.ax.transData.transform(shapely.get_coordinates(lines.geometry.values)))
    # hiding the close-up's own place is worst, then a story mark, then a line's bend
    panel = draw_closeup(
        canvas.figure,
        story,
        lang,
        closeup,
        canvas.size,
        canvas.layout,
        markers * 10 + [own] * 100 + line_spots,
    )
    canvas.taken.add(extent_of(panel, canvas.renderer))


def _draw_callouts(
    canvas: _Canvas,
    ground: GroundPainter,
    story: Story,
    lang: Lang,
    view: str | None,
    on_lines: BoxGrid,
) -> None:
    """The story's figures that call out on this view, beside their places in the frame
    and off the story's lines (`on_lines`)."""
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
        px, py = canvas.ax.transData.transform(
            gpd.GeoSeries([point], crs=4326).to_crs(canvas.crs).get_coordinates().to_numpy()[0]
        )
        if canvas.shows(px, py):
            as_of = f"{text('as_of', lang)}: {day_text(figure_item.as_of, lang)}"
            if canvas.size.compact and figure_item.as_of == story.as_of:
                as_of = None  # the header says it: a small image keeps the room
            ground.callout(
                (point.x, point.y),
                figure_value_text(figure_item, lang),
                figure_item.label[lang],
                as_of,
                avoid=on_lines,
            )


def _name_large_areas(canvas: _Canvas, ground: GroundPainter, areas: gpd.GeoDataFrame) -> set[str]:
    """Country-sized story areas are named by the story, in the middle of their visible
    part; returns their names, so that the context layer's name for the same ground is
    left out."""
    frame = box(*canvas.extent)
    story_names = set()
    for _, row in areas[areas["large"] & (canvas.zoom < COUNTRY_NAME_MAX_ZOOM)].iterrows():
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
        for spot in [visible] + [c for c in cells if not c.is_empty and c.area > 0]:
            point = spot.representative_point()
            xy = canvas.ax.transData.transform((point.x, point.y))
            if ground.name_area(row["name"].upper(), xy):
                break
    return story_names


def render_image(
    story: Story, lang: Lang, fmt: ImageFormat, view: str | None = None, size: str = "default"
) -> bytes:
    """PNG or SVG bytes of a view of the story (default: the first) at a named size."""
    return build_static_map(story, lang, view, size).to_bytes(fmt)
