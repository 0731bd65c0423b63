"""The readers' dashboard, served as a newsroom serves it, never shows a draft: not in the
list of stories, not by its link. `publish` makes it visible on the next load, and the
landing story stays the configured one throughout."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.conftest import FIRST_STORY, REPO
from tests.e2e.dashboard_page import FIRST_DRAW_MS, MAP_FRAME
from tests.servers import served
from tests.test_draft_publish import add_story

pytestmark = pytest.mark.browser

DRAFT, DRAFT_TITLE = "quake-draft", "Beben im Hochland"
# Newer than the first story and first in the alphabet: without the setting, readers
# would land on it.
OTHER, OTHER_TITLE = "aaa-harbour", "Hafen im Süden"
LANDING_TITLE = "Das Kalifat des IS bricht zusammen"


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    """`serve --stories DIR --default-story is-caliphate-2017`: two published stories and
    a draft."""
    stories = tmp_path_factory.mktemp("newsroom")
    shutil.copytree(FIRST_STORY, stories / FIRST_STORY.name)
    add_story(stories, OTHER, title=OTHER_TITLE, published="2020-06-01")
    add_story(stories, DRAFT, "draft", title=DRAFT_TITLE, published="2020-07-01")

    def serve(port: int) -> list[str]:
        return [
            *[sys.executable, "-m", "dashboard", "serve", "--port", str(port)],
            *["--stories", str(stories), "--default-story", FIRST_STORY.name],
        ]

    env = {**os.environ, "PYTHONPATH": str(REPO)}
    with served(serve, cwd=stories, env=env) as (url, _process):
        yield url, stories


def load(page, url: str) -> None:
    """Open `url` and wait for its script's run, as long as for a first drawing: the first
    page of the server just started, and the first after `publish`, read the stories."""
    page.goto(url)
    page.locator("[data-test-script-state=notRunning]").wait_for(
        state="attached", timeout=FIRST_DRAW_MS
    )
    page.get_by_test_id("stApp").wait_for()


def wait_for_map(page, feature: str) -> None:
    page.frame_locator(MAP_FRAME).locator(f"[data-feature-id='{feature}']").wait_for(
        timeout=FIRST_DRAW_MS
    )


def listed_stories(page) -> list[str]:
    """The story choice's options, as a reader opens the list."""
    page.get_by_test_id("stSelectbox").last.click()
    options = page.get_by_role("option")
    options.first.wait_for()
    listed = options.all_inner_texts()
    page.keyboard.press("Escape")
    return listed


def test_a_draft_stays_hidden_until_published(newsroom, watched_page) -> None:
    url, stories = newsroom
    page = watched_page(allowed_hosts={url.removeprefix("http://")})

    load(page, url)
    wait_for_map(page, "raqqa")  # the configured landing story
    expect(page.get_by_text(LANDING_TITLE).first).to_be_visible()
    assert sorted(listed_stories(page)) == sorted([LANDING_TITLE, OTHER_TITLE])
    assert DRAFT_TITLE not in page.content() and DRAFT not in page.content()

    load(page, f"{url}/?story={DRAFT}&lang=de")
    expect(page.get_by_text("Diese Karte gibt es hier nicht").first).to_be_visible()
    assert page.locator(MAP_FRAME).count() == 0
    assert DRAFT_TITLE not in page.content()

    published = subprocess.run(
        [sys.executable, "-m", "dashboard", "publish", DRAFT, "--stories", str(stories)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=stories,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert published.returncode == 0 and published.stdout == f"{DRAFT}: published\n"

    load(page, f"{url}/?story={DRAFT}&lang=de")
    wait_for_map(page, "harbour")
    expect(page.get_by_text(DRAFT_TITLE).first).to_be_visible()
    assert DRAFT_TITLE in listed_stories(page)

    load(page, url)  # a link with no story: still the configured one, not the newest
    wait_for_map(page, "raqqa")
    expect(page.get_by_text(LANDING_TITLE).first).to_be_visible()
    assert not page.watch.foreign and not page.watch.errors
