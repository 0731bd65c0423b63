"""The static site of the bundled stories, written twice by `python -m dashboard site`: the
same bytes both times, embed codes under --base-url, and its index and map pages opened in
Chromium from disk and from a plain static server on loopback, with no other host asked.

Only the social image size is made (a PNG and an SVG per language): the other sizes are
drawn by the same code, and making them all twice would take minutes on two cores."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from dashboard.core.resources import BUNDLED_STORIES_DIR
from dashboard.reader.story import load_stories
from dashboard.ui.cli import main
from tests.servers import static_server

pytestmark = pytest.mark.browser

BASE_URL = "https://maps.example.org/news/lagekarte/"
SIZES = ["social"]
FEATURE_DRAWN = "id => document.querySelector(`[data-feature-id='${id}']`)"


def write_site(out: Path) -> Path:
    command = ["site", str(out), "--base-url", BASE_URL, "--stories", str(BUNDLED_STORIES_DIR)]
    assert main([*command, "--sizes", *SIZES]) == 0
    return out


def tree_hash(folder: Path) -> str:
    """One hash of every file's path and bytes under `folder`."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return write_site(tmp_path_factory.mktemp("site") / "out")


def test_two_runs_give_the_same_bytes(site: Path, tmp_path: Path) -> None:
    again = write_site(tmp_path / "again")
    assert tree_hash(again) == tree_hash(site)
    images = sorted(p.name for p in site.rglob("*-social.*"))
    assert images == [
        f"is-caliphate-2017-{lang}-social.{fmt}" for lang in ("de", "en") for fmt in ("png", "svg")
    ]


def test_every_embed_code_points_under_the_base_url(site: Path) -> None:
    stories = load_stories(BUNDLED_STORIES_DIR).published_only().stories
    embeds = sorted(site.rglob("*.embed.html"))
    assert len(embeds) == sum(len(story.languages) for story in stories.values())
    for embed in embeds:
        sources = re.findall(r'<iframe src="([^"]+)"', embed.read_text("utf-8"))
        assert len(sources) == 1 and sources[0].startswith(BASE_URL)
        # and it names a page the site holds
        assert (site / sources[0].removeprefix(BASE_URL)).is_file()
        oembed = json.loads(
            embed.with_name(embed.name.replace(".embed.html", ".oembed.json")).read_text()
        )
        assert oembed["html"] == embed.read_text("utf-8").rstrip("\n")


def open_index_then_story(page, index_url: str) -> None:
    """The index shows the story with its image; its map link opens the map with every
    place of the first view drawn and visible."""
    page.goto(index_url)
    entry = page.locator("li.story[data-story='is-caliphate-2017']")
    entry.wait_for(state="visible")
    assert "Das Kalifat des IS bricht zusammen" in entry.locator("h2").inner_text()
    image = entry.locator("img")
    image.wait_for(state="visible")
    page.wait_for_function(
        "img => img.complete && img.naturalWidth === 1200", arg=image.element_handle()
    )
    entry.locator("h2 a").click()
    page.wait_for_function("() => window.lagekarte !== undefined")
    for feature in ("mosul", "raqqa"):
        page.wait_for_function(FEATURE_DRAWN, arg=feature)
        assert page.locator(f"[data-feature-id='{feature}']").first.is_visible()
    page.click("[data-feature-id='raqqa']")
    details = page.locator(".lk-details")
    details.wait_for(state="visible")
    assert "50.000\u2013100.000" in details.inner_text()


def test_the_site_opens_from_disk_with_no_request_elsewhere(watched_page, site: Path) -> None:
    page = watched_page(viewport={"width": 1280, "height": 900})
    open_index_then_story(page, (site / "index.html").as_uri())
    assert page.watch.foreign == []
    assert page.watch.requests and all(url.startswith("file://") for url in page.watch.requests)
    assert page.watch.errors == []


def test_the_site_opens_from_a_static_server_with_no_request_elsewhere(
    watched_page, site: Path
) -> None:
    with static_server(site) as url:
        page = watched_page({url.removeprefix("http://")}, viewport={"width": 1280, "height": 900})
        open_index_then_story(page, url + "/index.html")
        # the English index names the same story in English
        page.goto(url + "/index.en.html")
        title = page.locator("li.story[data-story='is-caliphate-2017'] h2")
        assert title.inner_text() == "The IS caliphate is collapsing"
    assert page.watch.foreign == []
    assert all(u.startswith(url) for u in page.watch.requests)
    assert page.watch.errors == []
