"""Reading a story folder (`dashboard.reader.story` and `dashboard.reader`), on the tiny made-up
story: every record read, dates as precise as given, problems collected per story."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from dashboard.core.geometry import geodesic_distance_km
from dashboard.core.model import Story
from dashboard.reader.fields import parse_partial_date
from dashboard.reader.story import load_stories, load_story, story_folders, validate_story
from tests.conftest import STORIES, TINY_STORY


def test_partial_dates_keep_their_precision() -> None:
    assert parse_partial_date("2015-03").precision == "month"
    assert parse_partial_date("2010").precision == "year"
    assert parse_partial_date(dt.date(2017, 6, 29)).precision == "day"
    with pytest.raises(ValueError, match="malformed"):
        parse_partial_date("2017-13-01")


def test_all_stories_in_the_repository_load() -> None:
    listing = load_stories(STORIES)
    assert "is-caliphate-2017" in listing.stories
    assert listing.broken == {}


def test_a_broken_story_does_not_stop_the_others(story_copy, tmp_path) -> None:
    story_copy()  # a good one
    broken = story_copy(slug="broken-story", raw_features="{ not json")
    listing = load_stories(tmp_path)
    assert set(listing.stories) == {"is-caliphate-2017"}
    assert set(listing.broken) == {"broken-story"}
    assert str(broken / "features.geojson") in str(listing.broken["broken-story"][0])


def test_every_record_of_the_tiny_story_is_read(tiny: Story) -> None:
    assert tiny.slug == "tiny-story" and tiny.language == "de"
    assert [f.id for f in tiny.features][:3] == ["harbour", "lighthouse", "hilltop"]
    assert {f.layer for f in tiny.features} == {"places", "areas", "lines", "events", "context"}
    assert [v.id for v in tiny.views] == ["region", "town"]
    assert tiny.source.title == "Hafenstadt unter Druck"
    assert [s.kind for s in tiny.feature("wall").sources] == ["statistics", "editorial"]
    assert tiny.feature("wall").sources[1].note.en == "Drawn approximately."  # type: ignore[union-attr]
    (gazetteer,) = tiny.feature("harbour").sources
    assert (gazetteer.publisher, gazetteer.title) == ("Testortsverzeichnis", "Hafenstadt")
    assert gazetteer.method is not None and gazetteer.method.de == gazetteer.method.en
    relief = tiny.events[1].sources[0]
    assert relief.url == "https://example.org/entsatz" and str(relief.date) == "2020-06-01"


def test_figures_keep_ranges_and_compute_distances(tiny: Story) -> None:
    by_id = {f.id: f for f in tiny.figures}
    assert (by_id["people"].low, by_id["people"].high) == (1500, 2500)
    assert by_id["people"].is_range and by_id["people"].feature == "harbour"
    assert by_id["wall"].approximate and not by_id["wall"].is_range
    distance = by_id["harbour-hill-distance"]
    harbour, hill = tiny.feature("harbour").geometry, tiny.feature("hilltop").geometry
    assert distance.computed
    assert distance.low == pytest.approx(
        geodesic_distance_km((harbour.x, harbour.y), (hill.x, hill.y))
    )
    assert by_id["people"].as_of == tiny.as_of  # a figure without its own date


def test_events_are_sorted_and_later_ones_are_hindsight(tiny: Story) -> None:
    assert [e.id for e in tiny.events] == ["siege", "relief"]
    assert tiny.events[0].date.precision == "month" and not tiny.events[0].hindsight
    assert tiny.events[1].hindsight and tiny.events[1].date.value > tiny.as_of
    assert tiny.events_of("harbour") == list(tiny.events)
    assert tiny.feature("blast").hindsight and str(tiny.feature("blast").date) == "2020-06-01"


def test_a_good_story_has_no_problems() -> None:
    assert validate_story(TINY_STORY) == []  # no errors, no warnings
    assert load_story(TINY_STORY).path == TINY_STORY


def test_every_problem_of_a_story_is_collected(tmp_path) -> None:
    folder = tmp_path / "tiny-story"
    shutil.copytree(TINY_STORY, folder)
    toml = (folder / "story.toml").read_text("utf-8")
    toml = toml.replace("as_of = 2020-05-03", "as_of = 2020-05-03\nsumary = 1")
    toml = toml.replace('feature = "wall"', 'feature = "wal"')
    (folder / "story.toml").write_text(toml, "utf-8")
    problems = [str(p) for p in validate_story(folder)]
    assert any("field 'sumary': unknown field" in p for p in problems)
    assert any("figure 'wall': field 'feature': unknown feature 'wal'" in p for p in problems)


def test_story_folders_are_those_with_a_story_file(tmp_path) -> None:
    shutil.copytree(TINY_STORY, tmp_path / "b-story")
    shutil.copytree(TINY_STORY, tmp_path / "a-story")
    (tmp_path / "not-a-story").mkdir()
    assert [p.name for p in story_folders(tmp_path)] == ["a-story", "b-story"]
    assert story_folders(tmp_path / "missing") == []
