"""Places written otherwise than the gazetteer has them, on sentences from many regions: a
Cyrillic name spelt the German way, a town by its own name or an alternate one, a village
by its name and the place it lies beside."""

from __future__ import annotations

import pytest

from dashboard.core.names import place_key
from dashboard.draft import article_from_text, draft_article
from dashboard.draft.place_lookup import cyrillic_romanisations, qualified_town
from dashboard.reader.gazetteer import Gazetteer, gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return gazetteer()


def found(text: str) -> set[tuple[str, str, str]]:
    """(kind, English name, country) of every place kept."""
    draft = draft_article(article_from_text("Meldung / Report\n\n" + text))
    return {(p.kind, p.place.name_en, p.place.country) for p in draft.places if p.keep}


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Krupez", "Krupets"),  # ц: "z" in German, "ts" in English (Russia)
        ("Nowoselizja", "Novoselytsia"),  # Ukraine
        ("Zarewo", "Tsarevo"),  # Bulgaria
        ("Sudscha", "Sudzha"),  # дж: "dsch" in German, "dzh" in English (Russia)
        ("Dschankoj", "Dzhankoy"),  # Crimea
    ],
)
def test_a_cyrillic_name_spelt_the_german_way_has_its_english_romanisation(
    german: str, english: str
) -> None:
    assert place_key(english) in {place_key(v) for v in cyrillic_romanisations(german)}


def test_a_name_with_nothing_to_romanise_has_no_other_spelling() -> None:
    assert cyrillic_romanisations("Charkiw") == []
    assert cyrillic_romanisations("Lutz") == []  # "tz" is "ts" already


def test_a_small_town_spelt_the_german_way_is_itself_not_a_namesake_by_another_name() -> None:
    # "Sudscha" is also an alternate spelling of Shuya, a bigger town 700 km away; the
    # town whose own name it transliterates, beside the named region, is meant.
    places = found("Die Gefechte um die Kleinstadt Sudscha im Gebiet Kursk dauerten an.")
    names = {name for _kind, name, _country in places}
    assert "Sudzha" in names and "Shuya" not in names


def test_a_town_by_its_own_name_goes_before_one_that_has_it_as_an_alternate_name() -> None:
    # "Chiva" is among Kyiv's alternate spellings; the Spanish town is called so.
    places = found("Die Flut riss in der Kleinstadt Chiva bei Valencia in Spanien Autos mit.")
    assert ("city", "Chiva", "ES") in places
    assert not any(name == "Kiev" for _kind, name, _country in places)


@pytest.mark.parametrize(
    ("written", "head", "country", "beside"),
    [
        ("Villanova di Ravenna", "Villanova", "IT", (44.41, 12.2)),
        ("Villanova di Bologna", "Villanova", "IT", (44.49, 11.34)),
    ],
)
def test_a_village_by_its_name_and_the_place_beside_it_is_the_namesake_there(
    gaz, written: str, head: str, country: str, beside: tuple[float, float]
) -> None:
    places, name = qualified_town(gaz, written)
    assert name == head and [p.country for p in places] == [country]
    lat, lon = beside
    assert abs(places[0].lat - lat) < 0.3 and abs(places[0].lon - lon) < 0.3


def test_a_country_is_no_town_s_qualifier(gaz) -> None:
    assert qualified_town(gaz, "Santa Cruz de Bolivia") == ([], "Santa Cruz de Bolivia")
