"""Hostile story files: too big, too many vertices, too many features, too long, the
wrong types. Each is reported (file, feature, field) in bounded time and memory, never
read whole when over the size limit, and the good story beside it still loads."""

from __future__ import annotations

import json
from typing import Any

import pytest

from dashboard.reader.limits import (
    MAX_FEATURES,
    MAX_FILE_BYTES,
    MAX_TEXT_CHARS,
    MAX_TOML_BYTES,
    MAX_VERTICES,
)
from dashboard.reader.story import FEATURES_FILE, STORY_FILE
from tests.hostile import (
    MAX_MESSAGE_CHARS,
    features_with,
    features_with_json,
    first_story_features,
    first_story_toml,
    geometry,
    load_beside_the_good_story,
    named_cases,
    reported,
    ring,
)

# The measure of the memory bound


def test_the_resident_peak_is_what_the_load_itself_held(monkeypatch, tmp_path) -> None:
    """The peak of a load is the rise of resident memory during it: 64 MB held by the
    load show, and a load that holds nothing shows next to nothing after it (the
    high-water mark starts again at each load)."""
    import tests.hostile

    def hungry(stories: object) -> int:
        pieces = [bytes([i % 256]) * 65_536 for i in range(1_024)]  # 64 MB, every page written
        return len(pieces)

    monkeypatch.setattr(tests.hostile, "load_stories", hungry)
    assert tests.hostile.resident_load(tmp_path)[2] > 60 * 2**20
    monkeypatch.setattr(tests.hostile, "load_stories", lambda stories: 0)
    assert tests.hostile.resident_load(tmp_path)[2] < 8 * 2**20


# Files over the size limit are not read


def padded_features() -> str:
    data = first_story_features()
    data["padding"] = "x" * (MAX_FILE_BYTES + 1)
    return json.dumps(data)


def million_vertices_features() -> str:
    """A polygon of a million vertices at five decimals: about 20 MB."""
    polygon = geometry("Polygon", ring(1, ring(1_000_000, "[43.11234,36.33456]")))
    return features_with_json("mosul-old-city", "geometry", polygon)


@pytest.mark.heavy
@pytest.mark.parametrize(
    ("file", "content", "limit"),
    [
        (FEATURES_FILE, padded_features, MAX_FILE_BYTES),
        (FEATURES_FILE, million_vertices_features, MAX_FILE_BYTES),
        (STORY_FILE, lambda: first_story_toml() + "# " + "x" * MAX_FILE_BYTES, MAX_TOML_BYTES),
        (STORY_FILE, lambda: first_story_toml() + "#" * MAX_TOML_BYTES, MAX_TOML_BYTES),
    ],
    ids=["padded-geojson", "million-vertices-geojson", "9mb-toml", "just-over-toml"],
)
def test_a_file_over_the_size_limit_is_reported_and_not_read(hostile, file, content, limit) -> None:
    text = content()
    assert len(text.encode("utf-8")) > limit
    if file == FEATURES_FILE:
        json.loads(text)  # valid, only too big
    folder = hostile(**{"raw_features" if file == FEATURES_FILE else "raw_toml": text})
    del text
    # traced: what Python allocated shows whether the file was read at all
    load = load_beside_the_good_story(folder, traced=True)
    reported(load.problems, file, f"more than {limit:,}", where="file")
    if limit == MAX_FILE_BYTES:
        assert load.peak < limit, "the file was read although it is too big"


# Too many vertices


VERTICES = [
    ("300k-polygon", "mosul-old-city", "Polygon", ring(1, ring(300_000, "[43,36]"))),
    ("million-compact-polygon", "mosul-old-city", "Polygon", ring(1, ring(1_000_000, "[1,2]"))),
    (
        "multipolygon-parts",
        "mosul-old-city",
        "MultiPolygon",
        ring(50, ring(1, ring(5_000, "[43,36]"))),
    ),
    ("300k-line", "border-tr-sy", "LineString", ring(300_000, "[43,36]")),
]


@pytest.mark.heavy
@named_cases(("feature_id", "kind", "coordinates"), VERTICES)
def test_too_many_vertices_are_reported_for_the_feature(
    hostile, feature_id, kind, coordinates
) -> None:
    content = features_with_json(feature_id, "geometry", geometry(kind, coordinates))
    assert len(content) < MAX_FILE_BYTES, "written compactly, under the size limit"
    load = load_beside_the_good_story(hostile(raw_features=content))
    reported(
        load.problems,
        FEATURES_FILE,
        f"more than {MAX_VERTICES:,} vertices",
        where=f"feature '{feature_id}'",
        field="geometry",
    )


