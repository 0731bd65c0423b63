"""reader/gazetteer.py: the drafting gazetteer: places by name (largest first), countries
by code, word frequencies."""

from __future__ import annotations

import pytest

from dashboard.reader.gazetteer import Gazetteer, gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return gazetteer()


def test_a_name_finds_its_places_the_biggest_first(gaz) -> None:
    places = gaz.lookup("Christchurch")
    assert [(p.kind, p.country) for p in places[:2]] == [("city", "NZ"), ("city", "GB")]


def test_a_place_is_found_again_by_its_key(gaz) -> None:
    kathmandu = next(p for p in gaz.lookup("Kathmandu") if p.kind == "city")
    assert gaz.place(kathmandu.key) == kathmandu
    assert kathmandu.geonameid == 1283240 and kathmandu.country == "NP"
    assert kathmandu.is_named("Kathmandu") and not kathmandu.is_named("Kathmandu Valley")


def test_countries_by_code_in_both_languages(gaz) -> None:
    new_zealand = gaz.country("NZ")
    assert new_zealand is not None
    assert (new_zealand.name_de, new_zealand.name_en) == ("Neuseeland", "New Zealand")
    assert gaz.country("XX") is None


def test_word_frequencies_rank_common_words_over_names(gaz) -> None:
    assert gaz.frequency("flood", "en") > gaz.frequency("Christchurch", "en") > 0


def test_the_cities_of_a_country_are_listed(gaz) -> None:
    keys = gaz.city_keys_in({"NZ"})
    assert len(keys) > 50
    assert all(gaz.place_at(offset).country == "NZ" for _, offset in keys[:20])
