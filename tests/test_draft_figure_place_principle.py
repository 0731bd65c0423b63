"""Where a map editor puts a figure, as one principle (dashboard/draft/figure_places.py):
the place its own clause names; else the scene its sentence opens with, or the place the
clause refers back to ("in the state", "der Region"); else the nearest place of its
sentence; else the nearest earlier place of its paragraph; else the lead's. A title only
announces a count: the body's statement of it says where. Made-up sentences from many
regions, both languages, several sentence shapes."""

from __future__ import annotations

import pytest

from tests.test_draft_figures import _placed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Quake kills 9 near Arequipa\n\nLIMA, Peru (Reuters) - An earthquake killed 9 "
            "people in southern Peru on Tuesday, officials said.",
            [(9, "Peru")],
            id="title-en-the-body-says-where",
        ),
        pytest.param(
            "Panorama\n\nSturm tötet 5 Menschen in Halifax\n\nOttawa (dpa) - Ein schwerer "
            "Sturm hat im Osten Kanadas mindestens 5 Menschen getötet.",
            [(5, "Kanada")],
            id="title-de-a-kicker-and-a-second-title-before-the-dateline",
        ),
        pytest.param(
            "Unwetter in Kenia\n\nIn Kenia, so die Behörden, kamen 30 Menschen ums Leben.",
            [(30, "Kenia")],
            id="scene-de-the-sentence-opens-with-its-place",
        ),
        pytest.param(
            "Quake in Chile\n\nIn southern Chile, 4 people died and 20 were injured when a "
            "bridge collapsed near Temuco.",
            [(4, "Chile"), (20, "Temuco")],
            id="scene-en-a-later-clause-names-its-own-place",
        ),
        pytest.param(
            "Storms in the US\n\nIn Texas, officials said 5 people died; in Oklahoma, 3 people "
            "were killed.",
            [(5, "Texas"), (3, "Oklahoma")],
            id="scene-en-a-later-clause-opens-with-its-own-scene",
        ),
        pytest.param(
            "Floods in Sumatra\n\nPADANG, Indonesia (AP) — Floods hit the town of Bukittinggi "
            "on Monday. The Indonesian National Disaster Agency said 40 houses were destroyed.",
            [(40, "Bukittinggi")],
            id="adjective-en-inside-an-agencys-name",
        ),
        pytest.param(
            "Floods in India\n\nFloods hit Assam on Monday. 14 people died in the state, while "
            "3 people drowned in Guwahati.",
            [(14, "Assam"), (3, "Guwahati")],
            id="refers-back-en-the-state-in-the-figures-clause",
        ),
        pytest.param(
            "Monsun in Pakistan\n\nDer Monsun traf die Provinz Sindh. In der Provinz starben 20 "
            "Menschen, in Karachi ertranken 6 Menschen.",
            [(20, "Sindh"), (6, "Karachi")],
            id="refers-back-de-die-provinz-in-the-figures-clause",
        ),
        pytest.param(
            "Sturm in Italien\n\nEin Sturm traf die Region Kalabrien. Der Präsident der Region "
            "sagte, 9 Menschen seien gestorben.",
            [(9, "Kalabrien")],
            id="refers-back-de-the-regions-authority",
        ),
        pytest.param(
            "Busunglück in Bolivien\n\nIn Bolivien ist ein Bus in eine Schlucht gestürzt. Nach "
            "Angaben des peruanischen Konsuls starben 14 Menschen. Peru schickte am Montag "
            "Helfer.",
            [(14, "Bolivien")],
            id="adjective-de-a-countrys-adjective-is-no-place",
        ),
        pytest.param(
            "Tornado in Missouri\n\nA tornado hit Joplin on Sunday. In Joplin, dozens of homes "
            "were destroyed and 9 people were treated at the Kansas University Medical Center.",
            [(9, "Joplin")],
            id="institution-en-a-place-inside-a-hospitals-name",
        ),
        pytest.param(
            "Unruhen in Ägypten\n\nIn Kairo starben 5 Menschen, während in Alexandria weitere 11 "
            "Menschen verletzt wurden.",
            [(5, "Kairo"), (11, "Alexandria")],
            id="clauses-de-während",
        ),
        pytest.param(
            "Beben in Mexiko\n\nIn Mexiko-Stadt und Puebla starben 30 Menschen.",
            [(30, "Mexiko-Stadt")],
            id="listed-de-the-first-of-places-named-together",
        ),
        pytest.param(
            "Quake in Turkey\n\nRescuers pulled 12 survivors from the rubble in Antakya, state "
            "media reported.",
            [(12, "Antakya")],
            id="origin-en-from-the-rubble-in-a-town-is-no-origin",
        ),
        pytest.param(
            "Wahl in Indien\n\nIn Uttar Pradesh lag die Wahlbeteiligung bei 57 Prozent, in Bihar "
            "bei 55 Prozent.",
            [(57, "Uttar Pradesh"), (55, "Bihar")],
            id="shares-de-each-clause-its-own-scene",
        ),
        pytest.param(
            "Floods in India\n\nHeavy rain lashed the state of Assam. Worst hit was Goalpara "
            "district. Across the state, 40 villages were flooded.",
            [(40, "Assam")],
            id="refers-back-en-the-state-is-the-state-not-a-district-named-since",
        ),
        pytest.param(
            "Floods in Peru\n\nFloods killed 12 people in Piura on Sunday. Elsewhere, 3 died in "
            "landslides.",
            [(12, "Piura"), (3, None)],
            id="elsewhere-en-no-place",
        ),
        pytest.param(
            "Taifun in Vietnam\n\nIn ganz Vietnam starben 30 Menschen, in Da Nang allein 12 "
            "Menschen.",
            [(30, "Vietnam"), (12, "Da Nang")],
            id="country-total-de-and-its-part-by-place",
        ),
    ],
)
def test_a_figure_is_placed_where_its_clause_says(
    text: str, expected: list[tuple[float, str | None]]
) -> None:
    assert _placed(text) == expected
