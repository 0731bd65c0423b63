"""Leaflet's files: served from our own server or inlined, never from a CDN."""

from __future__ import annotations

import re
from pathlib import Path

from dashboard.core.model import Story
from dashboard.render.assets import (
    ASSET_FOLDERS,
    FONT_FILES,
    GESTURE_ASSETS,
    LEAFLET_ASSETS,
    inline_assets,
    serve_assets,
)
from dashboard.render.maps import build_map


def our_server(path: Path) -> str:
    folder = next(name for name, f in ASSET_FOLDERS.items() if f == path.parent)
    return f"/component/{folder}/{path.name}"


def test_served_assets_come_from_our_server(tiny: Story) -> None:
    folium_map = build_map(tiny, "de")
    serve_assets(folium_map, our_server, gestures=True)
    urls = [url for _, url in folium_map.default_js + folium_map.default_css]
    assert urls == [our_server(a.path) for a in LEAFLET_ASSETS + GESTURE_ASSETS if a.is_script] + [
        our_server(a.path) for a in LEAFLET_ASSETS + GESTURE_ASSETS if not a.is_script
    ]
    fonts = folium_map.get_root().header.render()
    assert all(our_server(path) in fonts for path in FONT_FILES.values())
    # the class-level lists (shared by every map in the process) are untouched
    assert folium_map.__class__.default_js[0][1].startswith("https://")


def test_inlined_assets_put_leaflet_into_the_page_and_fetch_no_image(tiny: Story) -> None:
    folium_map = build_map(tiny, "de")
    inline_assets(folium_map, gestures=True)
    html = folium_map.get_root().render()
    assert "L.version" in html or "Leaflet" in html
    assert not re.search(r"<script[^>]+src=|<link[^>]+href=", html)
    # every image a style names is data in the page (VML behaviours are not fetched)
    urls = re.findall(r"url\(([^)]*)\)", html)
    assert urls and all(u.startswith(("data:", "#default#VML")) for u in urls), urls


def test_every_served_file_lies_in_a_served_folder() -> None:
    for path in [a.path for a in LEAFLET_ASSETS + GESTURE_ASSETS] + list(FONT_FILES.values()):
        assert path.is_file() and path.parent in ASSET_FOLDERS.values(), path
    # the images Leaflet's styles name lie below Leaflet's folder, served with it
    assert (ASSET_FOLDERS["leaflet"] / "images" / "layers.png").is_file()
