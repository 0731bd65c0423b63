"""reader/sources.py: a record's sources and source addresses (http and https only)."""

from __future__ import annotations

import pytest

from dashboard.core.model import Problem
from dashboard.reader.fields import Fields
from dashboard.reader.sources import read_sources, read_url


def fields(data: dict) -> tuple[Fields, list[Problem]]:
    problems: list[Problem] = []
    return Fields(problems, "features.geojson", "feature 'christchurch'", data), problems


def test_an_https_address_is_read() -> None:
    record, problems = fields({"url": "https://reliefweb.int/report/new-zealand"})
    assert read_url(record) == "https://reliefweb.int/report/new-zealand" and not problems


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://example.org/quake.csv", "only http and https"),
        ("javascript:alert(1)", "only http and https"),
        ("reliefweb.int/report", "only http and https"),
        ("https://example.org/a b", "spaces or control characters"),
        ("https:example.org", "a full address"),
    ],
)
def test_an_address_that_is_not_http_or_https_is_refused(url: str, message: str) -> None:
    record, problems = fields({"url": url})
    assert read_url(record) is None
    assert problems[0].field == "url" and message in problems[0].message


def test_sources_are_read_in_order() -> None:
    record, problems = fields(
        {
            "sources": [
                {"kind": "article", "publisher": "AP", "title": "Quake hits Christchurch"},
                {"kind": "statistics", "publisher": "GeoNet", "title": "M6.3 Christchurch"},
            ]
        }
    )
    sources = read_sources(record, flat=True)
    assert not problems and sources is not None
    assert [(s.kind, s.publisher) for s in sources] == [("article", "AP"), ("statistics", "GeoNet")]


def test_a_record_without_sources_is_a_problem() -> None:
    record, problems = fields({})
    assert read_sources(record) is None
    assert [(p.field, p.message) for p in problems] == [("sources", "missing required field")]


def test_a_source_of_an_unknown_kind_names_the_kinds() -> None:
    record, problems = fields({"sources": [{"kind": "agency", "publisher": "AP"}]})
    assert read_sources(record, flat=True) is None
    assert problems[0].field == "sources[0].kind" and "article" in problems[0].message
