"""draft/figure_words.py: the word lists figures are recognised by."""

from __future__ import annotations

from dashboard.draft import figure_words
from dashboard.draft.figure_words import word_set


def test_a_word_set_splits_on_any_white_space() -> None:
    assert word_set("tot  vermisst\nobdachlos\tdead") == {"tot", "vermisst", "obdachlos", "dead"}


def test_multipliers_and_vague_counts_are_numbers_in_both_languages() -> None:
    multipliers = figure_words.MULTIPLIERS
    assert multipliers["million"] == 1_000_000 and multipliers["millionen"] == 1_000_000
    assert all(value > 0 for value in figure_words.VAGUE_COUNTS.values())


def test_quake_magnitudes_and_percent_are_known_in_both_languages() -> None:
    assert {"stärke", "magnitude"} <= figure_words.MAGNITUDE
    assert {"prozent", "percent"} <= figure_words.PERCENT
