"""draft/place_distances.py: among namesakes, the one near the article's other places is
meant (towns of the United States, the Philippines and Spain)."""

from __future__ import annotations

import pytest

from dashboard.draft import article_from_text, draft_article


@pytest.mark.parametrize(
    ("text", "name", "near"),
    [
        (
            "A tornado tore through Springfield, east of Peoria in Illinois, on Sunday.",
            "Springfield",
            (39.8, -89.64),  # Illinois' capital, not one of the other Springfields
        ),
        (
            "Floods swamped San Fernando and Angeles in Pampanga province in the Philippines.",
            "San Fernando",
            (15.03, 120.68),  # Pampanga's, not La Union's
        ),
        (
            "Das Hochwasser erreichte Córdoba und Montilla in Andalusien.",
            "Córdoba",
            (37.89, -4.77),  # Andalusia's, not Argentina's
        ),
    ],
)
def test_the_namesake_near_the_other_places_is_meant(
    text: str, name: str, near: tuple[float, float]
) -> None:
    draft = draft_article(article_from_text("Meldung / Report\n\n" + text))
    place = next(p.place for p in draft.places if p.keep and p.name == name)
    assert abs(place.lat - near[0]) < 0.2 and abs(place.lon - near[1]) < 0.2
