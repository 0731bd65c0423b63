"""The map's styles take their colours from the palette (core/palette.py), which the
script sets on the map as `--lk-<name>`: in a real browser every colour the styles ask
for is there, and the named ground shows in the palette's colours."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dashboard.core.model import Story
from dashboard.core.palette import PALETTE
from dashboard.core.resources import WEB_DIR
from dashboard.render.export import export_html

pytestmark = pytest.mark.browser

USED = sorted(
    {
        name
        for css in WEB_DIR.glob("*.css")
        for name in re.findall(r"var\(--lk-(\w+)\)", css.read_text("utf-8"))
    }
)
# A colour as the browser computes it ("rgb(74, 70, 64)") from the palette's "#4a4640".
RGB = """(hex) => { const n = document.createElement('span'); n.style.color = hex;
    document.body.append(n); const c = getComputedStyle(n).color; n.remove(); return c; }"""


def test_every_colour_the_styles_use_is_set_on_the_map(
    watched_page, story: Story, tmp_path: Path
) -> None:
    path = tmp_path / "story.html"
    path.write_text(export_html(story, "en"), "utf-8")
    page = watched_page(None, viewport={"width": 1280, "height": 800})
    page.goto(path.as_uri())
    page.wait_for_function("() => window.lagekarte && window.lagekarte.context")
    values = page.evaluate(
        """(names) => { const map = document.querySelector('.leaflet-container');
        const style = getComputedStyle(map);
        const value = (n) => style.getPropertyValue('--lk-' + n).trim();
        return Object.fromEntries(names.map(n => [n, value(n)])); }""",
        USED,
    )
    assert values == {name: PALETTE[name] for name in USED}
    city = page.locator(".lk-ctx-city").first
    assert city.evaluate("n => getComputedStyle(n).color") == page.evaluate(
        RGB, PALETTE["cityName"]
    )
    assert page.watch.foreign == [] and page.watch.errors == []
