"""Relative dates resolved against the article's date: weekdays, day-parts, nights,
"gestern", "tomorrow" (made-up sentences of floods, quakes and elections)."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.draft.date_cues import Spans
from dashboard.draft.relative_dates import relative_dates

WEDNESDAY = dt.date(2025, 3, 12)


def _resolved(text: str, published: dt.date | None = WEDNESDAY) -> dict[str, str | None]:
    return {text[f.start : f.end]: f.date for f in relative_dates(text, published, Spans())}


@pytest.mark.parametrize(
    ("text", "written", "date"),
    [
        # the last such weekday on or before the article's day, both languages
        ("Der Fluss trat am Dienstag in Porto Alegre über die Ufer.", "am Dienstag", "2025-03-11"),
        ("Polls closed in Accra on Wednesday.", "on Wednesday", "2025-03-12"),
        ("Am Montag bebte die Erde vor Sumatra.", "Am Montag", "2025-03-10"),
        # day-parts
        ("Am Sonntagabend brach der Damm bei Kisumu.", "Am Sonntagabend", "2025-03-09"),
        ("The levee in Manaus failed Tuesday night.", "Tuesday night", "2025-03-11"),
        ("Late Monday night a quake hit Oaxaca.", "Monday night", "2025-03-10"),
        # the night before the day: the evening's day
        (
            "In der Nacht zu Mittwoch stieg der Pegel in Asunción.",
            "In der Nacht zu Mittwoch",
            "2025-03-11",
        ),
        ("Rain fell on Dhaka overnight into Tuesday.", "overnight into Tuesday", "2025-03-10"),
        (
            "In der Nacht auf Sonntag bebte die Erde in Chiapas.",
            "In der Nacht auf Sonntag",
            "2025-03-08",
        ),
        # the weekday just after the article's day: its time zone is ahead, or a plan
        ("The quake struck Fiji on Thursday, officials said.", "on Thursday", "2025-03-13"),
        ("A quake struck Fiji last Thursday.", "last Thursday", "2025-03-06"),
        ("Vorgestern stieg der Niger bei Niamey.", "Vorgestern", "2025-03-10"),
        ("Voters in Lusaka go to the polls tomorrow.", "tomorrow", "2025-03-13"),
        ("Montagfrüh stieg die Mur in Graz über die Ufer.", "Montagfrüh", "2025-03-10"),
        # "am Vortag": the day before the report's
        ("Die Armee hatte am Vortag Dörfer bei Goma geräumt.", "am Vortag", "2025-03-11"),
        ("Bereits am Vortag bebte die Erde vor Lombok.", "Bereits am Vortag", "2025-03-11"),
    ],
)
def test_relative_days(text: str, written: str, date: str) -> None:
    found = _resolved(text)
    assert found.get(written) == date, found


def test_the_day_after_the_articles_is_marked_for_checking() -> None:
    (found,) = relative_dates("The quake struck Fiji on Thursday.", WEDNESDAY, Spans())
    assert (found.date, found.confidence) == ("2025-03-13", "low") and "time zone" in found.reason


def test_without_the_articles_date_a_weekday_stays_unresolved() -> None:
    assert _resolved("Der Vulkan Merapi brach am Sonntag aus.", None) == {"am Sonntag": None}


def test_a_span_already_read_is_not_read_again() -> None:
    spans = Spans()
    spans.add(0, 10)
    assert relative_dates("Am Montag bebte die Erde.", WEDNESDAY, spans) == []
