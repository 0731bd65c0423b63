"""A story written in its article's language only (`languages = ["de"]`): it validates,
readers of the other language see its texts and are told so; without the mark a missing
translation is still an error."""

from __future__ import annotations

import tomllib

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.draft import article_from_text, draft_article, write_story
from dashboard.draft.publish import publish_story
from dashboard.reader.fields import Fields
from dashboard.reader.story import load_story, validate_story
from tests.conftest import REPO

SEED = REPO / "tests" / "data" / "articles" / "kalifat-2017-scraped.txt"


@pytest.fixture
def german_only(tmp_path):
    draft = draft_article(article_from_text(SEED.read_text("utf-8")))
    folder = write_story(draft, tmp_path / "kalifat-entwurf")
    assert publish_story(tmp_path, folder.name) == []  # a draft: readers see it once published
    return folder


def test_a_german_only_story_loads_with_its_texts_for_both_languages(german_only) -> None:
    story = load_story(german_only)
    assert story.languages == ("de",)
    assert story.title.en == story.title.de == "Das Kalifat des IS bricht zusammen"
    data = tomllib.loads((german_only / "story.toml").read_text("utf-8"))
    assert data["title"] == {"de": "Das Kalifat des IS bricht zusammen"}


def test_without_the_mark_a_missing_translation_is_an_error(german_only) -> None:
    toml = german_only / "story.toml"
    toml.write_text(toml.read_text("utf-8").replace('languages = ["de"]\n', ""), "utf-8")
    problems = [str(p) for p in validate_story(german_only)]
    assert any("title.en" in p and "missing translation 'en'" in p for p in problems)


def test_the_mark_must_name_the_article_language(german_only) -> None:
    toml = german_only / "story.toml"
    toml.write_text(toml.read_text("utf-8").replace('languages = ["de"]', 'languages = ["en"]'))
    assert any(p.field == "languages" for p in validate_story(german_only))


@pytest.mark.parametrize(("lang", "told"), [("en", True), ("de", False)])
def test_the_page_tells_readers_of_the_other_language(monkeypatch, german_only, lang, told):
    monkeypatch.setenv("LAGEKARTE_STORIES", str(german_only.parent))
    app = AppTest.from_file(str(REPO / "dashboard" / "ui" / "page.py"), default_timeout=90)
    app.query_params["lang"] = lang
    app.run()
    assert not app.exception, app.exception
    notes = [i.value for i in app.info]
    assert ("This map exists in German only: its texts are shown in German." in notes) is told


def test_the_languages_a_record_needs_are_given_to_it_not_taken_from_hidden_state() -> None:
    record = {"title": {"de": "Hochwasser in Valencia"}}
    german_only: list = []
    Fields(german_only, "story.toml", "story", record, languages=("de",)).text("title")
    assert german_only == []
    both: list = []
    Fields(both, "story.toml", "story", record).text("title")
    assert [(p.field, p.message) for p in both] == [("title.en", "missing translation 'en'")]
