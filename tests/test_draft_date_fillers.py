"""What a publication-date line holds besides its date (dashboard/draft/date_fillers.py): a
reading or listening time, a broadcast's programme, a byline, an update stamp. The date is
read; the rest never makes a date, and a line with no full date gives none."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.draft.datelines import read_date_line


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("13.06.2019 UPDATE: 13.06.2019 07:23 Uhr 2 Minuten, 3 Sekunden", dt.date(2019, 6, 13)),
        ("04.11.2022, 18:40 Uhr 3 Minuten, 45 Sekunden", dt.date(2022, 11, 4)),
        ("Mon 3 Jul 2023 12.15 BST 4 min 30 sec", dt.date(2023, 7, 3)),
        ("Published March 3, 2021 3 minutes 12 seconds", dt.date(2021, 3, 3)),
        ("Lesezeit 4 Minuten | 12.05.2020", dt.date(2020, 5, 12)),
        ("Sendung: Radio Nachrichten, 21.05.2022 02:00 Uhr", dt.date(2022, 5, 21)),
        ("First Published: Aug 26 2014 | 4:25 PM IST", dt.date(2014, 8, 26)),
        ("2023-04-02 | 05:08", dt.date(2023, 4, 2)),
        ("September 15, 2014 20:00 IST", dt.date(2014, 9, 15)),
        ("Thursday Sep 16, 2021", dt.date(2021, 9, 16)),
        ("Von Max Mustermann | 16.07.2021, 12:00 Uhr", dt.date(2021, 7, 16)),
        ("By Jane Roe | July 16, 2021", dt.date(2021, 7, 16)),
        ("Friday, July 16, 2021 at 10:00 AM", dt.date(2021, 7, 16)),
        ("Freitag, 16. Juli 2021", dt.date(2021, 7, 16)),
        ("Mar 12 2024 10:05AM", dt.date(2024, 3, 12)),
        ("Redaktion / 12.03.2024", dt.date(2024, 3, 12)),
        ("Zuletzt bearbeitet: 12.03.2024", dt.date(2024, 3, 12)),
    ],
)
def test_the_date_of_a_line_with_more_than_its_date(line: str, day: dt.date) -> None:
    found = read_date_line(line)
    assert found is not None and found.date == day


@pytest.mark.parametrize(
    "line",
    [
        "2 Minuten, 3 Sekunden",
        "4 min 30 sec",
        "Lesezeit: 3 Minuten",
        "Updated 2 hours ago",
        "Sendung: Radio Nachrichten, 02:00 Uhr",
        "Redaktion",
        "12/03/2024 - 14:05",  # day or month first: no zone or weekday tells
    ],
)
def test_a_line_without_a_full_date_gives_none(line: str) -> None:
    found = read_date_line(line)
    assert found is None or found.date is None


def test_an_edit_after_publication_is_an_update() -> None:
    found = read_date_line("Veröffentlicht am 11.03.2024, zuletzt bearbeitet am 12.03.2024")
    assert found is not None
    assert (found.date, found.updated, found.updated_on) == (
        dt.date(2024, 3, 11),
        False,
        dt.date(2024, 3, 12),
    )
