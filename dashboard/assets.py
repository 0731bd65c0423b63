"""Where the map's JavaScript and CSS come from: the installed XStatic packages.

Leaflet and Leaflet.GestureHandling only: jQuery is not needed, since the map uses none
of folium's popups (the only part of folium's output that calls `$`).

Never a CDN. folium's own asset lists name CDN URLs, and `Map.default_js` is a class
attribute shared by every map of the process, so each map gets its own lists here:
either URLs on our own server (the dashboard) or the files inlined (an export).
"""

from __future__ import annotations

import base64
import re
import shutil
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import folium
import xstatic.pkg.leaflet
import xstatic.pkg.leaflet_gesturehandling
from branca.element import Element


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
_IMAGE_URL = re.compile(r"url\((?:'|\")?images/([\w.-]+)(?:'|\")?\)")


def clear_cdn_assets(folium_map: folium.Map) -> None:
    """Per instance: folium's class-level lists are shared by every map and session."""
    folium_map.default_js = []
    folium_map.default_css = []


def serve_assets(folium_map: folium.Map, base_url: str, gestures: bool = False) -> None:
    """Make the map load Leaflet from our own server (`base_url`, e.g. /app/static/vendor)."""
    assets = LEAFLET_ASSETS + (GESTURE_ASSETS if gestures else ())
    folium_map.default_js = [(a.name, f"{base_url}/{a.name}") for a in assets if a.is_script]
    folium_map.default_css = [(a.name, f"{base_url}/{a.name}") for a in assets if not a.is_script]


def copy_assets(folder: Path, gestures: bool = False) -> list[Path]:
    """Copy the asset files (and Leaflet's images) into `folder` for static serving."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for asset in LEAFLET_ASSETS + (GESTURE_ASSETS if gestures else ()):
        target = folder / asset.name
        if not target.exists() or target.stat().st_size != asset.path.stat().st_size:
            shutil.copyfile(asset.path, target)
        written.append(target)
    shutil.copytree(_LEAFLET / "images", folder / "images", dirs_exist_ok=True)
    return written


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


@cache
def _inline_js(path: Path) -> str:
    script = path.read_text("utf-8")
    # A literal "</script" would end the inline block early; the shipped files have none.
    if "</script" in script.lower():
        raise ValueError(f"{path} contains '</script' and cannot be inlined")
    return script


def inline_assets(folium_map: folium.Map, gestures: bool = False) -> None:
    """Put Leaflet's code and styles into the page itself (single-file export)."""
    clear_cdn_assets(folium_map)
    header = folium_map.get_root().header
    for position, asset in enumerate(LEAFLET_ASSETS + (GESTURE_ASSETS if gestures else ())):
        if asset.is_script:
            html = f"<script>{_inline_js(asset.path)}</script>"
        else:
            html = f"<style>{_inline_css(asset.path)}</style>"
        # At the head of the header, in order, so the map's own script finds `L` defined.
        header.add_child(Element(html), name=f"inline-{asset.name}", index=position)
