"""What frames a print map besides the key: title, source line and credit, the scale
bar, and the locator inset that shows where the map lies in its region or the world.
"""

from __future__ import annotations

import math

import geopandas as gpd
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from shapely.geometry import box

from dashboard.core.palette import PALETTE
from dashboard.reader.base_ground import clipped_countries, scale_for_zoom
from dashboard.render.print.layout import Layout
from dashboard.render.print.projection import clean_axes, degree_bounds
from dashboard.render.print.sizes import PrintSize

SEA, LAND, OUTLINE, EVENT = (PALETTE[name] for name in ("sea", "land", "outline", "event"))
TEXT, TEXT_SOFT, CREDIT, FRAME = (PALETTE[name] for name in ("text", "textSoft", "credit", "frame"))


def decorate(figure: Figure, ax, extent, crs: str, size: PrintSize, layout: Layout) -> list:
    """Title, source line, credit, scale bar and locator inset; returns artists that
    names must avoid."""
    draw_titles(figure, size, layout)
    artists = scale_bar(ax, extent, size)
    if size.compact:  # one column: the story's figure needs the room more than a locator
        return artists
    return [*artists, locator(figure, extent, crs, size, layout)]


def draw_titles(figure: Figure, size: PrintSize, layout: Layout) -> None:
    """The title and source line above the map, the credit below it."""
    for lines, y, style in (
        (layout.title_lines, layout.title_y, {"fontsize": size.pt(1.55), "fontweight": "semibold"}),
        (
            layout.subtitle_lines,
            layout.subtitle_y,
            {"fontsize": size.pt(0.8), "color": TEXT_SOFT},
        ),
        (
            layout.credit_lines,
            layout.credit_y,
            {"fontsize": size.pt(0.7), "color": CREDIT},
        ),
    ):
        spacing = 1.2 if lines is layout.credit_lines else 1.1
        figure.text(
            layout.map_axes[0], y, "\n".join(lines), va="bottom", linespacing=spacing, **style
        )


def hollow_mark(ax, x: float, y: float, marker: str, size: float, width: float, **style) -> list:
    """An unfilled marker in the event colour: where a close-up or the whole map lies."""
    return ax.plot(
        [x],
        [y],
        marker=marker,
        markersize=size,
        markerfacecolor="none",
        markeredgecolor=EVENT,
        markeredgewidth=width,
        **style,
    )


def nice_length_km(span_km: float) -> float:
    """A round scale-bar length of about a fifth of the map's width."""
    target = span_km / 5
    magnitude = 10 ** math.floor(math.log10(target))
    for step in (5, 2, 1):
        if step * magnitude <= target:
            return step * magnitude
    return magnitude


def scale_bar(ax, extent, size: PrintSize) -> list:
    """Scale bar, lower left, measured in the local equal-area projection."""
    span_km = (extent[2] - extent[0]) / 1000
    length_km = nice_length_km(span_km)
    x0 = extent[0] + (extent[2] - extent[0]) * 0.03
    y0 = extent[1] + (extent[3] - extent[1]) * 0.04
    [bar] = ax.plot(
        [x0, x0 + length_km * 1000],
        [y0, y0],
        color=TEXT,
        linewidth=size.line(0.2),
        solid_capstyle="butt",
        zorder=7,
    )
    label = f"{length_km:g} km"
    scale = ax.text(
        x0, y0 + (extent[3] - extent[1]) * 0.012, label, fontsize=size.pt(0.75), zorder=7
    )
    return [scale, bar]


def locator(figure: Figure, extent, crs: str, size: PrintSize, layout: Layout):
    """Where the map lies, on a small map of the region or the world (upper right)."""
    left, bottom, width, height = layout.map_axes
    w = width * (0.2 if size.width_in >= 6 else 0.28)
    h = w * figure.bbox.width / figure.bbox.height * 0.75
    inset = figure.add_axes((left + width - w - 0.008, bottom + height - h - 0.012, w, h), zorder=5)
    inset.set_facecolor(SEA)
    corners = degree_bounds(extent, crs)
    cx, cy = (corners[0] + corners[2]) / 2, (corners[1] + corners[3]) / 2
    half = min(max((corners[2] - corners[0]) * 4, 6), 45)
    half_y = half * h * figure.bbox.height / (w * figure.bbox.width)
    frame = box(cx - half, cy - half_y, cx + half, cy + half_y)
    # the inset's own scale: a few centimetres wide for 2 * half degrees
    inset_zoom = math.log2(360 / (2 * half) * 2)
    world = gpd.GeoDataFrame(
        geometry=clipped_countries(scale_for_zoom(inset_zoom), frame), crs=4326
    )
    world.plot(ax=inset, color=LAND, edgecolor=OUTLINE, linewidth=0.3)
    if corners[2] - corners[0] < half / 10:  # too small for a frame: a ring around it
        hollow_mark(inset, cx, cy, "o", 7, 1.6)
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
    clean_axes(inset)
    for spine in inset.spines.values():
        spine.set_edgecolor(FRAME)
    return inset
