"""The dashboard in Chromium: what a reader sees and what the browser sends."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from dashboard.reader.story import Story
from tests.e2e.dashboard_page import MAP_FRAME, SHOW_THE_WORLD, map_frame, open_dashboard

pytestmark = pytest.mark.browser

# streamlit-folium sends map state to the server at most once per 250 ms (its debounce).
COMPONENT_DEBOUNCE_MS = 250


# How far (px) a point is from the nearest shown marker's centre on the map.
STACKED_GAP = """([lat, lon]) => {
  const map = lagekarte.map, box = map.getContainer().getBoundingClientRect();
  const at = map.latLngToContainerPoint([lat, lon]);
  const shown = [...document.querySelectorAll('.lk-marker')].filter(n => n.offsetParent);
  return Math.min(...shown.map(n => {
    const r = n.getBoundingClientRect();
    const x = r.left + r.width / 2 - box.left, y = r.top + r.height / 2 - box.top;
    return Math.hypot(x - at.x, y - at.y);
  }));
}"""


def assert_every_feature_is_drawn(page, story: Story) -> None:
    """Every feature of the region view drawn; one hidden only under another's dot."""
    frame = page.frame_locator(MAP_FRAME)
    expect(frame.locator(".lk-label", has_text="Mossul")).to_be_visible()
    for feature in story.features:
        if not feature.distant:
            expect(frame.locator(f"[data-feature-id='{feature.id}']")).to_be_attached()
    hidden = [
        f
        for f in story.features
        if not f.distant and not frame.locator(f"[data-feature-id='{f.id}']").is_visible()
    ]
    # A place whose dot falls on another's at this scale is drawn as that one dot (named
    # for both where there is room): only a point within a dot's width of a shown one.
    for feature in hidden:
        assert feature.kind in ("place", "event"), feature.id
        lon, lat = feature.geometry.x, feature.geometry.y
        gap = map_frame(page).evaluate(STACKED_GAP, [lat, lon])
        assert gap < 14, (feature.id, gap)


def assert_the_distant_features_show_with_the_world(page, story: Story) -> None:
    map_frame(page).evaluate(SHOW_THE_WORLD)
    frame = page.frame_locator(MAP_FRAME)
    for feature in story.features:
        if feature.distant:
            expect(frame.locator(f"[data-feature-id='{feature.id}']")).to_be_visible()


def test_every_feature_drawn_three_pans_send_nothing_a_chosen_figure_moves_the_map(
    watched_page, dashboard_url: str, story: Story
) -> None:
    """Every feature drawn, then three pans send nothing to the server, then a figure
    chosen in its tab moves the same map, then the world's view shows the distant
    features; no request elsewhere throughout."""
    page = open_dashboard(watched_page, dashboard_url, "?lang=de")
    assert_every_feature_is_drawn(page, story)
    frame = map_frame(page)
    page.locator(MAP_FRAME).scroll_into_view_if_needed()
    box = page.locator(MAP_FRAME).bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    before_center = frame.evaluate("lagekarte.map.getCenter().lng")
    sent_before = len(page.sent)
    moves_before = frame.evaluate("lagekarte.moves.count")
    for dx in (120, -80, 60):
        page.mouse.move(x, y)
        page.mouse.down()
        page.mouse.move(x + dx, y + 40, steps=8)
        page.mouse.up()
    frame.wait_for_function(f"lagekarte.moves.count >= {moves_before + 3}")
    # let the component's debounce elapse: had it anything to send, it would have sent it
    page.wait_for_timeout(COMPONENT_DEBOUNCE_MS * 3)
    assert frame.evaluate("lagekarte.map.getCenter().lng") != before_center
    assert page.sent[sent_before:] == []
    assert page.watch.errors == []

    # then a figure chosen in its tab: the same map moves to it, not a new one
    frame.evaluate("() => { window.__sameMap = true; }")
    zoom = frame.evaluate("lagekarte.map.getZoom()")
    page.get_by_role("tab", name="Zahlen").click()
    page.get_by_role("button", name="Auf der Karte zeigen").first.click()
    page.locator(".lk-details-card[data-feature-id='raqqa']").wait_for()
    frame.wait_for_function("(zoom) => lagekarte.map.getZoom() > zoom", arg=zoom)
    assert frame.evaluate("window.__sameMap") is True  # same frame: no flash, no reload
    assert "feature=raqqa" in page.url
    assert_the_distant_features_show_with_the_world(page, story)
    assert page.watch.errors == [] and page.watch.foreign == []


def test_phone_size_has_no_horizontal_scroll(
    watched_page, dashboard_url: str, tmp_path: Path
) -> None:
    page = open_dashboard(
        watched_page,
        dashboard_url,
        "?lang=en",
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
    )
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    shot = tmp_path / "phone.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    expect(page.frame_locator(MAP_FRAME).locator("[data-feature-id='mosul']")).to_be_visible()


def test_a_shared_link_opens_on_its_place(watched_page, dashboard_url: str) -> None:
    page = open_dashboard(watched_page, dashboard_url, "?lang=en&feature=al-nuri-mosque")
    frame = map_frame(page)
    frame.wait_for_function("() => lagekarte.map.getZoom() >= 10")
    assert frame.evaluate(
        "() => lagekarte.map.getBounds().contains(lagekarte.layerOf('al-nuri-mosque').getLatLng())"
    )
    expect(page.locator(".lk-details-card[data-feature-id='al-nuri-mosque']")).to_be_visible()
