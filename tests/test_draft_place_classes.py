"""Whole classes of place errors, on made-up sentences from far from the first story:
a country named like its capital, German districts, islands and volcanoes, namesakes far
from the article's other places."""

from __future__ import annotations

import pytest

from dashboard.draft import article_from_text, draft_article
from dashboard.draft.model import DraftPlace


def drafted(text: str) -> list[DraftPlace]:
    draft = draft_article(article_from_text("Meldung / Report\n\n" + text))
    return [p for p in draft.places if p.keep]


def kinds_of(text: str) -> dict[str, tuple[str, str]]:
    """Name in the text -> (kind, country) of every place kept."""
    return {p.name: (p.kind, p.place.country) for p in drafted(text)}


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        # The capitals were once looked up while the countries were still being loaded,
        # and that lookup was kept: the country of the same name was never found.
        ("Ein Sturm traf Luxemburg und Belgien am Sonntagabend.", "Luxembourg", "LU"),
        ("Heavy snow fell in Andorra and Monaco on Tuesday.", "Monaco", "MC"),
        ("Floods hit Singapore and Malaysia after days of rain.", "Singapore", "SG"),
        ("A strong quake shook Djibouti and Eritrea overnight.", "Djibouti", "DJ"),
    ],
)
def test_a_country_named_like_its_capital_is_the_country(text: str, name: str, code: str) -> None:
    countries = {p.place.name_en: p.place.country for p in drafted(text) if p.kind == "country"}
    assert countries.get(name) == code, kinds_of(text)
