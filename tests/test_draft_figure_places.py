"""Where a drafted figure belongs: reference points, places people come from, places
spoken of again ("in dem Urlaubsort", "in the town")."""

from __future__ import annotations

import pytest

from tests.test_draft_figures import _placed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Erdbeben in Peru\n\nIn Peru hat die Erde gebebt. In der Nacht bebte die Erde "
            "südwestlich der Touristenmetropole Cusco. Mehr als 3.000 Menschen sind betroffen.",
            [(3000, "Peru")],
            id="südwestlich-der-metropole",
        ),
        pytest.param(
            "Quake in Chile\n\nA quake struck Chile on Monday. It hit southwest of the mining "
            "town of Calama. At least 40 people were hurt.",
            [(40, "Chile")],
            id="southwest-of-the-town-of",
        ),
        pytest.param(
            "Sturm in Florida\n\nDer Sturm traf Key West. Die Straße zwischen Key West und "
            "der rund 250 Kilometer entfernten Metropole Miami wurde gesperrt. Über 20.000 "
            "Urlauber saßen dort fest.",
            [(20_000, "Key West")],
            id="kilometer-entfernten",
        ),
    ],
)
def test_a_town_given_as_a_reference_point_does_not_take_the_figure(
    text: str, expected: list[tuple[float, str]]
) -> None:
    assert _placed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Festival in Wacken\n\nIn Wacken spielten am Wochenende Bands aus aller Welt.\n\n"
            "Etwa 80.000 Besucher, vor allem aus Hamburg und dem nahen Dänemark, kamen.",
            [(80_000, "Wacken")],
            id="aus-a-town-and-a-country",
        ),
        pytest.param(
            "Rescue in Nepal\n\nAn avalanche buried trekkers near Pokhara.\n\n"
            "Some 300 trekkers from neighbouring India were stranded.",
            [(300, "Pokhara")],
            id="from-neighbouring",
        ),
        pytest.param(
            "Floods in Kenya\n\nHeavy rain hit Nairobi on Monday.\n\n"
            "Some 20,000 people were evacuated from Mombasa.",
            [(20_000, "Mombasa")],
            id="evacuated-from-is-where",
        ),
    ],
)
def test_people_are_counted_where_they_are_not_where_they_come_from(
    text: str, expected: list[tuple[float, str]]
) -> None:
    assert _placed(text) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Über 20.000 Urlauber saßen in dem beliebten Urlaubsort fest.",
        "Im Badeort saßen über 20.000 Urlauber fest.",
    ],
)
def test_the_resort_spoken_of_again_is_the_town_named_before(sentence: str) -> None:
    placed = _placed(
        "Hurrikan in Mexiko\n\nDer Hurrikan traf Cancún. Die Straße zwischen Cancún und der "
        f"rund 300 Kilometer entfernten Stadt Mérida wurde gesperrt. {sentence}"
    )
    assert placed == [(20_000, "Cancún")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Fire in Chile\n\nA wildfire reached Valparaíso on Friday.\n\n"
            "In Quilpué, the hillside town, some 300 homes burned.",
            [(300, "Quilpué")],
            id="the-town-beside-its-name-is-that-town",
        ),
        pytest.param(
            "Floods in Mozambique\n\nFloods cut off Beira on Sunday.\n\n"
            "About 5,000 people were stranded in the city, according to officials in Maputo.",
            [(5000, "Beira")],
            id="the-city-is-not-the-source-named-later",
        ),
        pytest.param(
            "Fire in Greece\n\nATHENS, Greece (AP) — A wildfire reached Rafina on Monday.\n\n"
            "The country’s civil protection agency said at least 30 people were affected.",
            [(30, "Rafina")],
            id="the-countrys-agency-is-who-counts-not-a-national-count",
        ),
        pytest.param(
            "Cyclone in Mozambique\n\nBEIRA, Mozambique (AP) — A cyclone hit Beira on "
            "Friday.\n\nFloods also swept through Malawi. At least 40 people died, officials "
            "said.",
            [(40, "Malawi")],
            id="after-a-sentence-naming-only-a-country",
        ),
    ],
)
def test_a_figure_without_its_own_place_takes_the_one_spoken_of(
    text: str, expected: list[tuple[float, str]]
) -> None:
    assert _placed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Fluten in Indien\n\nBei Überschwemmungen im Süden Indiens sind mindestens 30 "
            "Menschen ums Leben gekommen. Am schwersten betroffen ist der Bundesstaat Kerala.",
            [(30, "Indien")],
            id="im-süden-indiens",
        ),
        pytest.param(
            "Floods in India\n\nFloods in southern India have killed at least 30 people. The "
            "state of Kerala was hit hardest.",
            [(30, "India")],
            id="in-southern-india",
        ),
        pytest.param(
            "Fires in Canada\n\nWildfires in the west of Canada forced 20,000 people to flee. "
            "British Columbia declared an emergency.",
            [(20_000, "Canada")],
            id="in-the-west-of-canada",
        ),
        pytest.param(
            "Floods in India\n\nFloods in southern India have killed at least 30 people. "
            "Kerala and Tamil Nadu were hit hardest.",
            [(30, "India")],
            id="two-regions-named-the-country-stays",
        ),
    ],
)
def test_a_part_of_a_country_names_the_country_not_a_region_of_a_later_sentence(
    text: str, expected: list[tuple[float, str]]
) -> None:
    assert _placed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Hurrikan in Mexiko\n\nDer Sturm erreichte am Dienstag Acapulco.\n\n"
            "Laut des Nationalen Hurrikanzentrums in Miami sind in der Stadt 20000 Menschen "
            "ohne Strom.",
            [(20_000, "Acapulco")],
            id="laut-einem-institut-in-a-town",
        ),
        pytest.param(
            "Floods in Pakistan\n\nFloods hit Sukkur on Monday.\n\n"
            "According to the relief agency based in Geneva at least 40 people were killed "
            "in the city.",
            [(40, "Sukkur")],
            id="according-to-an-agency-based-in-a-town",
        ),
        pytest.param(
            "Hochwasser in Polen\n\nDas Hochwasser erreichte am Montag Breslau.\n\n"
            "Laut Polizei starben in Oppeln 5 Menschen.",
            [(5, "Oppeln")],
            id="laut-then-a-verb-then-where-it-happened",
        ),
    ],
)
def test_a_town_named_as_where_a_source_sits_does_not_take_the_figure(
    text: str, expected: list[tuple[float, str]]
) -> None:
    assert _placed(text) == expected


