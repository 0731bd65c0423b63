"""The readers' dashboard and drafts: a draft is never listed or opened, even by its link;
`publish` makes it visible; the landing story is a setting, else the newest story."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dashboard.ui.cli import main
from dashboard.ui.server import check_default_story
from dashboard.ui.settings import DEFAULT_STORY as DEFAULT_STORY_ENV
from dashboard.ui.settings import STORIES as STORIES_ENV
from tests.test_app import html_text, run_page
from tests.test_draft_publish import add_story

NOT_FOUND = {"de": "Diese Karte gibt es hier nicht", "en": "There is no such map here"}
DRAFT_TITLE = "Beben im Hochland"


@pytest.fixture
def newsroom(tmp_path: Path, monkeypatch) -> Path:
    """Two published stories (the older first in the alphabet) and one draft, newest."""
    add_story(tmp_path, "aaa-older", title="Ältere Flut", published="2020-05-04")
    add_story(tmp_path, "zzz-newer", "published", title="Neuere Wahl", published="2020-06-01")
    add_story(tmp_path, "quake-draft", "draft", title=DRAFT_TITLE, published="2020-07-01")
    monkeypatch.delenv(DEFAULT_STORY_ENV, raising=False)
    import streamlit

    streamlit.cache_resource.clear()  # the page keeps story listings for its server's life
    return tmp_path


def page_text(page) -> str:
    """Everything the page shows as text: cards, messages and the widgets' options."""
    options = [str(o) for box in page.selectbox for o in box.options]
    shown = [e.value for e in [*page.markdown, *page.caption, *page.info, *page.error]]
    return "\n".join([html_text(page), *shown, *options])


def story_choices(page) -> list[str]:
    (box,) = [b for b in page.selectbox if b.key == "story_control"]
    return list(box.options)


def test_a_draft_is_not_listed(monkeypatch, newsroom) -> None:
    page = run_page(monkeypatch, stories=newsroom, lang="de")
    assert story_choices(page) == ["Ältere Flut", "Neuere Wahl"]
    assert DRAFT_TITLE not in page_text(page) and "quake-draft" not in page_text(page)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_draft_is_not_opened_by_its_link(monkeypatch, newsroom, lang) -> None:
    draft = run_page(monkeypatch, stories=newsroom, story="quake-draft", lang=lang)
    missing = run_page(monkeypatch, stories=newsroom, story="no-such-story", lang=lang)
    assert NOT_FOUND[lang] in page_text(draft)
    assert DRAFT_TITLE not in page_text(draft) and "draft" not in page_text(draft).lower()
    # a draft's link and a link to nothing look the same: a link tells nothing of drafts
    assert page_text(draft) == page_text(missing)
    assert not draft.get("component_instance")  # no map


def test_a_published_story_opens_by_its_link(monkeypatch, newsroom) -> None:
    page = run_page(monkeypatch, stories=newsroom, story="aaa-older", lang="de")
    assert "Ältere Flut" in html_text(page) and NOT_FOUND["de"] not in page_text(page)


def test_readers_land_on_the_newest_story_without_a_setting(monkeypatch, newsroom) -> None:
    page = run_page(monkeypatch, stories=newsroom, lang="de")
    assert "Neuere Wahl" in html_text(page) and "Ältere Flut" not in html_text(page)


def test_readers_land_on_the_configured_story(monkeypatch, newsroom) -> None:
    monkeypatch.setenv(DEFAULT_STORY_ENV, "aaa-older")
    page = run_page(monkeypatch, stories=newsroom, lang="en")
    assert "Ältere Flut (en)" in html_text(page) and "Neuere Wahl" not in html_text(page)


def test_a_configured_draft_is_not_where_readers_land(monkeypatch, newsroom) -> None:
    monkeypatch.setenv(DEFAULT_STORY_ENV, "quake-draft")
    page = run_page(monkeypatch, stories=newsroom, lang="de")
    assert "Neuere Wahl" in html_text(page) and DRAFT_TITLE not in page_text(page)


def test_publish_makes_the_draft_visible(monkeypatch, newsroom, capsys) -> None:
    assert main(["publish", "quake-draft", "--stories", str(newsroom)]) == 0
    assert capsys.readouterr().out == "quake-draft: published\n"
    page = run_page(monkeypatch, stories=newsroom, story="quake-draft", lang="de")
    assert DRAFT_TITLE in html_text(page)
    assert DRAFT_TITLE in story_choices(page)


def test_publish_of_a_broken_draft_names_its_problems_and_fails(newsroom, capsys) -> None:
    add_story(newsroom, "broken-draft", "draft", broken=True)
    assert main(["publish", "broken-draft", "--stories", str(newsroom)]) == 1
    out, err = capsys.readouterr()
    assert "broken-draft/story.toml: story: field 'as_of'" in out
    assert err == "broken-draft: not published\n"
    assert 'status = "draft"' in (newsroom / "broken-draft" / "story.toml").read_text("utf-8")


def test_publish_reads_the_newsroom_folder_from_the_environment(
    monkeypatch, newsroom, capsys
) -> None:
    monkeypatch.setenv(STORIES_ENV, str(newsroom))
    assert main(["publish", "quake-draft"]) == 0
    assert main(["publish", "no-such-story"]) == 1
    assert "no story of this name" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("slug", "start"),
    [("aaa-older", None), ("quake-draft", "warning"), ("../etc", "error"), ("Neu", "error")],
)
def test_serve_checks_the_default_story(monkeypatch, newsroom, slug, start) -> None:
    monkeypatch.setenv(STORIES_ENV, str(newsroom))
    monkeypatch.setenv(DEFAULT_STORY_ENV, slug)
    message = check_default_story()
    assert (message.split(":")[0] if message else None) == start
    if start == "warning":
        assert "readers land on 'zzz-newer'" in message


def test_serve_refuses_a_default_story_that_is_no_name(monkeypatch, newsroom, capsys) -> None:
    from streamlit.web import cli as streamlit_cli

    started: list = []
    monkeypatch.setattr(streamlit_cli, "main", lambda *args, **kwargs: started.append(args))
    for name in (DEFAULT_STORY_ENV, STORIES_ENV):  # set, so that the test undoes serve's
        monkeypatch.setenv(name, "placeholder")
    assert main(["serve", "--stories", str(newsroom), "--default-story", "../x"]) == 2
    assert capsys.readouterr().err.startswith("error: default story '../x'")
    assert main(["serve", "--stories", str(newsroom), "--default-story", "aaa-older"]) == 0
    assert os.environ[DEFAULT_STORY_ENV] == "aaa-older" and len(started) == 1


def test_serve_refuses_a_stories_folder_that_is_not_one(monkeypatch, tmp_path, capsys) -> None:
    from streamlit.web import cli as streamlit_cli

    started: list = []
    monkeypatch.setattr(streamlit_cli, "main", lambda *args, **kwargs: started.append(args))
    monkeypatch.delenv(DEFAULT_STORY_ENV, raising=False)
    monkeypatch.setenv(STORIES_ENV, str(tmp_path / "missing"))
    assert main(["serve"]) == 2
    assert capsys.readouterr().err == f"error: {STORIES_ENV} {tmp_path / 'missing'}: not a folder\n"
    assert main(["serve", "--stories", str(tmp_path / "missing")]) == 2
    assert "not a folder" in capsys.readouterr().err and not started
