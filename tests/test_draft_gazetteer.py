"""The offline gazetteer: small places, regions and waters, trusted and alternate names,
word frequencies, and files that bisection can read."""

from __future__ import annotations

import itertools

import pytest

from dashboard.reader.gazetteer import GAZETTEER_DIR, NAMES_FILE, PLACES_FILE, Place, gazetteer


def kinds_and_countries(name: str) -> list[tuple[str, str]]:
    return [(p.kind, p.country) for p in gazetteer().lookup(name)]


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Chasiv Yar", "UA"),  # 12,000 people: under the old 15,000 floor
        ("Tschassiw Jar", "UA"),  # the German transliteration meets it by its key
        ("Mürşitpınar", "TR"),  # a border village with no population given
        ("Chiva", "ES"),
        ("Zermatt", "CH"),
        ("Paiporta", "ES"),
        ("Rolling Fork", "US"),
        ("Wajima", "JP"),
        ("Lismore", "AU"),
        ("Amizmiz", "MA"),
        ("Adré", "TD"),
    ],
)
def test_small_towns_are_known(name: str, country: str) -> None:
    assert ("city", country) in kinds_and_countries(name)


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Nebraska", "US"),
        ("Northern Darfur", "SD"),
        ("Al Haouz", "MA"),
        ("Al-Haouz", "MA"),
        ("Donetsk", "UA"),
        ("New South Wales", "AU"),
        ("Rio de Janeiro", "BR"),
        ("Bayern", "DE"),  # written for Lagekarte, not twice
    ],
)
def test_first_and_second_order_regions_are_known(name: str, country: str) -> None:
    found = kinds_and_countries(name)
    assert ("region", country) in found
    assert found.count(("region", country)) == 1


@pytest.mark.parametrize(
    ("name", "name_en"),
    [
        ("Dnipro River", "Dnipro"),
        ("Dnjepr", "Dnipro"),
        ("Rhein", "Rhine"),
        ("Mittelmeer", "Mediterranean Sea"),
        ("Mediterranean Sea", "Mediterranean Sea"),
        ("Lake Victoria", "Lake Victoria"),
        ("Golf von Mexiko", "Gulf of Mexico"),
        ("Mekong", "Mekong"),
    ],
)
def test_waters_are_their_own_kind(name: str, name_en: str) -> None:
    waters = [p for p in gazetteer().lookup(name) if p.kind == "water"]
    assert name_en in [p.name_en for p in waters]


def test_a_river_name_with_river_is_no_city() -> None:
    assert {p.kind for p in gazetteer().lookup("Dnipro River")} == {"water"}
    assert "city" in {p.kind for p in gazetteer().lookup("Dnipro")}


def _place(name: str, country: str) -> Place:
    return next(p for p in gazetteer().lookup(name) if p.country == country and p.kind == "city")


def test_trusted_names_are_main_german_and_english_ones() -> None:
    gaz = gazetteer()
    dubai = _place("Dubai", "AE")
    assert gaz.is_trusted("Dubai", dubai)
    assert not gaz.is_trusted("Dabei", dubai)  # an alternate name, and a German word
    assert gaz.is_trusted("Tripolis", _place("Tripoli", "LY"))  # German name
    assert gaz.is_trusted("Sitten", _place("Sion", "CH"))
    assert gaz.is_trusted("Kiew", _place("Kyiv", "UA")) or gaz.is_trusted(
        "Kiew", _place("Kiev", "UA")
    )


def test_word_frequencies_of_both_languages() -> None:
    gaz = gazetteer()
    assert gaz.frequency("Dabei", "de") > 5 > gaz.frequency("Dabei", "en")
    assert gaz.frequency("Medien", "de") > 4
    assert gaz.frequency("Berlin", "en") > 4
    assert gaz.frequency("Mürşitpınar", "de") == 0.0


def test_files_are_sorted_for_bisection_and_from_one_run() -> None:
    names = (GAZETTEER_DIR / NAMES_FILE).read_text("utf-8").splitlines()
    places = (GAZETTEER_DIR / PLACES_FILE).read_text("utf-8").splitlines()
    assert names[0].split("build=")[1] == places[0].split("build=")[1]
    keys = [line.split("\t", 1)[0] for line in names[1:]]
    assert all(a < b for a, b in itertools.pairwise(keys))
    countries = [line.split("\t", 1)[0] for line in places[1:]]
    assert countries == sorted(countries)


def test_opening_makes_no_town() -> None:
    # The files are read through a memory map when asked: opening them makes the
    # countries and the namesakes of their capitals, not 170,000 towns.
    gazetteer.cache_clear()
    gaz = gazetteer()
    assert sum(p.kind == "city" for p in gaz.places.values()) < 5_000
    assert len(gaz.lookup("Omaha")) >= 1


def test_a_region_centre_leaves_far_islands_out() -> None:
    # Valparaíso's region reaches Easter Island, 3,700 km out in the Pacific.
    region = next(p for p in gazetteer().lookup("Valparaiso") if p.kind == "region")
    assert -34.5 < region.lat < -31.5 and -72.5 < region.lon < -70.0
