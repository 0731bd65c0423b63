"""Hostile story files: numbers that are not finite (NaN, infinities, 400 and 5,000 digit
integers) in coordinates, figures and views."""

from __future__ import annotations

import pytest

from dashboard.reader.story import FEATURES_FILE, STORY_FILE
from tests.hostile import features_with_json, geometry, load_beside_the_good_story, reported


@pytest.mark.parametrize(
    ("literal", "where", "message"),
    [
        ("NaN", "file", "NaN is not allowed in JSON"),
        ("Infinity", "file", "Infinity is not allowed in JSON"),
        ("-Infinity", "file", "-Infinity is not allowed in JSON"),
        ("1e999", "feature 'mosul'", "coordinates must be finite numbers"),
        ("-1e999", "feature 'mosul'", "coordinates must be finite numbers"),
        ("1" + "0" * 400, "feature 'mosul'", "coordinates must be finite numbers"),
        ("1" + "0" * 5000, "file", "JSON error"),  # more digits than Python converts
    ],
    ids=["NaN", "Infinity", "-Infinity", "1e999", "-1e999", "400-digit-int", "5000-digit-int"],
)
def test_coordinates_that_are_not_finite_are_reported(hostile, literal, where, message) -> None:
    point = geometry("Point", f"[{literal},36]")
    folder = hostile(raw_features=features_with_json("mosul", "geometry", point))
    load = load_beside_the_good_story(folder)
    field = None if where == "file" else "geometry"
    reported(load.problems, FEATURES_FILE, message, where=where, field=field)


BOUNDS = "bounds = [[34.5, 35.5], [38.0, 44.0]]"


@pytest.mark.parametrize(
    ("old", "new", "where", "field", "message"),
    [
        ("low = 50000", "low = nan", "figure 'raqqa-civilians'", "low", "number must be finite"),
        ("low = 50000", "low = -inf", "figure 'raqqa-civilians'", "low", "number must be finite"),
        ("value = 899", "value = inf", "figure 'border-length'", "value", "must be finite"),
        (
            "value = 899",
            "value = 1" + "0" * 400,
            "figure 'border-length'",
            "value",
            "number must be finite",
        ),
        ("value = 899", "value = 1" + "0" * 5000, "file", None, "4300 digits"),
        (BOUNDS, "bounds = [[nan, 35.5], [38.0, 44.0]]", "view 'region'", "bounds", "expected"),
        (BOUNDS, "bounds = [[34.5, -inf], [38.0, inf]]", "view 'region'", "bounds", "expected"),
        (
            BOUNDS,
            "bounds = [[1" + "0" * 400 + ", 35.5], [38.0, 44.0]]",
            "view 'region'",
            "bounds",
            "expected",
        ),
    ],
    ids=[
        "nan",
        "-inf",
        "inf",
        "400-digit-int",
        "5000-digit-int",
        "nan-bounds",
        "inf-bounds",
        "huge-int-bounds",
    ],
)
def test_story_numbers_that_are_not_finite_are_reported(
    hostile, old, new, where, field, message
) -> None:
    load = load_beside_the_good_story(hostile(toml={old: new}))
    reported(load.problems, STORY_FILE, message, where=where, field=field)
