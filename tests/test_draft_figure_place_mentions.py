"""Which places a sentence names can be where its figure happened (figure_place_mentions):
reference points, neighbours, origins, sources, governments, qualifiers, capitals."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dashboard.draft.figure_place_mentions import (
    Mention,
    without_qualifiers,
    without_references,
)
from dashboard.draft.model import Candidate, DraftPlace

# Made-up places: (kind, country, lat, lon) by name.
_PLACES = {
    "Tarma": ("city", "PE", -11.4, -75.7),
    "Huancayo": ("city", "PE", -12.1, -75.2),
    "Junín": ("region", "PE", -11.5, -75.0),
    "Peru": ("country", "PE", -9.2, -75.0),
    "Bolivien": ("country", "BO", -16.3, -63.6),
    "Lima": ("city", "PE", -12.05, -77.04),
    "Bayern": ("region", "DE", 48.9, 11.4),
}


def _place(name: str) -> DraftPlace:
    kind, country, lat, lon = _PLACES[name]
    candidate = Candidate(f"test:{name}", kind, name, name, country, lat, lon, 1, "test")
    return DraftPlace(id=name.casefold(), name=name, candidates=[candidate])


def _mentions(text: str, *names: str) -> list[Mention]:
    """Each name's first place in the text, in the order named."""
    found = sorted((text.index(name), name) for name in names)
    return [(offset, order, _place(name)) for order, (offset, name) in enumerate(found)]


def _names(mentions: list[Mention]) -> list[str]:
    return [m[2].name for m in mentions]


def _countries(*names: str) -> dict[str, tuple[int, DraftPlace]]:
    return {_place(n).place.country: (0, _place(n)) for n in names}


def _referenced(mentions: list[Mention], text: str) -> list[Mention]:
    return without_references(mentions, text, _countries("Peru"))


@pytest.mark.parametrize(
    ("leave_out", "text", "names", "kept"),
    [
        pytest.param(
            _referenced,
            "In Tarma, 40 Kilometer nördlich von Huancayo, stürzte ein Bus ab.",
            ("Tarma", "Huancayo"),
            ["Tarma"],
            id="de-a-reference-point-beside-the-place",
        ),
        pytest.param(
            _referenced,
            "The bus crashed 40 km north of Huancayo, killing 12.",
            ("Huancayo",),
            ["Peru"],
            id="en-only-a-reference-point-its-country",
        ),
        pytest.param(
            _referenced,
            "Das Beben ereignete sich im Grenzgebiet zu Bolivien in Tarma.",
            ("Bolivien", "Tarma"),
            ["Tarma"],
            id="de-a-neighbouring-country",
        ),
        pytest.param(
            _referenced,
            "Schaulustige aus Bayern kamen nach Tarma.",
            ("Bayern", "Tarma"),
            ["Tarma"],
            id="de-where-people-come-from",
        ),
        pytest.param(
            _referenced,
            "Lima meldete 12 Tote in Tarma.",
            ("Lima", "Tarma"),
            ["Tarma"],
            id="de-a-capital-speaking-as-its-government",
        ),
        pytest.param(
            _referenced,
            "Die Regierung der Region Junín meldete 12 Tote.",
            ("Junín",),
            ["Junín"],
            id="de-an-authoritys-area-stays",
        ),
        pytest.param(
            without_qualifiers,
            "In Tarma in der Region Junín starben 12 Menschen.",
            ("Tarma", "Junín"),
            ["Tarma"],
            id="de-a-town-in-its-region",
        ),
        pytest.param(
            without_qualifiers,
            "Floods hit Tarma, Peru, on Monday.",
            ("Tarma", "Peru"),
            ["Tarma"],
            id="en-town-comma",
        ),
        pytest.param(
            without_qualifiers,
            "Some fled to Tarma near Huancayo.",
            ("Tarma", "Huancayo"),
            ["Tarma"],
            id="en-a-town-near-another",
        ),
        pytest.param(
            without_qualifiers,
            "12 died in Tarma and 8 in Huancayo.",
            ("Tarma", "Huancayo"),
            ["Tarma", "Huancayo"],
            id="en-two-towns-both-stay",
        ),
    ],
)
def test_places_that_are_not_where_it_happened(
    leave_out: Callable[[list[Mention], str], list[Mention]],
    text: str,
    names: tuple[str, ...],
    kept: list[str],
) -> None:
    """A reference point, a neighbour, an origin, a government; a region, country or town
    that only says where the town before it lies."""
    assert _names(leave_out(_mentions(text, *names), text)) == kept
