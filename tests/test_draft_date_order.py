"""Numeric dates with no time zone or weekday ("12-03-2024", "03/12/2024"): read in the
order the article's language and, for English, its dateline's country or agency write."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.draft.article import article_from_text
from dashboard.draft.date_order import numeric_date_order
from dashboard.draft.datelines import read_date_line
from dashboard.draft.engine import draft_article

LEAD_EN = "Floods killed 12 people on Tuesday, officials said."
LEAD_DE = "Bei Überschwemmungen starben am Dienstag zwölf Menschen, sagte ein Sprecher."


@pytest.mark.parametrize(
    ("text", "order", "published"),
    [
        # German: the day first, with or without a dateline
        (f"Hochwasser an der Elbe\n\n12-03-2024\n\nDresden (dpa) - {LEAD_DE}", "day", (3, 12)),
        (f"Flut in Peru\n\n03/12/2024 14:05\n\nIn Piura: {LEAD_DE}", "day", (12, 3)),
        (f"Regen in Bayern\n\n04/05/2024\n\nMünchen (dpa) - {LEAD_DE}", "day", (5, 4)),
        # English, United States: the month first
        (
            f"Floods in Texas\n\nPublished 03/12/2024\n\nHOUSTON, Texas (AP) — {LEAD_EN}",
            "month",
            (3, 12),
        ),
        (f"Storm in Ohio\n\n03-12-2024\n\nCOLUMBUS, Ohio (Reuters) - {LEAD_EN}", "month", (3, 12)),
        (f"Fires in Maui\n\n08/10/2023\n\nMarch 12 (AP) — {LEAD_EN}", "month", (8, 10)),
        # English elsewhere: the day first
        (
            f"Floods in Kenya\n\nPublished 03/12/2024\n\nNAIROBI, Kenya (AP) — {LEAD_EN}",
            "day",
            (12, 3),
        ),
        (f"Floods in Assam\n\n12/03/2024\n\nGUWAHATI (PTI) - {LEAD_EN}", "day", (3, 12)),
        (f"Storm in Sydney\n\n03-12-2024\n\nSYDNEY, Dec 3 (Reuters) - {LEAD_EN}", "day", (12, 3)),
        (f"Quake in Peru\n\n07/06/2024\n\nLIMA, Peru (Reuters) - {LEAD_EN}", "day", (6, 7)),
    ],
)
def test_a_numeric_date_line_is_read_in_the_articles_order(text, order, published) -> None:
    article = article_from_text(text)
    assert article.date_order == order
    assert article.published is not None
    assert (article.published.month, article.published.day) == published


@pytest.mark.parametrize(
    "text",
    [
        f"Floods in Kenya\n\nPublished 03/12/2024\n\n{LEAD_EN}",  # English, no country said
        f"Floods in Kenya\n\n03-12-2024\n\nNairobi: {LEAD_EN}",  # a bare dateline, no agency
    ],
)
def test_an_ambiguous_english_date_with_no_cue_is_left_unread(text: str) -> None:
    article = article_from_text(text)
    assert article.published is None
    draft = draft_article(article)
    assert draft.published is None
    assert any("No date of publication found" in note for note in draft.notes)


def test_a_date_that_reads_itself_needs_no_order() -> None:
    article = article_from_text(f"Floods in Kenya\n\nPublished 25/03/2024\n\n{LEAD_EN}")
    assert article.date_order is None and article.published == dt.date(2024, 3, 25)


def test_the_lines_own_time_zone_or_weekday_outweighs_the_articles_order() -> None:
    assert read_date_line("03/04/2024 10:15 EDT", "day") == read_date_line("March 4, 2024")
    assert read_date_line("Mon, 03/04/2024", "month").date == dt.date(2024, 3, 4)
    assert read_date_line("Mon, 04/03/2024", "month").date == dt.date(2024, 3, 4)


@pytest.mark.parametrize(
    "paragraphs",
    [
        ["Score 3-2 after extra time in Lagos", "LAGOS (AP) — The final ended 3-2."],
        ["Version 1/2/20245 released", "NAIROBI (Reuters) - A new app."],
        ["Flood of 2024 in Kerala", "KOCHI (PTI) - Rains hit 12 districts."],
    ],
)
def test_look_alikes_of_numeric_dates_ask_for_no_order(paragraphs: list[str]) -> None:
    assert numeric_date_order("en", paragraphs) is None


def test_a_numeric_date_in_a_sentence_is_no_date_line() -> None:
    assert read_date_line("The dam was inspected on 03/12/2024 and found safe.", "day") is None
