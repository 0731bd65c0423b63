"""The frame around a print map: title, source line, key and credit, sized to the image.

Text is measured, not guessed: titles and credit lines wrap to the image's width, the
key takes as many columns as fit, and the map gets what is left.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import shapely
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.text import Text as MplText
from shapely.geometry import LineString, Polygon, box

from dashboard.core.i18n import Lang, text
from dashboard.core.model import Story
from dashboard.core.palette import PALETTE
from dashboard.core.wording import day_text, source_line
from dashboard.render.print.ground import WATER_LINE, BoxGrid
from dashboard.render.print.sizes import PrintSize

PLACE, EVENT, LINE, AREA = (PALETTE[name] for name in ("place", "event", "line", "area"))


@dataclass
class Layout:
    """Where title, map, legend and credit sit (figure fractions, bottom-up)."""

    title_lines: list[str]
    subtitle_lines: list[str]
    credit_lines: list[str]
    map_axes: tuple[float, float, float, float]
    title_y: float
    subtitle_y: float
    legend_top: float
    credit_y: float


def wrap(figure: Figure, words: str, fontsize: float, width_px: float, **style) -> list[str]:
    """Break a line of text into lines no wider than `width_px` (measured, not guessed)."""
    renderer = figure.canvas.get_renderer()
    ruler = MplText(0, 0, "", figure=figure, fontsize=fontsize, **style)
    lines: list[str] = []
    for word in words.split():
        trial = f"{lines[-1]} {word}" if lines else word
        ruler.set_text(trial)
        if lines and ruler.get_window_extent(renderer).width <= width_px:
            lines[-1] = trial
        else:
            lines.append(word)
    return lines or [""]


# A key entry wider than this share of the key's width (an event's name and source) gets
# a row of its own below the others: in a column of the key it would make every column
# of it that wide, and the whole key a single column.
WIDE_ENTRY = 0.45


def _split_wide(figure: Figure, entries: list, size: PrintSize, width_px: float):
    """The key's entries that share rows in columns, and the wide ones."""
    narrow, wide = [], []
    for handle, label in entries:
        fits = _text_width(figure, label, size) <= width_px * WIDE_ENTRY
        (narrow if fits else wide).append((handle, label))
    return narrow, wide


def legend_rows(figure: Figure, entries: list, size: PrintSize, width_px: float) -> int:
    """How many rows the key needs at this width (its columns as many as fit, a wide
    entry a row of its own); an entry on several lines counts each of them."""
    narrow, wide = _split_wide(figure, entries, size, width_px)
    more_lines = sum(label.count("\n") for _, label in entries)
    narrow, ncol = _arranged(figure, narrow, size, width_px)
    return (math.ceil(len(narrow) / ncol) if narrow else 0) + len(wide) + more_lines


def _arranged(figure: Figure, entries: list, size: PrintSize, width_px: float):
    """The entries in the order that fits most columns, and that many: as given, or the
    widest first (the key fills its columns top-down; two wide ones side by side can make
    it one column)."""
    if not entries:
        return entries, 1
    widest_first = sorted(entries, key=lambda e: -_text_width(figure, e[1], size))
    ncol = _legend_columns(figure, entries, size, width_px)
    wide_ncol = _legend_columns(figure, widest_first, size, width_px)
    if math.ceil(len(entries) / wide_ncol) < math.ceil(len(entries) / ncol):
        return widest_first, wide_ncol
    return entries, ncol


def _text_width(figure: Figure, label: str, size: PrintSize) -> float:
    ruler = MplText(0, 0, label, figure=figure, fontsize=size.pt(0.8))
    return ruler.get_window_extent(figure.canvas.get_renderer()).width


def _legend_columns(figure: Figure, entries: list, size: PrintSize, width_px: float) -> int:
    """The most columns the key fits into `width_px`: measured on the key itself, from a
    reckoning of its columns' widths down (a key of hundreds of entries is not drawn in
    every number of columns)."""
    renderer = figure.canvas.get_renderer()
    handles, labels = zip(*entries, strict=True)
    for ncol in range(_reckoned_columns(figure, labels, size, width_px), 0, -1):
        legend = figure.legend(handles, labels, ncol=ncol, fontsize=size.pt(0.8), **_KEY_STYLE)
        fits = legend.get_window_extent(renderer).width <= width_px
        legend.remove()
        if fits:
            return ncol
    return 1


def _reckoned_columns(figure: Figure, labels, size: PrintSize, width_px: float) -> int:
    """Columns the key's entries would fit in, reckoned from their texts' widths as the key
    lays them out (columns top-down, of nearly equal length), with one to spare."""
    em = size.pt(0.8) * figure.dpi / 72
    widths = [_text_width(figure, label, size) for label in labels]
    extra = (_KEY_STYLE["handlelength"] + _KEY_STYLE["handletextpad"]) * em
    for ncol in range(len(widths), 0, -1):
        columns = np.array_split(np.array(widths), ncol)
        total = sum(column.max() + extra for column in columns if len(column))
        if total + _KEY_STYLE["columnspacing"] * em * (ncol - 1) <= width_px:
            return min(len(widths), ncol + 1)
    return 1


