"""Hostile story files: JSON and TOML nested 100,000 deep, keys of thousands of parts,
nested values where a plain one belongs. Reported briefly, never a RecursionError."""

from __future__ import annotations

import pytest

from dashboard.reader.limits import MAX_KEY_PARTS, MAX_TOML_BYTES
from dashboard.reader.story import FEATURES_FILE, STORY_FILE, StoryError, load_story
from tests.hostile import (
    DEEP,
    features_with_json,
    first_story_toml,
    geometry,
    load_beside_the_good_story,
    named_cases,
    nested,
    reported,
)


@pytest.mark.parametrize(
    "content",
    [
        nested("[", "]", DEEP),
        nested('{"a":', "}", DEEP, "1"),
        features_with_json("mosul", "name_de", nested("[", "]", DEEP)),
        features_with_json("mosul", "geometry", geometry("Point", nested("[", "]", DEEP, "1"))),
    ],
    ids=["arrays", "objects", "in-a-property", "in-coordinates"],
)
def test_deeply_nested_json_is_reported(hostile, content) -> None:
    load = load_beside_the_good_story(hostile(raw_features=content))
    reported(load.problems, FEATURES_FILE, "JSON is nested too deeply", where="file")


DEEP_KEY = "x" + ".a" * DEEP
DEEP_TOML = [
    ("arrays", "x = " + nested("[", "]", DEEP) + "\n", "file"),
    ("inline-tables", "x = " + nested("{a=", "}", DEEP // 2, "1") + "\n", "file"),
    ("dotted-key", DEEP_KEY + " = 1\n", "line 1"),
    ("table-header", f"[{DEEP_KEY}]\n", "line 1"),
    ("array-of-tables", f"[[{DEEP_KEY}]]\n", "line 1"),
    ("quoted-dotted-key", '"x"' + " . 'a'" * (DEEP // 10) + " = 1\n", "line 1"),
    ("dotted-key-in-inline-table", "x = { y = 1, " + DEEP_KEY + " = 1 }\n", "line 1"),
    ("just-over-the-key-limit", "x" + ".a" * MAX_KEY_PARTS + " = 1\n", "line 1"),
]


@named_cases(("toml", "where"), DEEP_TOML)
def test_deeply_nested_toml_is_reported(hostile, toml, where) -> None:
    assert len(toml) < MAX_TOML_BYTES
    load = load_beside_the_good_story(hostile(raw_toml=toml + first_story_toml()))
    reported(load.problems, STORY_FILE, "TOML is nested too deeply", where=where)


def test_a_key_of_as_many_parts_as_allowed_is_read(story_copy) -> None:
    """The nesting limit is only for keys far deeper than a story needs."""
    key = "x" + ".a" * (MAX_KEY_PARTS - 1)
    folder = story_copy(raw_toml=f"{key} = 1\n{first_story_toml()}")
    with pytest.raises(StoryError) as error:
        load_story(folder)
    assert [(p.where, p.field, p.message) for p in error.value.problems] == [
        ("story", "x", "unknown field (a typo?)")
    ]


@pytest.mark.heavy
def test_the_densest_story_toml_under_the_size_limit_is_bounded(hostile) -> None:
    """Table headers of as many parts as allowed cost tomllib the most memory per byte."""
    story = first_story_toml()
    headers = "".join(f"[t{i}.a.b.c.d.e.f.g]\n" for i in range(MAX_TOML_BYTES // 24))
    toml = story + headers[: MAX_TOML_BYTES - len(story.encode("utf-8")) - 100]
    toml = toml[: toml.rindex("\n") + 1]
    assert "a.b.c.d.e.f.g" in toml.split("\n")[-2]
    load = load_beside_the_good_story(hostile(raw_toml=toml))
    reported(load.problems, STORY_FILE, "unknown field", where="story", field="t0")


@pytest.mark.parametrize(
    ("file", "content", "where", "field"),
    [
        (
            FEATURES_FILE,
            features_with_json("mosul", "hindsight", nested("[", "]", 500)),
            "feature 'mosul'",
            "hindsight",
        ),
        (
            STORY_FILE,
            first_story_toml().replace(
                "hindsight = true", "hindsight = " + nested("[", "]", 100), 1
            ),
            "event 'mosul-victory'",
            "hindsight",
        ),
        (
            STORY_FILE,
            first_story_toml().replace("hindsight = true", "hindsight = { a.b.c.d = 1 }", 1),
            "event 'mosul-victory'",
            "hindsight",
        ),
    ],
    ids=["json-property", "toml-array", "toml-inline-table"],
)
def test_nested_value_in_a_field_is_reported_briefly(hostile, file, content, where, field) -> None:
    """Nested, but not too deeply to parse: the message quotes it shortened."""
    changes = {"raw_features" if file == FEATURES_FILE else "raw_toml": content}
    load = load_beside_the_good_story(hostile(**changes))
    problem = reported(load.problems, file, "expected true or false", where=where, field=field)
    assert len(problem.message) < 200
