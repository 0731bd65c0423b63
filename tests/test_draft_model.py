"""draft/model.py: the draft's records and the order of confidences."""

from __future__ import annotations

import json

from dashboard.draft.model import (
    CONFIDENCES,
    HIGH,
    LOW,
    MEDIUM,
    Candidate,
    Draft,
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
    assert place.kind == "city" and place.lon_lat == (-71.44, -33.05)  # GeoJSON order
    assert quilpue(moved_to=(-71.5, -33.1)).lon_lat == (-71.5, -33.1)


def test_a_hand_set_position_survives_draft_json_in_geojson_order() -> None:
    draft = Draft("es", "Titular", "", None, None, None, ["Quilpué."])
    draft.places = [quilpue(moved_to=(-71.5, -33.1))]
    again = Draft.from_dict(json.loads(json.dumps(draft.to_dict())))
    assert again.places[0].lon_lat == (-71.5, -33.1)


def test_a_draft_json_of_the_first_format_kept_latitude_first() -> None:
    draft = Draft("es", "Titular", "", None, None, None, ["Quilpué."])
    draft.places = [quilpue()]
    data = draft.to_dict()
    del data["format"]
    data["places"][0]["moved_to"] = [-33.1, -71.5]  # (lat, lon), as format 1 wrote it
    assert Draft.from_dict(data).places[0].lon_lat == (-71.5, -33.1)
