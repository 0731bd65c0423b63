"""What a drafted number counts: a small number written as a word that counts no one
and nothing on a map is not a figure, whatever verb follows it."""

from __future__ import annotations

import pytest

from dashboard.draft.figures import find_figures
from dashboard.draft.sentences import Sentence


def _kept(text: str, language: str) -> list[tuple[float, str]]:
    sentences = [Sentence(0, "Headline", 0), Sentence(1, text, 1)]
    return [(f.low, f.counts) for f in find_figures(sentences, language) if f.keep]


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        (
            "en",
            "The three storms have killed more than 100 people in Haiti.",
            [(100, "people killed")],
        ),
        ("en", "The two earthquakes killed 50 people in Sulawesi.", [(50, "people killed")]),
        ("de", "Die drei Stürme haben mehr als 100 Menschen getötet.", [(100, "Menschen getötet")]),
        ("de", "Die Stadt Bachmut ist inzwischen von drei Seiten eingeschlossen.", []),
        # A number written as a word still counts people, places and what happened.
        ("en", "A bus plunged into a ravine near Potosí, killing three.", [(3, "killed")]),
        ("en", "Two people died in Valparaíso on Monday.", [(2, "people died")]),
        ("de", "Zwei Menschen starben in Valparaíso.", [(2, "Menschen starben")]),
    ],
)
def test_a_small_number_of_causes_or_sides_is_no_figure(
    language: str, sentence: str, expected: list[tuple[float, str]]
) -> None:
    assert _kept(sentence, language) == expected
