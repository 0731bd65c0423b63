"""The map answers a click on the dashboard at once with its own details card, and the
side panel, updated by the server after it, says the same: on a desktop and a phone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from dashboard.reader.story import Story
from tests.e2e.dashboard_page import MAP_FRAME, SCREENS, map_frame, open_dashboard

pytestmark = pytest.mark.browser

# Read in the same task as the click's handlers ran, before any reply of the server.
CARD_NOW = """() => {
  const card = document.querySelector('.lk-details');
  return card && !card.hidden ? card.querySelector('h2').textContent : null;
}"""


def boxes_overlap(a: dict, b: dict) -> bool:
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


def click_and_read(page, frame, feature_id: str) -> str | None:
    """Click a feature in the map's frame and read its card in the same breath."""
    return frame.evaluate(
        """([id, read]) => {
            document.querySelector(`[data-feature-id='${id}']`)
                .dispatchEvent(new MouseEvent('click', {bubbles: true}));
            return (new Function('return ' + read))()();
        }""",
        [feature_id, CARD_NOW],
    )


@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_click_a_then_b_then_a_step_the_map_card_leads_and_the_panel_agrees(
    watched_page, dashboard_url: str, screen: str, story: Story
) -> None:
    page = open_dashboard(watched_page, dashboard_url, "?lang=de", **SCREENS[screen])
    frame = map_frame(page)
    names = {f.id: f.name["de"] for f in story.features}
    for feature_id in ("mosul", "raqqa"):
        assert click_and_read(page, frame, feature_id) == names[feature_id]
        side = page.locator(f".lk-details-card[data-feature-id='{feature_id}'] h3")
        expect(side).to_have_text(names[feature_id])  # once the server's run has come back
        page.wait_for_url(re.compile(f"feature={feature_id}"))
        assert frame.evaluate(CARD_NOW) == names[feature_id]
        assert frame.evaluate("lagekarte.selected()") == feature_id
    card = page.frame_locator(MAP_FRAME).locator(".lk-details")
    expect(card).to_be_visible()
    # opaque, within the map, clear of the key and the credit, closable by keyboard
    assert (
        frame.evaluate("getComputedStyle(document.querySelector('.lk-details')).backgroundColor")
        == "rgb(255, 255, 255)"
    )
    map_box = page.locator(MAP_FRAME).bounding_box()
    card_box = card.bounding_box()
    assert (
        card_box["y"] >= map_box["y"]
        and card_box["y"] + card_box["height"] <= map_box["y"] + map_box["height"]
    )
    for other in (".lk-credit", ".lk-legend"):
        other_box = page.frame_locator(MAP_FRAME).locator(other).bounding_box()
        assert other_box is None or not boxes_overlap(card_box, other_box), other

    # a step of the timeline: the panel shows the step, the map its place, no stale card
    page.get_by_role("tab", name="Chronik").click()
    expect(page.get_by_role("tab", name="Chronik")).to_have_attribute("aria-selected", "true")
    page.get_by_role("button", name=re.compile("Später")).click()
    step = story.events[1]
    expect(page.locator(f"[data-event-id='{step.id}']")).to_be_visible()
    if step.feature:
        frame.wait_for_function("(id) => lagekarte.selected() === id", arg=step.feature)
    shown = frame.evaluate(CARD_NOW)
    assert shown is None or shown == names.get(step.feature)
    assert page.watch.errors == [] and page.watch.foreign == []


def test_the_map_card_closes_with_the_keyboard(watched_page, dashboard_url: str) -> None:
    page = open_dashboard(watched_page, dashboard_url, "?lang=en", **SCREENS["desktop"])
    marker = page.frame_locator(MAP_FRAME).locator("[data-feature-id='raqqa']")
    marker.focus()
    marker.press("Enter")
    card = page.frame_locator(MAP_FRAME).locator(".lk-details")
    expect(card).to_contain_text("Raqqa")
    card.locator(".lk-close").focus()
    card.locator(".lk-close").press("Escape")
    expect(card).to_be_hidden()
    marker.press("Enter")
    expect(card).to_be_visible()
    card.locator(".lk-close").press("Enter")
    expect(card).to_be_hidden()
    assert page.watch.errors == [] and page.watch.foreign == []
