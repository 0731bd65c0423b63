"""Baseline for benchmarks: the smallest Streamlit page with a two-marker folium map,
served the same way as the dashboard (Leaflet from our own static folder, no CDN)."""

from __future__ import annotations

import sys
from pathlib import Path

import folium
from streamlit_folium import st_folium

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dashboard.assets import copy_assets, serve_assets

copy_assets(Path(__file__).resolve().parent / "static" / "vendor")
folium_map = folium.Map(location=[36.2, 41.0], zoom_start=6, tiles=None)
folium.CircleMarker([36.335, 43.1189], radius=6, class_name="baseline-marker").add_to(folium_map)
folium.CircleMarker([35.9528, 39.0079], radius=6, class_name="baseline-marker").add_to(folium_map)
serve_assets(folium_map, "/app/static/vendor")
st_folium(folium_map, height=540, use_container_width=True, returned_objects=[])
