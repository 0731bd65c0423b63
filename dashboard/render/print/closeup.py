"""The close-up of a print map: a small panel of a view whose places are too close
together for the map's scale (an old city inside the map of a region), and the mark on
the map that says where it lies.
"""

from __future__ import annotations

import textwrap

import geopandas as gpd
from matplotlib.figure import Figure
from shapely.geometry import box

from dashboard.core.i18n import Lang
from dashboard.core.model import Story, View
from dashboard.core.palette import PALETTE
from dashboard.render.print.furniture import hollow_mark
from dashboard.render.print.layout import Layout
from dashboard.render.print.projection import (
    clean_axes,
    fill_frame,
    local_crs,
    projected_extent,
    story_frame,
)
from dashboard.render.print.sizes import PrintSize

PLACE, EVENT, AREA, LAND = (PALETTE[name] for name in ("place", "event", "area", "land"))
# A story feature smaller than this (points) at the map's scale is shown in a close-up.
TINY_PT = 4
# Panel widths tried, as a share of the map's: smaller, rather than over a story mark or
# line (down to about half the widest).
PANEL_SCALES = (0.24, 0.2, 0.16, 0.13)


def closeup_view(
    story: Story, view: str | None, features: gpd.GeoDataFrame, ax, crs: str
) -> str | None:
    """A view that shows what is too small for this map's scale (the old city)."""
    to_px = ax.transData.transform
    for candidate in story.views:
        if candidate.id == view or (view is None and candidate is story.views[0]):
            continue
        (s, w), (n, e) = candidate.bounds
        corners = projected_extent(w, s, e, n, crs)
        (x0, y0), (x1, y1) = to_px(corners[:2]), to_px(corners[2:])
        if max(x1 - x0, y1 - y0) > TINY_PT * 6 * ax.figure.dpi / 72:
            continue
        inside = features[features.intersects(box(w, s, e, n)) & ~features["large"]]
        if len(inside) >= 2:
            return candidate.id
    return None


def mark_closeup(ax, story: Story, view_id: str, crs: str) -> tuple[float, float]:
    """Mark where the close-up lies on the map; returns that spot in display pixels."""
    (s, w), (n, e) = next(v.bounds for v in story.views if v.id == view_id)
    x, y = gpd.GeoSeries([box(w, s, e, n).centroid], crs=4326).to_crs(crs).get_coordinates().iloc[0]
    hollow_mark(ax, x, y, "s", 9, 1.2, zorder=7)
    return tuple(ax.transData.transform((x, y)))


