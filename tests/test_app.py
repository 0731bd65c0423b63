"""The dashboard page without a browser (streamlit.testing.v1.AppTest).

The map is a component AppTest cannot draw; browser tests cover it. Here: the page runs
in both languages, shows the figures, honours the URL, and keeps working beside a broken
story.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.core.viewstate import TABS
from tests.conftest import REPO

APP = str(REPO / "dashboard" / "ui" / "page.py")


PANELS = {
    "de": ["Details", "Zahlen", "Chronik", "Erkunden", "Export"],
    "en": ["Details", "Figures", "Timeline", "Explore", "Export"],
}


def run_page(
    monkeypatch, stories: Path | None = None, panel: int | None = None, **params: str
) -> AppTest:
    """Run the page with query parameters; `panel` opens a side tab (0 details … 3 explore)
    as a link does (`?tab=`)."""
    if stories is not None:
        monkeypatch.setenv("LAGEKARTE_STORIES", str(stories))
    page = AppTest.from_file(APP, default_timeout=60)
    if panel is not None:
        params["tab"] = TABS[panel]
    for key, value in params.items():
        page.query_params[key] = value
    page.run()
    assert not page.exception, page.exception
    return page


def html_text(page: AppTest) -> str:
    return "\n".join(element.proto.body for element in page.get("html"))


@pytest.mark.parametrize(
    ("lang", "title", "civilians"),
    [
        ("de", "Das Kalifat des IS bricht zusammen", "50.000\u2013100.000"),
        ("en", "The IS caliphate is collapsing", "50,000\u2013100,000"),
    ],
)
def test_page_runs_in_both_languages_with_every_figure(
    monkeypatch, story, lang, title, civilians
) -> None:
    page = run_page(monkeypatch, lang=lang, panel=1)
    tabs = PANELS[lang]
    html = html_text(page)
    assert title in html
    assert civilians in html
    for figure in story.figures:
        assert f'data-figure-id="{figure.id}"' in html
        assert figure.label[lang].split()[0] in html
    assert [tab.label for tab in page.tabs] == tabs
    as_of = "Stand: 1. Juli 2017" if lang == "de" else "As of: 1 July 2017"
    assert as_of in html


def test_selected_feature_from_the_url_shows_its_details(monkeypatch) -> None:
    page = run_page(monkeypatch, lang="de", feature="raqqa")
    html = html_text(page)
    assert 'data-feature-id="raqqa"' in html
    assert "<h3>Rakka</h3>" in html


def test_event_from_the_url_is_chosen_and_marked_as_hindsight(monkeypatch) -> None:
    page = run_page(monkeypatch, lang="en", event="mosul-victory")
    html = html_text(page)
    assert 'data-event-id="mosul-victory"' in html
    assert "Hindsight: after the article appeared" in html
    assert page.query_params["event"] in ("mosul-victory", ["mosul-victory"])


def test_unknown_ids_in_the_url_are_ignored(monkeypatch) -> None:
    page = run_page(monkeypatch, lang="xx", feature="atlantis")
    html = html_text(page)
    assert "Das Kalifat des IS bricht zusammen" in html  # default story, default language
    assert "lk-details-card" not in html


def test_an_unknown_story_in_the_url_is_said_to_be_missing(monkeypatch) -> None:
    """Not another story in its place: the reader is told, and may choose one (a link to
    a draft reads the same, see test_reader_drafts.py)."""
    page = run_page(monkeypatch, lang="en", story="nope")
    assert [i.value for i in page.info] == ["There is no such map here. Please choose another."]
    assert "Das Kalifat" not in html_text(page) and not page.get("component_instance")
    page.selectbox(key="story_control").select("is-caliphate-2017").run()
    assert "The IS caliphate is collapsing" in html_text(page)


def test_figure_button_selects_its_place_and_updates_the_url(monkeypatch) -> None:
    page = run_page(monkeypatch, lang="de", panel=1)
    page.button(key="show-raqqa-civilians").click().run()
    assert not page.exception
    assert 'data-feature-id="raqqa"' in html_text(page)
    assert page.query_params["feature"] in ("raqqa", ["raqqa"])


def test_timeline_steps_forward_and_highlights_the_event_place(monkeypatch, story) -> None:
    page = run_page(monkeypatch, lang="en", panel=2)
    first, second = story.events[0], story.events[1]
    assert f'data-event-id="{first.id}"' in html_text(page)
    page.button(key="timeline-forward").click().run()
    html = html_text(page)
    assert f'data-event-id="{second.id}"' in html
    if second.feature:
        assert f'data-feature-id="{second.feature}"' in html


def test_a_timeline_step_without_a_place_clears_the_place_before(monkeypatch, story) -> None:
    page = run_page(monkeypatch, lang="en", panel=2)
    steps = [e.id for e in story.events]
    # a step with no place right after one with a place, reached by stepping
    placeless = next(
        i
        for i, e in enumerate(story.events)
        if i > 1 and e.feature is None and story.events[i - 1].feature
    )
    for _ in range(placeless - 1):
        page.button(key="timeline-forward").click().run()
    assert page.query_params.get("feature") not in (None, [], "")
    page.button(key="timeline-forward").click().run()
    assert f'data-event-id="{steps[placeless]}"' in html_text(page)
    assert page.query_params.get("feature") in (None, [], "")


def test_distance_between_two_places_is_geodesic(monkeypatch) -> None:
    page = run_page(monkeypatch, lang="de", panel=3)
    page.selectbox(key="d1").select("mosul").run()
    page.selectbox(key="d2").select("raqqa").run()
    assert not page.exception
    card = html_text(page).split('class="lk-card lk-distance-card"', 1)[1]
    assert "Mossul – Rakka" in card and "Luftlinie" in card
    km = int(card.split('<div class="lk-value">', 1)[1].split(" km", 1)[0].replace(".", ""))
    assert 350 <= km <= 400


def map_script(page: AppTest) -> str:
    """The map's script as the page sends it to the browser (AppTest cannot draw it)."""
    (component,) = page.get("component_instance")
    return json.loads(component.proto.json_args)["script"]


