"""The map embedded in frames from 320 × 240 to 1200 × 800: the export's HTML and the
dashboard's `?mode=embed`. The map fills the frame; its boxes leave the map visible."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from dashboard.reader.story import Story
from dashboard.render.export import export_html
from tests.e2e.dashboard_page import SHOW_THE_WORLD

pytestmark = pytest.mark.browser

# Everything drawn over the map that is not the map: controls, title, legend, credit.
BOXES_OVER_THE_MAP = """() => {
  const map = document.querySelector('.leaflet-container').getBoundingClientRect();
  let covered = 0;
  for (const box of document.querySelectorAll('.leaflet-control')) {
    const r = box.getBoundingClientRect();
    const w = Math.min(r.right, map.right) - Math.max(r.left, map.left);
    const h = Math.min(r.bottom, map.bottom) - Math.max(r.top, map.top);
    if (w > 0 && h > 0) covered += w * h;
  }
  return {covered: covered / (map.width * map.height), height: map.height};
}"""


@pytest.fixture(scope="module")
def frames_page(story: Story, tmp_path_factory) -> Path:
    """A newsroom page embedding the export in frames of three sizes."""
    folder = tmp_path_factory.mktemp("embed")
    (folder / "map.html").write_text(export_html(story, "de"), "utf-8")
    frames = "".join(
        f"<iframe id='f{w}x{h}' src='map.html' width='{w}' height='{h}' "
        "sandbox='allow-scripts' style='border:0;display:block'></iframe>"
        for w, h in ((320, 240), (640, 480), (1200, 800))
    )
    page = folder / "article.html"
    page.write_text(f"<!DOCTYPE html><html><body>{frames}</body></html>", "utf-8")
    return page


def test_a_small_frame_keeps_most_of_the_map_free(watched_page, frames_page: Path) -> None:
    page = watched_page(viewport={"width": 1280, "height": 1700})
    page.goto(frames_page.as_uri())
    frame = page.frame_locator("#f320x240")
    frame.locator("[data-feature-id='raqqa']").wait_for()
    inner = page.locator("#f320x240").element_handle().content_frame()
    measured = inner.evaluate(BOXES_OVER_THE_MAP)
    assert measured["height"] == 240  # the map follows the frame
    assert measured["covered"] <= 0.30
    expect(frame.locator(".lk-legend")).not_to_have_attribute("open", "")
    expect(frame.locator(".leaflet-control-layers-expanded")).to_have_count(0)
    credit = frame.locator(".lk-credit")
    line = inner.evaluate(
        "() => parseFloat(getComputedStyle(document.querySelector('.lk-credit')).lineHeight) || 14"
    )
    assert credit.bounding_box()["height"] <= line + 6  # one line
    for size in ("640x480", "1200x800"):
        other = page.locator(f"#f{size}").element_handle().content_frame()
        other.wait_for_function("() => window.lagekarte !== undefined")
        assert other.evaluate(BOXES_OVER_THE_MAP)["height"] == int(size.split("x")[1])
    assert page.watch.foreign == [] and page.watch.errors == []


def test_the_legend_lists_what_is_on_the_map_in_its_colours(
    watched_page, frames_page: Path
) -> None:
    page = watched_page(viewport={"width": 1280, "height": 1700})
    page.goto(frames_page.as_uri())
    inner = page.locator("#f1200x800").element_handle().content_frame()
    inner.wait_for_function("() => window.lagekarte !== undefined")
    far = inner.locator("li[data-legend^='context:']")
    expect(far.first).to_be_hidden()  # Washington and Moscow are not in the region view
    inner.evaluate(SHOW_THE_WORLD)
    expect(far.first).to_be_visible()
    # the countries' symbol has the countries' colour, not the small areas' red
    colours = inner.evaluate(
        """() => ({
            legend: getComputedStyle(document.querySelector(
                "li[data-legend='areas:large:now'] svg > *")).stroke,
            map: getComputedStyle(document.querySelector("[data-feature-id='iraq']")).stroke,
        })"""
    )
    assert colours["legend"] == colours["map"]


def test_embed_mode_fills_a_small_frame(watched_page, dashboard_url: str, tmp_path: Path) -> None:
    host = dashboard_url.split("//", 1)[1]
    article = tmp_path / "article.html"
    article.write_text(
        f"<!DOCTYPE html><html><body style='margin:0'><iframe id='embed' "
        f"src='{dashboard_url}/?lang=de&mode=embed' width='320' height='240' "
        "style='border:0'></iframe></body></html>",
        "utf-8",
    )
    page = watched_page(allowed_hosts={host}, viewport={"width": 800, "height": 600})
    page.goto(article.as_uri())
    embed = page.locator("#embed").element_handle().content_frame()
    embed.locator('iframe[title="streamlit_folium.st_folium"]').wait_for()
    map_frame = embed.locator('iframe[title="streamlit_folium.st_folium"]').element_handle()
    inner = map_frame.content_frame()
    inner.wait_for_function("() => window.lagekarte !== undefined")
    inner.wait_for_function(
        "() => document.querySelector('.leaflet-container').getBoundingClientRect().height === 240"
    )
    assert inner.evaluate(BOXES_OVER_THE_MAP)["covered"] <= 0.30
    assert embed.evaluate("document.scrollingElement.scrollHeight") <= 240 + 1
    assert page.watch.foreign == [] and page.watch.errors == []


CARD_AND_CREDIT = """() => {
  const frame = document.querySelector('.leaflet-container').getBoundingClientRect();
  const card = document.querySelector('.lk-details');
  const box = card.getBoundingClientRect();
  const credit = document.querySelector('.lk-credit').getBoundingClientRect();
  const style = getComputedStyle(card);
  return {background: style.backgroundColor, opacity: style.opacity,
          card: [box.left, box.top, box.right, box.bottom],
          frame: [frame.left, frame.top, frame.right, frame.bottom],
          credit: [credit.left, credit.top, credit.right, credit.bottom]};
}"""


@pytest.mark.parametrize("size", ["320x240", "640x480"])
def test_the_details_card_is_opaque_inside_the_frame_and_clear_of_the_credit(
    watched_page, frames_page: Path, size: str
) -> None:
    page = watched_page(viewport={"width": 1280, "height": 1700})
    page.goto(frames_page.as_uri())
    frame = page.frame_locator(f"#f{size}")
    frame.locator("[data-feature-id='raqqa']").first.click()
    frame.locator(".lk-details:not([hidden])").wait_for()
    inner = page.locator(f"#f{size}").element_handle().content_frame()
    seen = inner.evaluate(CARD_AND_CREDIT)
    assert seen["background"] == "rgb(255, 255, 255)" and seen["opacity"] == "1"
    (x0, y0, x1, y1), (fx0, fy0, fx1, fy1) = seen["card"], seen["frame"]
    assert fx0 <= x0 and x1 <= fx1 and fy0 <= y0 and y1 <= fy1
    cx0, cy0, cx1, cy1 = seen["credit"]
    assert x1 <= cx0 or cx1 <= x0 or y1 <= cy0 or cy1 <= y0, "the card runs into the credit"
    assert page.watch.foreign == [] and page.watch.errors == []
