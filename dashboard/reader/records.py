"""The records of `story.toml`: the article source, views, key figures, the timeline and
the optional events layer, each checked field by field.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator, Mapping, Set
from pathlib import Path
from typing import Any

from dashboard.core.geometry import geodesic_distance_km
from dashboard.core.i18n import LANGS, Lang
from dashboard.core.model import (
    DRAFT,
    PUBLISHED,
    STATUSES,
    ArticleSource,
    Event,
    EventLayer,
    Feature,
    Figure,
    PartialDate,
    Problem,
    View,
)
from dashboard.reader.fields import ID_PATTERN, Fields, shown
from dashboard.reader.sources import read_sources, read_url


def _records(
    data: Mapping[str, Any],
    key: str,
    file: str,
    problems: list[Problem],
    languages: tuple[Lang, ...] = LANGS,
) -> Iterator[Fields]:
    """Each `[[key]]` table as Fields named by its id (or its position)."""
    records = data.get(key, [])
    if not isinstance(records, list):
        problems.append(Problem(file, "file", key, f"expected [[{key}]] tables"))
        return
    seen: set[str] = set()
    singular = key.rstrip("s")
    for index, record in enumerate(records):
        if not isinstance(record, dict):
            problems.append(Problem(file, f"{singular} #{index + 1}", None, "expected a table"))
            continue
        record_id = record.get("id")
        where = (
            f"{singular} '{record_id}'"
            if isinstance(record_id, str) and record_id
            else f"{singular} #{index + 1}"
        )
        fields = Fields(problems, file, where, record, languages=languages)
        checked_id = fields.string("id")
        if checked_id is not None:
            # Ids go into links (?view=, ?feature=) and the page: the same rule as features.
            if not ID_PATTERN.match(checked_id):
                fields.problem("id", "use lower-case letters, digits and hyphens")
            if checked_id in seen:
                fields.problem("id", f"duplicate {singular} id '{checked_id}'")
            seen.add(checked_id)
        yield fields


def read_views(
    data: Mapping[str, Any],
    file: str,
    problems: list[Problem],
    languages: tuple[Lang, ...] = LANGS,
) -> list[View]:
    views: list[View] = []
    for fields in _records(data, "views", file, problems, languages):
        fields.unknown_keys(("id", "name", "bounds"))
        view_id = fields.string("id")
        name = fields.text("name")
        bounds = _read_bounds(fields)
        if view_id and name and bounds:
            views.append(View(view_id, name, bounds))
    return views


def _read_bounds(fields: Fields) -> tuple[tuple[float, float], tuple[float, float]] | None:
    raw = fields.data.get("bounds")
    if raw is None:
        fields.problem("bounds", "missing required field")
        return None
    try:
        (south, west), (north, east) = raw
        numbers = [float(v) for v in (south, west, north, east)]
    except (TypeError, ValueError, OverflowError):
        fields.problem("bounds", "expected [[south, west], [north, east]]")
        return None
    south, west, north, east = numbers
    if not all(math.isfinite(v) for v in numbers) or not (
        -90 <= south < north <= 90 and -180 <= west < east <= 180
    ):
        fields.problem(
            "bounds", "expected [[south, west], [north, east]] with south < north, west < east"
        )
        return None
    return (south, west), (north, east)


def read_figures(
    data: Mapping[str, Any],
    file: str,
    problems: list[Problem],
    features: Mapping[str, Feature],
    feature_ids: set[str],
    as_of: dt.date | None,
    view_ids: Set[str] = frozenset(),
    languages: tuple[Lang, ...] = LANGS,
) -> list[Figure]:
    figures: list[Figure] = []
    for fields in _records(data, "figures", file, problems, languages):
        fields.unknown_keys(
            (
                "id",
                "label",
                "value",
                "low",
                "high",
                "compute",
                "unit",
                "feature",
                "sources",
                "source",
                "quote",
                "as_of",
                "approximate",
                "callout",
            )
        )
        figure_id = fields.string("id")
        label = fields.text("label")
        unit = fields.text("unit", required=False)
        feature = _feature_reference(fields, feature_ids)
        sources = read_sources(fields)
        quote = fields.text("quote", required=False)
        figure_as_of = fields.day("as_of", required=False) or as_of
        approximate = fields.boolean("approximate")
        callout = _callout(fields, view_ids)
        numbers = _figure_numbers(fields, features)
        if None in (figure_id, label, sources, numbers, figure_as_of):
            continue
        low, high, computed = numbers  # type: ignore[misc]
        figures.append(
            Figure(
                id=figure_id,
                label=label,
                low=low,
                high=high,
                sources=sources,  # type: ignore[arg-type]
                as_of=figure_as_of,
                unit=unit,
                feature=feature,
                quote=quote,  # type: ignore[arg-type]
                approximate=approximate,
                computed=computed,
                callout=callout,
            )
        )
    return figures


def _callout(fields: Fields, view_ids: set[str]) -> tuple[str, ...] | None:
    """`callout = true` (every view) or `callout = ["view-id", ...]`."""
    value = fields.data.get("callout")
    if value is None or value is False:
        return None
    if value is True:
        views: tuple[str, ...] = ()
    elif isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        unknown = [v for v in value if v not in view_ids]
        if unknown:
            fields.problem("callout", f"unknown view '{unknown[0]}'")
            return None
        views = tuple(value)
    else:
        fields.problem("callout", "expected true, false or a list of view ids")
        return None
    if fields.data.get("feature") is None:
        fields.problem("callout", "a callout needs the figure's 'feature'")
        return None
    return views


def _figure_numbers(
    fields: Fields, features: Mapping[str, Feature]
) -> tuple[float, float, bool] | None:
    """(low, high, computed) from `value`, `low`/`high` or `compute`."""
    value, low, high = fields.number("value"), fields.number("low"), fields.number("high")
    compute = fields.data.get("compute")
    given = [name for name in ("value", "low", "compute") if fields.data.get(name) is not None]
    if fields.data.get("high") is not None and "low" not in given:
        fields.problem("low", "a range needs both 'low' and 'high'")
        return None
    if len(given) != 1:
        fields.problem("value", "give exactly one of 'value', 'low' and 'high', or 'compute'")
        return None
    if value is not None:
        return value, value, False
    if low is not None or high is not None:
        if low is None or high is None:
            fields.problem("high" if high is None else "low", "a range needs both 'low' and 'high'")
            return None
        if low > high:
            fields.problem("low", f"low {low:g} is greater than high {high:g}")
            return None
        return low, high, False
    if compute is not None:
        distance = _computed_distance(fields, compute, features)
        return None if distance is None else (distance, distance, True)
    return None


def _computed_distance(
    fields: Fields, compute: Any, features: Mapping[str, Feature]
) -> float | None:
    pair = compute.get("distance") if isinstance(compute, dict) else None
    if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) for p in pair)):
        fields.problem("compute", 'expected { distance = ["feature-a", "feature-b"] }')
        return None
    points = []
    for feature_id in pair:
        feature = features.get(feature_id)
        if feature is None:
            fields.problem("compute", f"unknown feature '{feature_id}'")
            return None
        if feature.geometry.geom_type != "Point":
            fields.problem("compute", f"feature '{feature_id}' is not a point")
            return None
        points.append(feature.geometry)
    return geodesic_distance_km((points[0].x, points[0].y), (points[1].x, points[1].y))


def _feature_reference(fields: Fields, feature_ids: set[str]) -> str | None:
    feature = fields.string("feature", required=False)
    if feature is not None and feature not in feature_ids:
        fields.problem("feature", f"unknown feature '{feature}'")
        return None
    return feature


def read_events(
    data: Mapping[str, Any],
    file: str,
    problems: list[Problem],
    feature_ids: set[str],
    as_of: dt.date | None,
    languages: tuple[Lang, ...] = LANGS,
) -> list[Event]:
    events: list[Event] = []
    for fields in _records(data, "events", file, problems, languages):
        fields.unknown_keys(
            ("id", "date", "title", "feature", "sources", "source", "quote", "hindsight")
        )
        event_id = fields.string("id")
        date = fields.date("date")
        title = fields.text("title")
        feature = _feature_reference(fields, feature_ids)
        sources = read_sources(fields)
        quote = fields.text("quote", required=False)
        hindsight = fields.boolean("hindsight")
        if date is not None and as_of is not None:
            check_hindsight(fields, date, as_of, hindsight)
        if None in (event_id, date, title, sources):
            continue
        events.append(
            Event(
                id=event_id,
                date=date,
                title=title,
                sources=sources,  # type: ignore[arg-type]
                feature=feature,
                quote=quote,
                hindsight=hindsight,
            )
        )
    events.sort(key=lambda e: (e.date.value, e.id))
    return events


def check_hindsight(fields: Fields, date: PartialDate, as_of: dt.date, hindsight: bool) -> None:
    after = date.value > as_of
    if after and not hindsight:
        fields.problem(
            "hindsight", f"dated {date}, after the story's as_of {as_of}: mark it hindsight = true"
        )
    elif hindsight and not after:
        fields.problem(
            "hindsight", f"dated {date}, not after the story's as_of {as_of}: it is not hindsight"
        )


def read_date_unknown(top: Fields, status: str) -> bool:
    """`date_unknown = true`: the draft found no date of publication in the article, so
    `published` and `as_of` are placeholders; such a story can never be published."""
    raw = top.data.get("date_unknown", False)
    if not isinstance(raw, bool):
        top.problem("date_unknown", f"expected true or false, got {shown.repr(raw)}")
        return True
    if raw and status == PUBLISHED:
        top.problem(
            "date_unknown",
            "the article's date is not known: set published and "
            "as_of to it, then remove date_unknown",
        )
    return raw


def read_status(top: Fields) -> str:
    """`status = "draft"` or `"published"`; a story without it is published."""
    raw = top.data.get("status", PUBLISHED)
    if raw not in STATUSES:
        top.problem(
            "status", f"expected {' or '.join(repr(s) for s in STATUSES)}, got {shown.repr(raw)}"
        )
        return DRAFT  # never shown to readers while it is wrong
    return raw


def read_source(
    data: Mapping[str, Any], file: str, problems: list[Problem]
) -> ArticleSource | None:
    raw = data.get("source")
    if not isinstance(raw, dict):
        problems.append(Problem(file, "[source]", "publisher", "missing required [source] table"))
        return None
    fields = Fields(problems, file, "[source]", raw)
    fields.unknown_keys(("publisher", "author", "title", "url"))
    publisher = fields.string("publisher")
    if publisher is None:
        return None
    return ArticleSource(
        publisher=publisher,
        author=fields.string("author", required=False),
        title=fields.string("title", required=False),
        # The article's own address is checked like every other source's.
        url=read_url(fields),
    )


def read_event_layer_spec(
    folder: Path,
    data: Mapping[str, Any],
    file: str,
    problems: list[Problem],
    languages: tuple[Lang, ...] = LANGS,
) -> EventLayer | None:
    """The optional `[events_layer]`: a file of dated point events beside the story."""
    spec = data.get("events_layer")
    if spec is None:
        return None
    if not isinstance(spec, dict):
        problems.append(Problem(file, "[events_layer]", None, "expected a table"))
        return None
    fields = Fields(problems, file, "[events_layer]", spec, languages=languages)
    fields.unknown_keys(("file", "name", "source"))
    name = fields.text("name")
    source = fields.source()
    if name is None or source is None:
        return None
    from dashboard.reader.eventlayer import read_event_layer  # pandas only for stories with events

    return read_event_layer(folder, spec, name, source, problems, file)
