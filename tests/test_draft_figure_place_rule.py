"""The figure-place rule of benchmarks/draft_eval/README.md ("Which place a figure belongs
to"), step by step, on made-up sentences from many regions and kinds of news."""

from __future__ import annotations

import pytest

from tests.test_draft_figures import _placed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Floods in Kenya\n\nFloods in Kenya killed 12 people in the town of Voi on Monday.",
            [(12, "Voi")],
            id="1-specific-en-town-over-its-country",
        ),
        pytest.param(
            "Erdbeben in Japan\n\nBei einem Erdbeben in Japan sind in der Stadt Wajima "
            "mindestens 30 Menschen ums Leben gekommen.",
            [(30, "Wajima")],
            id="1-specific-de-town-over-its-country",
        ),
        pytest.param(
            "Sturm auf Neuseeland\n\nAuf Neuseelands Nordinsel sind 4 Menschen gestorben.",
            [(4, "Nordinsel")],
            id="1-specific-de-region-over-its-country",
        ),
        pytest.param(
            "Bus crash in Peru\n\nA bus plunged into a ravine near Cusco on Friday, killing at "
            "least 14 people.",
            [(14, "Cusco")],
            id="1-specific-en-near-a-town",
        ),
        pytest.param(
            "Zugunglück\n\nNahe Larissa stießen zwei Züge zusammen, 26 Menschen starben.",
            [(26, "Larissa")],
            id="1-specific-de-nahe-einer-stadt",
        ),
        pytest.param(
            "Hochwasser in Pakistan\n\nDie Regierung der Provinz Sindh meldete am Montag 19 Tote.",
            [(19, "Sindh")],
            id="1-specific-de-the-authoritys-province",
        ),
        pytest.param(
            "Krieg\n\nKiew meldete am Sonntag den Tod von 12 Menschen in Cherson.",
            [(12, "Cherson")],
            id="1-specific-de-a-capital-speaking-as-its-government",
        ),
        pytest.param(
            "War in Sudan\n\nWashington said 40 people were killed in Darfur on Sunday.",
            [(40, "Darfur")],
            id="1-specific-en-a-capital-speaking-as-its-government",
        ),
        pytest.param(
            "Train crash in Greece\n\nA collision of two trains in Greece killed at least 26 "
            "people late on Tuesday. The trains collided near Larissa.",
            [(26, "Greece")],
            id="1-country-en-a-later-sentence-names-the-town",
        ),
        pytest.param(
            "Zugunglück\n\nBei einem Zugunglück in Griechenland sind mindestens 26 Menschen "
            "ums Leben gekommen. Mindestens 85 weitere wurden verletzt, sagte ein Sprecher. "
            "Die Züge stießen nahe Larissa zusammen.",
            [(26, "Griechenland"), (85, "Griechenland")],
            id="1-country-de-a-later-sentence-names-the-town",
        ),
        pytest.param(
            "Hurrikan\n\nAcapulco – Der Hurrikan hat an der Westküste Mexikos mindestens 27 "
            "Menschen in den Tod gerissen.",
            [(27, "Mexiko")],
            id="1-country-de-the-town-is-only-the-dateline",
        ),
        pytest.param(
            "Landslide\n\nLIMA, PERU —Heavy rains unleashed a landslide in a mountain town in "
            "southern Ecuador on Sunday, killing at least 17 people.",
            [(17, "Ecuador")],
            id="1-country-en-a-dateline-dash-without-a-space",
        ),
        pytest.param(
            "Erdrutsche in Peru\n\nErdrutsche im Süden Perus haben mindestens 15 Tote "
            "gefordert. Vor allem in der Region Arequipa regnete es.",
            [(15, "Peru")],
            id="1-country-de-a-compass-part-names-the-country",
        ),
        pytest.param(
            "Attack in Pakistan\n\nPESHAWAR, Pakistan (AP) — Militants attacked a police "
            "checkpoint in the country's northwest, killing three police officers. A police "
            "official said the attack took place in Kohat.",
            [(3, "Pakistan")],
            id="1-country-en-the-countrys-northwest",
        ),
        pytest.param(
            "Floods in Bangladesh\n\nFloods killed 12 people in Sylhet, while 30 were hurt "
            "in Chittagong.",
            [(12, "Sylhet"), (30, "Chittagong")],
            id="1-clause-en-while",
        ),
        pytest.param(
            "Gewalt in Nigeria\n\nIn Kano starben 8 Menschen, in Kaduna wurden 20 Menschen "
            "verletzt.",
            [(8, "Kano"), (20, "Kaduna")],
            id="1-clause-de-comma",
        ),
        pytest.param(
            "Quake in Japan\n\nOf the dead, 81 were in Wajima and 71 in Suzu, officials said.",
            [(81, "Wajima"), (71, "Suzu")],
            id="1-clause-en-in-order",
        ),
        pytest.param(
            "Floods in Europe\n\nAt least 9 people died in floods in Poland, Germany and the "
            "Czech Republic.",
            [(9, "Poland")],
            id="1-clause-en-several-places-named-together-the-first",
        ),
        pytest.param(
            "Waldbrände in Kanada\n\nIn Kanada brennen die Wälder. Die 20.000 Hektar großen "
            "Brände sind bis auf 17 Kilometer an Yellowknife herangerückt.",
            [(20_000, "Kanada")],
            id="1-reference-de-only-a-reference-point-its-country",
        ),
        pytest.param(
            "Erdbeben in Nepal\n\nEin Erdbeben hat Nepal erschüttert. Das Beben der Stärke 6,1 "
            "ereignete sich im Grenzgebiet zu China.",
            [(6.1, "Nepal")],
            id="1-reference-de-a-neighbouring-country-is-left-out",
        ),
        pytest.param(
            "Quake in Pakistan\n\nAn earthquake struck Pakistan on Monday. The magnitude 6.1 "
            "quake hit near the border with Afghanistan.",
            [(6.1, "Pakistan")],
            id="1-reference-en-a-neighbouring-country-is-left-out",
        ),
        pytest.param(
            "Quake in the Andes\n\nA strong earthquake shook southern Ecuador and northern "
            "Peru on Saturday, killing at least 15 people.",
            [(15, "Ecuador")],
            id="1-clause-en-none-in-its-clause-the-first-of-those-named-together",
        ),
        pytest.param(
            "Fluten\n\nDas Hochwasser traf Kenia und Tansania, dabei starben "
            "mindestens 12 Menschen.",
            [(12, "Kenia")],
            id="1-clause-de-none-in-its-clause-the-first-of-those-named-together",
        ),
        pytest.param(
            "Storms in Germany\n\nStorms hit Bavaria on Sunday. Five people died in Munich "
            "and three in Augsburg. In all, 3,200 people were left homeless.",
            [(5, "Munich"), (3, "Augsburg"), (3200, "Bavaria")],
            id="2-paragraph-en-a-sentence-naming-two-towns-is-passed-over",
        ),
        pytest.param(
            "Fighting in Congo\n\nThe fighting sent residents fleeing Rutshuru. Some headed "
            "for Sake near Goma. The U.N. said that some 40,000 people have been displaced.",
            [(40_000, "Sake")],
            id="2-paragraph-en-a-town-near-another-is-the-one-named",
        ),
        pytest.param(
            "Unwetter in Brasilien\n\nDie Regierung des Bundesstaates Bahia meldete "
            "Überschwemmungen. Insgesamt waren fast 150.000 Menschen betroffen.",
            [(150_000, "Bahia")],
            id="2-paragraph-de-the-authoritys-region",
        ),
        pytest.param(
            "Floods in Pakistan\n\nRains lashed Sindh province on Monday. In the province, "
            "12 people died.",
            [(12, "Sindh")],
            id="2-paragraph-en-in-the-province",
        ),
        pytest.param(
            "Monsun in Indien\n\nDer Monsun traf den Bundesstaat Kerala. In der Region "
            "starben 40 Menschen.",
            [(40, "Kerala")],
            id="2-paragraph-de-in-der-region",
        ),
        pytest.param(
            "Wildfires in Chile\n\nVALPARAISO (AP) — Wildfires raged near Viña del Mar on "
            "Friday.\n\nThe government sent troops from Santiago.\n\nAt least 40 people "
            "died, officials said.",
            [(40, "Viña del Mar")],
            id="3-lead-en-not-another-paragraphs-place",
        ),
        pytest.param(
            "Quake in Nepal\n\nAn earthquake struck Nepal on Friday. At least 9 people died, "
            "officials said. Most of them were in Jajarkot.",
            [(9, "Nepal")],
            id="3-lead-en-not-a-later-sentences-place",
        ),
        pytest.param(
            "Kämpfe im Sudan\n\nKhartum (dpa) - Im Sudan gehen die Kämpfe weiter.\n\nIn "
            "Omdurman fielen Granaten.\n\nMindestens 60 Menschen wurden getötet.",
            [(60, "Sudan")],
            id="3-lead-de-the-leads-place-not-the-paragraph-befores",
        ),
        pytest.param(
            "Taifun auf den Philippinen\n\nManila (dpa) - Ein schwerer Taifun ist über das "
            "Land gezogen. In Tuguegarao stürzten Bäume um.\n\nMindestens 12 Menschen kamen "
            "ums Leben.",
            [(12, "Philippinen")],
            id="3-lead-de-the-headlines-place-when-the-leads-first-sentence-names-none",
        ),
    ],
)
def test_a_figure_belongs_to_the_place_the_rule_gives(
    text: str, expected: list[tuple[float, str]]
) -> None:
    """Ids: 1 its own sentence (the most specific place, the country when only it is
    named, the place of its clause); 2 the place of its paragraph; 3 the lead's place."""
    assert _placed(text) == expected
