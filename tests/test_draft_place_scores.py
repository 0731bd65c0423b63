"""draft/place_scores.py: how sure a place is: the country a dateline names, the score a
town gets for its size, and confidence from the score."""

from __future__ import annotations

import pytest

from dashboard.draft.model import HIGH, LOW, MEDIUM
from dashboard.draft.place_scores import (
    Mention,
    base_score,
    confidence,
    dateline_countries,
    german_word,
)
from dashboard.reader.gazetteer import Gazetteer, gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return gazetteer()


def test_a_dateline_names_its_country(gaz) -> None:
    assert dateline_countries(gaz, ("VALPARAISO", "Chile")) == {"CL"}
    assert dateline_countries(gaz, ("NAIROBI", None)) == {"KE"}  # famous enough alone
    assert dateline_countries(gaz, None) == set()
    assert dateline_countries(gaz, ("NOWHERE-TOWN-XYZ", None)) == set()


def test_a_big_city_scores_higher_than_a_small_town(gaz) -> None:
    nairobi = next(p for p in gaz.lookup("Nairobi") if p.kind == "city")
    quilpue = next(p for p in gaz.lookup("Quilpué") if p.kind == "city")
    assert base_score(nairobi) > base_score(quilpue) > 0


def test_a_german_word_is_not_taken_for_a_town(gaz) -> None:
    assert german_word(gaz, "Hochwasser")
    assert not german_word(gaz, "Nairobi")


def test_without_a_plain_mention_no_score_gives_confidence() -> None:
    """Named only through adjectives or near spellings (here: not at all), a place stays
    low however high its score."""
    assert confidence(5.0, []) == confidence(1.0, []) == LOW


def test_confidence_follows_the_score_of_a_plain_mention(gaz) -> None:
    places = gaz.lookup("Nairobi")
    plain = Mention("Nairobi", "Nairobi", 0, 0, places)
    adjective = Mention("kenianischen", "Kenia", 0, 0, places, adjective=True)
    assert [confidence(v, [plain]) for v in (5.0, 3.0, 1.0)] == [HIGH, MEDIUM, LOW]
    assert confidence(5.0, [adjective]) == MEDIUM  # a country named by its adjective only
