"""What of a pasted page is not the article (dashboard/draft/page_furniture.py)."""

from __future__ import annotations

import pytest

from dashboard.draft import page_furniture as furniture


@pytest.mark.parametrize(
    ("paragraph", "reason"),
    [
        ("Startseite > Panorama > Unwetter", furniture.NAVIGATION),
        ("Home | World | Asia", furniture.NAVIGATION),
        ("Foto: dpa", furniture.PHOTO_CREDIT),
        ("Photo: Jane Roe/AP", furniture.PHOTO_CREDIT),
    ],
)
def test_page_furniture_and_why(paragraph: str, reason: str) -> None:
    assert furniture.furniture_reason(paragraph) == reason
    assert furniture.is_furniture(paragraph)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Heavy rain flooded dozens of villages in southern Malawi on Tuesday.",
        "Quelle: dpa, 12.03.2024",  # a date line, read as the date of publication
        "Jane Doe Published March 4, 2022 | 03:10 PM",
    ],
)
def test_sentences_and_date_lines_are_no_furniture(paragraph: str) -> None:
    assert furniture.furniture_reason(paragraph) is None


def test_breadcrumbs_have_short_parts_and_no_sentence() -> None:
    assert furniture.is_breadcrumb("News › Americas › Peru")
    assert furniture.is_breadcrumb("1. Startseite")
    assert not furniture.is_breadcrumb("Lima / Cusco: Rain cut the road. Trains stopped.")


def test_captions_by_their_credit() -> None:
    assert furniture.ends_with_photo_credit("Rescuers search the rubble in Derna (Foto: AFP)")
    assert furniture.is_caption("Rescuers search the rubble in Derna.", "Photo: Reuters")
    assert not furniture.is_caption("Rescuers searched the rubble in Derna.", "The toll rose.")
