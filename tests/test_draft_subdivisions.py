"""ISO 3166-2 subdivisions (pycountry) in the gazetteer: their ISO and German names find
the region, a region word before a town's name finds the region named after it, and
names of subdivisions that are everyday words stay words."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from dashboard.draft import article_from_text, draft_article
from dashboard.draft.place_lookup import namesake_regions
from dashboard.reader.gazetteer import GAZETTEER_DIR, gazetteer

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geodata.gazetteer.subdivisions import (
    Subdivision,
    match_keys,
    place_subdivisions,
    read_subdivisions,
)


def regions_found(text: str) -> set[tuple[str, str]]:
    draft = draft_article(article_from_text("Meldung / Report\n\n" + text))
    return {
        (p.place.name_en, p.place.country)
        for p in draft.places
        if p.keep and p.place.kind == "region"
    }


def region_countries(name: str) -> set[str]:
    return {p.country for p in gazetteer().lookup(name) if p.kind == "region"}


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Jawa Barat", "ID"),  # ISO's Indonesian name of GeoNames' "West Java"
        ("North Darfur", "SD"),  # ISO's English, GeoNames' "Northern Darfur"
        ("Donetska oblast", "UA"),
        ("Kalifornien", "US"),  # German translation
        ("Lüttich", "BE"),
        ("Jawa Tengah", "ID"),
        ("Pernambuco", "BR"),
        ("Rio Grande do Sul", "BR"),
    ],
)
def test_iso_and_german_names_of_subdivisions_find_the_region(name: str, country: str) -> None:
    assert country in region_countries(name)


def test_the_table_of_subdivisions_says_where_each_point_comes_from() -> None:
    table = {s.code: s for s in read_subdivisions(GAZETTEER_DIR / "subdivisions.tsv")}
    assert table["SD-DN"].point.startswith("admin:SD-")
    assert table["ID-JB"].parent == "ID-JW"
    assert table["US-CA"].name_de == "Kalifornien"
    for sub in table.values():
        assert sub.point.startswith(("admin:", "region:", "town:"))
        assert -90 <= sub.lat <= 90 and -180 <= sub.lon <= 180


def test_match_keys_put_compass_words_and_slavic_endings_in_geonames_form() -> None:
    assert set(match_keys("West Java")) & set(match_keys("Jawa Barat"))
    assert set(match_keys("Northern Darfur")) & set(match_keys("North Darfur"))
    assert set(match_keys("Zhytomyr")) & set(match_keys("Zhytomyrska oblast"))
    assert not set(match_keys("Ohio")) & set(match_keys("Iowa"))


def test_a_subdivision_matching_no_region_goes_to_its_namesake_town_of_its_country() -> None:
    subs = [
        Subdivision("XX-A", "", "Province", "Alpha", ""),
        Subdivision("XX-B", "", "Province", "Beta", ""),
        Subdivision("XX-C", "", "Province", "Gamma", ""),
    ]
    regions = [("XX", "admin:XX-alfa", 1, ["Alpha"], 1.0, 2.0)]
    towns = [
        ("XX", "geonames:1", 500, ["Beta"], 3.0, 4.0),
        ("XX", "geonames:2", 9000, ["Beta"], 5.0, 6.0),  # the bigger namesake
        ("YY", "geonames:3", 99000, ["Gamma"], 7.0, 8.0),  # another country's
    ]
    place_subdivisions(subs, regions, towns)
    assert (subs[0].point, subs[0].lat) == ("admin:XX-alfa", 1.0)
    assert (subs[1].point, subs[1].lat) == ("town:geonames:2", 5.0)
    assert subs[2].point == ""


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Heavy rain flooded Jawa Barat, Indonesia, on Monday.", "West Java", "ID"),
        ("Die Dürre in Kalifornien trifft die Landwirte in den USA.", "California", "US"),
        (
            "Im Bundesstaat Rio Grande do Sul in Brasilien stieg der Fluss.",
            "Rio Grande do Sul",
            "BR",
        ),
    ],
)
def test_subdivisions_are_drafted_as_regions(text: str, name: str, country: str) -> None:
    assert (name, country) in regions_found(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Central Bank raised rates again on Tuesday.",
        "Berlin-Mitte und der Nord der Stadt blieben trocken.",
        "Nord, Süd, Ost und West: alle Parteien stimmten zu.",
        "Central and local authorities met in Brasília, Brazil.",
    ],
)
def test_a_subdivision_named_like_a_common_word_is_not_taken_from_the_word(text: str) -> None:
    found = regions_found(text)
    assert not {n for n, _c in found if n.split()[0] in ("Central", "Nord", "Mitte", "North")}


def test_a_region_word_before_a_town_finds_the_region_named_after_it() -> None:
    gaz = gazetteer()
    towns = [p for p in gaz.lookup("Donezk") if p.kind == "city"]
    regions = namesake_regions(gaz, towns)
    assert regions and regions[0].country == "UA" and regions[0].kind == "region"
    assert ("Donetsk", "UA") in regions_found("Die Oblast Donezk im Osten der Ukraine.")


@pytest.mark.parametrize(
    ("text", "kind", "name", "country"),
    [
        ("Die Kämpfe in Süd-Sudan gehen weiter.", "country", "South Sudan", "SS"),
        ("Das Beben erschütterte West-Java in Indonesien.", "region", "West Java", "ID"),
        ("Die Flut traf Nord-Darfur im Sudan.", "region", "Northern Darfur", "SD"),
        # No "Eastern Ukraine" or "Northern Brazil" in the gazetteer: the country itself.
        ("Russische Truppen rückten in der Ostukraine vor.", "country", "Ukraine", "UA"),
        ("In Nordbrasilien regnete es tagelang.", "country", "Brazil", "BR"),
    ],
)
def test_a_german_compass_word_gives_the_subdivision_else_the_place_itself(
    text: str, kind: str, name: str, country: str
) -> None:
    draft = draft_article(article_from_text("Meldung / Report\n\n" + text))
    found = {(p.place.kind, p.place.name_en, p.place.country) for p in draft.places if p.keep}
    assert (kind, name, country) in found
    assert not {n for k, n, _c in found if k == "city"}  # no town made of the compass word


def test_a_town_word_keeps_the_town_where_a_region_is_named_like_it() -> None:
    draft = draft_article(
        article_from_text("Meldung\n\nDie Stadt Donezk im Osten der Ukraine wurde beschossen.")
    )
    assert ("city", "UA") in {(p.place.kind, p.place.country) for p in draft.places if p.keep}


def test_no_subdivision_takes_a_country_s_name() -> None:
    # pycountry's German for the US state of Georgia is "Georgien", the country's name.
    table = {s.code: s for s in read_subdivisions(GAZETTEER_DIR / "subdivisions.tsv")}
    assert table["US-GA"].name_de == ""
    georgia = [p for p in gazetteer().lookup("Georgien") if p.kind == "region"]
    assert not georgia


def test_a_province_placed_at_its_namesake_town_does_not_stand_before_the_town() -> None:
    # Deir el-Balah's governorate matched no GeoNames region: its point is the town's.
    draft = draft_article(
        article_from_text("Meldung\n\nIn Deir al-Balah im Gazastreifen starben 20 Menschen.")
    )
    keys = {p.place.ref for p in draft.places if p.keep and p.place.country == "PS"}
    assert any(k.startswith("geonames:") for k in keys)
    assert not any(k.startswith("admin:") for k in keys)
