"""Counts written as words, as wire copy writes a number that opens a sentence
("Seventeen people …", "Twenty-eight miners …", "Achtundzwanzig Menschen …"), a toll named
by a compound before its number ("die Totenzahl … mit 43"), and a part of a count told by
where ("nine of them in X", "6 davon in Y")."""

from __future__ import annotations

import pytest

from tests.test_draft_figures import _placed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Flood\n\nSeventeen people were killed in Nairobi on Monday.", [(17, "Nairobi")]),
        ("Mine\n\nTwenty-eight miners were trapped in Zonguldak.", [(28, "Zonguldak")]),
        ("Quake\n\nNinety-one people died in Herat, officials said.", [(91, "Herat")]),
        ("Busunglück\n\nAchtundzwanzig Menschen starben in Lima.", [(28, "Lima")]),
        ("Grubenunglück\n\nNeunzehn Bergleute starben in Kattowitz.", [(19, "Kattowitz")]),
        (
            "Hochwasser\n\nDie Behörden in Sindh gaben die Totenzahl am Montag mit 43 an.",
            [(43, "Sindh")],
        ),
        (
            "Floods\n\nFloods killed 14 people in Kenya, 5 of them in Mombasa.",
            [(14, "Kenya"), (5, "Mombasa")],
        ),
        (
            "Monsun\n\nIn Bihar starben 20 Menschen, 6 davon in Patna.",
            [(20, "Bihar"), (6, "Patna")],
        ),
    ],
)
def test_counts_written_as_words_and_parts_by_where(
    text: str, expected: list[tuple[float, str]]
) -> None:
    assert _placed(text) == expected
