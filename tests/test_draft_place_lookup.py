"""draft/place_lookup.py: a place name as an article writes it (inflected, possessive,
with a compass word) found in the gazetteer."""

from __future__ import annotations

import pytest

from dashboard.draft.place_lookup import compass_lookup, lookup_variants
from dashboard.reader.gazetteer import Gazetteer, gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return gazetteer()


@pytest.mark.parametrize(
    ("written", "language", "name", "country"),
    [
        ("Perus", "de", "Peru", "PE"),  # "im Süden Perus": a genitive, not a district
        ("Kenias", "de", "Kenia", "KE"),
        ("Niederlanden", "de", "Niederlande", "NL"),  # "in den Niederlanden"
        ("Mozambique's", "en", "Mozambique", "MZ"),
    ],
)
def test_an_inflected_name_is_found_uninflected(gaz, written, language, name, country) -> None:
    places, found, inflected = lookup_variants(gaz, written, language)
    assert inflected and found == name
    assert places[0].kind == "country" and places[0].country == country


def test_a_name_as_written_is_found_as_it_is(gaz) -> None:
    places, found, inflected = lookup_variants(gaz, "Valparaíso", "en")
    assert not inflected and found == "Valparaíso"
    assert places[0].country == "CL"  # Chile's first; namesakes in the Americas follow


def test_a_compass_word_before_a_country_gives_the_country(gaz) -> None:
    places, found, _ = compass_lookup(gaz, "Nord", "kenia", "de")
    assert found == "Kenia" and [p.country for p in places] == ["KE"]
    assert all(p.kind in ("country", "region") for p in places)
