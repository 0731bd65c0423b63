"""The newsroom's own street tiles (a PMTiles archive built here, served on loopback with
range requests), in the export opened from disk and in the dashboard: nothing is asked of
the archive's host before the reader presses the button; then only loopback is asked,
the road is drawn, and no error."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboard.render.export import export_html
from dashboard.render.tiles import DetailTiles
from tests.conftest import REPO
from tests.e2e.dashboard_page import FIRST_DRAW_MS, MAP_FRAME, map_frame
from tests.one_place import PLACES, one_place_story
from tests.servers import range_server, streamlit_server
from tests.street_tiles import ROAD_OFFSET, street_archive

pytestmark = pytest.mark.browser

PLACE = next(p for p in PLACES if p.slug == "goma")
ARCHIVE = "/extracts/goma.pmtiles"
NAME = "Stadtplan Test"
# The colour of the tile canvas on the road, and 1.2 km south of it (background only),
# a few pixels up and down so that a line's anti-aliased edge counts too.
ROAD_PIXELS = """([lat, lon, away]) => {
    const map = lagekarte.map, pane = map.getPane("lk-tiles");
    if (!pane) return null;
    const box = map.getContainer().getBoundingClientRect();
    const colours = (latlng) => {
        const p = map.latLngToContainerPoint(latlng);
        const found = [];
        for (let dy = -2; dy <= 2; dy++) {
            const x = box.left + p.x, y = box.top + p.y + dy;
            for (const c of pane.querySelectorAll("canvas")) {
                const r = c.getBoundingClientRect();
                if (x < r.left || x >= r.right || y < r.top || y >= r.bottom) continue;
                const px = Math.floor((x - r.left) * c.width / r.width);
                const py = Math.floor((y - r.top) * c.height / r.height);
                found.push([...c.getContext("2d").getImageData(px, py, 1, 1).data].join(","));
            }
        }
        return found;
    };
    return {road: colours([lat, lon]), away: colours([away, lon])};
}"""


def road_is_drawn(frame) -> dict:
    """Waits until the tile canvas shows a colour on the road that its background (the
    same canvas 1.2 km south) does not have; returns the colours seen."""
    road_lat = PLACE.lat - ROAD_OFFSET
    args = [road_lat, PLACE.lon + 0.01, road_lat - 0.011]
    frame.wait_for_function(
        f"""(args) => {{ const seen = ({ROAD_PIXELS})(args);
            return seen && seen.road.length && seen.away.length
                && seen.road.some(c => !seen.away.includes(c)); }}""",
        arg=args,
        timeout=20_000,
    )
    return frame.evaluate(ROAD_PIXELS, args)


@pytest.fixture(scope="module")
def archive_host() -> Iterator[str]:
    with range_server({ARCHIVE: street_archive(PLACE.lon, PLACE.lat, PLACE.name_en)}) as host:
        yield host


def archive_requests(page, host: str) -> list[str]:
    return [u for u in page.watch.requests if u.startswith(f"http://{host}{ARCHIVE}")]


def press_and_check(page, frame, host: str, label: str, allowed_before: int) -> None:
    assert archive_requests(page, host) == []
    before = len(page.watch.requests)
    assert before >= allowed_before
    frame.get_by_role("button", name=label).click()
    seen = road_is_drawn(frame)
    assert any(c not in seen["away"] for c in seen["road"]), seen
    after = page.watch.requests[before:]
    assert archive_requests(page, host)
    assert all(u.startswith(("http://127.0.0.1:", "data:", "blob:")) for u in after), after
    credit = frame.locator(".lk-tiles-credit")
    assert "OpenStreetMap" in credit.text_content()
    assert page.watch.foreign == [] and page.watch.errors == []


def test_the_export_draws_the_archive_only_after_the_press(
    watched_page, tmp_path: Path, archive_host: str
) -> None:
    story = one_place_story(PLACE, tmp_path / "stories")
    tiles = DetailTiles(
        f"http://{archive_host}{ARCHIVE}", NAME, "© OpenStreetMap contributors (test)"
    )
    path = tmp_path / "goma-de.html"
    path.write_text(export_html(story, "de", view="close", tiles=tiles), "utf-8")
    page = watched_page({archive_host}, viewport={"width": 1280, "height": 800})
    page.goto(path.as_uri())
    page.wait_for_function("() => window.lagekarte && window.lagekarte.context")
    page.get_by_role("button", name=f"Detailkarte laden ({NAME})").wait_for()
    page.evaluate("() => { lagekarte.map.panBy([120, 60], {animate: false}); }")
    page.evaluate("() => { lagekarte.map.panBy([-120, -60], {animate: false}); }")
    assert [u for u in page.watch.requests if u.startswith("http")] == []
    press_and_check(page, page.main_frame, archive_host, f"Detailkarte laden ({NAME})", 1)


@pytest.fixture(scope="module")
def street_dashboard(tmp_path_factory, archive_host: str) -> Iterator[str]:
    stories = tmp_path_factory.mktemp("stories")
    one_place_story(PLACE, stories)
    env = {
        "LAGEKARTE_STORIES": str(stories),
        "LAGEKARTE_TILES": f"http://{archive_host}{ARCHIVE}",
        "LAGEKARTE_TILES_NAME": NAME,
        "LAGEKARTE_TILES_ATTRIBUTION": "© OpenStreetMap contributors (test)",
    }
    with streamlit_server(REPO / "dashboard" / "ui" / "page.py", env) as url:
        yield url


def test_the_dashboard_draws_the_archive_only_after_the_press(
    watched_page, street_dashboard: str, archive_host: str
) -> None:
    host = street_dashboard.split("//", 1)[1]
    page = watched_page({host, archive_host}, viewport={"width": 1440, "height": 900})
    page.set_default_timeout(FIRST_DRAW_MS)
    page.goto(f"{street_dashboard}/?story={PLACE.slug}&view=close&lang=en")
    page.frame_locator(MAP_FRAME).locator(f"[data-feature-id='{PLACE.slug}']").wait_for()
    frame = map_frame(page)
    label = f"Load detailed map ({NAME})"
    frame.get_by_role("button", name=label).wait_for()
    vendor = [u for u in page.watch.requests if "/protomaps-leaflet.js" in u]
    assert vendor and all(u.startswith(street_dashboard) for u in vendor)
    press_and_check(page, frame, archive_host, label, 1)
