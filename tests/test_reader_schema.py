"""The JSON Schema of the story format: written from the typed models, valid for every
bundled story, and in agreement with the reader on broken stories."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from dashboard.core.resources import BUNDLED_STORIES_DIR
from dashboard.reader.schema import SCHEMA_FILES, json_schema, shape_problems, write_schemas
from dashboard.reader.story import story_folders, validate_story
from tests.conftest import feature_named

DOCS_SCHEMA = Path(__file__).resolve().parent.parent / "docs" / "schema"


def as_json(value: Any) -> Any:
    """A TOML document as an editor's schema checker sees it: dates as ISO text."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def schema_errors(which: str, data: Any) -> list[str]:
    validator = jsonschema.Draft202012Validator(json_schema(which))
    return [error.message for error in validator.iter_errors(as_json(data))]


def test_the_published_schema_files_are_the_models_as_they_are(tmp_path: Path) -> None:
    for written in write_schemas(tmp_path):
        published = DOCS_SCHEMA / written.name
        assert published.read_text("utf-8") == written.read_text("utf-8"), (
            f"run: python -m dashboard.reader.schema docs/schema ({written.name} is stale)"
        )
    assert sorted(path.name for path in DOCS_SCHEMA.glob("*.json")) == sorted(SCHEMA_FILES)


@pytest.mark.parametrize("folder", story_folders(BUNDLED_STORIES_DIR), ids=lambda p: p.name)
def test_every_bundled_story_validates_against_the_schema(folder: Path) -> None:
    story = tomllib.loads((folder / "story.toml").read_text("utf-8"))
    assert schema_errors("story", story) == []
    features = json.loads((folder / "features.geojson").read_text("utf-8"))["features"]
    for feature in features:
        assert schema_errors("feature", feature["properties"]) == [], feature["properties"]["id"]


TOML_BREAKS = {
    "format 2": ("format = 1", "format = 2"),
    "language fr": ('language = "de"', 'language = "fr"'),
    "a typo in a key": ("[source]\n", "[source]\nautor = 'x'\n"),
    "the article's address is javascript": (
        "[source]\n",
        "[source]\nurl = 'javascript:alert(1)'\n",
    ),
    "a source of an unknown kind": ('kind = "publication"', 'kind = "blog"'),
    "a date in words": ('date = "2010-04"', 'date = "April 2010"'),
    "a view id with spaces": ('id = "region"', 'id = "Die Region"'),
    "a callout that is a word": ("callout = ", 'callout = "ja"\nx_callout = '),
}
FEATURE_BREAKS = {
    "an unknown kind": ("kind", "poi"),
    "an id with capitals": ("id", "Mosul"),
    "no sources at all": ("sources", []),
    "a flag as text": ("labelled", "yes"),
    "a source address that is data:": ("sources", [{"kind": "gazetteer", "url": "data:x"}]),
}


def story_toml_problems(folder: Path) -> list[str]:
    data = tomllib.loads((folder / "story.toml").read_text("utf-8"))
    return [problem.message for problem in shape_problems("story", data, "story.toml", "file")]


@pytest.mark.parametrize("case", sorted(TOML_BREAKS))
def test_the_reader_and_the_schema_refuse_the_same_broken_story_toml(story_copy, case) -> None:
    old, new = TOML_BREAKS[case]
    folder = story_copy(toml={old: new})
    reader = [problem for problem in validate_story(folder) if not problem.warning]
    data = tomllib.loads((folder / "story.toml").read_text("utf-8"))
    assert reader, f"the reader accepts {case}"
    assert schema_errors("story", data), f"the schema accepts {case}"
    assert story_toml_problems(folder), f"the models accept {case}"


@pytest.mark.parametrize("case", sorted(FEATURE_BREAKS))
def test_the_reader_and_the_schema_refuse_the_same_broken_feature(story_copy, case) -> None:
    key, value = FEATURE_BREAKS[case]

    def edit(features) -> None:
        feature_named(features, "raqqa")["properties"][key] = value

    folder = story_copy(features=edit)
    reader = [problem for problem in validate_story(folder) if not problem.warning]
    features = json.loads((folder / "features.geojson").read_text("utf-8"))["features"]
    properties = next(
        f["properties"]
        for f in features
        if f["properties"].get("id") in {"raqqa", "Mosul"} and f["properties"].get(key) == value
    )
    assert reader, f"the reader accepts {case}"
    assert schema_errors("feature", properties), f"the schema accepts {case}"


def test_a_good_story_has_no_shape_problems_and_a_bad_one_names_the_field() -> None:
    good = tomllib.loads((BUNDLED_STORIES_DIR / "is-caliphate-2017" / "story.toml").read_text())
    assert shape_problems("story", good, "story.toml", "file") == []
    good["figures"][0]["sources"][0]["url"] = "file:///etc/passwd"
    problems = shape_problems("story", good, "story.toml", "file")
    assert [problem.field for problem in problems] == ["figures.0.sources.0.url"]