def draw_closeup(
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
    corner, w, h = _panel_corner(figure, layout, markers)
    panel = figure.add_axes((corner[0], corner[1], w, h), zorder=5)
    extent, crs = _panel_extent(view, w * figure.bbox.width / (h * figure.bbox.height))
    panel.set_facecolor(LAND)
    features = story_frame(story, lang)
    local = features[~features["distant"] & ~features["large"]].to_crs(crs)
    local = local[local.intersects(box(*extent))]
    areas = local[local["kind"] == "area"]
    if not areas.empty:
        areas.plot(ax=panel, facecolor=AREA, alpha=0.25, edgecolor=AREA, linewidth=0.8)
        # an outline only approximately known is dashed here too, as the key says
        estimated = areas[areas["estimate"]]
        if not estimated.empty:
            estimated.boundary.plot(ax=panel, color=AREA, linewidth=0.8, linestyle="--")
    panel.set_xlim(extent[0], extent[2])
    panel.set_ylim(extent[1], extent[3])
    panel.set_aspect("equal")
    clean_axes(panel)
    for spine in panel.spines.values():
        spine.set_edgecolor(EVENT)
        spine.set_linewidth(1.0)
    places = local[(local["kind"] == "place") & local["labelled"]]
    _name_places(panel, places, size, (extent[0] + extent[2]) / 2)
    panel.text(
        0.04,
        0.96,
        view.name[lang],
        transform=panel.transAxes,
        fontsize=size.pt(0.75),
        ha="left",
        va="top",
        color=EVENT,
        fontweight="semibold",
    )
    return panel


def _panel_corner(
    figure: Figure, layout: Layout, markers: list[tuple[float, float]]
) -> tuple[tuple[float, float], float, float]:
    """The panel's lower-left corner, width and height (figure fractions): the corner and
    size, from the largest down, that hide fewest markers."""
    left, bottom, width, height = layout.map_axes

    def hidden(corner: tuple[float, float], w: float, h: float) -> int:
        x0, y0 = figure.transFigure.transform(corner)
        x1, y1 = figure.transFigure.transform((corner[0] + w, corner[1] + h))
        return sum(1 for x, y in markers if x0 - 8 <= x <= x1 + 8 and y0 - 8 <= y <= y1 + 8)

    for scale in PANEL_SCALES:
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
    return corner, w, h


def _panel_extent(view: View, aspect: float) -> tuple[tuple[float, ...], str]:
    """What the panel shows (in its own projection, with room above for the caption)."""
    (s, wst), (n, e) = view.bounds
    crs = local_crs((wst + e) / 2, (s + n) / 2)
    extent = fill_frame(projected_extent(wst, s, e, n, crs), aspect)
    extent = (extent[0], extent[1], extent[2], extent[3] + (extent[3] - extent[1]) * 0.25)
    return fill_frame(extent, aspect), crs


# Where a close-up's name may sit beside its dot (points, alignment), in its preferred
# direction first: towards the panel's middle, away from it, above, below.
_BESIDE = {
    "left": ((-4, 0), "right", "center"),
    "right": ((4, 0), "left", "center"),
    "above": ((0, 4), "center", "bottom"),
    "below": ((0, -4), "center", "top"),
}


_WHOLE_WORDS = {"break_on_hyphens": False, "break_long_words": False}


def _name_places(panel, places: gpd.GeoDataFrame, size: PrintSize, middle: float) -> None:
    """Each key place as a dot with its name, running towards the panel's middle; a name
    that would cross the panel's frame or another name goes the other way, above or below
    its dot, or on narrower lines."""
    renderer = panel.figure.canvas.get_renderer()
    frame = panel.get_window_extent(renderer)
    placed: list = []  # the names' extents so far
    # the longest name first: it has the fewest ways to fit
    order = places["name"].str.len().sort_values(ascending=False, kind="stable").index
    for _, row in places.loc[order].iterrows():
        toward = ("left", "right") if row.geometry.x > middle else ("right", "left")
        ways = [(side, width) for width in (18, 14, 12, 10) for side in (*toward, "above", "below")]
        panel.plot(
            [row.geometry.x],
            [row.geometry.y],
            marker="o",
            markersize=size.line(0.45),
            markerfacecolor=PLACE,
            markeredgecolor="white",
            zorder=6,
        )
        fallback = None  # the first way inside the frame, if none is clear of the others
        for side, width in ways:
            label = _annotate(panel, row, side, width, size)
            e = label.get_window_extent(renderer)
            inside = frame.x0 <= e.x0 and e.x1 <= frame.x1 and frame.y0 <= e.y0 and e.y1 <= frame.y1
            if inside and not any(e.overlaps(other) for other in placed):
                break
            label.remove()
            if inside and fallback is None:
                fallback = (side, width)
        else:
            side, width = fallback or ways[-1]
            label = _annotate(panel, row, side, width, size)
            e = label.get_window_extent(renderer)
        placed.append(e)


def _annotate(panel, row, side: str, width: int, size: PrintSize):
    """A close-up's name on `side` of its dot, on lines of at most `width` characters."""
    offset, ha, va = _BESIDE[side]
    return panel.annotate(
        "\n".join(textwrap.wrap(row["name"], width, **_WHOLE_WORDS)),
        (row.geometry.x, row.geometry.y),
        xytext=offset,
        textcoords="offset points",
        ha=ha,
        va=va,
        multialignment=ha,
        fontsize=size.pt(0.75),
        fontweight="semibold",
        zorder=8,
        bbox={"boxstyle": "square,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.8},
    )


def closeup_areas(story: Story, features: gpd.GeoDataFrame, view_id: str) -> gpd.GeoDataFrame:
    """The story's areas the close-up panel draws (an approximate one dashed)."""
    view = next(v for v in story.views if v.id == view_id)
    (south, west), (north, east) = view.bounds
    return features[
        ~features["distant"]
        & ~features["large"]
        & (features["kind"] == "area")
        & features.intersects(box(west, south, east, north))
    ]
