"""The editor page ("Neue Karte aus Artikel"): only in editor mode; draft, review, save.

The tables' editing and the map's clicks need a browser (tests/e2e/test_editor.py);
here: who can reach the page, drafting and saving through the page, and how the
journalist's edits become the story.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.core.escape import markdown_text
from dashboard.core.i18n import text
from dashboard.core.resources import BUNDLED_STORIES_DIR
from dashboard.draft import article_from_text, draft_article, write_story
from dashboard.reader.story import load_story
from dashboard.ui.editor import newsroom_folder, story_target
from dashboard.ui.editor_tables import (
    dates_frame,
    figures_frame,
    note_text,
    places_frame,
    reason_text,
    reviewed,
)
from dashboard.ui.settings import EDITOR_PASSWORD as EDITOR_PASSWORD_ENV
from tests.conftest import REPO

APP = str(REPO / "dashboard" / "ui" / "page.py")
SEED = REPO / "tests" / "data" / "articles" / "kalifat-2017-scraped.txt"


def page(monkeypatch, stories: Path, editor: bool, **params: str) -> AppTest:
    monkeypatch.setenv("LAGEKARTE_STORIES", str(stories))
    if editor:
        monkeypatch.setenv("LAGEKARTE_EDITOR", "1")
    else:
        monkeypatch.delenv("LAGEKARTE_EDITOR", raising=False)
    app = AppTest.from_file(APP, default_timeout=90)
    for key, value in params.items():
        app.query_params[key] = value
    app.run()
    assert not app.exception, app.exception
    return app


def shown(key: str, lang: str) -> str:
    """An interface text as the page shows it (Markdown-escaped)."""
    return markdown_text(text(key, lang))


def button_labels(app: AppTest) -> list[str]:
    return [b.label for b in app.button]


def test_without_editor_mode_the_page_is_not_reachable(monkeypatch, tmp_path) -> None:
    app = page(monkeypatch, REPO / "geodata" / "stories", editor=False, page="editor")
    assert "Neue Karte aus Artikel" not in button_labels(app)
    assert not [t for t in app.title if "Neue Karte" in t.value]
    assert not app.text_area  # no way to paste an article


def test_editor_drafts_and_saves_a_story_that_opens(monkeypatch, tmp_path) -> None:
    app = page(monkeypatch, tmp_path, editor=True)
    assert "Neue Karte aus Artikel" in button_labels(app)  # an empty newsroom starts here
    app.button(key="editor.open").click().run()
    assert [t.value for t in app.title] == ["Neue Karte aus Artikel"]
    app.text_area(key="editor.text").input(SEED.read_text("utf-8")).run()
    app.button(key="editor.make").click().run()
    assert not app.exception, app.exception
    assert app.text_input(key="editor.slug").value == "das-kalifat-des-is-bricht-zusammen"
    app.text_input(key="editor.slug").input("kalifat-entwurf").run()
    app.button(key="editor.save").click().run()
    assert not app.exception, app.exception
    story = load_story(tmp_path / "kalifat-entwurf")
    assert story.languages == ("de",) and story.is_draft
    assert [s.value for s in app.success if "Entwurf" in s.value and "kalifat" in s.value]
    assert [t.value for t in app.title] == ["Neue Karte aus Artikel"]  # still reviewing
    app.button(key="editor.publish").click().run()
    assert not app.exception, app.exception
    assert not load_story(tmp_path / "kalifat-entwurf").is_draft
    assert "Das Kalifat des IS bricht zusammen" in "\n".join(
        e.proto.body for e in app.get("html")
    )  # the dashboard now shows the published story


def test_a_draft_saved_again_replaces_the_sessions_own_draft(monkeypatch, tmp_path) -> None:
    app = drafted(monkeypatch, tmp_path, lang="de")
    app.text_input(key="editor.slug").input("kalifat-entwurf").run()
    app.button(key="editor.save").click().run()
    first = (tmp_path / "kalifat-entwurf" / "features.geojson").read_bytes()
    app.button(key="editor.save").click().run()  # saved again: no "exists"
    assert not app.error
    assert (tmp_path / "kalifat-entwurf" / "features.geojson").read_bytes() == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kalifat-entwurf"]


def test_a_second_save_into_the_same_folder_is_refused(monkeypatch, tmp_path) -> None:
    (tmp_path / "kalifat-entwurf").mkdir()
    app = page(monkeypatch, tmp_path, editor=True, page="editor")
    app.text_area(key="editor.text").input(SEED.read_text("utf-8")).run()
    app.button(key="editor.make").click().run()
    app.text_input(key="editor.slug").input("kalifat-entwurf").run()
    app.button(key="editor.save").click().run()
    errors = [e.value for e in app.error]
    assert errors == [shown("editor.refused.exists", "de")]
    assert list((tmp_path / "kalifat-entwurf").iterdir()) == []


def drafted(monkeypatch, stories: Path, **params: str) -> AppTest:
    app = page(monkeypatch, stories, editor=True, page="editor", **params)
    app.text_area(key="editor.text").input(SEED.read_text("utf-8")).run()
    app.button(key="editor.make").click().run()
    assert not app.exception, app.exception
    return app


@pytest.mark.parametrize(
    "name", ["../escaped-one", "/tmp/lagekarte-absolute", "deep/nested/x", "..", "Grosse Karte"]
)
def test_a_name_that_is_not_one_slug_is_refused(monkeypatch, tmp_path, name) -> None:
    stories = tmp_path / "stories"
    stories.mkdir()
    app = drafted(monkeypatch, stories, lang="en")
    app.text_input(key="editor.slug").input(name).run()
    app.button(key="editor.save").click().run()
    assert [e.value for e in app.error] == [shown("editor.refused.slug", "en")]
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["stories"]  # nothing anywhere
    assert not Path("/tmp/lagekarte-absolute").exists()


def test_a_refusal_names_no_server_path_and_no_flag(monkeypatch, tmp_path) -> None:
    write_story(draft_article(article_from_text(SEED.read_text("utf-8"))), tmp_path / "taken")
    app = drafted(monkeypatch, tmp_path, lang="en")
    app.text_input(key="editor.slug").input("taken").run()
    app.button(key="editor.save").click().run()
    errors = " ".join(e.value for e in app.error)
    assert errors == shown("editor.refused.exists", "en")
    assert str(tmp_path) not in errors and "--" not in errors


def test_story_target_is_one_name_inside_the_stories_folder(tmp_path) -> None:
    assert story_target(tmp_path, "flut-2024") == tmp_path.resolve() / "flut-2024"
    for name in ("../x", "/etc", "a/b", "", "-x", "x" * 65, "ä"):
        assert story_target(tmp_path, name) is None


def test_with_a_password_the_editor_asks_for_it_first(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv(EDITOR_PASSWORD_ENV, "Wüstenfuchs 7")
    app = page(monkeypatch, tmp_path, editor=True, page="editor", lang="de")
    assert not app.text_area  # nothing of the editor before the password
    assert [t.label for t in app.text_input] == [text("editor.password", "de")]
    app.text_input(key="editor.pw").input("wüstenfuchs 7")  # a form: sent with its button
    app.button[-1].click().run()
    assert [e.value for e in app.error] == [text("editor.wrong_password", "de")]
    assert not app.text_area
    app.text_input(key="editor.pw").input("Wüstenfuchs 7")
    app.button[-1].click().run()
    assert not app.error and app.text_area(key="editor.text")
    app.run()  # remembered for the session
    assert app.text_area(key="editor.text")


@pytest.mark.parametrize("address", ["0.0.0.0", "192.0.2.10", ""])
def test_on_a_network_address_without_a_password_the_page_keeps_the_editor_closed(
    monkeypatch, tmp_path, address
) -> None:
    # Started without `serve` (which refuses this already): `streamlit run` on a network.
    from streamlit import config

    monkeypatch.delenv(EDITOR_PASSWORD_ENV, raising=False)
    before = config.get_option("server.address")
    config.set_option("server.address", address or None)
    try:
        app = page(monkeypatch, tmp_path, editor=True, page="editor", lang="en")
    finally:
        config.set_option("server.address", before)
    assert [e.value for e in app.error] == [text("editor.needs_password", "en")]
    assert not app.text_area and not app.text_input


@pytest.fixture(scope="module")
def seed_draft():
    return draft_article(article_from_text(SEED.read_text("utf-8")))


def test_review_edits_become_the_draft(seed_draft) -> None:
    places = places_frame(seed_draft)
    washington = places.index[places["name"] == "Washington"][0]
    places.loc[washington, "keep"] = False
    mosul = places.index[places["name"] == "Mossul"][0]
    places.loc[mosul, "note"] = "Großstadt am Tigris."
    figures = figures_frame(seed_draft)
    figures["callout"] = figures["figure"].str.contains("50000")
    dates = dates_frame(seed_draft)
    ids = {p.name: p.id for p in seed_draft.places}
    edited = reviewed(seed_draft, places, figures, dates, {ids["Rakka"]: (39.0, 35.95)})
    by_name = {p.name: p for p in edited.places}
    assert not by_name["Washington"].keep and by_name["Mossul"].note == "Großstadt am Tigris."
    assert by_name["Rakka"].lon_lat == (39.0, 35.95)
    assert [f.callout for f in edited.figures if "50000" in f.text] == [True]
    assert seed_draft.place(ids["Washington"]).keep  # the original stays for a redo


def test_choosing_another_gazetteer_candidate(seed_draft) -> None:
    places = places_frame(seed_draft)
    row = places.index[places["name"] == "Washington"][0]
    other = seed_draft.places[row].candidates[1]
    places.loc[row, "candidate"] = f"{other.name_en} ({other.country}, {other.ref})"
    edited = reviewed(seed_draft, places, figures_frame(seed_draft), dates_frame(seed_draft), {})
    assert edited.places[row].place.ref == other.ref
    assert isinstance(places, pd.DataFrame)


def test_the_editor_saves_nothing_into_the_installed_package(monkeypatch, tmp_path) -> None:
    bundled = REPO / "geodata" / "stories"
    before = sorted(p.name for p in bundled.iterdir())
    app = drafted(monkeypatch, bundled, lang="de")
    assert [e.value for e in app.error] == [text("editor.no_newsroom", "de")]
    assert not [b for b in app.button if b.key == "editor.save"]
    assert sorted(p.name for p in bundled.iterdir()) == before
    assert newsroom_folder(tmp_path) == tmp_path.resolve()
    assert newsroom_folder(BUNDLED_STORIES_DIR) is None


NO_DATE_NO_PUBLISHER = """Hochwasser in Porto Alegre

