"""Villages of 500 to 1,000 people (GeoNames cities500): taken only with strong evidence,
a word that says a village or town is meant, or the article's country named and a
preposition before the name; their names stay words and names elsewhere."""

from __future__ import annotations

import pytest

from dashboard.draft import article_from_text, draft_article
from dashboard.reader.gazetteer import gazetteer


def towns(text: str) -> set[tuple[str, str]]:
    draft = draft_article(article_from_text("Meldung / Report\n\n" + text))
    return {(p.place.name_en, p.place.country) for p in draft.places if p.keep}


@pytest.mark.parametrize(
    ("name", "country"),
    [("Pisang", "NP"), ("Jomsom", "NP"), ("Matlacha", "US"), ("Zöschingen", "DE")],
)
def test_villages_are_in_the_gazetteer_marked_as_villages(name: str, country: str) -> None:
    places = [p for p in gazetteer().lookup(name) if p.country == country]
    assert places and places[0].kind == "city" and places[0].village


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Eine Lawine verschüttete das Dorf Pisang in Nepal.", "Pisang", "NP"),
        (
            "Hurricane Ian flattened homes in Matlacha, Florida, in the United States.",
            "Matlacha",
            "US",
        ),
        ("Der Hagel traf Häuser in Zöschingen, Deutschland.", "Zöschingen", "DE"),
    ],
)
def test_a_village_with_a_place_word_or_its_country_is_found(
    text: str, name: str, country: str
) -> None:
    assert (name, country) in towns(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A village of Nepal, the country never named: a trekker's word, not the map's.
        ("Trekkers reached Pisang after a long day.", "Pisang"),
        # "Guy" is a village in Texas; here a man's name.
        ("Guy said the water rose quickly in Texas, United States.", "Guy"),
        # Villages of Indonesia named "Wolo" and "Wera": names of people in the story.
        ("Wera und Wolo flohen aus Indonesien nach Australien.", "Wera"),
    ],
)
def test_a_village_without_strong_evidence_is_not_taken(text: str, name: str) -> None:
    assert name not in {n for n, _c in towns(text)}
