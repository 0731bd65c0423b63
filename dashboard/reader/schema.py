"""The story format as typed models: the JSON Schema of `story.toml` and of a feature's
properties in `features.geojson`, for editors (VS Code with Taplo, QGIS forms) and tools.

The models say what the files hold and why; pydantic checks the shape of a record
(types, required keys, allowed values, http(s) addresses) and writes the schema, so
the documentation and the check cannot drift apart. What needs the whole story
(a figure's feature exists, an event after `as_of` is marked as hindsight, geometry is
valid) stays with the reader, which names file, record and field for every problem.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, WithJsonSchema

from dashboard.core.model import Problem

SCHEMA_FILES = {
    "story.schema.json": "story",
    "feature-properties.schema.json": "feature",
}
SCHEMA_ID = "https://lagekarte.invalid/schema/"  # a name, never fetched

Slug = Annotated[
    str, Field(pattern=r"^[a-z0-9][a-z0-9-]{0,63}$", description="lower-case letters, digits, -")
]
NonEmpty = Annotated[str, Field(min_length=1, max_length=5000)]
DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
DATE_HELP = "YYYY-MM-DD, YYYY-MM or YYYY: as precise as the source"
DateText = Annotated[str, Field(pattern=DATE_PATTERN, description=DATE_HELP)]
# A TOML date (2017-07-01 without quotes) is a date to pydantic and, to a schema checker
# that reads TOML as JSON, its ISO text: the schema states the pattern both match.
PartialDate = Annotated[
    DateText | dt.date,
    WithJsonSchema({"type": "string", "pattern": DATE_PATTERN, "description": DATE_HELP}),
]
HttpUrl = Annotated[
    str,
    Field(
        pattern=r"^[hH][tT][tT][pP][sS]?://[^\s\x00-\x1f\x7f]+$",
        description="an http or https address",
    ),
]


class Record(BaseModel):
    """A table of the format: unknown keys are typos, and refused."""

    model_config = ConfigDict(extra="forbid", strict=True)


class Bilingual(Record):
    """A text a reader sees, in German and English (one of them for a one-language story)."""

    model_config = ConfigDict(extra="forbid", strict=True, json_schema_extra={"minProperties": 1})
    de: NonEmpty | None = None
    en: NonEmpty | None = None


TextOrBilingual = NonEmpty | Bilingual


class Source(Record):
    """Where a fact comes from, named so a fact-checker can find it."""

    kind: Literal["article", "publication", "statistics", "gazetteer", "computed", "editorial"]
    publisher: NonEmpty | None = Field(None, description="who published it")
    title: NonEmpty | None = Field(None, description="the title as published")
    date: PartialDate | None = Field(None, description="when it was published")
    url: HttpUrl | None = None
    accessed: PartialDate | None = Field(None, description="when it was read")
    about: TextOrBilingual | None = Field(None, description="what this source supports")
    note: TextOrBilingual | None = Field(None, description="the reader's text")
    method: TextOrBilingual | None = Field(None, description="how the value was derived")


Sources = Annotated[list[Source], Field(min_length=1)]


class ArticleSource(Record):
    """The story's own article."""

    publisher: NonEmpty
    author: NonEmpty | None = None
    title: NonEmpty | None = None
    url: HttpUrl | None = None


class View(Record):
    """A named map view; the first is the default."""

    id: Slug
    name: Bilingual
    bounds: list[list[float]] = Field(
        min_length=2, max_length=2, description="[[south, west], [north, east]]"
    )


class Distance(Record):
    distance: list[Slug] = Field(min_length=2, max_length=2, description="two point features")


class Figure(Record):
    """A key figure: a value or a range (kept as a range), or one computed."""

    id: Slug
    label: Bilingual = Field(description="what is counted")
    value: float | None = None
    low: float | None = None
    high: float | None = None
    compute: Distance | None = None
    unit: Bilingual | None = None
    feature: Slug | None = Field(None, description="the feature it belongs to")
    sources: Sources
    source: TextOrBilingual | None = Field(None, description="older one-line source")
    quote: Bilingual | None = Field(None, description="the article's sentence")
    as_of: PartialDate | None = None
    approximate: bool | None = None
    callout: bool | list[Slug] | None = Field(
        None, description="shown on the map without a click: every view, or these views"
    )


