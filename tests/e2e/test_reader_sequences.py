"""The dashboard as a reader uses it: one thing after another, on a desktop and a phone.

Each test is a sequence that once lost track of the reader: the map jumping back to the
place clicked before, a tab or language switch resetting the map, the timeline throwing
the reader out of its tab, a copied link opening somewhere else, the old city that could
not be clicked, details shown twice, the map below the fold.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from dashboard.reader.story import Story
from tests.e2e.dashboard_page import (
    MAP_FRAME,
    SCREENS,
    map_frame,
    map_view,
    open_dashboard,
    shows,
)

pytestmark = pytest.mark.browser


@pytest.fixture(params=sorted(SCREENS))
def screen(request) -> dict:
    """Each sequence runs on a desktop (1440 × 900) and a phone (390 × 844)."""
    return SCREENS[request.param]


def is_phone(screen: dict) -> bool:
    return screen["viewport"]["width"] < 640


def click_feature(page, feature_id: str) -> None:
    page.frame_locator(MAP_FRAME).locator(f"[data-feature-id='{feature_id}']").click()
    expect(page.locator(f".lk-details-card[data-feature-id='{feature_id}']")).to_be_visible()
    page.wait_for_url(re.compile(f"feature={feature_id}"))


def open_tab(page, name: str) -> None:
    page.get_by_role("tab", name=name).click()
    expect(page.get_by_role("tab", name=name)).to_have_attribute("aria-selected", "true")


def assert_the_map_is_above_the_fold(page, screen: dict) -> None:
    box = page.locator(MAP_FRAME).bounding_box()
    height = screen["viewport"]["height"]
    if is_phone(screen):
        assert box["y"] < 0.6 * height
    else:
        assert box["y"] >= 0 and box["y"] + box["height"] <= height


def the_map_is_above_the_fold_and_after_a_then_b_stays_and_marks_only_b(page, screen: dict) -> None:
    """On the page just opened: the map above the fold; a click on Mosul, then on Raqqa:
    the map stays where it was and marks Raqqa only; on a phone the details show once,
    as a low card in the map, which a change of view closes."""
    assert_the_map_is_above_the_fold(page, screen)
    frame = map_frame(page)
    click_feature(page, "mosul")
    before = map_view(frame)
    click_feature(page, "raqqa")
    frame.wait_for_function("() => lagekarte.selected() === 'raqqa'")
    after = map_view(frame)
    assert after["highlighted"] == ["raqqa"]
    assert (after["zoom"], after["center"]) == (before["zoom"], before["center"])
    assert shows(frame, "raqqa")
    panel = page.frame_locator(MAP_FRAME).locator(".lk-details")
    if is_phone(screen):
        # no side panel beside the map: the details show in it, once, as a low card
        expect(panel).to_contain_text("Rakka")
        sheet = panel.bounding_box()
        map_box = page.locator(MAP_FRAME).bounding_box()
        assert sheet["height"] <= 0.4 * map_box["height"] + 1
        marker = page.frame_locator(MAP_FRAME).locator("[data-feature-id='raqqa']")
        assert marker.bounding_box()["y"] + marker.bounding_box()["height"] <= sheet["y"]
        # a change of view closes it
        page.frame_locator(MAP_FRAME).locator("[data-view-id='raqqa']").click()
        expect(panel).to_be_hidden()
    else:
        # the map answers the click at once; the side panel, beside it, says the same
        expect(panel).to_contain_text("Rakka")
        expect(page.locator(".lk-details-card[data-feature-id='raqqa']")).to_contain_text("Rakka")


def test_click_then_a_tab_then_the_language_keeps_the_view(
    watched_page, dashboard_url: str, screen: dict
) -> None:
    """A click on Raqqa, a view of the reader's own, the figures' tab, then English: the
    same view, Raqqa marked, the same tab, in a new map in English."""
    page = open_dashboard(watched_page, dashboard_url, "?lang=de", **screen)
    frame = map_frame(page)
    click_feature(page, "raqqa")
    frame.evaluate("() => { lagekarte.map.setView([36.2, 39.4], 8, {animate: false}); }")
    before = map_view(frame)
    open_tab(page, "Zahlen")
    expect(page.locator(".lk-figure-card").first).to_be_visible()
    page.wait_for_url(re.compile("tab=figures"))
    assert map_view(frame) == before
    page.get_by_text("English", exact=True).click()
    expect(page.get_by_role("tab", name="Figures")).to_have_attribute("aria-selected", "true")
    # a new map, in English, for the same story
    page.wait_for_function(
        """() => { const f = document.querySelector('iframe[title="streamlit_folium.st_folium"]');
                   const doc = f && f.contentDocument;
                   return doc && [...doc.querySelectorAll('.lk-label')]
                       .some(n => n.textContent === 'Raqqa'); }"""
    )
    frame = map_frame(page)
    frame.wait_for_function("() => lagekarte.selected() === 'raqqa'")
    after = map_view(frame)
    assert after["zoom"] == before["zoom"]
    assert abs(after["center"]["lat"] - before["center"]["lat"]) < 0.01
    assert abs(after["center"]["lng"] - before["center"]["lng"]) < 0.01
    assert after["highlighted"] == ["raqqa"]
    expect(page.get_by_role("tab", name="Figures")).to_have_attribute("aria-selected", "true")
    assert page.watch.errors == [] and page.watch.foreign == []


def test_a_shared_event_link_opens_the_timeline(watched_page, dashboard_url: str) -> None:
    page = open_dashboard(watched_page, dashboard_url, "?lang=de&event=baghdadi-sermon")
    expect(page.get_by_role("tab", name="Chronik")).to_have_attribute("aria-selected", "true")
    expect(page.locator("[data-event-id='baghdadi-sermon']")).to_be_visible()


def test_a_copied_link_opens_the_view_the_reader_saw(
    watched_page, dashboard_url: str, screen: dict
) -> None:
    page = open_dashboard(watched_page, dashboard_url, "?lang=de", **screen)
    frame = map_frame(page)
    # a click at region zoom, then the tab: the link keeps the region, not a close-up
    click_feature(page, "raqqa")
    open_tab(page, "Zahlen")
    page.wait_for_url(re.compile("tab=figures.*view=region|view=region.*tab=figures"))
    seen = map_view(frame)
    copy = open_dashboard(watched_page, dashboard_url, "?" + page.url.split("?", 1)[1], **screen)
    copied = map_view(map_frame(copy))
    assert abs(copied["zoom"] - seen["zoom"]) <= 1
    assert copied["named"] == "region" and copied["highlighted"] == ["raqqa"]
    expect(copy.get_by_role("tab", name="Zahlen")).to_have_attribute("aria-selected", "true")
    # panned and zoomed by the reader: centre and zoom
    frame.evaluate("() => { lagekarte.map.setView([36.01, 39.02], 11, {animate: false}); }")
    page.wait_for_url(re.compile(r"at=36\.01\d*%2C39\.02\d*%2C11"))
    copy = open_dashboard(watched_page, dashboard_url, "?" + page.url.split("?", 1)[1], **screen)
    copied = map_view(map_frame(copy))
    assert abs(copied["zoom"] - 11) <= 1 and copied["named"] is None
    assert abs(copied["center"]["lat"] - 36.01) < 0.01
    assert abs(copied["center"]["lng"] - 39.02) < 0.01
    assert page.watch.errors == [] and copy.watch.errors == []


def a_click_inside_the_old_city_selects_the_old_city(page) -> None:
    """In the old city's view: a click inside its outline, away from al-Nuri's marker,
    chooses the old city (it once could not be clicked)."""
    frame = map_frame(page)
    frame.wait_for_function("() => lagekarte.namedView() === 'mosul-old-city'")
    # a point inside the old city's outline, away from al-Nuri's marker
    point = frame.evaluate(
        """() => { const b = lagekarte.layerOf('mosul-old-city').getBounds();
                   const p = lagekarte.map.latLngToContainerPoint(
                       [b.getSouth() + 0.3 * (b.getNorth() - b.getSouth()), b.getCenter().lng]);
                   const hit = document.elementFromPoint(p.x, p.y);
                   return {x: p.x, y: p.y, id: hit && hit.getAttribute('data-feature-id')}; }"""
    )
    assert point["id"] == "mosul-old-city"
    box = page.locator(MAP_FRAME).bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    expect(page.locator(".lk-details-card[data-feature-id='mosul-old-city']")).to_be_visible()
    assert map_view(frame)["highlighted"] == ["mosul-old-city"]


# The reader's sizes with view buttons: a desktop, a phone, a small window. (A map under
# 340 px wide offers none: there the reader pans and zooms.)
READER_SIZES = {**SCREENS, "640x480": {"viewport": {"width": 640, "height": 480}}}


def a_view_button_after_a_click_leaves_no_place_described(page, size: str) -> None:
    """Press the old city's view (on a desktop and a phone, a click inside it chooses
    it), click al-Nuri, then press the 'Rakka' view: the map shows Raqqa, and neither the
    side panel nor the map goes on describing the mosque."""
    frame = map_frame(page)
    # the mosque in the old city's close-up
    page.frame_locator(MAP_FRAME).locator("[data-view-id='mosul-old-city']").click()
    frame.wait_for_function("() => lagekarte.namedView() === 'mosul-old-city'")
    if size in SCREENS:
        a_click_inside_the_old_city_selects_the_old_city(page)
    page.frame_locator(MAP_FRAME).locator("[data-feature-id='al-nuri-mosque']").click()
    expect(page.locator(".lk-details-card[data-feature-id='al-nuri-mosque']")).to_be_attached()
    page.wait_for_url(re.compile("feature=al-nuri-mosque"))
    page.frame_locator(MAP_FRAME).locator("[data-view-id='raqqa']").click()
    page.wait_for_url(re.compile("view=raqqa"))
    expect(page.locator(".lk-details-card")).to_have_count(0)
    assert "feature=" not in page.url
    view = map_view(frame)
    assert view["named"] == "raqqa" and view["selected"] is None and view["highlighted"] == []
    assert shows(frame, "raqqa")
    expect(page.frame_locator(MAP_FRAME).locator(".lk-details")).to_be_hidden()
    # the panel says nothing is chosen, and a later click on a place still describes it
    page.frame_locator(MAP_FRAME).locator("[data-feature-id='raqqa']").click()
    expect(page.locator(".lk-details-card[data-feature-id='raqqa']")).to_be_attached()


# The chosen line's name (its tooltip) and the callouts, in the map's own pixels.
LINE_NAME = """() => {
  const map = document.querySelector('.leaflet-container').getBoundingClientRect();
  const tip = [...document.querySelectorAll('.leaflet-tooltip.lk-hover')]
    .find(n => getComputedStyle(n).opacity !== '0');
  if (!tip) return null;
  const r = tip.getBoundingClientRect();
  const callouts = [...document.querySelectorAll('.lk-callout:not([hidden])')]
    .map(n => n.getBoundingClientRect());
  return {text: tip.textContent, inside: r.left >= map.left && r.right <= map.right
                                     && r.top >= map.top && r.bottom <= map.bottom,
          onCallout: callouts.some(c => r.left < c.right && c.left < r.right
                                        && r.top < c.bottom && c.top < r.bottom),
          x: (r.left + r.right) / 2 - map.left, y: r.bottom - map.top};
}"""


def step_on(page, event_id: str) -> None:
    """One step on in the timeline: its event shows, and the timeline stays open."""
    page.get_by_role("button", name=re.compile("Später")).click()
    expect(page.locator(f"[data-event-id='{event_id}']")).to_be_visible()
    expect(page.get_by_role("tab", name="Chronik")).to_have_attribute("aria-selected", "true")


def assert_the_map_follows(frame, feature_id: str | None) -> None:
    """The step's place is chosen, in view and the only one drawn as chosen; a step
    without a place leaves nothing chosen."""
    frame.wait_for_function("(id) => lagekarte.selected() === id", arg=feature_id)
    if feature_id:
        assert shows(frame, feature_id)
    assert map_view(frame)["highlighted"] == ([feature_id] if feature_id else [])


def timeline_steps_keep_the_tab_the_map_follows_and_names_the_line_in_view(
    page, story: Story, size: str
) -> None:
    """Step by step from the first event: the timeline stays open and the map follows.
    'The caliphate declared' has no place and leaves nothing chosen; the step to the
    border names it inside the map, clear of the Raqqa callout (its middle was cut off
    on a phone), and a click on the line names it where clicked; Manchester's attack,
    far away, gets its name beside its mark."""
    frame = map_frame(page)
    open_tab(page, "Chronik")
    ids = [e.id for e in story.events]
    assert ids.index("caliphate-declared") == 1 and ids.index("manchester-attack") == 4
    assert story.events[0].feature and not story.events[1].feature
    for event in story.events[1:4]:  # to the border
        step_on(page, event.id)
        assert_the_map_follows(frame, event.feature)
    assert story.events[3].feature == "border-tr-sy"
    name = story.feature("border-tr-sy").name.de
    frame.wait_for_function(f"() => ({LINE_NAME})() !== null")
    seen = frame.evaluate(LINE_NAME)
    assert seen["text"] == name and seen["inside"] and not seen["onCallout"], seen
    if size == "desktop":
        # a click on the line near its eastern end: the name opens there
        spot = frame.evaluate(
            """() => { const line = lagekarte.layerOf('border-tr-sy');
                       const size = lagekarte.map.getSize();
                       const points = line.getLatLngs().flat(3)
                         .map(ll => lagekarte.map.latLngToContainerPoint(ll))
                         .filter(p => p.x > 40 && p.x < size.x - 40
                                      && p.y > 60 && p.y < size.y - 60);
                       const p = points[Math.floor(points.length * 0.8)];
                       return {x: p.x, y: p.y}; }"""
        )
        box = page.locator(MAP_FRAME).bounding_box()
        page.mouse.click(box["x"] + spot["x"], box["y"] + spot["y"])
        frame.wait_for_function(
            f"(x) => {{ const seen = ({LINE_NAME})(); return seen && Math.abs(seen.x - x) < 40; }}",
            arg=spot["x"],
        )
        seen = frame.evaluate(LINE_NAME)
        assert abs(seen["x"] - spot["x"]) < 40 and abs(seen["y"] - spot["y"]) < 40, (seen, spot)
        assert seen["inside"]
        # the click opens the line's details; back in the timeline, the step is kept
        expect(page.get_by_role("tab", name="Details")).to_have_attribute("aria-selected", "true")
        open_tab(page, "Chronik")
        expect(page.locator("[data-event-id='turkey-closes-border']")).to_be_visible()
    manchester = story.events[4]
    step_on(page, manchester.id)
    assert_the_map_follows(frame, manchester.feature)
    name = story.feature(manchester.feature).name.de  # type: ignore[arg-type]
    expect(page.frame_locator(MAP_FRAME).locator(".leaflet-tooltip", has_text=name)).to_be_visible()
    assert "tab=timeline" in page.url


@pytest.mark.parametrize("size", sorted(READER_SIZES))
def test_a_reader_goes_from_place_to_place_through_views_and_the_timeline(
    watched_page, dashboard_url: str, story: Story, size: str
) -> None:
    """One reader on one page, one thing after another (each step a function above, named
    in the failure): on a desktop and a phone first the fold and a click on A then B;
    then the view buttons after a click; and the timeline step by step."""
    page = open_dashboard(watched_page, dashboard_url, "?lang=de", **READER_SIZES[size])
    if size in SCREENS:
        the_map_is_above_the_fold_and_after_a_then_b_stays_and_marks_only_b(page, SCREENS[size])
    a_view_button_after_a_click_leaves_no_place_described(page, size)
    timeline_steps_keep_the_tab_the_map_follows_and_names_the_line_in_view(page, story, size)
    assert page.watch.errors == [] and page.watch.foreign == []
