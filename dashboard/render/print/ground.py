"""The named ground and the figure callouts in print images.

The same context layers as the web maps (`dashboard.reader.context`), each drawn only where its
data fits the image's scale (a Web Mercator zoom is worked out from the image's ground
resolution), and named without overlaps: the story's labels are placed first, then its
callouts, then countries, seas, rivers, lakes and cities, each in the first free spot.
"""

from __future__ import annotations

import math
import textwrap
from collections import defaultdict
from collections.abc import Iterator
from functools import cache

import numpy as np
from matplotlib.figure import Figure
from matplotlib.offsetbox import AnnotationBbox, TextArea, VPacker
from pyproj import Transformer

from dashboard.core.geometry import WEB_MERCATOR_M_PER_PX_Z0
from dashboard.core.palette import PALETTE
from dashboard.reader.context import ContextItem
from dashboard.render.print.sizes import PrintSize

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in display pixels
WATER_LINE, WATER_NAME, LAKE = PALETTE["water"], PALETTE["waterName"], PALETTE["sea"]
GROUND_NAME, CITY_NAME = PALETTE["groundName"], PALETTE["cityName"]
CSS_PX_PER_IN = 96


def boxes_overlap(a: Box, b: Box) -> bool:
    """Whether two boxes share more than an edge (what a placed name may not do)."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


class BoxGrid:
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

    def merge(self, other: BoxGrid) -> None:
        """Takes in the boxes of a grid of the same cells."""
        for key, boxes in other.cells.items():
            self.cells[key].extend(boxes)

    def overlaps(self, b: Box) -> bool:
        return any(boxes_overlap(b, other) for other in self.near(b))


def web_zoom(extent: tuple[float, ...], width_in: float, lat: float) -> float:
    """The Web Mercator zoom whose ground resolution matches the image's."""
    metres_per_px = (extent[2] - extent[0]) / (width_in * CSS_PX_PER_IN)
    return math.log2(WEB_MERCATOR_M_PER_PX_Z0 * math.cos(math.radians(lat)) / metres_per_px)


@cache
def _to_crs(crs: str) -> Transformer:
    return Transformer.from_crs(4326, crs, always_xy=True)


