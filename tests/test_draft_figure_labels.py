"""draft/figure_labels.py: what a reader sees after a figure's value, and which labels
count the same thing."""

from __future__ import annotations

from dashboard.draft.figure_labels import figure_label, repeat_key
from dashboard.draft.model import Candidate, DraftFigure, DraftPlace


def figure(**changes) -> DraftFigure:
    fields = {"id": "f", "text": "57", "low": 57, "high": 57, "counts": "", "sentence": 0}
    return DraftFigure(**{**fields, **changes})


def place(kind: str, name: str) -> DraftPlace:
    candidate = Candidate("x", kind, name, name, "BR", -30.03, -51.23, 1_400_000, "x")
    return DraftPlace("p", name, [candidate])


def test_the_label_says_what_is_counted_and_where() -> None:
    label = figure_label(figure(counts="people killed"), place("city", "Porto Alegre"), "en")
    assert label == "people killed in Porto Alegre"


def test_a_country_is_not_repeated_after_the_label() -> None:
    assert figure_label(figure(counts="Tote"), place("country", "Brasilien"), "de") == "Tote"


def test_a_qualifier_and_an_earlier_value_are_said() -> None:
    rose = figure(counts="Tote", low=96, high=96, was=47, qualifier="mindestens")
    assert figure_label(rose, None, "de") == "Tote (mindestens) (zuvor 47)"
    fell = figure(counts="missing", low=12, high=12, was=1_500)
    assert figure_label(fell, None, "en") == "missing (down from 1,500)"


def test_a_figure_without_words_gets_a_plain_label() -> None:
    assert figure_label(figure(), None, "en") == "count in the article"
    assert figure_label(figure(unit="%"), None, "de") == "Prozent"


def test_the_dead_and_the_injured_are_one_count_however_worded() -> None:
    assert repeat_key("Tote in Porto Alegre") == repeat_key("people killed") == "dead"
    assert repeat_key("Verletzte") == repeat_key("wounded") == "injured"
    assert repeat_key("Evakuierte") == "evak"
