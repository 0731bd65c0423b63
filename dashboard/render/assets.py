"""Where the map's JavaScript and CSS come from: the installed XStatic packages.

Leaflet and Leaflet.GestureHandling only: jQuery is not needed, since the map uses none
of folium's popups (the only part of folium's output that calls `$`).

Never a CDN. folium's own asset lists name CDN URLs, and `Map.default_js` is a class
attribute shared by every map of the process, so each map gets its own lists here:
either URLs on our own server (the dashboard, which offers the installed files where
they are: see `page_assets`) or the files inlined (an export).
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import folium
import xstatic.pkg.leaflet
import xstatic.pkg.leaflet_gesturehandling
from branca.element import Element

from dashboard.core.resources import FONT_DIR, WEB_DIR

# The browser bundles of the npm packages `pmtiles` and `protomaps-leaflet` (see
# web/vendor/README.md): only for a page with a PMTiles archive as its detail tiles.
_VENDOR = WEB_DIR / "vendor"


class Verbatim(Element):
    """A part of the page that is text as it stands. branca's `Element(text)` parses its
    text as a Jinja template when the page is rendered: neither story data nor Leaflet's
    code may ever be template source."""

    def __init__(self, content: str) -> None:
        super().__init__()
        self.content = content

    def render(self, **kwargs: Any) -> str:
        return self.content


@dataclass(frozen=True)
class Asset:
    name: str
    path: Path

    @property
    def is_script(self) -> bool:
        return self.path.suffix == ".js"


_LEAFLET = Path(xstatic.pkg.leaflet.BASE_DIR)
_GESTURES = Path(xstatic.pkg.leaflet_gesturehandling.BASE_DIR)

LEAFLET_ASSETS: tuple[Asset, ...] = (
    Asset("leaflet.js", _LEAFLET / "leaflet.js"),
    Asset("leaflet.css", _LEAFLET / "leaflet.css"),
)
GESTURE_ASSETS: tuple[Asset, ...] = (
    Asset("leaflet-gesture-handling.min.js", _GESTURES / "leaflet-gesture-handling.min.js"),
    Asset("leaflet-gesture-handling.min.css", _GESTURES / "leaflet-gesture-handling.min.css"),
)
STREET_ASSETS: tuple[Asset, ...] = (
    Asset("pmtiles.js", _VENDOR / "pmtiles.js"),
    Asset("protomaps-leaflet.js", _VENDOR / "protomaps-leaflet.js"),
)
# The map's typeface (see fonts/README.md): weight -> WOFF2 file.
FONT_FAMILY = "Lagekarte Noto Sans"
FONT_FILES = {400: FONT_DIR / "NotoSans-Regular.woff2", 600: FONT_DIR / "NotoSans-SemiBold.woff2"}
# The folders a server offers the map's files from, read where they are installed (never
# copied): Leaflet (with the images its styles name), its plug-in, and the typeface.
ASSET_FOLDERS: dict[str, Path] = {
    "leaflet": _LEAFLET,
    "gestures": _GESTURES,
    "fonts": FONT_DIR,
    "vendor": _VENDOR,
}
_IMAGE_URL = re.compile(r"url\((?:'|\")?images/([\w.-]+)(?:'|\")?\)")


def clear_cdn_assets(folium_map: folium.Map) -> None:
    """Per instance: folium's class-level lists are shared by every map and session."""
    folium_map.default_js = []
    folium_map.default_css = []


def _assets(gestures: bool, street: bool) -> tuple[Asset, ...]:
    return LEAFLET_ASSETS + (GESTURE_ASSETS if gestures else ()) + (STREET_ASSETS if street else ())


def serve_assets(
    folium_map: folium.Map,
    url_of: Callable[[Path], str],
    gestures: bool = False,
    street: bool = False,
) -> None:
    """Make the map load Leaflet and the typeface from our own server: `url_of` gives
    the URL at which the server offers a file of one of the `ASSET_FOLDERS`. `street`:
    the vector-tile bundles too (a PMTiles archive is the page's detail tiles)."""
    assets = _assets(gestures, street)
    folium_map.default_js = [(a.name, url_of(a.path)) for a in assets if a.is_script]
    folium_map.default_css = [(a.name, url_of(a.path)) for a in assets if not a.is_script]
    css = font_css(url_of)
    folium_map.get_root().header.add_child(Verbatim(f"<style>{css}</style>"), name="lk-fonts")


def font_css(url_of: Callable[[Path], str]) -> str:
    """@font-face rules for the map's typeface (web/context_map.css sets the map in it)."""
    faces = "".join(
        f'@font-face{{font-family:"{FONT_FAMILY}";font-weight:{weight};font-style:normal;'
        f'font-display:swap;src:url({url_of(path)}) format("woff2")}}'
        for weight, path in FONT_FILES.items()
    )
    return faces


@cache
def _font_data_uri(path: Path) -> str:
    return "data:font/woff2;base64," + base64.b64encode(path.read_bytes()).decode("ascii")


@cache
def _inline_css(path: Path) -> str:
    """CSS with Leaflet's image references as data: URIs, so nothing is fetched."""
    css = path.read_text("utf-8")

    def data_uri(match: re.Match[str]) -> str:
        image = _LEAFLET / "images" / match.group(1)
        if image.name.startswith("layers"):
            encoded = base64.b64encode(image.read_bytes()).decode("ascii")
            return f"url(data:image/png;base64,{encoded})"
        return "none"  # marker icons: the map draws its own symbols

    return _IMAGE_URL.sub(data_uri, css)


# A bundle's closing comment naming its source map, which is not shipped.
_SOURCE_MAP_COMMENT = re.compile(r"\n//# sourceMappingURL=[^\n]*\s*\Z")


@cache
def _inline_js(path: Path) -> str:
    script = _SOURCE_MAP_COMMENT.sub("\n", path.read_text("utf-8"))
    # A literal "</script" would end the inline block early; the shipped files have none.
    if "</script" in script.lower():
        raise ValueError(f"{path} contains '</script' and cannot be inlined")
    return script


def inline_assets(folium_map: folium.Map, gestures: bool = False, street: bool = False) -> None:
    """Put Leaflet's code and styles into the page itself (single-file export); `street`:
    the vector-tile bundles too, only for a page whose detail tiles are a PMTiles archive."""
    clear_cdn_assets(folium_map)
    header = folium_map.get_root().header
    for position, asset in enumerate(_assets(gestures, street)):
        if asset.is_script:
            html = f"<script>{_inline_js(asset.path)}</script>"
        else:
            html = f"<style>{_inline_css(asset.path)}</style>"
        # At the head of the header, in order, so the map's own script finds `L` defined.
        header.add_child(Verbatim(html), name=f"inline-{asset.name}", index=position)
    header.add_child(Verbatim(f"<style>{font_css(_font_data_uri)}</style>"), name="lk-fonts")
