"""Every mark on the web map is named and visible, as a reader goes through the map: a
dot that stands for two places names both at every size (al-Nuri once went unnamed
below 1440 px), no name runs past the map's edge (al-Nuri's was cut on a phone in the
old city), and no event's diamond hides under a place's dot or a name (Raqqa's did)."""

from __future__ import annotations

import contextlib
import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from dashboard.reader.story import Story, load_story
from dashboard.render.export import export_html
from tests.e2e.dashboard_page import MAP_FRAME, map_frame, open_dashboard
from tests.e2e.test_embed_frames import (
    LABEL_TEXTS,
    NAMES_CUT_OFF,
    READER_FRAMES,
    embedding_page,
    ready_frame,
)
from tests.one_place import PLACES, flood_with_events, one_place_story, point_feature

pytestmark = pytest.mark.browser

# Event marks drawn in the map's frame that cannot be seen or clicked: another element on
# their centre (a place's dot), or a name over them.
EVENTS_HIDDEN = """() => {
  const map = document.querySelector('.leaflet-container').getBoundingClientRect();
  const names = [...document.querySelectorAll('.leaflet-tooltip.lk-label')]
    .filter(n => getComputedStyle(n).visibility !== 'hidden' && getComputedStyle(n).opacity !== '0'
                 && n.offsetParent !== null)
    .map(n => n.getBoundingClientRect());
  return [...document.querySelectorAll('.lk-marker-event[data-feature-id]')]
    .filter(n => n.offsetParent !== null && getComputedStyle(n).display !== 'none')
    .map(n => {
      const r = n.getBoundingClientRect();
      const x = r.left + r.width / 2, y = r.top + r.height / 2;
      const id = n.getAttribute('data-feature-id');
      if (x < map.left || x > map.right || y < map.top || y > map.bottom) return null;
      const hit = document.elementFromPoint(x, y);
      const owner = hit && hit.closest('[data-feature-id]');
      const covered = names.some(b => b.left < x + 4 && x - 4 < b.right
                                      && b.top < y + 4 && y - 4 < b.bottom);
      return (owner && owner.getAttribute('data-feature-id') === id) && !covered ? null : id;
    }).filter(id => id !== null);
}"""
# The events drawn in the map's frame now.
EVENTS_SHOWN = """() => {
  const map = document.querySelector('.leaflet-container').getBoundingClientRect();
  return [...document.querySelectorAll('.lk-marker-event[data-feature-id]')]
    .filter(n => n.offsetParent !== null && getComputedStyle(n).display !== 'none')
    .filter(n => { const r = n.getBoundingClientRect();
                   const x = r.left + r.width / 2, y = r.top + r.height / 2;
                   return x >= map.left && x <= map.right && y >= map.top && y <= map.bottom; })
    .map(n => n.getAttribute('data-feature-id'));
}"""


def settled(frame) -> None:
    """Names are placed a frame after a move, and again once the typeface has loaded."""
    frame.evaluate(
        "() => document.fonts.ready.then(() => new Promise("
        "r => requestAnimationFrame(() => requestAnimationFrame(r))))"
    )


SETTLE_MS = 15_000


def once_settled(frame, check: str) -> list[str]:
    """What `check` finds once the map has settled: the page's first runs may still move it
    (a frame resized, the ground drawn), and each move places names and events anew. Waits
    until `check` finds nothing, and returns what it finds. On a machine busy with other
    tests the page's scripts run late: the wait is long enough for them, and a map that
    never settles still fails."""
    with contextlib.suppress(PlaywrightTimeoutError):
        frame.wait_for_function(f"() => ({check})().length === 0", timeout=SETTLE_MS)
    return frame.evaluate(check)


def assert_marks_named(frame, names: list[str], where: str) -> None:
    labels = frame.evaluate(LABEL_TEXTS)
    assert any(all(name in label for name in names) for label in labels), (where, labels)
    assert once_settled(frame, NAMES_CUT_OFF) == [], where
    assert once_settled(frame, EVENTS_HIDDEN) == [], where


DASHBOARD_SIZES = {
    "1440x900": {"viewport": {"width": 1440, "height": 900}},
    "1280x800": {"viewport": {"width": 1280, "height": 800}},
    "390x844": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
}


READER_RUNS = [("1440x900", "de"), ("1280x800", "de"), ("1280x800", "en"), ("390x844", "en")]


