"""Names on a print map: each takes the first of a few positions around its point that
overlaps nothing placed before it (greedy, with a grid index: near-linear)."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
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
    clear_of: BoxGrid | None = None,
    only_clear: bool = False,
) -> list[PlacedLabel]:
    """Greedy placement: each label takes the first position that overlaps nothing,
    and of those first one clear of `clear_of` too (the story's lines: a name's white box
    would hide them) where there is one; with `only_clear`, only such a position.

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
        tries = [(o, True) for o in LABEL_OFFSETS] if clear_of is not None else []
        tries += [] if only_clear else [(o, False) for o in LABEL_OFFSETS]
        for offset, clear in tries:
            b = _label_box(xd, yd, (extent.width, extent.height), offset, px_per_pt)
            b = (b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad)
            within = (
                inside.x0 <= b[0] and b[2] <= inside.x1 and inside.y0 <= b[1] and b[3] <= inside.y1
            )
            if within and not taken.overlaps(b) and not (clear and clear_of.overlaps(b)):
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


# A dot that stands for more places than this names the first ones and counts the rest.
JOINT_NAMES = 4


def joint_label(names: list[str], lang: Lang, width: int) -> str:
    """One dot's places named together: the first name on a line, then "and the
    others", wrapped to `width` characters."""
    others = names[1:JOINT_NAMES]
    if len(names) > JOINT_NAMES:
        others.append(text("map.more_places", lang).format(count=len(names) - JOINT_NAMES))
    rest = text("map.together", lang).format(first="", second=", ".join(others))
    return "\n".join([names[0], *textwrap.wrap(rest.strip(), width, break_on_hyphens=False)])


def joint_names(candidates: list[Candidate], stacked: list[Stacked], lang: Lang) -> list[Candidate]:
    """The names to place, one dot's places named together."""
    joint = list(candidates)
    for index, _, names in stacked:
        if len(names) > 1:
            feature_id, _, x, y = joint[index]
            joint[index] = (feature_id, joint_label(names, lang, max(len(names[0]), 16)), x, y)
    return joint


# Letters that refer a dot to its line in the key (no I or O: read as 1 and 0); a key
# of more such lines would crowd out the map (a crowd of dots is a crowd, named or not).
REFERENCE_LETTERS = "ABCDEF"


def _longest_word(names: list[str]) -> int:
    """A narrow joint name's width: its longest word or first name, at least a dozen."""
    words = " ".join(names[:JOINT_NAMES]).split()
    return max(12, len(names[0]), *map(len, words))


@dataclass
class JointNames:
    """Names of the dots that stand for several places, as placed: on the map in full,
    or a letter on the map that the key spells out."""

    labels: list[PlacedLabel]
    key: list[tuple[str, str]]  # (letter, every name of its dot) for the key


def name_joint_places(
    place: Callable[[list[Candidate]], list[PlacedLabel]],
    candidates: list[Candidate],
    stacked: list[Stacked],
    lang: Lang,
) -> JointNames:
    """A dot that stands for several places names every one of them: together beside it
    where that fits; else wrapped to its longest word (above or below it); else the
    first name with a letter ("Mossul (A)"), or the letter alone, that the key explains
    ("(A) Mossul und Große Moschee al-Nuri"). `place` places candidates, returning those
    it placed; the story's other names are placed with the first try."""
    labels = place(joint_names(candidates, stacked, lang))
    joints = [(candidates[i], names) for i, _, names in stacked if len(names) > 1]

    def unplaced() -> list[tuple[Candidate, list[str]]]:
        done = {label.feature_id for label in labels}
        return [(c, names) for c, names in joints if c[0] not in done]

    labels += place(
        [
            (c[0], joint_label(names, lang, _longest_word(names)), c[2], c[3])
            for c, names in unplaced()
        ]
    )
    key: list[tuple[str, str]] = []
    for ((feature_id, _, x, y), names), letter in zip(unplaced(), REFERENCE_LETTERS, strict=False):
        key.append((letter, joint_label(names, lang, 10_000).replace("\n", " ")))
        placed = place([(feature_id, f"{names[0]} ({letter})", x, y)])
        labels += placed or place([(feature_id, f"({letter})", x, y)])
    return JointNames(labels, key)


def name_minor_places(
    place: Callable[..., list[PlacedLabel]],
    minor: list[Candidate],
    labels: list[PlacedLabel],
) -> list[PlacedLabel]:
    """Names of minor places (crossings on a border), where they hide no story line."""
    placed = place(minor, only_clear=True)
    # a name given in two languages ("Bab al-Hawa / Cilvegözü") tries its first alone
    named = {label.feature_id for label in labels + placed}
    shorter = [
        (i, n.split(" / ")[0], x, y) for i, n, x, y in minor if i not in named and " / " in n
    ]
    return placed + place(shorter, only_clear=True)
