"""Build the map's typeface files from the npm package @fontsource/noto-sans 5.3.0.

Usage: python geodata/fonts/derive.py PACKAGE_DIR   (the unpacked npm tarball's `package/`)

Noto Sans (SIL Open Font License 1.1, no Reserved Font Name, so subsets may keep the
name). The package splits each style into Unicode subsets; a map needs Latin plus the
letters of Turkish and Kurdish place names (Şanlıurfa, Diyarbakır) and typographic
punctuation („“ – ·). Each style is the `latin` file merged with the Latin Extended-A
and punctuation part of `latin-ext`: one TrueType file (matplotlib: PNG, SVG) and the
same as WOFF2 (web maps), written to dashboard/fonts/. Needs fontTools and brotli.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from fontTools import subset
from fontTools.merge import Merger
from fontTools.ttLib import TTFont

# The files are package data: the maps read them from the installed package.
OUT_DIR = Path(__file__).resolve().parent.parent.parent / "dashboard" / "fonts"
EXTRA = "U+0100-017F,U+2000-206F,U+2190-2193,U+2212,U+20AC,U+2248"
STYLES = {  # our file name: (weight, style) in the package's file names; web: WOFF2 too
    "Regular": ("400", "normal", True),
    "SemiBold": ("600", "normal", True),
    "Italic": ("400", "italic", False),
}


def build(package: Path) -> None:
    files = package / "files"
    with tempfile.TemporaryDirectory() as tmp:
        for name, (weight, style, web) in STYLES.items():
            latin = TTFont(files / f"noto-sans-latin-{weight}-{style}.woff2")
            latin.flavor = None
            latin.save(f"{tmp}/latin.ttf")
            extended = TTFont(files / f"noto-sans-latin-ext-{weight}-{style}.woff2")
            extended.flavor = None
            options = subset.Options()
            options.layout_features = ["*"]
            options.name_IDs = ["*"]
            subsetter = subset.Subsetter(options)
            subsetter.populate(unicodes=subset.parse_unicodes(EXTRA))
            subsetter.subset(extended)
            extended.save(f"{tmp}/extended.ttf")
            merged = Merger().merge([f"{tmp}/latin.ttf", f"{tmp}/extended.ttf"])
            merged.flavor = None
            merged.save(OUT_DIR / f"NotoSans-{name}.ttf")
            if web:
                merged = TTFont(OUT_DIR / f"NotoSans-{name}.ttf")
                merged.flavor = "woff2"
                merged.save(OUT_DIR / f"NotoSans-{name}.woff2")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    build(Path(sys.argv[1]))
