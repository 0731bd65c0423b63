"""draft/toml_text.py: a drafted story's TOML text, written with tomlkit and read back by
tomllib as it was meant."""

from __future__ import annotations

import tomllib

import pytest

from dashboard.draft.toml_text import dumps, value

STORY = {
    "format": 1,
    "title": {"de": "Hochwasser in Porto Alegre", "en": "Floods in Porto Alegre"},
    "source": {"url": "https://example.org/porto-alegre", "publisher": "Wire"},
    "figure": [{"id": "dead", "value": 57}, {"id": "homeless", "value": 8000}],
}


def test_a_story_is_written_as_toml_that_reads_back_the_same() -> None:
    text = dumps(STORY)
    assert tomllib.loads(text) == STORY
    assert "\n[source]\n" in text and text.count("[[figure]]") == 2


def test_text_with_quotes_and_newlines_is_escaped_not_broken() -> None:
    hostile = 'Quilpué "Stadt"\n[source]\nurl = "x"'
    assert tomllib.loads(f"x = {value(hostile)}")["x"] == hostile


def test_an_inline_table_is_one_value() -> None:
    assert tomllib.loads(f"t = {value({'de': 'Flut', 'en': 'Flood'})}")["t"] == {
        "de": "Flut",
        "en": "Flood",
    }


def test_a_nested_table_is_refused() -> None:
    with pytest.raises(TypeError, match="nested"):
        dumps({"view": {"bounds": {"south": 1}}})