def test_embed_mode_shows_only_the_map_with_its_credit(monkeypatch, story) -> None:
    page = run_page(monkeypatch, lang="en", mode="embed")
    assert 'class="lk-card lk-header"' not in html_text(page)
    assert "Das Kalifat" not in html_text(page) and "The IS caliphate" not in html_text(page)
    # the credit is the map's own one-line credit, and the map fills the frame
    script = map_script(page)
    assert '"credit":' + json.dumps(story.credit["en"], ensure_ascii=False) in script
    assert '"fillFrame":true' in script
    assert len(page.tabs) == 0


def test_a_broken_story_beside_a_good_one_gives_an_error_card(
    monkeypatch, story_copy, tmp_path
) -> None:
    story_copy()
    story_copy(slug="broken-story", raw_features='{"type": "FeatureCollection", "features": 1}')
    page = run_page(monkeypatch, stories=tmp_path, story="broken-story", lang="en")
    html = html_text(page)
    assert "This story has errors: broken-story" in html
    assert "features.geojson" in html and "expected a list of features" in html
    assert len(page.tabs) == 0
    # the good story keeps working, one choice away
    page.selectbox(key="story_control").select("is-caliphate-2017").run()
    assert not page.exception
    assert "The IS caliphate is collapsing" in html_text(page)


def test_export_tab_offers_embed_code_and_every_file(monkeypatch) -> None:
    page = run_page(monkeypatch, lang="de", panel=4)
    code = page.code[0].value
    assert '<iframe src="is-caliphate-2017-de.html"' in code and 'loading="lazy"' in code
    page.button(key="export-make").click().run()
    assert not page.exception
    downloads = page.get("download_button")
    assert len(downloads) == 6


def test_an_empty_stories_folder_says_so(monkeypatch, tmp_path) -> None:
    page = run_page(monkeypatch, stories=tmp_path, lang="en")
    assert [i.value for i in page.info] == ["No story yet: add a folder under geodata/stories/."]
