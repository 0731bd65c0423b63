"""draft/figure_context.py: numbers as a German or an English article writes them, and
the words and numbers of a sentence."""

from __future__ import annotations

import pytest

from dashboard.draft.figure_context import parse_number, tokens_of


@pytest.mark.parametrize(
    ("text", "language", "number"),
    [
        ("1.200", "de", 1200),  # German thousands
        ("1,200", "en", 1200),  # English thousands
        ("3,5", "de", 3.5),  # German decimal comma
        ("2.5", "en", 2.5),
        ("zwölf", "de", 12),
        ("twelve", "en", 12),
    ],
)
def test_a_number_is_read_as_its_language_writes_it(text: str, language: str, number) -> None:
    assert parse_number(text, language) == number


def test_a_word_that_is_no_number_is_none() -> None:
    assert parse_number("Hochwasser", "de") is None
    assert parse_number("flood", "en") is None


def test_a_sentence_is_cut_into_words_numbers_and_marks() -> None:
    tokens = [t.text for t in tokens_of("In Porto Alegre, 1.200 Menschen; um 14:30 Uhr")]
    assert tokens == ["In", "Porto", "Alegre", ",", "1.200", "Menschen", ";", "um", "14:30", "Uhr"]


def test_a_hyphenated_name_stays_one_word() -> None:
    assert tokens_of("Baden-Württemberg’s floods")[0].text == "Baden-Württemberg’s"
