"""Label spacing by zoom: the grid gives the pairwise answer, in near-linear work."""

from __future__ import annotations

import random

import pytest

from dashboard.core import label_spacing
from dashboard.core.label_spacing import Place, label_min_zooms, needed_zoom

SPACING_PX = 70
MAX_ZOOM = 18


def pairwise(places: list[Place]) -> list[int]:
    """The definition: every earlier place compared."""
    zooms = []
    for index, place in enumerate(places):
        zoom = max((needed_zoom(place, other, SPACING_PX) for other in places[:index]), default=0)
        zooms.append(min(max(zoom, 0), MAX_ZOOM))
    return zooms


def scattered(seed: int, count: int) -> list[Place]:
    """Towns in clusters on every continent, near the poles and across the date line,
    with some sharing a spot."""
    rng = random.Random(seed)
    centres = [
        (-58.4, -34.6),
        (151.2, -33.9),
        (179.9, -17.8),
        (-179.9, 65.6),
        (36.8, -1.3),
        (-99.1, 19.4),
        (139.7, 35.7),
        (15.6, 78.2),
        (-68.2, -67.6),
        (2.35, 48.86),
    ]
    places = []
    for _ in range(count):
        lon, lat = rng.choice(centres)
        spread = rng.choice((0.001, 0.05, 1.0, 8.0))
        lon = (lon + rng.gauss(0, spread) + 180) % 360 - 180
        lat = max(-84.0, min(84.0, lat + rng.gauss(0, spread)))
        places.append((lon, lat))
    places += places[:5]  # the same spot twice
    return places


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_grid_gives_the_pairwise_answer(seed: int) -> None:
    places = scattered(seed, 300)
    assert label_min_zooms(places, SPACING_PX, MAX_ZOOM) == pairwise(places)


def test_first_place_shows_from_zoom_0_and_a_twin_waits_for_the_last_zoom() -> None:
    lima = (-77.03, -12.05)
    zooms = label_min_zooms([lima, lima, (-77.03, -12.06)], SPACING_PX, MAX_ZOOM)
    assert zooms[0] == 0 and zooms[1] == MAX_ZOOM and 10 < zooms[2] < MAX_ZOOM


def test_work_grows_near_linearly(monkeypatch) -> None:
    """4,900 places were 12 million geodesic calls compared pairwise; the grid makes a few
    dozen per place."""
    calls = 0
    original = label_spacing.needed_zoom

    def counted(place: Place, other: Place, spacing_px: float) -> int:
        nonlocal calls
        calls += 1
        return original(place, other, spacing_px)

    monkeypatch.setattr(label_spacing, "needed_zoom", counted)
    places = scattered(7, 4900)
    label_min_zooms(places, SPACING_PX, MAX_ZOOM)
    assert calls < 60 * len(places), calls
