"""reader/records.py: the records of story.toml (timeline events, the article's source,
status), each problem naming file, record and field."""

from __future__ import annotations

import datetime as dt

from dashboard.core.model import Problem
from dashboard.reader.fields import Fields
from dashboard.reader.records import check_hindsight, read_events, read_source, read_status

SOURCES = [{"kind": "article", "publisher": "Reuters", "title": "Hurricane Harvey"}]
LANDFALL = {
    "id": "landfall",
    "date": "2017-08-25",
    "title": {"de": "Harvey trifft auf Land", "en": "Harvey makes landfall"},
    "sources": SOURCES,
}
FLOODED = {
    "id": "houston-flooded",
    "date": "2017-08-27",
    "title": {"de": "Houston überflutet", "en": "Houston flooded"},
    "sources": SOURCES,
}


def test_timeline_events_are_read_in_date_order() -> None:
    problems: list[Problem] = []
    events = read_events(
        {"events": [FLOODED, LANDFALL]}, "story.toml", problems, set(), dt.date(2017, 9, 1)
    )
    assert not problems
    assert [e.id for e in events] == ["landfall", "houston-flooded"]
    assert events[1].title.en == "Houston flooded"


def test_an_event_after_the_story_date_must_be_marked_hindsight() -> None:
    problems: list[Problem] = []
    read_events({"events": [FLOODED]}, "story.toml", problems, set(), dt.date(2017, 8, 26))
    (problem,) = problems
    assert (problem.where, problem.field) == ("event 'houston-flooded'", "hindsight")
    assert "mark it hindsight = true" in problem.message


def test_hindsight_on_an_event_before_the_story_date_is_wrong() -> None:
    problems: list[Problem] = []
    fields = Fields(problems, "story.toml", "event 'landfall'", LANDFALL)
    check_hindsight(fields, fields.date("date"), dt.date(2017, 9, 1), hindsight=True)
    assert [p.field for p in problems] == ["hindsight"]
    assert "it is not hindsight" in problems[0].message


def test_the_articles_source_url_is_checked_like_every_other() -> None:
    problems: list[Problem] = []
    source = read_source(
        {"source": {"publisher": "Reuters", "url": "javascript:alert(1)"}}, "story.toml", problems
    )
    assert source is not None and source.url is None
    assert [(p.where, p.field) for p in problems] == [("[source]", "url")]


def test_a_story_without_a_source_table_is_a_problem() -> None:
    problems: list[Problem] = []
    assert read_source({}, "story.toml", problems) is None
    assert problems[0].message == "missing required [source] table"


def test_status_is_published_unless_it_says_draft() -> None:
    problems: list[Problem] = []
    assert read_status(Fields(problems, "story.toml", "story", {})) == "published"
    assert read_status(Fields(problems, "story.toml", "story", {"status": "draft"})) == "draft"
    assert not problems
    assert read_status(Fields(problems, "story.toml", "story", {"status": "live"})) == "draft"
    assert problems[0].field == "status"
