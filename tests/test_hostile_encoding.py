"""Hostile story files: text that is not UTF-8, lone surrogates, byte-order marks."""

from __future__ import annotations

import json

import pytest

from dashboard.reader.story import FEATURES_FILE, STORY_FILE
from tests.conftest import FIRST_STORY
from tests.hostile import (
    features_with,
    first_story_features,
    first_story_toml,
    load_beside_the_good_story,
    reported,
)

NOT_UTF8 = {
    "latin-1": "Mössul".encode("latin-1"),
    "utf-16": "Mossul".encode("utf-16"),
    "encoded-surrogate": b"\xed\xa0\x80",
    "cut-sequence": b"\xe2\x82",
}


@pytest.mark.parametrize("file", [FEATURES_FILE, STORY_FILE])
@pytest.mark.parametrize("bad", list(NOT_UTF8.values()), ids=list(NOT_UTF8))
def test_a_file_that_is_not_utf8_is_reported(hostile, file, bad) -> None:
    good = (FIRST_STORY / file).read_bytes()
    content = good[:40] + bad + good[40:]
    load = load_beside_the_good_story(
        hostile(**{"features_bytes" if file == FEATURES_FILE else "toml_bytes": content})
    )
    problem = reported(load.problems, file, "file is not UTF-8 text")
    assert problem.where.startswith("byte ")


def test_a_lone_surrogate_escape_in_json_is_reported(hostile) -> None:
    r"""`"\ud800"` is valid JSON but no text: no page or terminal can show it."""
    content = features_with("mosul", "name_de", "__X__").replace("__X__", "M\\ud800ssul")
    load = load_beside_the_good_story(hostile(raw_features=content))
    reported(load.problems, FEATURES_FILE, "not valid Unicode", "feature 'mosul'", "name_de")


def test_a_lone_surrogate_id_is_reported_printably(hostile) -> None:
    content = features_with("mosul", "id", "__X__").replace("__X__", "m\\ud800")
    load = load_beside_the_good_story(hostile(raw_features=content))
    problem = reported(load.problems, FEATURES_FILE, "not valid Unicode", field="id")
    assert "\\ud800" in problem.where


@pytest.mark.parametrize(
    ("file", "content", "message"),
    [
        (STORY_FILE, 'format = 1\ntitle = { de = "\\ud800", en = "x" }\n', "TOML syntax error"),
        (STORY_FILE, "\ufeff" + first_story_toml(), "TOML syntax error"),
        (FEATURES_FILE, "\ufeff" + json.dumps(first_story_features()), "JSON syntax error"),
    ],
    ids=["toml-surrogate-escape", "toml-bom", "json-bom"],
)
def test_other_encoding_tricks_are_reported(hostile, file, content, message) -> None:
    changes = {"raw_features" if file == FEATURES_FILE else "raw_toml": content}
    load = load_beside_the_good_story(hostile(**changes))
    reported(load.problems, file, message)