class GroundPainter:
    """Draws and names the context layers on one map axes."""

    def __init__(
        self,
        figure: Figure,
        ax,
        crs: str,
        size: PrintSize,
        zoom: float,
        taken: BoxGrid,
        inside: Box,
    ) -> None:
        self.figure, self.ax, self.crs, self.size, self.zoom = figure, ax, crs, size, zoom
        self.taken, self.inside = taken, inside
        self.renderer = figure.canvas.get_renderer()
        self.pad = figure.dpi / 72 * 1.5  # air between names, in pixels
        self.placed: list[tuple[str, str, Box]] = []

    def shows(self, item: ContextItem, named: bool = False) -> bool:
        low = item.label_zoom if named else item.min_zoom
        compact = 1 if self.size.compact and item.layer in ("city", "lake") else 0
        return low + compact <= math.floor(self.zoom + 1e-9) and self.zoom < item.max_zoom + 1

    def _display(self, lon: float, lat: float) -> tuple[float, float]:
        x, y = _to_crs(self.crs).transform(lon, lat)
        return tuple(self.ax.transData.transform((x, y)))  # type: ignore[return-value]

    def draw_water(self, items: list[ContextItem]) -> None:
        import geopandas as gpd

        for item in items:
            if item.layer not in ("river", "lake") or not self.shows(item):
                continue
            shape = gpd.GeoSeries([item.geometry], crs=4326).to_crs(self.crs)
            if item.layer == "lake":
                shape.plot(ax=self.ax, color=LAKE, edgecolor="none", zorder=1.5)
            else:
                shape.plot(ax=self.ax, color=WATER_LINE, linewidth=self.size.line(0.11), zorder=1.6)

    def _free(self, b: Box) -> bool:
        x0, y0, x1, y1 = self.inside
        padded = (b[0] - self.pad, b[1] - self.pad, b[2] + self.pad, b[3] + self.pad)
        return (
            x0 <= b[0]
            and b[2] <= x1
            and y0 <= b[1]
            and b[3] <= y1
            and not (self.taken.overlaps(padded))
        )

    def _try(self, layer: str, name: str, xy: tuple[float, float], **style) -> bool:
        data = self.ax.transData.inverted().transform(xy)
        artist = self.ax.text(data[0], data[1], name, zorder=8, **style)
        e = artist.get_window_extent(self.renderer)
        b = (e.x0, e.y0, e.x1, e.y1)
        if self._free(b):
            self.taken.add(b)
            self.placed.append((layer, name, b))
            return True
        artist.remove()
        return False

    def name_area(self, name: str, xy: tuple[float, float]) -> bool:
        """A story's country-sized area, named like the ground it is."""
        return self._try(
            "country",
            name,
            xy,
            ha="center",
            va="center",
            fontsize=self.size.pt(0.85),
            color=GROUND_NAME,
            fontweight="semibold",
        )

    def name_ground(self, items: list[ContextItem], lang: str) -> None:
        for item in items:
            if not self.shows(item, named=True):
                continue
            name = item.name[lang]
            if item.layer == "river":
                self._name_river(item, name)
            elif item.layer == "city":
                self._name_city(item, name)
            else:
                style = {
                    "ha": "center",
                    "va": "center",
                    "fontsize": self.size.pt(0.85),
                    "color": GROUND_NAME,
                    "fontweight": "semibold",
                }
                if item.layer == "country":
                    name = name.upper()
                else:
                    style.update(color=WATER_NAME, style="italic", fontweight="normal")
                for lon, lat in item.anchors:
                    if self._try(item.layer, name, self._display(lon, lat), **style):
                        break

    def _name_city(self, item: ContextItem, name: str) -> None:
        x, y = self._display(item.geometry.x, item.geometry.y)
        r = self.figure.dpi / 72 * 2.2
        dot = (x - r, y - r, x + r, y + r)
        if not self._free(dot):
            return
        fontsize = self.size.pt(0.8)
        gap = self.figure.dpi / 72 * 4
        sides = (
            (gap, 0, "left", "center"),
            (-gap, 0, "right", "center"),
            (0, gap, "center", "bottom"),
            (0, -gap, "center", "top"),
        )
        for dx, dy, ha, va in sides:
            if self._try(
                "city", name, (x + dx, y + dy), ha=ha, va=va, fontsize=fontsize, color=CITY_NAME
            ):
                data = self.ax.transData.inverted().transform((x, y))
                self.ax.plot(
                    [data[0]],
                    [data[1]],
                    marker="o",
                    markersize=r * 72 / self.figure.dpi * 1.6,
                    markerfacecolor="white",
                    markeredgecolor=PALETTE["cityDot"],
                    markeredgewidth=0.9,
                    zorder=7,
                )
                self.taken.add(dot)
                return

    def _name_river(self, item: ContextItem, name: str) -> None:
        import geopandas as gpd

        line = gpd.GeoSeries([item.geometry], crs=4326).to_crs(self.crs).iloc[0]
        parts = getattr(line, "geoms", [line])
        ruler = self.ax.text(0, 0, name, fontsize=self.size.pt(0.85), style="italic")
        extent = ruler.get_window_extent(self.renderer)
        ruler.remove()
        width = extent.width + self.pad * 4
        for part in sorted(parts, key=lambda p: -p.length):
            points = self.ax.transData.transform(np.asarray(part.coords))
            order = sorted(range(len(points)), key=lambda k: abs(k - len(points) / 2))
            for i in order:
                j = i
                while j < len(points) - 1 and math.dist(points[i], points[j]) < width:
                    j += 1
                if math.dist(points[i], points[j]) < width:
                    continue
                (ax_, ay), (bx, by) = sorted((tuple(points[i]), tuple(points[j])))
                angle = math.degrees(math.atan2(by - ay, bx - ax_))
                if abs(angle) > 65:
                    continue
                normal = math.radians(angle + 90)
                shift = extent.height * 0.75
                centre = (
                    (ax_ + bx) / 2 + math.cos(normal) * shift,
                    (ay + by) / 2 + math.sin(normal) * shift,
                )
                if self._try(
                    "river",
                    name,
                    centre,
                    ha="center",
                    va="center",
                    rotation=angle,
                    rotation_mode="anchor",
                    style="italic",
                    fontsize=self.size.pt(0.85),
                    color=WATER_NAME,
                ):
                    return

    def _callout_box(self, content, data, dx: float, dy: float) -> AnnotationBbox:
        """The callout's box at an offset (points) from its place, with a leader line."""
        annotation = AnnotationBbox(
            content,
            data,
            xybox=(dx, dy),
            xycoords="data",
            boxcoords="offset points",
            box_alignment=(0 if dx > 0 else 1, 0 if dy > 0 else 1),
            bboxprops={
                "boxstyle": "square,pad=0.35",
                "fc": "white",
                "ec": PALETTE["event"],
                "lw": 0.8,
            },
            arrowprops={
                "arrowstyle": "-",
                "color": PALETTE["text"],
                "lw": 0.8,
                "shrinkA": 0,
                "shrinkB": 2,
            },
            zorder=9,
        )
        return annotation

    def callout(
        self,
        point: tuple[float, float],
        value: str,
        label: str,
        as_of: str | None,
        avoid: BoxGrid | None = None,
    ) -> Box:
        """A figure next to its place: value, what it counts, as-of date (None: the
        image's own, said in its header), leader line. It keeps off `avoid` too (the
        story's lines). A story's figure always shows: if no spot is free, the one that
        covers least inside the frame."""
        size = self.size
        wrapped = textwrap.fill(label, 24 if not size.compact else 22)
        rows = [
            TextArea(value, textprops={"fontsize": size.pt(1.1), "fontweight": "semibold"}),
            TextArea(wrapped, textprops={"fontsize": size.pt(0.85)}),
        ]
        if as_of:
            faint = {"fontsize": size.pt(0.7), "color": PALETTE["textFaint"]}
            rows.append(TextArea(as_of, textprops=faint))
        content = VPacker(children=rows, pad=0, sep=size.line(0.25))
        x, y = self._display(*point)
        data = self.ax.transData.inverted().transform((x, y))
        fallback = None
        tries = [
            (f * dx, f * dy)
            for f in (size.line(2.0), size.line(1.0), size.line(0.5), size.line(3.0))
            for dx, dy in ((1, 1), (-1, 1), (1, -1), (-1, -1), (1.8, 0), (-1.8, 0))
        ]
        avoid = avoid or BoxGrid(self.taken.cell, 1, 1)

        def cost(b: Box) -> int:  # what a spot would cover: story lines count double
            on_lines = sum(boxes_overlap(b, other) for other in avoid.near(b))
            return sum(boxes_overlap(b, other) for other in self.taken.near(b)) + 2 * on_lines

        for dx, dy in tries:
            annotation = self._callout_box(content, data, dx, dy)
            self.ax.add_artist(annotation)
            annotation.update_positions(self.renderer)
            e = annotation.patch.get_window_extent(self.renderer)
            b = (e.x0, e.y0, e.x1, e.y1)
            x0, y0, x1, y1 = self.inside
            if x0 <= b[0] and b[2] <= x1 and y0 <= b[1] and b[3] <= y1:
                covered = cost(b)
                if not covered:
                    self.taken.add(b)
                    if fallback is not None:
                        fallback[0].remove()
                    return b
                if fallback is None or covered < fallback[2]:
                    if fallback is not None:
                        fallback[0].remove()
                    fallback = (annotation, b, covered)
                    continue
            annotation.remove()
        if fallback is None:
            return (x, y, x, y)
        self.taken.add(fallback[1])
        return fallback[1]
