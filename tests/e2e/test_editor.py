"""The editor in Chromium: paste the article, drop a place, move a place, save, and find
the new story in the dashboard. Served in editor mode on a copy of the stories folder."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from dashboard.core.i18n import text
from dashboard.ui.settings import EDITOR_PASSWORD as EDITOR_PASSWORD_ENV
from tests.conftest import FIRST_STORY, REPO
from tests.e2e.dashboard_page import after_a_run
from tests.servers import free_port, streamlit_server

pytestmark = pytest.mark.browser

SEED = REPO / "tests" / "data" / "articles" / "kalifat-2017-scraped.txt"
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
ROW_PX = 35  # the data editor's row height (Streamlit's default)
KEEP_COLUMN_PX = 75  # the "keep" column, width "small"
PASSWORD = "Sandsturm über Lagos 9"


@pytest.fixture(scope="module")
def editor_server(tmp_path_factory) -> Iterator[tuple[str, Path]]:

    stories = tmp_path_factory.mktemp("stories")
    shutil.copytree(FIRST_STORY, stories / FIRST_STORY.name)
    # The landing story is a setting: it stays the first story whatever the editor saves
    # (the seed article is the first story's own, same date, and its name sorts first).
    env = {
        "LAGEKARTE_EDITOR": "1",
        "LAGEKARTE_STORIES": str(stories),
        "LAGEKARTE_DEFAULT_STORY": FIRST_STORY.name,
    }
    with streamlit_server(REPO / "dashboard" / "ui" / "page.py", env) as url:
        yield url, stories


def idle(page) -> None:
    page.locator("[data-test-script-state=notRunning]").wait_for(state="attached")
    page.wait_for_function("() => !document.querySelector('[data-test-script-state=running]')")


def click_map(page) -> None:
    """Click the editor's map right of its centre (the first frame is the drawn map;
    Streamlit may keep a zero-width one beside it)."""
    container = page.locator(MAP_FRAME).first.content_frame.locator(".leaflet-container")
    try:
        container.scroll_into_view_if_needed()
        box = container.bounding_box()
    except PlaywrightError:  # the frame was replaced meanwhile: the caller tries again
        return
    if box is not None:
        page.mouse.click(box["x"] + box["width"] * 0.6, box["y"] + box["height"] * 0.4)


def wait_for_review_map(page, without: str) -> None:
    """Until the first map frame has drawn the draft's places, `without` not among them."""
    page.wait_for_function(
        """([selector, without]) => {
            const f = document.querySelector(selector);
            const doc = f && f.contentWindow && f.contentWindow.lagekarte && f.contentDocument;
            return Boolean(doc) && doc.querySelector('[data-feature-id]') !== null
                && doc.querySelector(`[data-feature-id='${without}']`) === null; }""",
        arg=[MAP_FRAME, without],
    )


def assert_named_ground(page) -> None:
    """The review map is the readers' map: the draft's places by name and the named
    ground around them (countries, seas, rivers, cities)."""
    frame = page.locator(MAP_FRAME).first.content_frame
    shown = frame.locator(".lk-ctx:not([hidden])")
    shown.first.wait_for()
    ground = [t.strip() for t in shown.all_inner_texts() if t.strip()]
    assert len(ground) >= 3, ground
    assert "Mossul" not in ground  # the story's own places are named by the story


def feature_ids(folder: Path) -> set[str]:
    collection = json.loads((folder / "features.geojson").read_text("utf-8"))
    return {f["properties"]["id"] for f in collection["features"]}


def reader_map_ids(reader, address: str) -> set[str]:
    """The features on the map a reader is shown at `address`."""
    reader.goto(address)
    # Right after loading, the page may not have started its script yet: wait until it
    # shows a map or says there is no such map, not merely until no script runs.
    lang = "de" if "lang=de" in address else "en"
    missing = reader.get_by_text(text("ui.not_found", lang))
    reader.locator(MAP_FRAME).or_(missing).first.wait_for(timeout=60_000)
    idle(reader)
    if reader.locator(MAP_FRAME).count() == 0:  # no story shown at all
        return set()
    frame = reader.frame_locator(MAP_FRAME)
    frame.locator("[data-feature-id]").first.wait_for(timeout=30_000)
    return set(
        frame.locator("[data-feature-id]").evaluate_all(
            "nodes => nodes.map(n => n.dataset.featureId)"
        )
    )


