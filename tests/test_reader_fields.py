"""reader/fields.py: typed reads of a record's fields, partial dates, finite numbers;
problems name file, record and field and are collected, not raised."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.core.model import Problem
from dashboard.reader.fields import Fields, finite, parse_partial_date


def fields(data: dict, languages=("de", "en")) -> tuple[Fields, list[Problem]]:
    problems: list[Problem] = []
    return Fields(problems, "story.toml", "figure 'houston-flooded'", data, "", languages), problems


@pytest.mark.parametrize(
    ("raw", "day", "precision"),
    [
        ("2017-08-27", dt.date(2017, 8, 27), "day"),  # Harvey reaches Houston
        ("2017-08", dt.date(2017, 8, 1), "month"),
        ("2017", dt.date(2017, 1, 1), "year"),
        (2017, dt.date(2017, 1, 1), "year"),
        (dt.date(2011, 3, 11), dt.date(2011, 3, 11), "day"),  # Tōhoku
    ],
)
def test_a_partial_date_keeps_its_precision(raw, day: dt.date, precision: str) -> None:
    date = parse_partial_date(raw)
    assert (date.value, date.precision) == (day, precision)


@pytest.mark.parametrize("raw", ["2017-13-01", "27.08.2017", dt.datetime(2017, 8, 27), 2017.5])
def test_a_date_that_is_not_one_is_refused(raw) -> None:
    with pytest.raises(ValueError):
        parse_partial_date(raw)


def test_finite_refuses_nan_infinities_and_huge_integers() -> None:
    assert finite(5.5) and finite(-3)
    assert not any(finite(v) for v in (float("nan"), float("inf"), -float("inf"), 10**400))


def test_a_missing_or_wrong_field_is_a_problem_naming_the_field() -> None:
    record, problems = fields({"value": "many", "callout": "yes"})
    assert record.number("value") is None
    assert record.boolean("callout") is False
    assert record.string("label") is None
    assert [(p.file, p.where, p.field) for p in problems] == [
        ("story.toml", "figure 'houston-flooded'", "value"),
        ("story.toml", "figure 'houston-flooded'", "callout"),
        ("story.toml", "figure 'houston-flooded'", "label"),
    ]


def test_a_text_needs_each_language_the_story_has() -> None:
    both, problems = fields({"label": {"de": "überflutet", "en": "flooded"}})
    assert both.text("label").en == "flooded" and not problems
    german_only, problems = fields({"label": {"de": "überflutet"}}, languages=("de",))
    assert german_only.text("label").de == "überflutet" and not problems
    missing, problems = fields({"label": {"de": "überflutet"}})
    missing.text("label")
    assert problems and problems[0].field.startswith("label")


def test_unknown_keys_are_reported_as_likely_typos() -> None:
    record, problems = fields({"valeu": 3, "value": 3})
    record.unknown_keys(["value"])
    assert [(p.field, p.message) for p in problems] == [("valeu", "unknown field (a typo?)")]
