"""The day relative dates are counted from when the text states no date of publication:
a dateline's day with the lead's weekday, or a date written with its weekday."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.draft import article_from_text, draft_article
from dashboard.draft.report_day import counting_day, dateline_day, latest_weekday_date

TODAY = dt.date(2026, 12, 7)


def _kept_dates(text: str) -> list[str]:
    return sorted({d.date for d in draft_article(article_from_text(text)).dates if d.keep})


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        # 14 March was a Thursday in 2024 (not in 2025 or 2026).
        (
            "LIMA, March 14 (Reuters) - Peru's government said on Thursday that 12 people died.",
            dt.date(2024, 3, 14),
        ),
        (
            "NAIROBI, Jan 9 (Reuters) - Floods swept through the city on Tuesday.",
            dt.date(2024, 1, 9),
        ),
        # The lead names no weekday, or one still to come: no year to be had.
        ("LIMA, March 14 (Reuters) - Peru's government said 12 people died.", None),
        ("LIMA, March 14 (Reuters) - Peru will hold a vote on Thursday.", None),
    ],
)
def test_a_dateline_without_a_year_takes_the_year_its_weekday_fits(
    lead: str, expected: dt.date | None
) -> None:
    article = article_from_text(f"Headline of the report\n\n{lead}\n\nMore text follows here.")
    assert article.published is None
    assert dateline_day(article, TODAY) == expected


def test_relative_days_are_counted_from_the_dateline_day() -> None:
    article = article_from_text(
        "Quake in Peru\n\nLIMA, March 14 (Reuters) - A quake struck southern Peru on "
        "Thursday, officials said. Rescuers had warned of landslides on Monday."
    )
    day, how = counting_day(article, None, TODAY)
    assert (day, how) == (dt.date(2024, 3, 14), "dateline")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "People in a shelter in Escuintla, Tuesday, March 8, 2022. (AP Photo)",
            dt.date(2022, 3, 8),
        ),
        ("Helfer in Lüttich am Donnerstag, 15. Juli 2021.", dt.date(2021, 7, 15)),
        ("Montag, 05.02.2024: Feuer bei Viña del Mar.", dt.date(2024, 2, 5)),
        # The weekday is not that date's: no day to count from.
        ("Crowds in Manila, Monday, March 8, 2022.", None),
        ("The 2010 floods in Pakistan began on July 22, 2010.", None),
    ],
)
def test_a_date_written_with_its_weekday(text: str, expected: dt.date | None) -> None:
    assert latest_weekday_date(text) == expected


def test_a_caption_with_a_weekday_date_resolves_the_weekdays_of_the_text() -> None:
    text = (
        "Guatemala evacuates villages below the volcano\n\n"
        "People gather in a gym set up as a shelter in Escuintla, Guatemala, Tuesday, "
        "March 8, 2022. (AP Photo/Moises Castillo)\n\n"
        "GUATEMALA CITY (AP) — About 370 residents were evacuated from the slopes of the "
        "volcano Tuesday as ash fell on nearby towns.\n\n"
        "The volcano had begun to rumble on Sunday, the disaster agency said."
    )
    draft = draft_article(article_from_text(text))
    assert draft.published is None
    assert _kept_dates(text) == ["2022-03-06", "2022-03-08"]
    assert any("2022-03-08" in note for note in draft.notes)


def test_a_dateline_after_lines_that_are_no_sentences_is_read() -> None:
    article = article_from_text(
        "At least 2 dead after quake in Chile\n\nPowerful quake shakes northern Chile\n\n"
        "Posted\n\nand last updated\n\nSANTIAGO, Chile (AP) — A powerful earthquake "
        "centered near the port of Iquique has killed at least two people, officials said."
    )
    assert article.dateline is not None
    assert (article.dateline.place, article.dateline.region) == ("Santiago", "Chile")