def test_paste_drop_move_save_and_open(watched_page, editor_server) -> None:
    url, stories = editor_server
    page = watched_page(
        allowed_hosts={url.split("//", 1)[1]}, viewport={"width": 1440, "height": 900}
    )
    page.set_default_timeout(30_000)  # drafting and saving are script runs of their own
    reader = watched_page(allowed_hosts={url.split("//", 1)[1]})
    landing = reader_map_ids(reader, f"{url}/?lang=de")
    assert landing and landing <= feature_ids(FIRST_STORY)  # the first story
    page.goto(f"{url}/?lang=de")
    page.get_by_role("button", name="Neue Karte aus Artikel").click()
    expect(page.get_by_role("heading", name="Neue Karte aus Artikel")).to_be_visible()
    area = page.get_by_label("Artikeltext einfügen", exact=True)
    area.fill(SEED.read_text("utf-8"))
    area.press("Control+Enter")
    idle(page)
    page.get_by_role("button", name="Entwurf erstellen").click()
    grid = page.locator("[data-testid=stDataFrame]").first
    grid.wait_for()
    idle(page)
    assert_named_ground(page)

    # Drop Washington (5th row of the places table): untick its "übernehmen" cell.
    grid.scroll_into_view_if_needed()
    expect(grid).to_be_in_viewport(ratio=1)
    box = grid.bounding_box()
    row = 4
    page.mouse.click(box["x"] + KEEP_COLUMN_PX / 2, box["y"] + ROW_PX * (row + 1) + ROW_PX / 2)
    idle(page)

    # Move Mossul, the first point in the list to move: click the map beside it. The map
    # is drawn anew after each edit of the tables, after the script has run: a click on
    # the frame being replaced is lost, so wait for the map without Washington first, and
    # click again if the page still replaced it (it reports the move when it has it).
    # Page text puts a word joiner after each colon (no Markdown shortcode can start there).
    wait_for_review_map(page, without="washington-dc")
    moved = page.get_by_text(re.compile(r"Verschoben:\W*Mossul \(2\) nach"))
    for _attempt in range(3):
        idle(page)
        click_map(page)
        try:
            expect(moved).to_be_visible(timeout=10_000)
            break
        except AssertionError:
            continue
    expect(moved).to_be_visible()
    idle(page)

    names_with_dots_or_a_slash_are_refused(page, stories, "de")
    slug = page.get_by_label("Ordnername (Kleinbuchstaben, Ziffern, Bindestriche)")
    slug.fill("editor-test")
    slug.press("Enter")
    idle(page)
    page.get_by_role("button", name="Als Entwurf speichern").click()
    expect(page.get_by_text(re.compile("Als Entwurf gespeichert"))).to_be_visible()
    # A draft: not on the reader's dashboard, not even by its name; the landing story stays.
    assert reader_map_ids(reader, f"{url}/?story=editor-test&lang=de") == set()
    assert reader_map_ids(reader, f"{url}/?lang=de") == landing

    page.get_by_role("button", name="Veröffentlichen").click()
    expect(page.get_by_text("Diese Karte gibt es nur auf Deutsch.")).to_have_count(0)
    page.wait_for_url("**story=editor-test**")
    # Published: readers find it by its name; the landing story is still the configured one.
    shown = reader_map_ids(reader, f"{url}/?story=editor-test&lang=de")
    assert shown and shown <= feature_ids(stories / "editor-test") and shown != landing
    assert reader_map_ids(reader, f"{url}/?lang=de") == landing
    assert reader.watch.errors == []
    idle(page)
    expect(page.locator(".lk-header, h1, h2").first).to_be_visible()
    expect(page.get_by_text("Das Kalifat des IS bricht zusammen").first).to_be_visible()

    features = json.loads((stories / "editor-test" / "features.geojson").read_text("utf-8"))
    by_name = {f["properties"]["name_de"]: f for f in features["features"]}
    assert "Washington" not in by_name and "Moskau" in by_name
    lon, lat = by_name["Mossul"]["geometry"]["coordinates"]
    assert abs(lat - 36.335) + abs(lon - 43.119) > 0.01  # moved by the click
    assert by_name["Mossul"]["properties"]["sources"][0]["kind"] == "editorial"
    assert page.watch.foreign == []
    assert page.watch.errors == []