In Porto Alegre stehen weite Teile der Stadt unter Wasser. In Canoas wurden 150 Menschen
aus ihren Häusern gerettet.
"""


@pytest.mark.parametrize("lang, other", [("de", "en"), ("en", "de")])
def test_the_editor_speaks_the_page_language_only(monkeypatch, tmp_path, lang, other) -> None:
    app = page(monkeypatch, tmp_path, editor=True, page="editor", lang=lang)
    app.text_area(key="editor.text").input(NO_DATE_NO_PUBLISHER).run()
    app.button(key="editor.make").click().run()
    notes = " ".join(w.value for w in app.warning)
    other_words = {"de": ("No ", "publisher", "date line"), "en": ("Kein", "Datum", "Verlag")}
    assert notes and not [w for w in other_words[lang] if w in notes]
    frame = places_frame(draft_article(article_from_text(NO_DATE_NO_PUBLISHER)), lang)
    levels = ("high", "medium", "low")
    assert set(frame["confidence"]) <= {text(f"editor.confidence.{c}", lang) for c in levels}
    assert not set(frame["confidence"]) & {
        text(f"editor.confidence.{c}", other) for c in ("high", "medium")
    }


def test_reasons_and_notes_in_german() -> None:
    assert reason_text("the article names its country (SY)", "de") == (
        "der Artikel nennt sein Land (SY)"
    )
    assert reason_text("place named in the same sentence", "en") == (
        "place named in the same sentence"
    )
    note = "Kein Verlag / keine Agentur gefunden. / No publisher found."
    assert note_text(note, "de") == "Kein Verlag / keine Agentur gefunden."
    assert note_text(note, "en") == "No publisher found."


def test_a_page_without_an_article_is_said_in_the_page_language(monkeypatch, tmp_path) -> None:
    app = page(monkeypatch, tmp_path, editor=True, page="editor", lang="de")
    app.text_area(key="editor.text").input("   \n\n  ").run()
    app.button(key="editor.make").click().run()
    assert not app.exception
    assert [e.value for e in app.error] == [text("editor.no_article", "de")]
