"""draft/model.py: the draft's records and the order of confidences."""

from __future__ import annotations

from dashboard.draft.model import (
    CONFIDENCES,
    HIGH,
    LOW,
    MEDIUM,
    Candidate,
    DraftPlace,
    confidence_rank,
)


def test_confidences_rank_from_high_to_low() -> None:
    assert CONFIDENCES == (HIGH, MEDIUM, LOW)
    assert [confidence_rank(c) for c in CONFIDENCES] == [0, 1, 2]
    assert sorted([LOW, HIGH, MEDIUM], key=confidence_rank) == [HIGH, MEDIUM, LOW]


def quilpue(**changes) -> DraftPlace:
    candidate = Candidate(
        "geonames:3875024", "city", "Quilpué", "Quilpué", "CL", -33.05, -71.44, 151_708, "x"
    )
    return DraftPlace("quilpue", "Quilpué", [candidate], **changes)


def test_a_place_is_where_its_chosen_candidate_is_unless_moved_by_hand() -> None:
    place = quilpue()
    assert place.kind == "city" and place.lat_lon == (-33.05, -71.44)
    assert place.lon_lat == (-71.44, -33.05)  # GeoJSON order
    assert quilpue(moved_to=(-33.1, -71.5)).lon_lat == (-71.5, -33.1)
