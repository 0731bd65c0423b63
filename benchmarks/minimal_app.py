"""Baseline for benchmarks: the smallest Streamlit page with a two-marker folium map,
served the same way as the dashboard (Leaflet from our own server, no CDN)."""

from __future__ import annotations

import folium
from streamlit_folium import st_folium

from dashboard.render.assets import serve_assets
from dashboard.ui.page_assets import served_asset_urls

folium_map = folium.Map(location=[36.2, 41.0], zoom_start=6, tiles=None)
folium.CircleMarker([36.335, 43.1189], radius=6, class_name="baseline-marker").add_to(folium_map)
folium.CircleMarker([35.9528, 39.0079], radius=6, class_name="baseline-marker").add_to(folium_map)
serve_assets(folium_map, served_asset_urls())
st_folium(folium_map, height=540, use_container_width=True, returned_objects=[])
