"""The export on load, no click: named ground, the Raqqa callout, labels that do not
overlap; detail tiles only after the reader asks, from exactly the configured host."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboard.core.model import Story
from dashboard.render.export import export_html
from dashboard.render.tiles import DetailTiles
from tests.conftest import REPO

pytestmark = pytest.mark.browser

ARTICLE = (REPO / "geodata" / "stories" / "is-caliphate-2017" / "story.toml").read_text("utf-8")
EXPECTED = {
    "de": {"Türkei", "Syrien", "Irak", "Euphrat", "Tigris", "50.000–100.000"},
    "en": {"Turkey", "Syria", "Iraq", "Euphrates", "Tigris", "50,000–100,000"},
}
# Every visible name on the map: context names, callouts, the story's own labels.
VISIBLE_TEXT = """() => [...document.querySelectorAll(
    '.lk-ctx, .lk-callout, .leaflet-tooltip.lk-label')].filter(n => {
        const r = n.getBoundingClientRect();
        return !n.hidden && getComputedStyle(n).visibility !== 'hidden' && r.width > 0
            && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight;
    }).map(n => { const r = n.getBoundingClientRect();
        return {text: n.textContent, layer: n.dataset.context || n.className,
                box: [r.left, r.top, r.right, r.bottom]}; })"""


def overlapping_names(items: list[dict]) -> list[tuple[str, str]]:
    pairs = []
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            (ax0, ay0, ax1, ay1), (bx0, by0, bx1, by1) = a["box"], b["box"]
            if ax0 < bx1 - 0.5 and bx0 < ax1 - 0.5 and ay0 < by1 - 0.5 and by0 < ay1 - 0.5:
                pairs.append((a["text"], b["text"]))
    return pairs


def open_export_file(watched_page, path: Path, size=(1280, 800), allowed: set[str] | None = None):
    page = watched_page(allowed, viewport={"width": size[0], "height": size[1]})
    page.goto(path.as_uri())
    page.wait_for_function("() => window.lagekarte && window.lagekarte.context")
    page.evaluate("() => document.fonts.ready.then(() => lagekarte.context.place())")
    return page


@pytest.mark.parametrize("lang", ["de", "en"])
def test_export_names_the_ground_and_shows_the_callout_without_a_click(
    watched_page, story: Story, tmp_path: Path, lang: str
) -> None:
    path = tmp_path / f"story-{lang}.html"
    path.write_text(export_html(story, lang), "utf-8")  # type: ignore[arg-type]
    page = open_export_file(watched_page, path)
    items = page.evaluate(VISIBLE_TEXT)
    shown = " | ".join(item["text"] for item in items)
    for name in EXPECTED[lang]:
        assert name in shown, f"{name!r} not on the map: {shown}"
    cities = {i["text"] for i in items if i["layer"] == "city"}
    unnamed = {c for c in cities if c not in ARTICLE}
    assert len(unnamed) >= 3, cities
    assert overlapping_names(items) == []
    assert page.watch.foreign == [] and page.watch.errors == []


@pytest.mark.parametrize("size", [(390, 844), (1440, 900)])
def test_no_overlaps_at_any_zoom(watched_page, story: Story, tmp_path: Path, size) -> None:
    path = tmp_path / "story-de.html"
    path.write_text(export_html(story, "de"), "utf-8")
    page = open_export_file(watched_page, path, size)
    for zoom in (4, 5, 6, 7, 8):
        page.evaluate(
            "z => { lagekarte.map.setView([36.2, 40.5], z, {animate: false});"
            " lagekarte.context.place(); }",
            zoom,
        )
        items = page.evaluate(VISIBLE_TEXT)
        assert overlapping_names(items) == [], zoom
    # beyond 1:50m's scale, no river, lake, sea or country name
    page.evaluate(
        "() => { lagekarte.map.setView([36.34, 43.13], 12, {animate: false});"
        " lagekarte.context.place(); }"
    )
    layers = {i["layer"] for i in page.evaluate(VISIBLE_TEXT)}
    assert not layers & {"river", "lake", "sea", "country"}


class _Tiles(http.server.BaseHTTPRequestHandler):
    PNG = bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2b6"
        "f1bf0000000049454e44ae426082"
    )

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(self.PNG)))
        self.end_headers()
        self.wfile.write(self.PNG)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def tile_server() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Tiles)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_detail_tiles_load_only_after_the_press_and_only_from_their_host(
    watched_page, story: Story, tmp_path: Path, tile_server: str
) -> None:
    tiles = DetailTiles(f"http://{tile_server}/{{z}}/{{x}}/{{y}}.png", name="Loopback Tiles")
    path = tmp_path / "story-de.html"
    path.write_text(export_html(story, "de", view="mosul-old-city", tiles=tiles), "utf-8")
    page = open_export_file(watched_page, path, allowed={tile_server})
    button = page.get_by_role("button", name="Detailkarte laden (Loopback Tiles)")
    button.wait_for()
    page.evaluate("() => { lagekarte.map.panBy([200, 100], {animate: false}); }")
    assert [u for u in page.watch.requests if u.startswith("http")] == []
    button.click()
    page.wait_for_function("() => document.querySelectorAll('.leaflet-tile-loaded').length > 0")
    requested = [u for u in page.watch.requests if not u.startswith(("file:", "data:"))]
    assert requested and all(u.startswith(f"http://{tile_server}/") for u in requested)
    assert page.watch.foreign == [] and page.watch.errors == []
