"""The map's colours, in one place.

The interactive map gets them in its data (the script sets them as CSS custom properties
`--lk-<name>` on the map, which its styles use); the static map, the page's cards and the
page's highlight read them here. `.streamlit/config.toml` repeats the accent and land
colours for Streamlit's theme (a test keeps them equal).
"""

from __future__ import annotations

PALETTE: dict[str, str] = {
    "sea": "#cfe0ea",
    "water": "#7fa7c4",
    "land": "#f3f0e7",
    "outline": "#a59d8c",
    "place": "#1d1d1d",
    "event": "#b2182b",
    "area": "#b2182b",
    "line": "#c45a00",
    "largeArea": "#6b4f3a",
    "largeAreaName": "#6b5a4a",
    "context": "#3f6296",
    "cells": "#7b3fb0",
    "cellsEdge": "#4b2470",
    "hindsight": "#777777",
    # the selected feature: the story's accent, not a blue the map uses nowhere else
    "highlight": "#b2182b",
    "accent": "#b2182b",
    # names of the ground around the story (context layers), on both maps
    "contextName": "#5d5850",
    "groundName": "#7d7466",
    "cityName": "#4a4640",
    "cityDot": "#6b665e",
    "waterName": "#3f6f93",
    # text, frames and boxes
    "paper": "#ffffff",
    "text": "#111111",
    "textSoft": "#444444",
    "textFaint": "#555555",
    "credit": "#333333",
    "leader": "#333333",
    "frame": "#666666",
    "buttonEdge": "#999999",
    "divider": "#cccccc",
    "cardEdge": "#dddddd",
    "badge": "#e8e8e8",
    "badgeHindsight": "#e3e7f3",
    "badgeEstimate": "#fff3cd",
    "errorBack": "#fff5f5",
}
