"""Baseline for click benchmarks: the smallest Streamlit page that answers a click on a
map with a details card. It shows the first story's map as the dashboard draws it (data
cached, Leaflet from our own server) and, below it, the details card of the feature last
clicked, drawn by a rerun of this whole (tiny) script: what any Streamlit page pays for a
click that the server answers."""

from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

from dashboard.core.resources import BUNDLED_STORIES_DIR
from dashboard.reader.story import Story, load_story
from dashboard.render import cards
from dashboard.render.assets import serve_assets
from dashboard.render.maps import build_map, map_payload
from dashboard.ui.page_assets import served_asset_urls

LANG = "de"


@st.cache_resource
def story_and_payload() -> tuple[Story, dict]:
    story = load_story(BUNDLED_STORIES_DIR / "is-caliphate-2017")
    payload = map_payload(story, LANG, show_title=False, details_in_map="narrow", keep_url=True)
    return story, payload


story, payload = story_and_payload()
folium_map = build_map(story, LANG, payload=payload)
serve_assets(folium_map, served_asset_urls())
returned = st_folium(
    folium_map,
    key="map",
    height=600,
    use_container_width=True,
    returned_objects=["last_active_drawing"],
)
clicked = ((returned or {}).get("last_active_drawing") or {}).get("properties") or {}
if clicked.get("id") in {feature.id for feature in story.features}:
    st.html(cards.details_card(story, clicked["id"], LANG))
