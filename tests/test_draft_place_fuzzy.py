"""draft/place_fuzzy.py: a name the gazetteer does not hold as written, after a place word
or listed with a place, read as another spelling of a town of the article's countries, or
as a town's name without its saint's; never a town one consonant off, never without the
article's countries."""

from __future__ import annotations

import pytest

from dashboard.draft.place_fuzzy import fuzzy_mentions, tokens
from dashboard.draft.sentences import Sentence
from dashboard.reader.gazetteer import Gazetteer, gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return gazetteer()


def mentions(gaz: Gazetteer, text: str, countries: set[str], found_word: str | None = None):
    sentence = Sentence(index=1, text=text, paragraph=1)
    found = set()
    if found_word is not None:
        found.add((1, text.index(found_word)))
    return fuzzy_mentions([sentence], gaz, countries, found)


def test_a_spelling_a_letter_off_after_a_place_word_is_that_town(gaz) -> None:
    # "Quilpe" for Quilpué (Chile): a letter dropped
    [mention] = mentions(gaz, "Die Feuer erreichten auch die Stadt Quilpe am Abend.", {"CL"})
    assert mention.surface == "Quilpe" and mention.fuzzy
    assert mention.places[0].country == "CL"
    assert mention.places[0].name_en.startswith("Quilpu")


def test_a_misspelt_name_listed_with_a_found_place_is_looked_for(gaz) -> None:
    text = "Evacuations were ordered for Quilpe and Villa Alemana on Saturday."
    [mention] = mentions(gaz, text, {"CL"}, found_word="Villa Alemana")
    assert mention.surface == "Quilpe" and mention.places[0].country == "CL"


def test_a_town_named_without_its_saint_is_that_town(gaz) -> None:
    [mention] = mentions(gaz, "Damage was reported in the resort town of Huatulco.", {"MX"})
    assert not mention.fuzzy and not mention.exact
    assert "Huatulco" in mention.name and mention.places[0].country == "MX"


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("Damage was reported in the resort town of Huatulco.", set()),  # no countries
        ("The river rose in the town of Quilpe overnight.", {"NP"}),  # not a town there
        ("Quilpe was hit hardest.", {"CL"}),  # no place word before it
        ("Die Lage in der Stadt Quilpe bleibt unklar.", {"KE"}),
    ],
)
def test_no_name_is_guessed_without_the_article_countries_or_a_cue(gaz, text, countries) -> None:
    assert mentions(gaz, text, countries) == []


def test_one_consonant_for_another_is_another_town(gaz) -> None:
    # "Huatusco" and "Huatulco" are two towns of Mexico; neither is the other misspelt
    found = mentions(gaz, "Rain fell on the town of Huatuslo.", {"MX"})
    assert all("Huatusco" not in p.name_en for m in found for p in m.places)


def test_words_keep_inner_apostrophes_and_hyphens() -> None:
    assert [t.group() for t in tokens("In Ain al-Arab and Chasiv Yar's east")] == [
        "In",
        "Ain",
        "al-Arab",
        "and",
        "Chasiv",
        "Yar's",
        "east",
    ]


@pytest.mark.parametrize(
    ("text", "countries", "region"),
    [
        ("The quake struck in Baluchistan province overnight.", {"PK"}, "Balochistan"),
        ("A bomb exploded in Nangrahar province on Friday.", {"AF"}, "Nangarhar"),
        ("Im Bundesstaat Chihuaha brannten die Wälder.", {"MX"}, "Chihuahua"),
    ],
)
def test_a_region_spelt_a_letter_off_beside_a_region_word_is_that_region(
    gaz, text: str, countries: set[str], region: str
) -> None:
    [mention] = mentions(gaz, text, countries)
    assert mention.fuzzy and mention.places[0].kind == "region"
    assert mention.places[0].name_en == region


def test_a_region_word_alone_looks_for_no_town(gaz) -> None:
    # "Bundesstaat Quilpe": a region word asks for a region; no region is spelt so in Chile.
    assert mentions(gaz, "Im Bundesstaat Quilpe brannten die Wälder.", {"CL"}) == []


def test_the_last_word_of_a_province_s_name_is_no_town_of_its_own(gaz) -> None:
    # "Norte" of "Ilocos Norte province" is no "Santa Catalina Norte" without its saint.
    text = "The storm was over Ilocos Norte province by Monday."
    assert mentions(gaz, text, {"PH"}, found_word="Ilocos") == []
