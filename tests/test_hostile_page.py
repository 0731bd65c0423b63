"""Hostile text on the page: script in every text field is shown as text, a broken
story gives an error card (without server paths) while the good one works, and
Streamlit's shortcodes in story text never become icons."""

from __future__ import annotations

import os
import re
from pathlib import Path

import markupsafe
import pytest

from dashboard.reader.story import STORY_FILE, load_story
from tests.conftest import BAD, HOSTILE
from tests.hostile import (
    DEEP,
    GOOD,
    SCRIPT_PARTS,
    features_with,
    features_with_json,
    geometry,
    nested,
    shown_texts,
)
from tests.test_app import html_text, run_page

# Script in every text field: valid, and shown as text by the page


def toml_hostile_everywhere(hostile_story_dir: Path) -> Path:
    """Besides the fixture's title and features: script in every text of story.toml."""
    path = hostile_story_dir / STORY_FILE
    toml_text = HOSTILE.replace("\\", "\\\\").replace('"', '\\"')
    content = path.read_text("utf-8")
    for key in ('de = "', 'en = "', 'publisher = "', 'author = "', 'title = "', 'source = "'):
        content = content.replace(key, f"{key}{toml_text} ")
    path.write_text(content, "utf-8")
    return hostile_story_dir


PAGES = [
    pytest.param("de", {"feature": "mosul"}, None, id="details"),
    pytest.param("en", {"feature": "raqqa"}, 1, id="figures"),
    pytest.param("de", {"event": "mosul-victory"}, 2, id="timeline"),
    pytest.param("en", {}, 3, id="explore"),
    pytest.param("en", {"mode": "embed"}, None, id="embed"),
]


def test_hostile_text_is_a_valid_story(hostile_story_dir) -> None:
    story = load_story(toml_hostile_everywhere(hostile_story_dir))
    assert HOSTILE in story.title.de and HOSTILE in story.credit.en
    assert all(HOSTILE in f.name.en and HOSTILE in f.note.de for f in story.features)
    assert all(HOSTILE in e.title.de for e in story.events)


@pytest.mark.parametrize(("lang", "params", "panel"), PAGES)
def test_hostile_text_is_shown_escaped_by_the_page(
    monkeypatch, hostile_story_dir, lang, params, panel
) -> None:
    folder = toml_hostile_everywhere(hostile_story_dir)
    page = run_page(monkeypatch, stories=folder.parent, panel=panel, lang=lang, **params)
    texts = shown_texts(page)
    for text in texts:
        for part in SCRIPT_PARTS:
            assert part not in text, text[:300]
    if params.get("mode") != "embed":
        assert str(markupsafe.escape(HOSTILE)) in html_text(page)


def test_hostile_text_in_explore_with_two_places(monkeypatch, hostile_story_dir) -> None:
    folder = toml_hostile_everywhere(hostile_story_dir)
    page = run_page(monkeypatch, stories=folder.parent, panel=3, lang="de")
    page.selectbox(key="d1").select("mosul").run()
    page.selectbox(key="d2").select("raqqa").run()
    assert not page.exception
    assert " km</div>" in html_text(page)
    for text in shown_texts(page):
        assert not any(part in text for part in SCRIPT_PARTS), text[:300]


# A broken, hostile story beside a good one in the dashboard


BROKEN_PAGES = {
    "hostile-kind": dict(raw_features=features_with("mosul", "kind", HOSTILE)),
    "lone-surrogate": dict(
        raw_features=features_with("mosul", "name_de", "__X__").replace("__X__", "\\ud800")
    ),
    "deep-nesting": dict(raw_features=nested("[", "]", DEEP)),
    "not-utf8": dict(features_bytes=b'{"name_de": "M\xf6ssul"}'),
    "nan": dict(
        raw_features=features_with_json("mosul", "geometry", geometry("Point", "[NaN,36]"))
    ),
}


@pytest.mark.parametrize("changes", list(BROKEN_PAGES.values()), ids=list(BROKEN_PAGES))
def test_a_broken_hostile_story_gives_an_error_card_and_the_good_one_works(
    monkeypatch, hostile, changes
) -> None:
    folder = hostile(**changes)
    page = run_page(monkeypatch, stories=folder.parent, story=BAD, lang="en")
    html = html_text(page)
    assert f"This story has errors: {BAD}" in html
    assert "features.geojson" in html
    assert len(page.tabs) == 0
    for text in shown_texts(page):
        assert not any(part in text for part in SCRIPT_PARTS), text[:300]
    if HOSTILE in changes.get("raw_features", ""):  # the bad kind, quoted as text
        assert str(markupsafe.escape("unknown kind '<script>window.__pwned=1</script>")) in html
    # the good story keeps working, one choice away
    page.selectbox(key="story_control").select(GOOD).run()
    assert not page.exception
    assert "The IS caliphate is collapsing" in html_text(page)
    assert len(page.tabs) == 5


def test_a_story_folder_named_in_latin1_beside_a_good_one_in_the_dashboard(
    monkeypatch, story_copy, tmp_path
) -> None:
    story_copy()
    story_copy(slug=os.fsdecode(b"latin-\xff"))
    page = run_page(monkeypatch, stories=tmp_path, lang="en")
    assert "The IS caliphate is collapsing" in html_text(page)


# Error cards and widget labels


def test_an_error_card_shows_no_server_path(monkeypatch, hostile) -> None:
    """Paths are shown from the stories folder: `broken-story/features.geojson`."""
    folder = hostile(raw_features='{"type": "FeatureCollection", "features": 1}')
    stories = folder.parent
    page = run_page(monkeypatch, stories=stories, story=BAD, lang="en")
    html = html_text(page)
    assert f"{BAD}/features.geojson: file: field" in html
    assert stories.name not in html and str(stories.parent) not in html


SHORTCODES = [
    ":material/home: Start",
    "Mosul :smile:",
    ":red[Mosul]",
    ":streamlit:",
    ":blue-background[x]",
    "a:material/warning:b",
]


@pytest.mark.parametrize("name", SHORTCODES)
def test_shortcodes_in_story_text_never_become_icons_in_widget_labels(name) -> None:
    """Streamlit finds icon, emoji and colour shortcodes after Markdown's escapes are
    undone: the text as Streamlit sees it must hold no shortcode."""
    from dashboard.core.escape import markdown_text

    shown = markdown_text(name)
    unescaped = re.sub(r"\\(.)", r"\1", shown)
    assert unescaped.replace("\u2060", "") == name  # reads as written
    assert not re.search(r":[a-z0-9_/+-]+(:|\[)", unescaped), unescaped
