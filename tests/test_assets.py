"""Leaflet's files: served from our own server or inlined, never from a CDN."""

from __future__ import annotations

import re

import folium

from dashboard.assets import GESTURE_ASSETS, LEAFLET_ASSETS, inline_assets, serve_assets
from dashboard.maps import build_map
from dashboard.model import Story


def test_served_assets_come_from_our_server(tiny: Story) -> None:
    folium_map = build_map(tiny, "de")
    serve_assets(folium_map, "/app/static/vendor")
    urls = [url for _, url in folium_map.default_js + folium_map.default_css]
    assert urls and all(url.startswith("/app/static/vendor/") for url in urls)
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


def test_every_asset_file_is_installed() -> None:
    for asset in LEAFLET_ASSETS + GESTURE_ASSETS:
        assert asset.path.is_file(), asset.path


def test_a_map_without_chosen_assets_names_none() -> None:
    folium_map = folium.Map(tiles=None)
    serve_assets(folium_map, "/base")
    assert all(url.startswith("/base/") for _, url in folium_map.default_js)
