"""draft/place_cues.py: the words around a name that say what kind of place it is, holding
for the list they open; a country's name inside a region's, on sentences from many
regions in both languages."""

from __future__ import annotations

import pytest

from dashboard.draft import article_from_text, draft_article


def found(text: str) -> set[tuple[str, str, str]]:
    """(kind, English name, country) of every place kept."""
    draft = draft_article(article_from_text("Meldung / Report\n\n" + text))
    return {(p.kind, p.place.name_en, p.place.country) for p in draft.places if p.keep}


@pytest.mark.parametrize(
    ("text", "villages"),
    [
        (
            "In Peru ordneten die Behörden die Räumung der Dörfer Vicos, Pariahuanca und "
            "Mishqui an.",
            {"Vicos", "Pariahuanca", "Mishqui"},
        ),
        (
            "Firefighters in Poland evacuated the villages of Gądki, Wiórek and Rogalin.",
            {"Gądki", "Wiórek", "Rogalin"},
        ),
    ],
)
def test_one_village_word_holds_for_each_village_of_the_list_after_it(
    text: str, villages: set[str]
) -> None:
    names = {name for _kind, name, _country in found(text)}
    assert villages <= names


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Ein Beben erschütterte die Provinz West-Aserbaidschan im Nordwesten Irans.", "AZ"),
        ("A quake struck near Khoy in West Azerbaijan province, Iran.", "AZ"),
        ("Storms flooded roads in the Georgia state capital, officials in the US said.", "GE"),
    ],
)
def test_a_country_s_name_with_a_region_word_is_no_country(text: str, country: str) -> None:
    assert ("country", country) not in {(kind, c) for kind, _name, c in found(text)}


def test_a_region_named_like_its_country_is_the_region_with_a_region_word() -> None:
    places = found("Floods hit towns in Mexico state, north of Mexico City, on Monday.")
    assert any(kind == "region" and c == "MX" for kind, _name, c in places)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "A quake struck West Azerbaijan province overnight. Roads in West Azerbaijan were "
            "closed, officials in Iran said.",
            "AZ",
        ),
        (
            "In der Provinz West-Aserbaidschan bebte die Erde. In West-Aserbaidschan fiel der "
            "Strom aus, meldeten Behörden im Iran.",
            "AZ",
        ),
    ],
)
def test_a_compass_word_and_a_country_s_name_seen_as_a_region_are_that_region_throughout(
    text: str, country: str
) -> None:
    assert ("country", country) not in {(kind, c) for kind, _name, c in found(text)}


def test_a_country_without_the_compass_word_stays_a_country() -> None:
    places = found(
        "Floods hit West Azerbaijan province in Iran. Azerbaijan, next door, sent rescuers."
    )
    assert ("country", "Azerbaijan", "AZ") in places


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Floods hit Sylhet district, Bangladesh, on Monday.", "Bangladesh"),
        ("A quake struck in Ardabil province, Iran, before dawn.", "Iran"),
        ("Die Fluten trafen den Bezirk Chimanimani, Simbabwe, am Freitag.", "Zimbabwe"),
    ],
)
def test_a_country_after_a_region_word_and_a_comma_is_the_country(text: str, country: str) -> None:
    assert ("country", country) in {(kind, name) for kind, name, _c in found(text)}
