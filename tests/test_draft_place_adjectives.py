"""draft/place_adjectives.py: countries named through their adjectives ("chilenische",
"Kenyan")."""

from __future__ import annotations

import pytest

from dashboard.draft.place_adjectives import adjective_mentions
from dashboard.draft.sentences import split_sentences
from dashboard.reader.gazetteer import Gazetteer, gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return gazetteer()


def test_german_adjectives_name_their_countries(gaz) -> None:
    sentences = split_sentences(
        "Waldbrände", ["Die chilenische Regierung rief den Notstand aus. Kenianische Helfer kamen."]
    )
    found = {(m.places[0].country, m.adjective) for m in adjective_mentions(sentences, gaz, "de")}
    assert found == {("CL", True), ("KE", True)}


def test_english_adjectives_name_their_countries(gaz) -> None:
    sentences = split_sentences("Quake", ["Kenyan rescuers reached the camp on Monday."])
    mentions = adjective_mentions(sentences, gaz, "en")
    assert [m.places[0].country for m in mentions] == ["KE"]


def test_a_sentence_without_adjectives_names_no_country(gaz) -> None:
    sentences = split_sentences("Flut", ["Der Fluss trat über die Ufer."])
    assert adjective_mentions(sentences, gaz, "de") == []
