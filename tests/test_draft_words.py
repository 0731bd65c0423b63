"""draft/words.py: the word lists place recognition reads: cues before a place, words
that are never places (months and weekdays in both languages among them)."""

from __future__ import annotations

import pytest

from dashboard.draft import words


@pytest.mark.parametrize("word", ["januar", "january", "montag", "monday", "dezember"])
def test_months_and_weekdays_are_never_places(word: str) -> None:
    assert word in words.NOT_PLACES


def test_place_cues_are_in_both_languages() -> None:
    assert {"bei", "city", "district"} <= words.CUES
    assert {"fluss", "river"} <= words.WATER_BEFORE


def test_the_lists_are_lower_case() -> None:
    for listed in (words.CUES, words.PARTICLES, words.NOT_PLACES, words.ARTICLES):
        assert all(word == word.lower() for word in listed)
