"""Names on a print map: each takes the first of a few positions around its point that
overlaps nothing placed before it (greedy, with a grid index: near-linear)."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from matplotlib.figure import Figure
from matplotlib.text import Text as MplText

from dashboard.core.i18n import Lang, text
from dashboard.core.palette import PALETTE
from dashboard.render.print.ground import BoxGrid

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
    # a step farther, for a mark on a line with names close by (Ras al-Ain on the border)
    (10, -10, "left", "top"),
    (-10, 10, "right", "bottom"),
    (10, 10, "left", "bottom"),
    (-10, -10, "right", "top"),
    (0, 12, "center", "bottom"),
    (0, -12, "center", "top"),
)


@dataclass(frozen=True)
class PlacedLabel:
    feature_id: str
    text: str
    bbox: tuple[float, float, float, float]  # x0, y0, x1, y1 in display pixels


def _label_box(
    x: float, y: float, size: tuple[float, float], offset: tuple, px_per_pt: float
) -> tuple[float, float, float, float]:
    """Where a label of `size` (w, h pixels) lies at one of LABEL_OFFSETS from (x, y)."""
    dx, dy, ha, va = offset
    width, height = size
    left = x + dx * px_per_pt - {"left": 0, "center": width / 2, "right": width}[ha]
    bottom = y + dy * px_per_pt - {"bottom": 0, "center": height / 2, "top": height}[va]
    return left, bottom, left + width, bottom + height


def place_labels(
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
    style = {"fontsize": fontsize, "fontweight": "semibold", "color": PALETTE["text"]}
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


Candidate = tuple[str, str, float, float]  # feature id, name, x, y (data coordinates)
# key places drawn as one dot: (index in the candidates, spot, their names)
Stacked = tuple[int, tuple[float, float], list[str]]


def joint_names(candidates: list[Candidate], stacked: list[Stacked], lang: Lang) -> list[Candidate]:
    """The names to place, one dot's places named together: the first name on a line,
    then "and the others", wrapped."""
    joint = list(candidates)
    for index, _, names in stacked:
        if len(names) > 1:
            rest = text("map.together", lang).format(first="", second=", ".join(names[1:]))
            wrapped = textwrap.wrap(rest.strip(), max(len(names[0]), 16), break_on_hyphens=False)
            feature_id, _, x, y = joint[index]
            joint[index] = (feature_id, "\n".join([names[0], *wrapped]), x, y)
    return joint


def names_alone(
    candidates: list[Candidate], stacked: list[Stacked], labels: list[PlacedLabel]
) -> list[Candidate]:
    """A joint name with no room: the first place's name alone."""
    placed = {label.feature_id for label in labels}
    return [
        (candidates[i][0], names[0], candidates[i][2], candidates[i][3])
        for i, _, names in stacked
        if len(names) > 1 and candidates[i][0] not in placed
    ]