@pytest.mark.parametrize(("size", "lang"), READER_RUNS)
def test_a_reader_sees_every_mark_named_and_can_click_each_event(
    watched_page, dashboard_url: str, story: Story, size: str, lang: str
) -> None:
    """Region view: Mosul's dot names al-Nuri too, Raqqa's two diamonds show beside its
    dot; click one event, then the other; step the timeline; the old city's close-up
    names the mosque inside the map; back to the region, the joint name again."""
    page = open_dashboard(watched_page, dashboard_url, f"?lang={lang}", **DASHBOARD_SIZES[size])
    frame = map_frame(page)
    settled(frame)
    joint = [story.feature(i).name[lang] for i in ("mosul", "al-nuri-mosque")]
    assert_marks_named(frame, joint, "region")
    events = frame.evaluate(EVENTS_SHOWN)
    assert {"raqqa-encircled", "russian-air-strike"} <= set(events), events
    for event_id in ("raqqa-encircled", "russian-air-strike"):  # click A, then B
        page.frame_locator(MAP_FRAME).locator(f"[data-feature-id='{event_id}']").click()
        expect(page.locator(f".lk-details-card[data-feature-id='{event_id}']")).to_be_attached()
        page.wait_for_url(re.compile(f"feature={event_id}"))
        expect(page.frame_locator(MAP_FRAME).locator(".lk-details h2")).to_have_text(
            story.feature(event_id).name[lang]
        )
    settled(frame)
    assert once_settled(frame, EVENTS_HIDDEN) == [], "after the clicks"
    # a step of the timeline, then the old city's close-up
    page.get_by_role("tab", name="Chronik" if lang == "de" else "Timeline").click()
    later = re.compile("Später" if lang == "de" else "Later")
    page.get_by_role("button", name=later).click()
    page.locator("[data-test-script-state=notRunning]").wait_for(state="attached")
    settled(frame)
    assert once_settled(frame, NAMES_CUT_OFF) == [], "after a timeline step"
    assert once_settled(frame, EVENTS_HIDDEN) == [], "after a timeline step"
    page.frame_locator(MAP_FRAME).locator("[data-view-id='mosul-old-city']").click()
    frame.wait_for_function("() => lagekarte.namedView() === 'mosul-old-city'")
    frame.wait_for_function(
        "() => document.querySelector(\"[data-feature-id='al-nuri-mosque']\")"
        ".style.display !== 'none'"
    )
    settled(frame)
    assert_marks_named(frame, [story.feature("al-nuri-mosque").name[lang]], "old city")
    page.frame_locator(MAP_FRAME).locator("[data-view-id='region']").click()
    frame.wait_for_function("() => lagekarte.namedView() === 'region'")
    frame.wait_for_function(
        "() => document.querySelector(\"[data-feature-id='al-nuri-mosque']\")"
        ".style.display === 'none'"
    )
    settled(frame)
    assert_marks_named(frame, joint, "region again")
    assert page.watch.errors == [] and page.watch.foreign == []


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_made_up_flood_names_both_places_of_its_dot_and_shows_its_events(
    watched_page, tmp_path: Path, lang: str
) -> None:
    """The same rules far from the first story: Porto Alegre and a collapsed bridge 3 km
    off are one dot at the region view, with two events on the town's spot, in frames
    from 320 × 240 to 1440 × 900; each event takes its own click."""
    place = next(p for p in PLACES if p.slug == "porto-alegre")
    story = flood_with_events(place, tmp_path / "stories")
    page = watched_page(viewport={"width": 1500, "height": 2700})
    page.goto(embedding_page(tmp_path, export_html(story, lang), READER_FRAMES).as_uri())
    joint = [story.feature(i).name[lang] for i in ("porto-alegre", "dike-breach")]
    for w, h in READER_FRAMES:
        inner = ready_frame(page, f"{w}x{h}")
        settled(inner)
        assert_marks_named(inner, joint, f"{w}x{h}")
        shown = inner.evaluate(EVENTS_SHOWN)
        assert {"flood-event-0", "flood-event-1"} <= set(shown), (w, h, shown)
        if w >= 640:  # the details card has room beside the map's boxes
            frame = page.frame_locator(f"#f{w}x{h}")
            for event_id in ("flood-event-0", "flood-event-1"):
                frame.locator(f"[data-feature-id='{event_id}']").click()
                expect(frame.locator(".lk-details h2")).to_have_text(
                    story.feature(event_id).name[lang]
                )
    assert page.watch.foreign == [] and page.watch.errors == []


