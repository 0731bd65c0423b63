"""The first story's facts: places, figures and timeline as the article and sources say."""

from __future__ import annotations

import datetime as dt

import pytest
from pyproj import Geod
from shapely.geometry import Point

from dashboard.core.model import CITED_KINDS, NOTE_KINDS, Story

GEOD = Geod(ellps="WGS84")

# Reference coordinates (lat, lon) and their sources: GeoNames 99072 and 172955, and the
# gazetteer position of the al-Nuri mosque.
REFERENCE = {
    "mosul": (36.3350, 43.1189),
    "raqqa": (35.9528, 39.0079),
    "al-nuri-mosque": (36.3427, 43.1268),
}


@pytest.mark.parametrize(("feature_id", "reference"), REFERENCE.items())
def test_key_places_lie_within_1_km_of_their_reference(
    story: Story, feature_id: str, reference: tuple[float, float]
) -> None:
    assert distance_km(story.feature(feature_id).geometry, *reference) < 1.0


def test_al_nuri_lies_inside_the_old_city(story: Story) -> None:
    old_city = story.feature("mosul-old-city").geometry
    assert old_city.contains(story.feature("al-nuri-mosque").geometry)
    # and the old city is old-city sized: 3 to 4 km² per press reports
    area_km2 = abs(GEOD.geometry_area_perimeter(old_city)[0]) / 1e6
    assert 2.5 < area_km2 < 4.5


def test_every_place_the_article_names_is_on_the_map(story: Story) -> None:
    ids = {f.id for f in story.features}
    expected = {
        "mosul",
        "mosul-old-city",
        "al-nuri-mosque",
        "raqqa",
        "raqqa-extent",
        "raqqa-encircled",
        "border-tr-sy",
        "syria",
        "iraq",
        "russian-air-strike",
        "washington",
        "moscow",
        "manchester-arena-attack",
        "london-bridge-attack",
    }
    assert expected <= ids
    crossings = [f for f in story.features if "crossing" in f.id or "/" in f.name.de]
    assert len(crossings) >= 5


def test_trapped_civilians_stay_a_range(story: Story) -> None:
    figure = next(f for f in story.figures if f.id == "raqqa-civilians")
    assert (figure.low, figure.high) == (50_000, 100_000)
    assert figure.is_range
    assert figure.feature == "raqqa"
    (source,) = figure.sources
    assert source.kind == "article"
    assert source.note is not None and "Institute for the Study of War" in source.note.en
    assert figure.quote is not None and "50000 bis 100000" in figure.quote.de


def test_mosul_raqqa_distance_is_computed_geodesically(story: Story) -> None:
    figure = next(f for f in story.figures if f.id == "mosul-raqqa-distance")
    mosul, raqqa = story.feature("mosul").geometry, story.feature("raqqa").geometry
    expected = GEOD.inv(mosul.x, mosul.y, raqqa.x, raqqa.y)[2] / 1000
    assert figure.computed
    assert figure.low == pytest.approx(expected)
    assert 350 < figure.low < 400


def test_every_record_names_its_sources(story: Story) -> None:
    """Structured, named and dated: a cited work has publisher, title and a date (of
    publication, or when it was read); computed and editorial sources say what they are."""
    assert story.warnings == ()
    for item in (*story.figures, *story.events, *story.features):
        assert item.sources, item.id
        for source in item.sources:
            assert source.kind is not None, item.id  # no one-line text sources
            if source.kind in CITED_KINDS:
                assert source.publisher and source.title, item.id
                if source.kind != "gazetteer":
                    assert source.date or source.accessed, (item.id, source.title)
            if source.kind in NOTE_KINDS:
                assert source.note is not None, item.id


def test_timeline_runs_from_2010_with_later_events_marked_as_hindsight(story: Story) -> None:
    dates = [e.date.value for e in story.events]
    assert dates == sorted(dates)
    assert dates[0].year == 2010
    later = [e for e in story.events if e.date.value > story.as_of]
    assert later, "the story shows what came after the article"
    assert all(e.hindsight for e in later)
    assert not any(e.hindsight for e in story.events if e.date.value <= story.as_of)
    by_id = {e.id: e for e in story.events}
    assert by_id["mosul-victory"].date.value == dt.date(2017, 7, 10)


def test_as_of_and_published_dates(story: Story) -> None:
    assert story.published == dt.date(2017, 7, 1)
    assert story.as_of == dt.date(2017, 7, 1)


def distance_km(point: Point, lat: float, lon: float) -> float:
    return GEOD.inv(point.x, point.y, lon, lat)[2] / 1000
