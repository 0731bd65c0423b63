"""Hostile stories in a real browser: the export and the dashboard show their text as
text, run none of it, go nowhere, and leave the other stories working."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from dashboard.reader.story import load_story
from dashboard.render.export import export_html
from tests.conftest import FIRST_STORY, HOSTILE, make_hostile
from tests.e2e.test_dashboard import MAP_FRAME, map_frame, open_dashboard
from tests.e2e.test_export_page import open_export
from tests.servers import streamlit_server
from tests.synthetic_events import synthetic_events

pytestmark = pytest.mark.browser

# Names Leaflet's layer control once wrote as HTML (and "__proto__" once used as a key).
SCRIPT_NAME = '<img src=x onerror="window.__pwned=4;parent.__pwned=4">'
REFRESH_NAME = '<meta http-equiv="refresh" content="0;url=http://example.com/">'
EVENT_NAMES = [SCRIPT_NAME + " Events", REFRESH_NAME + " Ereignisse", "__proto__"]
MATH_TITLE = r"$\foo$ {{{ $5 Mio."


def toml_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def write_hostile_story(folder: Path, events_name: str) -> Path:
    """The first story with script in every text and an events layer named `events_name`."""
    shutil.copytree(FIRST_STORY, folder)
    features = json.loads((folder / "features.geojson").read_text("utf-8"))
    make_hostile(features["features"])
    (folder / "features.geojson").write_text(json.dumps(features, ensure_ascii=False), "utf-8")
    toml = (folder / "story.toml").read_text("utf-8")
    title = toml_string(f"{MATH_TITLE} {HOSTILE}")
    toml = toml.replace('de = "Das Kalifat des IS bricht zusammen"', f"de = {title}", 1)
    toml = toml.replace(
        "[source]",
        '[events_layer]\nfile = "events.csv"\n'
        f"name = {{ de = {toml_string(events_name)}, en = {toml_string(events_name)} }}\n"
        'source = "synthetic"\n\n[source]',
        1,
    )
    (folder / "story.toml").write_text(toml, "utf-8")
    synthetic_events(200).to_csv(folder / "events.csv", index=False)
    return folder


def assert_nothing_ran(page, frame) -> None:
    for where in (page, frame):
        assert where.evaluate("window.__pwned") is None
        assert where.evaluate("document.querySelectorAll('meta[http-equiv=refresh i]').length") == 0
    assert frame.evaluate("document.querySelectorAll('.leaflet-control-layers img').length") == 0
    assert page.watch.dialogs == [] and page.watch.foreign == []


@pytest.mark.parametrize("name", EVENT_NAMES, ids=["script", "meta-refresh", "proto"])
def test_export_shows_a_hostile_layer_name_as_text(watched_page, tmp_path, name) -> None:
    story = load_story(write_hostile_story(tmp_path / "hostile-story", name))
    path = tmp_path / "hostile.html"
    path.write_text(export_html(story, "en"), "utf-8")
    page = open_export(watched_page, path)
    control = page.locator(".leaflet-control-layers-overlays")
    expect(control).to_contain_text(name)
    page.wait_for_function("() => lagekarte.eventCellCount() > 0")
    assert_nothing_ran(page, page)
    assert page.url == path.as_uri()
    assert page.watch.errors == []


def test_export_csp_forbids_forms_and_base_changes(tmp_path) -> None:
    story = load_story(write_hostile_story(tmp_path / "hostile-story", "x"))
    html = export_html(story, "en")
    csp = html.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
    for directive in ("default-src 'none'", "form-action 'none'", "base-uri 'none'"):
        assert directive in csp


def patient(watched_page):
    """Pages that wait longer: a new server's first page reads every story first."""

    def make(**options):
        page = watched_page(**options)
        page.set_default_timeout(60_000)
        return page

    return make


@pytest.fixture(scope="module")
def hostile_dashboard(tmp_path_factory) -> Iterator[str]:
    """The dashboard serving the first story beside hostile ones."""
    from tests.conftest import REPO

    stories = tmp_path_factory.mktemp("stories")
    shutil.copytree(FIRST_STORY, stories / FIRST_STORY.name)
    write_hostile_story(stories / "hostile-story", EVENT_NAMES[0])
    write_hostile_story(stories / "proto-story", EVENT_NAMES[2])
    with streamlit_server(
        REPO / "dashboard" / "ui" / "page.py", env={"LAGEKARTE_STORIES": str(stories)}
    ) as url:
        yield url


@pytest.mark.parametrize("slug", ["hostile-story", "proto-story"])
def test_dashboard_shows_a_hostile_story_and_runs_none_of_it(
    watched_page, hostile_dashboard, slug
) -> None:
    page = open_dashboard(patient(watched_page), hostile_dashboard, f"?story={slug}&lang=en")
    frame = map_frame(page)
    overlays = page.frame_locator(MAP_FRAME).locator(".leaflet-control-layers-overlays")
    expect(overlays).to_contain_text(EVENT_NAMES[0] if slug == "hostile-story" else "__proto__")
    frame.wait_for_function("() => lagekarte.eventCellCount() > 0")
    assert_nothing_ran(page, frame)
    assert page.locator("[data-testid=stException]").count() == 0
    assert page.title() != "pwned"
    assert page.watch.errors == []
    # the first story, from the same server, keeps working
    page.goto(f"{hostile_dashboard}/?story={FIRST_STORY.name}&lang=en")
    page.frame_locator(MAP_FRAME).locator("[data-feature-id='raqqa']").wait_for()
    expect(page.get_by_text("The IS caliphate is collapsing").first).to_be_visible()
    assert page.locator("[data-testid=stException]").count() == 0