# Names over the story's lines: points every 3 px along each line's drawn path (read from
# the SVG path itself), inside a shown name's box.
NAMES_ON_LINES = """() => {
  const names = [...document.querySelectorAll('.leaflet-tooltip.lk-label')]
    .filter(n => getComputedStyle(n).visibility !== 'hidden' && getComputedStyle(n).opacity !== '0')
    .map(n => [n.textContent, n.getBoundingClientRect()]);
  const hits = [];
  document.querySelectorAll('path.lk-line').forEach(path => {
    const length = path.getTotalLength(), m = path.getScreenCTM();
    for (let s = 0; s <= length; s += 3) {
      const p = path.getPointAtLength(s).matrixTransform(m);
      names.forEach(([text, r]) => {
        if (p.x > r.left + 1 && p.x < r.right - 1 && p.y > r.top + 1 && p.y < r.bottom - 1) {
          hits.push(text);
        }
      });
    }
  });
  return [...new Set(hits)];
}"""


@pytest.mark.parametrize("slug", ["porto-alegre", "kathmandu"])
def test_a_name_keeps_off_the_story_line_where_there_is_room(
    watched_page, tmp_path: Path, slug: str
) -> None:
    """A flood's town and its collapsed bridge, named together beside their dot, once lay
    over the edge of the flood drawn through it: a name's white box hides the line."""
    story = flood_with_events(next(p for p in PLACES if p.slug == slug), tmp_path / "stories")
    page = watched_page(viewport={"width": 1440, "height": 900})
    page.goto(embedding_page(tmp_path, export_html(story, "de"), [(1280, 800)]).as_uri())
    inner = ready_frame(page, "1280x800")
    settled(inner)
    assert inner.evaluate("() => document.querySelectorAll('.leaflet-overlay-pane path').length")
    assert once_settled(inner, NAMES_ON_LINES) == []
    assert page.watch.foreign == [] and page.watch.errors == []


# Key places' dots shown in the map's frame whose name is not shown: the dot's accessible
# name (the place's name) in no visible name box.
DOTS_UNNAMED = """() => {
  const map = document.querySelector('.leaflet-container').getBoundingClientRect();
  const names = [...document.querySelectorAll('.leaflet-tooltip.lk-label')]
    .filter(n => getComputedStyle(n).visibility !== 'hidden' && getComputedStyle(n).opacity !== '0'
                 && n.offsetParent !== null)
    .map(n => n.textContent);
  return [...document.querySelectorAll('.lk-marker-place[data-feature-id]')]
    .filter(n => n.offsetParent !== null && getComputedStyle(n).display !== 'none')
    .filter(n => { const r = n.getBoundingClientRect();
                   const x = r.left + r.width / 2, y = r.top + r.height / 2;
                   return x >= map.left && x <= map.right && y >= map.top && y <= map.bottom; })
    .map(n => n.getAttribute('aria-label'))
    .filter(name => !names.some(text => text.includes(name)));
}"""


def three_towns_story(folder: Path):
    """A quake story's three towns as a draft gives them: a port, a city 33 km inland and a
    village 25 km north, each a key place (closer than the names' spacing at a phone's
    zoom, far apart as dots)."""
    place = next(p for p in PLACES if p.slug == "marrakesh")
    one_place_story(place, folder)
    target = folder / place.slug
    data = json.loads((target / "features.geojson").read_text("utf-8"))
    km = 1 / 111.2
    for n, (dx, dy, de, en) in enumerate(
        ((30, -14, "Binnenstadt", "Inland city"), (4, 25, "Norddorf", "North village"))
    ):
        data["features"].append(
            point_feature(
                f"town-{n}",
                place.lon + dx * km,
                place.lat + dy * km,
                (de, en),
                ("Hier bebte die Erde.", "The ground shook here."),
                kind="place",
                labelled=True,
            )
        )
    (target / "features.geojson").write_text(json.dumps(data), "utf-8")
    return load_story(target)


def test_every_key_place_dot_shown_is_named_in_frames_from_a_phone_to_a_desktop(
    watched_page, tmp_path: Path
) -> None:
    """A quake story's three towns, 25-33 km apart, on a phone: two of the three dots
    showed without a name, their names waiting for a closer zoom though there was room."""
    story = three_towns_story(tmp_path / "stories")
    page = watched_page(viewport={"width": 1500, "height": 2700})
    page.goto(embedding_page(tmp_path, export_html(story, "en"), READER_FRAMES).as_uri())
    for w, h in READER_FRAMES:
        inner = ready_frame(page, f"{w}x{h}")
        settled(inner)
        assert (
            inner.evaluate(
                "() => document.querySelectorAll('.lk-marker-place[data-feature-id]').length"
            )
            == 3
        ), (w, h)
        assert once_settled(inner, DOTS_UNNAMED) == [], f"{w}x{h}"
        assert once_settled(inner, NAMES_CUT_OFF) == [], f"{w}x{h}"
    assert page.watch.foreign == [] and page.watch.errors == []
