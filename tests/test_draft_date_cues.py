"""What a sentence says of a day: to come or gone; the year of a day written without one."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.draft.date_cues import Spans, is_ahead, nearest_year, next_year


def _ahead(text: str, day: str) -> bool:
    start = text.index(day)
    return is_ahead(text, start, start + len(day))


@pytest.mark.parametrize(
    ("text", "day", "ahead"),
    [
        ("Storms will reach Tulsa on Thursday.", "Thursday", True),
        ("Die Wahl in Maputo soll am Sonntag stattfinden.", "Sonntag", True),
        ("Officials said on Sunday that roads in Cebu will reopen.", "Sunday", False),
        ("Der Damm bei Kisumu ist am Freitag gebrochen.", "Freitag", False),
        ("Ein Reporter soll am Montag in Lima angegriffen worden sein.", "Montag", False),
        ("Sunday's quake in Oaxaca could still bring aftershocks.", "Sunday", False),
        ("The flood that struck Dhaka last Friday will recede.", "Friday", False),
    ],
)
def test_is_ahead(text: str, day: str, ahead: bool) -> None:
    assert _ahead(text, day) is ahead


def test_the_year_of_a_day_written_without_one() -> None:
    assert nearest_year(12, 28, dt.date(2024, 1, 9)) == 2023
    assert nearest_year(11, 5, dt.date(2024, 10, 20)) == 2024
    assert next_year(9, 10, dt.date(2024, 10, 20)) == 2025
    assert next_year(2, 29, dt.date(2025, 3, 1)) == 2028


def test_spans_overlap() -> None:
    spans = Spans()
    spans.add(10, 20)
    spans.add(30, 40)
    assert spans.overlaps(15, 16) and spans.overlaps(35, 45)
    assert not spans.overlaps(20, 30) and not spans.overlaps(0, 10)