_KEY_STYLE = {
    "frameon": False,
    "handlelength": 1.6,
    "columnspacing": 1.2,
    "handletextpad": 0.5,
    "borderaxespad": 0,
    "borderpad": 0.1,
}


def layout_for(
    figure: Figure, story: Story, lang: Lang, size: PrintSize, legend_rows: int
) -> Layout:
    """Stack the blocks from the top: title, subtitle, map; from the bottom: credit, key."""
    margin = 0.04 if size.width_in < 8 else 0.02
    width_px = figure.bbox.width * (1 - 2 * margin)
    title_pt, sub_pt, credit_pt = size.pt(1.55), size.pt(0.8), size.pt(0.7)
    title_lines = wrap(figure, story.title[lang], title_pt, width_px, fontweight="semibold")
    as_of = f"{text('as_of', lang)}: {day_text(story.as_of, lang)}"
    subtitle_lines = wrap(figure, f"{as_of} · {source_line(story, lang)}", sub_pt, width_px)
    credit = f"{story.credit[lang]} · {text('credit.context', lang)}"
    credit_lines = wrap(figure, credit, credit_pt, width_px)
    h = size.height_in * 72  # figure height in points
    top = 1 - 0.25 * 72 / h * min(1, size.width_in / 8)
    title_y = top - title_pt * 1.2 * len(title_lines) / h
    subtitle_y = title_y - sub_pt * (0.5 + 1.3 * len(subtitle_lines)) / h
    map_top = subtitle_y - sub_pt * 0.9 / h
    credit_y = 0.15 * 72 / h * min(1, size.width_in / 8) + 0.005
    # the credit's height as drawn (furniture.draw_titles), in points
    credit = MplText(0, 0, "\n".join(credit_lines), figure=figure, fontsize=credit_pt)
    credit.set_linespacing(1.2)
    credit_h = credit.get_window_extent(figure.canvas.get_renderer()).height * 72 / figure.dpi
    legend_top = credit_y + (credit_h + size.pt(0.5) + legend_rows * size.pt(0.8) * 1.75) / h
    bottom = legend_top + size.pt(0.6) / h
    return Layout(
        title_lines,
        subtitle_lines,
        credit_lines,
        (margin, bottom, 1 - 2 * margin, map_top - bottom),
        title_y,
        subtitle_y,
        legend_top,
        credit_y,
    )


def box_of_view(story: Story, view_id: str | None) -> Polygon | None:
    """A view's bounds as a lon/lat box; None for no view."""
    view = next((v for v in story.views if v.id == view_id), None)
    if view is None:
        return None
    (south, west), (north, east) = view.bounds
    return box(west, south, east, north)


# A city-sized story area (an old town) is named on the map when its visible part takes
# at least this share of the frame: in its own close-up, not as a speck in the region.
NAMED_AREA_SHARE = 0.03


def city_areas(areas: gpd.GeoDataFrame, extent) -> list[tuple[str, str, float, float]]:
    """Label candidates (id, name, x, y) for city-sized areas that fill part of the frame."""
    frame = box(*extent)
    out = []
    for _, row in areas[~areas["large"]].iterrows():
        visible = row.geometry.intersection(frame)
        if not visible.is_empty and visible.area >= NAMED_AREA_SHARE * frame.area:
            point = visible.representative_point()
            out.append((row["id"], row["name"], point.x, point.y))
    return out


def line_samples(to_px, geometries, step_px: float) -> list[tuple[float, float]]:
    """Points at most `step_px` display pixels apart along lines (given in data
    coordinates): the lines' vertices and points added between them, in linear time."""
    parts = [part for part in shapely.get_parts(geometries) if not part.is_empty]
    if not parts:
        return []
    in_px = [LineString(to_px(shapely.get_coordinates(part))) for part in parts]
    dense = shapely.get_coordinates(shapely.segmentize(np.array(in_px, dtype=object), step_px))
    # A line drawn over itself (doubling back, or a zigzag of a million vertices) gives
    # the same samples again: each is kept once, in order, so the work is bounded by what
    # the image shows rather than by the vertices in the file.
    _, first = np.unique(dense, axis=0, return_index=True)
    return [tuple(xy) for xy in dense[np.sort(first)]]


def line_grid(ax, geometries, cell: float) -> BoxGrid:
    """The story's lines (in the axes' data coordinates) as small boxes every 3 points
    along them, in a grid of the figure: what callouts and names keep off where they can."""
    figure = ax.figure
    grid = BoxGrid(cell, figure.bbox.width, figure.bbox.height)
    for x, y in line_samples(ax.transData.transform, geometries, 3 * figure.dpi / 72):
        grid.add((x - 2, y - 2, x + 2, y + 2))
    return grid


