"""One palette: the map's script and styles take their colours from the map's data."""

from __future__ import annotations

import re
import tomllib

from dashboard.core.model import Story
from dashboard.core.palette import PALETTE
from dashboard.render.maps import map_payload
from tests.conftest import REPO

WEB = REPO / "dashboard" / "web"
HEX = re.compile(r"#[0-9a-fA-F]{6}\b")


def test_the_map_data_carries_the_palette(story: Story) -> None:
    assert map_payload(story, "de")["palette"] == PALETTE


def test_scripts_and_styles_repeat_no_palette_colour() -> None:
    palette = {v.lower() for v in PALETTE.values()}
    for path in sorted(WEB.glob("*.js")) + sorted(WEB.glob("*.css")):
        source = path.read_text("utf-8").lower()
        repeated = {c for c in HEX.findall(source) if c in palette}
        assert not repeated, f"{path.name} repeats palette colours {repeated}: use --lk-* or data"


def test_every_custom_property_the_styles_use_is_in_the_palette() -> None:
    styles = "".join(p.read_text("utf-8") for p in WEB.glob("*.css"))
    used = set(re.findall(r"var\(--lk-(\w+)\)", styles))
    assert used and used <= set(PALETTE)


def test_streamlit_theme_uses_the_palette() -> None:
    theme = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text("utf-8"))["theme"]
    assert theme["primaryColor"] == PALETTE["accent"]
    assert theme["secondaryBackgroundColor"] == PALETTE["land"]
