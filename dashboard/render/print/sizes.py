"""Print and social image sizes, the typeface and the type sizes that go with each.

Sizes are the ones a desk asks for by name: one newspaper column (8 cm), two columns
(17 cm), a 16:9 social card, a square and a 4:5 portrait post, and the 12 x 8 in layout
the project has always made. Type is set in points scaled to the size, never below 7 pt
(legible at one column).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from dashboard.core.resources import FONT_DIR

FONT_FAMILY = "Noto Sans"
MIN_PT = 7.0
CM = 1 / 2.54


@dataclass(frozen=True)
class PrintSize:
    name: str
    width_in: float
    height_in: float
    dpi: int
    base_pt: float  # size of the story's labels; other text is set relative to it

    @property
    def pixels(self) -> tuple[int, int]:
        return int(self.width_in * self.dpi + 1e-6), int(self.height_in * self.dpi + 1e-6)

    def pt(self, factor: float) -> float:
        """A type size relative to the labels', never below the legible minimum."""
        return max(MIN_PT, round(self.base_pt * factor, 1))

    def line(self, factor: float) -> float:
        """A line width or marker size (points) relative to the labels' type size."""
        return self.base_pt * factor

    @property
    def compact(self) -> bool:
        """Small frames leave out what does not fit (the detail panel, minor names)."""
        return self.width_in < 4


SIZES: dict[str, PrintSize] = {
    size.name: size
    for size in (
        PrintSize("default", 12.0, 8.0, 220, 13.0),
        PrintSize("column", 8 * CM, 10 * CM, 300, 7.5),
        PrintSize("double", 17 * CM, 11 * CM, 300, 9.0),
        PrintSize("social", 1200 / 150, 675 / 150, 150, 10.5),
        PrintSize("square", 1080 / 150, 1080 / 150, 150, 10.5),
        PrintSize("portrait", 1080 / 150, 1350 / 150, 150, 10.5),
    )
}
SIZE_NAMES = tuple(SIZES)


@cache
def register_fonts() -> str:
    """Make the project's own typeface known to matplotlib (once); returns its family."""
    from matplotlib import font_manager  # only when an image is made

    for path in sorted(FONT_DIR.glob("*.ttf")):
        font_manager.fontManager.addfont(str(path))
    return FONT_FAMILY
