"""reader/limits.py: the bounded readers of story files: UTF-8 text under a size limit,
JSON without NaN, TOML without keys nested past the limit; each failure is a problem
naming the file, never an exception."""

from __future__ import annotations

from pathlib import Path

from dashboard.core.model import Problem
from dashboard.reader.limits import MAX_KEY_PARTS, read_json, read_text, read_toml


def test_text_over_the_limit_is_reported_and_not_read(tmp_path: Path) -> None:
    path = tmp_path / "story.toml"
    path.write_text("x" * 101, "utf-8")
    problems: list[Problem] = []
    assert read_text(path, problems, limit=100) is None
    assert problems == [Problem(str(path), "file", None, "file is 101 bytes, more than 100")]


def test_text_that_is_not_utf8_names_the_byte(tmp_path: Path) -> None:
    path = tmp_path / "story.toml"
    path.write_bytes("Quilpué".encode("latin-1"))
    problems: list[Problem] = []
    assert read_text(path, problems) is None
    assert (problems[0].where, problems[0].message) == ("byte 6", "file is not UTF-8 text")


def test_a_missing_file_is_a_problem(tmp_path: Path) -> None:
    problems: list[Problem] = []
    assert read_json(tmp_path / "features.geojson", problems) is None
    assert problems[0].message == "file not found"


def test_json_is_read_but_nan_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "features.geojson"
    path.write_text('{"coordinates": [172.6, -43.5]}', "utf-8")
    assert read_json(path, []) == {"coordinates": [172.6, -43.5]}
    path.write_text('{"coordinates": [NaN, -43.5]}', "utf-8")
    problems: list[Problem] = []
    assert read_json(path, problems) is None
    assert "NaN is not allowed in JSON" in problems[0].message


def test_toml_is_read_and_a_key_too_deep_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "story.toml"
    path.write_text('title = "Flut in Valencia"\n', "utf-8")
    assert read_toml(path, []) == {"title": "Flut in Valencia"}
    path.write_text('title = "x"\n' + "a" + ".b" * MAX_KEY_PARTS + " = 1\n", "utf-8")
    problems: list[Problem] = []
    assert read_toml(path, problems) is None
    assert problems[0].where == "line 2" and "nested too deeply" in problems[0].message


def test_a_toml_syntax_error_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "story.toml"
    path.write_text('title = "x"\nformat = \n', "utf-8")
    problems: list[Problem] = []
    assert read_toml(path, problems) is None
    assert problems[0].where == "line 2" and "TOML syntax error" in problems[0].message