def test_without_editor_mode_the_editor_is_not_served(watched_page, dashboard_url) -> None:
    page = watched_page(allowed_hosts={dashboard_url.split("//", 1)[1]})
    page.goto(f"{dashboard_url}/?page=editor&lang=de")
    page.frame_locator(MAP_FRAME).locator("[data-feature-id='raqqa']").wait_for()
    expect(page.get_by_role("button", name="Neue Karte aus Artikel")).to_have_count(0)
    expect(page.get_by_label("Artikeltext einfügen", exact=True)).to_have_count(0)


def names_with_dots_or_a_slash_are_refused(page, stories: Path, lang: str) -> None:
    """On a draft under review: '../escaped-one' and 'deep/nested-x', one after the
    other, are refused, and nothing is written anywhere."""
    before = sorted(p.name for p in stories.parent.iterdir())
    saved = sorted(p.name for p in stories.iterdir())
    # the refusal's end, the same in both languages' wording: "„/“ oder „..“", "“/” or “..”"
    refusal = text("editor.refused.slug", lang)
    refused = page.get_by_text(refusal[refusal.index("/") - 1 :].rstrip("."))
    for name in ("../escaped-one", "deep/nested-x"):
        slug = page.get_by_label(text("editor.slug", lang))
        slug.fill(name)
        slug.press("Enter")
        idle(page)
        # The refusal stays shown until a save succeeds, so the second name's is the
        # first's: what shows the press refused is that its run wrote nothing and failed
        # on nothing.
        save = page.get_by_role("button", name=text("editor.save", lang))
        after_a_run(page, save.click)
        expect(refused).to_be_visible()
        expect(page.get_by_test_id("stException")).to_have_count(0)
        assert sorted(p.name for p in stories.parent.iterdir()) == before
        assert sorted(p.name for p in stories.iterdir()) == saved
    assert not (stories / "deep").exists() and "escaped-one" not in before


def test_the_editor_on_a_network_without_a_password_does_not_start() -> None:
    env = {k: v for k, v in os.environ.items() if k != EDITOR_PASSWORD_ENV}
    command = [
        sys.executable,
        "-m",
        "dashboard",
        "serve",
        "--editor",
        "--address",
        "0.0.0.0",
        "--port",
        str(free_port()),
    ]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert EDITOR_PASSWORD_ENV in result.stderr and "0.0.0.0" in result.stderr


@pytest.fixture(scope="module")
def locked_editor(tmp_path_factory) -> Iterator[str]:

    stories = tmp_path_factory.mktemp("locked-stories")
    env = {
        "LAGEKARTE_EDITOR": "1",
        "LAGEKARTE_STORIES": str(stories),
        EDITOR_PASSWORD_ENV: PASSWORD,
    }
    with streamlit_server(REPO / "dashboard" / "ui" / "page.py", env) as url:
        yield url


def test_with_a_password_the_editor_asks_for_it(watched_page, locked_editor) -> None:
    page = watched_page(allowed_hosts={locked_editor.split("//", 1)[1]})
    page.set_default_timeout(30_000)
    page.goto(f"{locked_editor}/?page=editor&lang=de")
    password = page.get_by_label(text("editor.password", "de"))
    password.wait_for()
    expect(page.get_by_label(text("editor.paste", "de"), exact=True)).to_have_count(0)
    password.fill("falsch")
    page.get_by_role("button", name=text("editor.unlock", "de")).click()
    expect(page.get_by_text(text("editor.wrong_password", "de"))).to_be_visible()
    expect(page.get_by_label(text("editor.paste", "de"), exact=True)).to_have_count(0)
    page.get_by_label(text("editor.password", "de")).fill(PASSWORD)
    page.get_by_role("button", name=text("editor.unlock", "de")).click()
    expect(page.get_by_label(text("editor.paste", "de"), exact=True)).to_be_visible()
    assert page.watch.foreign == []