KEYED_EVENTS = 3  # at most this many event marks in view are keyed by name


def legend_entries(
    story: Story,
    lang: Lang,
    kinds: set[tuple[str, bool]],
    rivers: bool,
    cities: bool,
    estimate: bool,
    line_name: str | None = None,
    events: tuple[tuple[str, bool], ...] = (),
    references: Sequence[tuple[str, str]] = (),
) -> list[tuple[object, str]]:
    """(handle, text) for each kind of symbol the image shows, in the map's colours. One
    story line in view is keyed by its name: "borders" would also claim the base map's.
    A few event marks in view (`events`: name, hindsight) are keyed one by one, by name:
    "events" alone would not say what the diamonds beside a place are. `references`
    (letter, names) spell out a dot lettered on the map that stands for several places."""
    entries: list[tuple[object, str]] = []
    order = (("place", "places"), ("event", "events"), ("area", "areas"), ("line", "lines"))
    for kind, layer in order:
        for hindsight in (False, True):
            if (kind, hindsight) not in kinds:
                continue
            labels = [text(f"layer.{layer}", lang)]
            if kind == "line" and line_name:
                labels = [line_name]
            named = [name for name, later in events if later == hindsight]
            if kind == "event" and 0 < len(named) <= KEYED_EVENTS:
                labels = named
            if hindsight:
                labels = [f"{label} ({text('hindsight.short', lang)})" for label in labels]
            face = "white" if hindsight else (EVENT if kind == "event" else PLACE)
            if kind == "area":
                handle = Patch(facecolor=AREA, alpha=0.35, edgecolor=AREA)
            elif kind == "line":
                handle = Line2D([], [], color=LINE, linewidth=2.4)
            else:
                handle = Line2D(
                    [],
                    [],
                    linestyle="none",
                    marker="D" if kind == "event" else "o",
                    markerfacecolor=face,
                    markeredgecolor=EVENT if kind == "event" else "white",
                    markersize=6,
                )
            entries += [(handle, label) for label in labels]
            if kind == "place" and not hindsight:
                entries += [(handle, f"({letter}) {names}") for letter, names in references]
    if estimate:
        entries.append(
            (
                Line2D([], [], color=PALETTE["textFaint"], linestyle="--", linewidth=1.2),
                text("legend.estimate", lang),
            )
        )
    if cities:
        entries.append(
            (
                Line2D(
                    [],
                    [],
                    linestyle="none",
                    marker="o",
                    markerfacecolor="white",
                    markeredgecolor=PALETTE["cityDot"],
                    markersize=4.5,
                ),
                text("legend.city", lang),
            )
        )
    if rivers:
        river = Line2D([], [], color=WATER_LINE, linewidth=1.5)
        entries.append((river, text("legend.river", lang)))
    return entries


def extent_of(artist, renderer) -> tuple[float, float, float, float]:
    """Where an artist lies in display pixels; for an inset, its whole frame (the box it
    was given, whatever its data's aspect makes of it before drawing)."""
    if hasattr(artist, "get_position") and hasattr(artist, "transAxes"):
        e = artist.get_position(original=True).transformed(artist.figure.transFigure)
    else:
        e = artist.get_window_extent(renderer)
    return (e.x0, e.y0, e.x1, e.y1)


def draw_legend(figure: Figure, entries: list, size: PrintSize, layout: Layout) -> None:
    """The key, in as many columns as fit the width (fewer rows on wide images); wide
    entries in rows of their own below."""
    width_px = figure.bbox.width * layout.map_axes[2]
    top = layout.legend_top
    narrow, wide = _split_wide(figure, entries, size, width_px)
    for block, ncol in (_arranged(figure, narrow, size, width_px), (wide, 1)):
        if not block:
            continue
        handles, labels = zip(*block, strict=True)
        legend = figure.legend(
            handles,
            labels,
            loc="upper left",
            ncol=ncol,
            fontsize=size.pt(0.8),
            bbox_to_anchor=(layout.map_axes[0], top),
            **_KEY_STYLE,
        )
        bottom = legend.get_window_extent(figure.canvas.get_renderer()).y0
        top = bottom / figure.bbox.height


# An area smaller than this (points, each way) is not seen as an area, nor its dashes: the
# key does not claim it (Raqqa's city area and Mosul's old city in a region view).
AREA_SEEN_PT = 6.0


def seen_areas(
    areas: gpd.GeoDataFrame,
    extent: tuple[float, float, float, float],
    layout: Layout,
    size: PrintSize,
) -> gpd.GeoDataFrame:
    """The story's areas as drawn that are large enough to be seen as areas."""
    if areas.empty:
        return areas
    data_per_pt = (extent[2] - extent[0]) / (layout.map_axes[2] * size.width_in * 72)
    bounds = areas.geometry.bounds
    smallest = (bounds[["maxx", "maxy"]].values - bounds[["minx", "miny"]].values).min(axis=1)
    return areas[smallest / data_per_pt >= AREA_SEEN_PT]