def test_the_lead_after_a_pages_title_lines_gives_a_figure_without_a_place_its_place() -> None:
    """A page's title, teaser and "Posted ... last updated" lines may stand before the
    dateline: the lead a figure without a place falls back to starts at the dateline."""
    placed = _placed(
        "Quake in southern Peru\n\n"
        "Powerful earthquake shakes southern Peru Posted\n\nand last updated\n\n"
        "LIMA, Peru (AP) — A powerful earthquake centered near the town of Nazca has killed "
        "at least three people, officials said Tuesday.\n\nRescuers searched the rubble.\n\n"
        "At least 40 people were injured."
    )
    assert placed == [(3, "Nazca"), (40, "Nazca")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Bus crash in Bolivia\n\nLA PAZ, Bolivia (AP) — A bus plunged into a ravine near "
            "Bolivia's capital on Friday, killing at least 14 people. Ambulances took the "
            "injured to hospitals in La Paz and El Alto.",
            [(14, "La Paz")],
            id="en-seat-of-government-from-the-dateline",
        ),
        pytest.param(
            "Floods in Kenya\n\nHeavy rain fell across Kenya and Uganda. In the capital of "
            "Kenya, Nairobi, and in Kampala roads flooded; at least 30 people died in the "
            "capital of Kenya.",
            [(30, "Nairobi")],
            id="en-capital-of",
        ),
        pytest.param(
            "Proteste in Peru\n\nIn Peru gehen die Proteste weiter. In Lima und Cusco wurde "
            "demonstriert. In der Hauptstadt Perus wurden 20 Menschen verletzt.",
            [(20, "Lima")],
            id="de-hauptstadt",
        ),
    ],
)
def test_a_country_named_as_whose_capital_stands_for_the_capital(
    text: str, expected: list[tuple[float, str]]
) -> None:
    assert _placed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Election in Kenya\n\nNAIROBI, Kenya (AP) — William Ruto won 50.5% of the vote in "
            "Kenya. In Mombasa, turnout was 40%.",
            [(50.5, "Kenya"), (40, "Mombasa")],
            id="en-in-town-comma",
        ),
        pytest.param(
            "Election in Kenya\n\nNAIROBI, Kenya (AP) — In a speech, Ruto said he won 50.5% "
            "of the vote in Kenya.",
            [(50.5, "Kenya")],
            id="en-no-scene",
        ),
    ],
)
def test_a_share_belongs_to_the_place_its_sentence_opens_with(
    text: str, expected: list[tuple[float, str]]
) -> None:
    assert _placed(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Krieg im Sudan\n\nKhartum (dpa) - In Al-Faschir in Nord-Darfur wurden 50 "
            "Menschen getötet.",
            [(50, "Al-Faschir")],
            id="de-town-in-region",
        ),
        pytest.param(
            "Boat accident in Nigeria\n\nABUJA, Nigeria (AP) — A boat capsized near Mokwa in "
            "Niger state, and 30 people drowned.",
            [(30, "Mokwa")],
            id="en-town-in-state",
        ),
        pytest.param(
            "Floods in India\n\nNEW DELHI (AP) — Floods hit Assam and Kerala. In Kerala, "
            "40 people died.",
            [(40, "Kerala")],
            id="en-region-alone-stays",
        ),
    ],
)
def test_a_settlement_before_its_region_takes_the_figure(
    text: str, expected: list[tuple[float, str]]
) -> None:
    assert _placed(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Protests in Kenya\n\nMOMBASA, Kenya (AP) — Protests spread across Kenya on Tuesday, "
        "from Mombasa to Kisumu and Nairobi.\n\nPolice fired tear gas in Kisumu.\n\n"
        "In the capital, at least 12 people were killed.",
        "Proteste in Kenia\n\nMombasa (dpa) - In Kenia breiten sich die Proteste aus, von "
        "Mombasa bis Kisumu und Nairobi.\n\nIn Kisumu setzte die Polizei Tränengas ein.\n\n"
        "In der kenianischen Hauptstadt wurden mindestens 12 Menschen getötet.",
    ],
)
def test_the_capital_is_the_capital_of_the_articles_country_not_the_town_before(
    text: str,
) -> None:
    assert _placed(text) == [(12, "Nairobi")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Krieg im Sudan\n\nKhartum (dpa) - In El Geneina flohen 30.000 Menschen über die "
            "Grenze in den Tschad.",
            [(30_000, "El Geneina")],
            id="de-flohen-in",
        ),
        pytest.param(
            "Fighting in Congo\n\nGOMA, Congo (AP) — In Sake, 5,000 people fled toward Goma "
            "on Friday.",
            [(5_000, "Sake")],
            id="en-fled-toward",
        ),
    ],
)
def test_people_who_flee_are_counted_where_the_sentence_says_they_left(
    text: str, expected: list[tuple[float, str]]
) -> None:
    assert _placed(text) == expected