# Too many, too long, and the wrong types


def collection(features: Any) -> str:
    return json.dumps({"type": "FeatureCollection", "features": features})


LONG = "x" * 1_000_000
WRONG = [
    (
        "too-many-features",
        lambda: collection([{}] * (MAX_FEATURES + 1)),
        "file",
        "features",
        f"more than {MAX_FEATURES:,} features",
    ),
    (
        "densest-json-under-the-size-limit",
        lambda: collection([{}] * ((MAX_FILE_BYTES - 100) // 4)),
        "file",
        "features",
        f"more than {MAX_FEATURES:,} features",
    ),
    (
        "1mb-text",
        lambda: features_with("mosul", "note_de", LONG),
        "feature 'mosul'",
        "note_de",
        f"longer than {MAX_TEXT_CHARS} characters",
    ),
    (
        "1mb-source",
        lambda: features_with("mosul", "sources", [{"kind": "gazetteer", "title": LONG}]),
        "feature 'mosul'",
        "sources[0].title",
        f"longer than {MAX_TEXT_CHARS} characters",
    ),
    (
        "1mb-date",
        lambda: features_with("raqqa-encircled", "date", LONG),
        "feature 'raqqa-encircled'",
        "date",
        "malformed date",
    ),
    (
        "1mb-id",
        lambda: features_with("mosul", "id", LONG),
        None,
        "id",
        f"longer than {MAX_TEXT_CHARS} characters",
    ),
    (
        "properties-list",
        lambda: features_with("mosul", "properties", [["id", "mosul"]]),
        "feature #1",
        "properties",
        "missing properties object",
    ),
    (
        "geometry-string",
        lambda: features_with("mosul", "geometry", "POINT (43 36)"),
        "feature 'mosul'",
        "geometry",
        "expected an object, got str",
    ),
    (
        "geometry-null",
        lambda: features_with("mosul", "geometry", None),
        "feature 'mosul'",
        "geometry",
        "missing geometry",
    ),
    (
        "coordinates-string",
        lambda: features_with("mosul", "geometry", {"type": "Point", "coordinates": "43,36"}),
        "feature 'mosul'",
        "geometry",
        "malformed position",
    ),
    (
        "coordinates-huge-object",
        lambda: features_with(
            "mosul", "geometry", {"type": "Point", "coordinates": [{"k": LONG}, 1]}
        ),
        "feature 'mosul'",
        "geometry",
        "malformed position",
    ),
    (
        "geometry-type-huge",
        lambda: features_with("mosul", "geometry", {"type": [[LONG]] * 3, "coordinates": [43, 36]}),
        "feature 'mosul'",
        "geometry",
        "a place needs Point",
    ),
    (
        "boolean-huge",
        lambda: features_with("mosul", "labelled", [LONG] * 3),
        "feature 'mosul'",
        "labelled",
        "expected true or false",
    ),
    (
        "features-object",
        lambda: collection({"0": {}}),
        "file",
        "features",
        "expected a list of features",
    ),
    (
        "feature-string",
        lambda: collection(["Feature"]),
        "feature #1",
        None,
        "expected a GeoJSON Feature object",
    ),
    (
        "top-level-list",
        lambda: json.dumps([first_story_features()]),
        "file",
        "type",
        "expected a GeoJSON FeatureCollection",
    ),
]


@named_cases(("content", "where", "field", "message"), WRONG)
def test_wrong_sizes_and_types_are_reported(hostile, content, where, field, message) -> None:
    text = content()
    assert len(text) < MAX_FILE_BYTES
    load = load_beside_the_good_story(hostile(raw_features=text))
    problem = reported(load.problems, FEATURES_FILE, message, where=where, field=field)
    assert len(str(problem)) < MAX_MESSAGE_CHARS + len(problem.file)


def test_a_long_text_in_story_toml_is_reported(hostile) -> None:
    long = "x" * (MAX_TOML_BYTES // 2)
    load = load_beside_the_good_story(
        hostile(toml={'title = { de = "': f'title = {{ de = "{long}'})
    )
    reported(load.problems, STORY_FILE, "longer than", where="story", field="title.de")


def test_an_events_layer_outside_the_story_folder_is_reported(hostile) -> None:
    toml = (
        first_story_toml()
        + '\n[events_layer]\nfile = "../../../../etc/passwd.csv"\n'
        + 'name = { de = "Ereignisse", en = "Events" }\nsource = "x"\n'
    )
    load = load_beside_the_good_story(hostile(raw_toml=toml))
    reported(load.problems, STORY_FILE, "outside the story folder", "[events_layer]", "file")
