"""An article that states no date of publication: the draft says so and never passes
today off as the article's date. It is saved with `date_unknown = true`, cannot be
published until the journalist gives the date, and a story that says it is published
with an unknown date is refused."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

from streamlit.testing.v1 import AppTest

from dashboard.draft import article_from_text, draft_article, write_story
from dashboard.draft.publish import publish_story
from dashboard.reader.story import load_story, validate_story
from tests.conftest import REPO

UNDATED = """Überschwemmungen in Bangladesch

In Sylhet stehen nach tagelangem Regen ganze Viertel unter Wasser. In der Region wurden
mehr als 2000 Menschen in Notunterkünfte gebracht, wie die Behörden mitteilten.
"""


def drafted(tmp_path: Path) -> Path:
    draft = draft_article(article_from_text(UNDATED))
    assert draft.published is None
    return write_story(draft, tmp_path / "sylhet-flut")


def test_an_undated_draft_says_so_and_cannot_be_published(tmp_path) -> None:
    folder = drafted(tmp_path)
    data = tomllib.loads((folder / "story.toml").read_text("utf-8"))
    assert data["date_unknown"] is True and data["status"] == "draft"
    assert validate_story(folder) == []  # a valid draft
    before = (folder / "story.toml").read_bytes()
    problems = publish_story(tmp_path, "sylhet-flut")
    assert [p.field for p in problems] == ["date_unknown"]
    assert (folder / "story.toml").read_bytes() == before  # still a draft


def test_a_published_story_with_an_unknown_date_is_refused(tmp_path) -> None:
    folder = drafted(tmp_path)
    path = folder / "story.toml"
    path.write_text(path.read_text("utf-8").replace('status = "draft"', 'status = "published"'))
    assert [p.field for p in validate_story(folder) if not p.warning] == ["date_unknown"]


def test_the_date_given_in_the_editor_is_written(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("LAGEKARTE_STORIES", str(tmp_path))
    monkeypatch.setenv("LAGEKARTE_EDITOR", "1")
    app = AppTest.from_file(str(REPO / "dashboard" / "ui" / "page.py"), default_timeout=90)
    app.query_params["page"] = "editor"
    app.run()
    app.text_area(key="editor.text").input(UNDATED).run()
    app.button(key="editor.make").click().run()
    assert not app.exception, app.exception  # its timeline table is empty: no crash
    assert app.date_input(key="editor.published").value is None
    assert [w for w in app.warning if "kein Erscheinungsdatum" in w.value]
    app.date_input(key="editor.published").set_value(dt.date(2022, 6, 18)).run()
    app.text_input(key="editor.slug").input("sylhet-flut").run()
    app.button(key="editor.save").click().run()
    assert not app.exception, app.exception
    data = tomllib.loads((tmp_path / "sylhet-flut" / "story.toml").read_text("utf-8"))
    assert "date_unknown" not in data
    assert load_story(tmp_path / "sylhet-flut").published == dt.date(2022, 6, 18)
    assert publish_story(tmp_path, "sylhet-flut") == []
