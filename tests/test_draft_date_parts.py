"""Date lines broken apart or glued on by copying a page (dashboard/draft/date_parts.py)."""

from __future__ import annotations

import pytest

from dashboard.draft.date_parts import join_date_parts, split_glued_stamp


@pytest.mark.parametrize(
    ("paragraphs", "joined"),
    [
        (
            ["Published", "March 12, 2024", "Floods hit Lagos."],
            ["Published March 12, 2024", "Floods hit Lagos."],
        ),
        (["Stand:", "12.03.2024", "Regen in Lima."], ["Stand: 12.03.2024", "Regen in Lima."]),
        (
            ["12.03.2024", "14:12 Uhr", "Ein Beben in Chile."],
            ["12.03.2024 14:12 Uhr", "Ein Beben in Chile."],
        ),
    ],
)
def test_a_label_or_clock_time_on_its_own_line_joins_its_date(
    paragraphs: list[str], joined: list[str]
) -> None:
    assert join_date_parts(paragraphs) == joined


def test_lines_that_are_no_date_parts_stay_apart() -> None:
    paragraphs = ["Published", "by the Ministry of Health", "Cholera in Harare."]
    assert join_date_parts(paragraphs) == paragraphs


def test_a_stamp_glued_between_headline_and_text_is_split_off() -> None:
    glued = "Floods cut off villages in Sindh 12.03.2024, 14:12 Uhr Heavy rain has"
    glued += " flooded dozens of villages in southern Pakistan."
    headline, stamp, text = split_glued_stamp(glued)
    assert headline == "Floods cut off villages in Sindh"
    assert stamp.startswith("12.03.2024")
    assert text.startswith("Heavy rain")


@pytest.mark.parametrize(
    "paragraph",
    [
        "Am 12.03.2024 um 14:12 Uhr bebte in Ecuador die Erde.",  # a sentence
        "Nairobi (AFP) - The dam broke on 12.03.2024 after days of rain.",  # a dateline's text
        "Rain in Fiji",
    ],
)
def test_sentences_and_datelines_are_not_split(paragraph: str) -> None:
    assert split_glued_stamp(paragraph) == [paragraph]