class Event(Record):
    """A dated event of the timeline."""

    id: Slug
    date: PartialDate
    title: Bilingual
    feature: Slug | None = None
    sources: Sources
    source: TextOrBilingual | None = None
    quote: Bilingual | None = None
    hindsight: bool | None = Field(None, description="known after `as_of`")


class EventsLayer(Record):
    file: Annotated[str, Field(pattern=r"^[^/\\]+\.(csv|gpkg|parquet)$")]
    name: Bilingual
    source: TextOrBilingual | None = None


class Story(Record):
    """`story.toml`: the story's metadata, key figures, timeline and map views."""

    model_config = ConfigDict(extra="forbid", strict=True, title="Lagekarte story.toml")
    format: Literal[1]
    language: Literal["de", "en"] = Field(description="the article's language")
    languages: list[Literal["de", "en"]] | None = Field(None, min_length=1, max_length=2)
    status: Literal["draft", "published"] | None = None
    date_unknown: bool | None = None
    title: Bilingual
    summary: Bilingual
    published: PartialDate
    as_of: PartialDate
    credit: Bilingual
    source: ArticleSource
    views: list[View] | None = None
    figures: list[Figure] | None = None
    events: list[Event] | None = None
    events_layer: EventsLayer | None = None


class FeatureProperties(BaseModel):
    """A feature's properties in `features.geojson`: flat, so GIS tools can edit them.
    Other properties (a GIS tool's own) are kept and ignored."""

    model_config = ConfigDict(extra="allow", strict=True, title="Lagekarte feature properties")
    id: Slug
    kind: Literal["place", "area", "line", "event"]
    name_de: NonEmpty | None = None
    name_en: NonEmpty | None = None
    note_de: NonEmpty | None = None
    note_en: NonEmpty | None = None
    quote_de: NonEmpty | None = None
    quote_en: NonEmpty | None = None
    sources: Sources | None = None
    source: NonEmpty | None = None
    source_de: NonEmpty | None = None
    source_en: NonEmpty | None = None
    date: DateText | None = None
    hindsight: bool | None = None
    estimate: bool | None = None
    labelled: bool | None = None
    distant: bool | None = None


MODELS: dict[str, type[BaseModel]] = {"story": Story, "feature": FeatureProperties}


def json_schema(which: str) -> dict[str, Any]:
    """The JSON Schema of `story.toml` ("story") or of a feature's properties ("feature")."""
    schema = MODELS[which].model_json_schema()
    name = next(file for file, kind in SCHEMA_FILES.items() if kind == which)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID + name,
        **schema,
    }


def write_schemas(folder: Path) -> list[Path]:
    """Write both schema files into `folder` (sorted keys: the same bytes every time)."""
    written = []
    for name, which in SCHEMA_FILES.items():
        path = folder / name
        path.write_text(json.dumps(json_schema(which), indent=2, sort_keys=True) + "\n", "utf-8")
        written.append(path)
    return written


def shape_problems(which: str, data: Any, file: str, record: str) -> list[Problem]:
    """What the schema finds wrong with one record, as the reader's problems."""
    try:
        MODELS[which].model_validate(_plain(data))
    except ValidationError as error:
        return [
            Problem(
                file, record, ".".join(str(part) for part in issue["loc"]) or None, issue["msg"]
            )
            for issue in error.errors(include_url=False)
        ]
    return []


def _plain(data: Any) -> Any:
    """TOML's dates stay dates; everything else as JSON would give it."""
    if isinstance(data, dict):
        return {key: _plain(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_plain(value) for value in data]
    if isinstance(data, dt.datetime):
        return data.date()
    return data


if __name__ == "__main__":  # python -m dashboard.reader.schema docs/schema
    import sys

    for written in write_schemas(Path(sys.argv[1])):
        print(written)
