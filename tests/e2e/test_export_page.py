"""The exported HTML page, opened from disk in Chromium with no network."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from dashboard.reader.story import Story, load_story
from dashboard.render.export import export_html
from tests.conftest import HOSTILE
from tests.e2e.dashboard_page import SHOW_THE_WORLD

pytestmark = pytest.mark.browser


def open_export(watched_page, path: Path, **context_options):
    page = watched_page(**context_options)
    page.goto(path.as_uri())
    page.wait_for_function("() => window.lagekarte !== undefined")
    return page


@pytest.fixture(scope="module")
def export_de(story: Story, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("export") / "story-de.html"
    path.write_text(export_html(story, "de"), "utf-8")
    return path


def visible_ids(page) -> set[str]:
    return set(
        page.eval_on_selector_all(
            "[data-feature-id]",
            """nodes => nodes.filter(n => {
                   const r = n.getBoundingClientRect();
                   return r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0
                       && r.left < innerWidth && r.top < innerHeight;
               }).map(n => n.getAttribute('data-feature-id'))""",
        )
    )


def test_every_feature_is_visible_with_no_request_to_another_host(
    watched_page, export_de: Path, story: Story
) -> None:
    page = open_export(watched_page, export_de, viewport={"width": 1280, "height": 800})
    local = {f.id for f in story.features if not f.distant}
    # the old city and al-Nuri are tiny at region scale: visible means drawn with a size
    page.wait_for_function(
        "ids => ids.every(id => document.querySelector(`[data-feature-id='${id}']`))",
        arg=sorted(local),
    )
    # a place whose dot falls on another's at this scale is named in that dot's joint label
    # ("Mossul und Große Moschee al-Nuri")
    labels = " / ".join(page.locator(".lk-label").all_inner_texts())
    names = {f.id: f.name["de"] for f in story.features}
    merged = local - visible_ids(page)
    assert all(names[feature_id] in labels for feature_id in merged), (merged, labels)
    assert len(merged) < len(local) // 2
    # zoomed out to the world, the far-away places show too
    page.evaluate(SHOW_THE_WORLD)
    distant = {f.id for f in story.features if f.distant}
    page.wait_for_function(
        "ids => ids.every(id => document.querySelector(`[data-feature-id='${id}']`))",
        arg=sorted(distant),
    )
    assert distant <= visible_ids(page)
    assert page.watch.foreign == []
    assert all(url.startswith("file://") for url in page.watch.requests)
    assert page.watch.errors == []
    assert export_de.stat().st_size <= 450_000  # with the named ground and its typeface


def test_clicking_raqqa_shows_the_trapped_civilians_range(watched_page, export_de: Path) -> None:
    page = open_export(watched_page, export_de)
    page.click("[data-feature-id='raqqa']")
    details = page.locator(".lk-details")
    details.wait_for(state="visible")
    assert "Rakka" in details.inner_text()
    assert "50.000\u2013100.000" in details.inner_text()
    assert "Institute for the Study of War" in details.inner_text()


def test_a_feature_is_reachable_by_keyboard(watched_page, export_de: Path) -> None:
    page = open_export(watched_page, export_de)
    marker = page.locator("[data-feature-id='mosul']")
    assert marker.get_attribute("aria-label") == "Mossul"
    assert marker.get_attribute("tabindex") == "0"
    marker.focus()
    page.keyboard.press("Enter")
    page.locator(".lk-details h2").wait_for(state="visible")
    assert page.locator(".lk-details h2").inner_text() == "Mossul"


def test_labels_and_legend_are_on_the_map(watched_page, export_de: Path) -> None:
    page = open_export(watched_page, export_de)
    labels = page.locator(".lk-label").all_inner_texts()
    assert "Rakka" in labels
    # Mosul's dot carries al-Nuri's name too where the two fall on one spot
    assert any(label.startswith("Mossul") for label in labels)
    assert "Legende" in page.locator(".lk-legend").inner_text()
    assert page.locator(".leaflet-control-scale-line").inner_text().endswith("km")


def test_hostile_text_shows_literally_and_runs_nothing(
    watched_page, hostile_story_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "hostile.html"
    path.write_text(export_html(load_story(hostile_story_dir), "en"), "utf-8")
    page = open_export(watched_page, path)
    page.click("[data-feature-id='raqqa']")
    page.locator(".lk-details").wait_for(state="visible")
    shown = page.locator(".lk-details").inner_text()
    assert "<script>window.__pwned=1</script>" in shown
    assert "${window.__pwned=3}" in shown and "`tick`" in shown
    assert HOSTILE.split("\u2028")[0].strip() in page.locator(".lk-title h1").inner_text()
    assert page.evaluate("window.__pwned") is None
    assert page.locator(".lk-details img").count() == 0
    assert page.watch.dialogs == [] and page.watch.errors == []
    assert page.watch.foreign == []


def test_page_scrolling_is_not_captured_by_the_map(watched_page, export_de: Path) -> None:
    """A reader scrolling the article past the map does not zoom it; ctrl + wheel does."""
    page = open_export(watched_page, export_de)
    zoom = page.evaluate("lagekarte.map.getZoom()")
    page.mouse.move(400, 300)
    page.mouse.wheel(0, -400)
    expect(page.locator(".leaflet-gesture-handling-scroll-warning")).to_be_attached()
    assert page.evaluate("lagekarte.map.scrollWheelZoom.enabled()") is False
    assert page.evaluate("lagekarte.map.getZoom()") == zoom
    page.keyboard.down("Control")
    for _ in range(3):  # the first ctrl + wheel switches wheel zoom on, the next ones zoom
        page.mouse.wheel(0, -400)
    page.keyboard.up("Control")
    page.wait_for_function("(zoom) => lagekarte.map.getZoom() > zoom", arg=zoom)


def test_export_is_described_for_screen_readers(watched_page, export_de: Path) -> None:
    page = open_export(watched_page, export_de)
    container = page.locator(".folium-map")
    assert container.get_attribute("aria-label") == "Das Kalifat des IS bricht zusammen"
    described = page.locator(f"#{container.get_attribute('aria-describedby')}").inner_text()
    assert "Mossul" in described and "50.000\u2013100.000" in described
    assert "Quelle: dpa (Jan Kuhlmann)" in page.locator(".lk-title").inner_text()


def test_event_cells_follow_the_zoom(watched_page, tmp_path: Path, story_copy) -> None:
    """10,000 events arrive as cells; zooming in shows finer cells, drawn by the page."""
    from tests.synthetic_events import synthetic_events

    folder = story_copy(
        toml={
            "[source]": (
                '[events_layer]\nfile = "events.csv"\n'
                'name = { de = "Gemeldete Ereignisse", en = "Reported events" }\n'
                'source = "synthetic"\n\n[source]'
            )
        }
    )
    synthetic_events(10_000).to_csv(folder / "events.csv", index=False)
    path = tmp_path / "events.html"
    path.write_text(export_html(load_story(folder), "de"), "utf-8")
    page = open_export(watched_page, path)
    page.wait_for_function("() => lagekarte.eventCellCount() > 0")
    coarse = page.evaluate("lagekarte.eventCellCount()")
    page.evaluate("() => { lagekarte.map.setView([36.34, 43.12], 11, {animate: false}); }")
    page.wait_for_function("(n) => lagekarte.eventCellCount() !== n", arg=coarse)
    assert "10.000 Ereignisse" in page.locator(".lk-events-summary").inner_text()
    assert page.watch.errors == [] and page.watch.foreign == []
