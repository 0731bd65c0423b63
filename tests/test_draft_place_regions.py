"""Second-order regions and namesakes: counties and districts of one town, Nordic counties
and Indonesian provinces as the news write them, the namesake among the story's other
places, nicknames and villages far from the story, and titles before a person's name.
Made-up sentences from many regions, German and English."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from dashboard.draft import article_from_text, draft_article
from dashboard.reader.gazetteer import gazetteer

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geodata.gazetteer.subdivisions import Subdivision, english_forms, match_keys


def kept(text: str) -> list[tuple[str, str, str, float, float]]:
    draft = draft_article(article_from_text("Meldung / Report\n\n" + text))
    return [
        (p.place.kind, p.place.name_en, p.place.country, p.place.lat, p.place.lon)
        for p in draft.places
        if p.keep
    ]


def names_kept(text: str) -> set[str]:
    return {name for _kind, name, _country, _lat, _lon in kept(text)}


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # A county or district with one town of 1,000 people: GeoNames names it.
        ("Floods cut off Wilcox County, Alabama, after the river rose.", "Wilcox County", "US"),
        ("Drought hit Turkana in northern Kenya, officials said.", "Turkana", "KE"),
        ("Die Dürre traf Turkana im Norden Kenias.", "Turkana", "KE"),
    ],
)
def test_a_region_of_one_town_is_in_the_gazetteer(text: str, name: str, country: str) -> None:
    assert any(
        kind == "region" and n == name and c == country for kind, n, c, _la, _lo in kept(text)
    )


def test_a_region_of_one_town_named_like_it_is_the_town_only() -> None:
    # "López", a municipality of one town named so (and a surname), is no region of its own.
    gaz = gazetteer()
    assert not [p for p in gaz.lookup("López") if p.kind == "region" and p.country == "MX"]
    assert "Lopez" not in names_kept("Andrés Manuel López Obrador spoke in Mexico City, Mexico.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Waldbrände wüten in Västerbotten im Norden Schwedens.", "Västerbotten"),
        ("Forest fires spread across Jämtland in central Sweden.", "Jämtland"),
        ("Waldbrände in Norrbottens län im Norden Schwedens.", "Norrbotten"),
        ("Schnee legte Östergötland in Schweden lahm.", "Östergötland"),
    ],
)
def test_nordic_counties_are_found_as_written_and_shown_with_their_letters(
    text: str, name: str
) -> None:
    assert ("region", name, "SE") in {(k, n, c) for k, n, c, _la, _lo in kept(text)}


def test_geonames_ascii_spellings_meet_iso_names() -> None:
    assert set(match_keys("Jaemtland")) & set(match_keys("Jämtlands län"))
    sub = Subdivision("SE-Z", "", "County", "Jämtlands län [SE-23]", "")
    assert sub.names() == ["Jämtlands län", "Jämtland"]
    assert Subdivision("ES-C", "", "Province", "A Coruña [La Coruña]", "").names() == [
        "A Coruña",
        "La Coruña",
    ]


def test_indonesian_compass_words_give_the_english_name() -> None:
    assert english_forms("Sulawesi Tenggara") == ["Southeast Sulawesi"]
    found = names_kept("Floods hit Southeast Sulawesi and North Kalimantan in Indonesia.")
    assert {"Southeast Sulawesi", "North Kalimantan"} <= found
    assert "Southeast Sulawesi" in names_kept("Heavy rain flooded Sulawesi Tenggara, Indonesia.")


@pytest.mark.parametrize(
    ("text", "lat", "lon"),
    [
        ("Tornadoes struck Monroe County near Tupelo and Amory in Mississippi.", 33.9, -88.5),
        ("A storm flooded Monroe County, Michigan, south of Detroit and near Toledo.", 41.9, -83.5),
    ],
)
def test_the_namesake_county_among_the_story_s_places_is_chosen(
    text: str, lat: float, lon: float
) -> None:
    counties = [(la, lo) for k, n, _c, la, lo in kept(text) if n == "Monroe County"]
    assert counties and abs(counties[0][0] - lat) < 0.5 and abs(counties[0][1] - lon) < 0.5


def test_a_town_named_so_only_by_a_nickname_far_away_is_not_taken() -> None:
    # GeoNames gives Meriden, Connecticut, the old name "Silver City"; a village of that
    # name in North Carolina is far from a story about Mississippi, too.
    found = kept("The rural towns of Silver City and Rolling Fork in Mississippi were hit.")
    assert not [n for _k, n, c, _la, lo in found if c == "US" and lo > -85]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Sheriff Laura Easton said the fire near Fresno in California was contained.", "Easton"),
        ("Coroner Angelia Easton said 13 people died in Rolling Fork, Mississippi.", "Easton"),
        ("Die Flut erreichte Passau, sagte Bürgermeisterin Jutta Hameln in Bayern.", "Hameln"),
    ],
)
def test_a_title_before_a_person_s_name_makes_no_town_of_the_surname(text: str, name: str) -> None:
    assert name not in names_kept(text)


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Der Zyklon traf die Insel Vanua Levu in Fidschi.", "Vanua Levu", "FJ"),
        ("Fishermen on Mafia Island in Tanzania lost their boats.", "Mafia Island", "TZ"),
        ("Flooding hit Negros in the central Philippines.", "Negros", "PH"),
        ("The storm crossed the Lau islands of Fiji on Sunday.", "Lau Group", "FJ"),
    ],
)
def test_islands_and_island_groups_are_regions(text: str, name: str, country: str) -> None:
    assert ("region", name, country) in {(k, n, c) for k, n, c, _la, _lo in kept(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Pico Iyer said the book was finished.",
        "Napoleon Bonaparte fled Elba in 1815.",
        "The Mafia Island story was told in Rome, Italy.",
    ],
)
def test_an_island_needs_its_country_or_a_place_of_it(text: str) -> None:
    assert not [p for p in kept(text) if p[0] == "region" and p[2] not in ("IT", "")]


def test_island_names_write_out_natural_earth_s_abbreviations() -> None:
    from geodata.gazetteer.islands import island_names

    assert island_names("Lau Group", None) == ["Lau Group", "Lau"]
    assert island_names("Mafia I.", None) == ["Mafia Island"]
    assert island_names("Babuyan Is.", None) == ["Babuyan Islands"]
    assert island_names("ELLESMERE  ISLAND", None) == ["Ellesmere Island"]
    assert island_names("Truk", "Chuuk") == ["Truk", "Chuuk"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A district the gazetteer lacks, named after its seat: a district at the town, as
        # written, and the region word says the country ("Landkreis": Germany, "Kanton":
        # Switzerland).
        ("Im Landkreis Rosenheim gab es schwere Unwetter.", "Landkreis Rosenheim"),
        ("Im Kreis Euskirchen in Nordrhein-Westfalen stieg das Wasser.", "Kreis Euskirchen"),
        ("Im Kanton Wallis gingen Murgänge nieder.", "Valais"),
        # Towns the German word list holds with their people ("Passauer", "Passauerin")
        # are names, not nouns.
        ("Das Hochwasser erreichte Passau und Regensburg in Bayern.", "Passau"),
        ("Die Polizei in Zwickau nahm zwei Männer fest.", "Zwickau"),
    ],
)
def test_german_districts_and_towns_are_found_in_german_text(text: str, name: str) -> None:
    assert name in names_kept(text)


@pytest.mark.parametrize(
    "text",
    [
        "Der Zug hielt, die Musik spielte, und der Fisch war frisch.",
        "Im Kanton gab es Streit um den Brand im Wald.",
    ],
)
def test_german_nouns_stay_words(text: str) -> None:
    assert not names_kept(text)


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("The ferry MV Lampedusa sank off Crete, Greece, with 40 aboard.", "Lampedusa", "Crete"),
        ("HMS Belfast sailed from Portsmouth, England, on Monday.", "Belfast", "Portsmouth"),
        ("Die Fähre KMP Palembang sank vor Sumatra in Indonesien.", "Palembang", "Sumatra"),
    ],
)
def test_a_ship_s_name_after_its_prefix_is_no_place(text: str, absent: str, present: str) -> None:
    found = names_kept(text)
    assert absent not in found and present in found


def test_the_island_a_ship_is_named_after_is_still_found_elsewhere() -> None:
    assert "Lampedusa" in names_kept("The MV Lampedusa sank off Lampedusa, Italy.")


def test_a_town_of_another_continent_is_not_taken_where_only_the_country_is_named() -> None:
    # No Utö in the gazetteer; Japan's Uto is not the island off Finland.
    assert names_kept("Die Fähre sank 1994 vor Utö in Finnland.") == {"Finland"}


@pytest.mark.parametrize(
    ("text", "town", "state"),
    [
        ("The storm hit Mayfield, Ky., and Dresden, Tenn., on Friday.", "Dresden", "Tennessee"),
        ("MAYFIELD, Ky. (AP) — A tornado destroyed the candle factory.", "Mayfield", "Kentucky"),
        ("Flooding hit Raleigh, N.C., on Monday.", "Raleigh", "North Carolina"),
    ],
)
def test_ap_state_abbreviations_name_the_state_and_place_the_town(
    text: str, town: str, state: str
) -> None:
    found = kept(text)
    assert ("region", state, "US") in {(k, n, c) for k, n, c, _la, _lo in found}
    assert [c for _k, n, c, _la, _lo in found if n == town] == ["US"]


def test_an_abbreviation_needs_its_town_and_comma() -> None:
    found = names_kept("Miss Jones said La Paz in Bolivia was dry, Pa. said nothing.")
    assert not {"Mississippi", "Louisiana", "Pennsylvania"} & found


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # Pinyin is one romanisation: a name that only folds like a town's is another name.
        ("Rescuers reached Kangli village in Hebei province, China.", "Changli"),
        ("Workers in Hongshu village near Xingtai, China, were trapped.", "Hongzhou"),
    ],
)
def test_a_chinese_town_is_taken_only_by_its_own_spelling(text: str, absent: str) -> None:
    assert absent not in names_kept(text)


def test_a_town_name_many_towns_share_is_not_taken_far_from_the_story() -> None:
    # "Mati" names three towns of the Philippines; none is the Greek village.
    found = kept("ATHENS, Greece (AP) — A wildfire reached Mati near Athens, Greece.")
    assert not [n for _k, n, c, _la, _lo in found if c == "PH"]
    near = kept("Floods hit Mati in Davao Oriental, the Philippines, on Monday.")
    assert ("city", "Mati", "PH") in {(k, n, c) for k, n, c, _la, _lo in near}


@pytest.mark.parametrize(
    "text",
    [
        # Of the many towns named Washington in the United States, the capital is far the
        # biggest: with the country named, the bare name is the capital, even far from
        # the story and with a namesake in another country the story names.
        "Die Fluten in Pakistan töteten 40 Menschen, teilte ein US-Institut in Washington "
        "mit. Auch in England wurde gesammelt.",
        "Floods in Mozambique killed 40 people, an American group in Washington said. Donors "
        "in England pledged help.",
    ],
)
def test_the_far_biggest_of_namesakes_in_a_named_country_is_meant_far_away(text: str) -> None:
    found = [(n, c) for _k, n, c, _la, _lo in kept(text) if n.startswith("Washington")]
    assert found == [("Washington, D.C.", "US")]


@pytest.mark.parametrize(
    ("text", "name", "country", "lat"),
    [
        # The biggest namesake keeps the bare name only when no smaller one lies among the
        # story's places: Tonalá in Chiapas, not the city of 400,000 beside Guadalajara.
        (
            "Ein Erdbeben erschütterte den Süden Mexikos. Das Zentrum lag 120 Kilometer "
            "südwestlich von Tonalá im Bundesstaat Chiapas. In Chiapas starben vier Menschen.",
            "Tonalá",
            "MX",
            16.09,
        ),
        (
            "A quake shook southern Mexico on Monday. Its centre lay off Tonalá in the state "
            "of Chiapas, where four people died.",
            "Tonalá",
            "MX",
            16.09,
        ),
    ],
)
def test_a_smaller_namesake_among_the_storys_places_beats_the_far_biggest(
    text: str, name: str, country: str, lat: float
) -> None:
    found = [(n, c, round(la, 2)) for _k, n, c, la, _lo in kept(text) if n == name]
    assert found == [(name, country, lat)]
