"""The command line. `python -m dashboard validate`: each broken variant gets one clear line
naming the file, the feature (or line) and the field, and a non-zero exit; the good story
exits 0. `python -m dashboard export`: every format, and a broken story's problem."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dashboard.core.model import Story
from dashboard.render.export import FORMATS
from dashboard.ui.cli import build_parser, main
from tests.conftest import FIRST_STORY, REPO, feature_named


@pytest.fixture(autouse=True)
def serve_leaves_the_environment_as_it_was(monkeypatch, tmp_path):
    """`serve` hands its settings to the page in the environment (LAGEKARTE_STORIES...):
    a test's `serve` must not change the stories every later test's page shows, nor make
    a newsroom folder in the real home."""
    saved = {k: v for k, v in os.environ.items() if k.startswith("LAGEKARTE_")}
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    yield
    for name in [k for k in os.environ if k.startswith("LAGEKARTE_")]:
        del os.environ[name]
    os.environ.update(saved)


def set_property(feature_id: str, key: str, value: Any) -> Callable[[list[dict]], None]:
    def edit(features: list[dict]) -> None:
        feature_named(features, feature_id)["properties"][key] = value

    return edit


def drop_property(feature_id: str, key: str) -> Callable[[list[dict]], None]:
    def edit(features: list[dict]) -> None:
        del feature_named(features, feature_id)["properties"][key]

    return edit


def set_geometry(feature_id: str, geometry: dict) -> Callable[[list[dict]], None]:
    def edit(features: list[dict]) -> None:
        feature_named(features, feature_id)["geometry"] = geometry

    return edit


BOW_TIE = {
    "type": "Polygon",
    "coordinates": [
        [[43.11, 36.33], [43.14, 36.36], [43.14, 36.33], [43.11, 36.36], [43.11, 36.33]]
    ],
}

# (case, story.toml edits, features edit, raw file contents, expected parts of the message)
CASES: list[tuple[str, dict[str, str] | None, Any, dict[str, str] | None, tuple[str, ...]]] = [
    (
        "toml syntax",
        None,
        None,
        {"raw_toml": 'format = 1\ntitle = { de = "x"\n'},
        ("story.toml", "line 2", "TOML syntax error"),
    ),
    (
        "json syntax",
        None,
        None,
        {"raw_features": '{"type": "FeatureCollection",\n "features": ['},
        ("features.geojson", "line 2", "JSON syntax error"),
    ),
    (
        "missing feature field",
        None,
        drop_property("mosul", "sources"),
        None,
        ("features.geojson", "feature 'mosul'", "field 'sources'", "missing required field"),
    ),
    (
        "missing story field",
        {"as_of = 2017-07-01\n": ""},
        None,
        None,
        ("story.toml", "story", "field 'as_of'", "missing required field"),
    ),
    (
        "duplicate id",
        None,
        set_property("moscow", "id", "raqqa"),
        None,
        ("features.geojson", "feature 'raqqa'", "field 'id'", "duplicate feature id"),
    ),
    (
        "figure -> unknown feature",
        {'feature = "raqqa"': 'feature = "raka"'},
        None,
        None,
        ("story.toml", "figure 'raqqa-civilians'", "field 'feature'", "unknown feature 'raka'"),
    ),
    (
        "event -> unknown feature",
        {'feature = "iraq"': 'feature = "irak"'},
        None,
        None,
        ("story.toml", "event 'isi-defeated-2010'", "field 'feature'", "unknown feature 'irak'"),
    ),
    (
        "coordinates out of range",
        None,
        set_geometry("mosul", {"type": "Point", "coordinates": [243.1, 36.3]}),
        None,
        ("features.geojson", "feature 'mosul'", "field 'geometry'", "out of range"),
    ),
    (
        "latitude beyond 90: swapped",
        None,  # Tokyo written [lat, lon]
        set_geometry("washington", {"type": "Point", "coordinates": [35.68, 139.69]}),
        None,
        ("features.geojson", "feature 'washington'", "field 'geometry'", "look swapped"),
    ),
    (
        "swapped inside the range",
        None,
        set_geometry("mosul", {"type": "Point", "coordinates": [36.335, 43.1189]}),
        None,
        ("features.geojson", "feature 'mosul'", "field 'geometry'", "look swapped"),
    ),
    (
        "invalid geometry",
        None,
        set_geometry("mosul-old-city", BOW_TIE),
        None,
        ("features.geojson", "feature 'mosul-old-city'", "field 'geometry'", "invalid geometry"),
    ),
    (
        "empty geometry",
        None,
        set_geometry("mosul-old-city", {"type": "Polygon", "coordinates": []}),
        None,
        ("features.geojson", "feature 'mosul-old-city'", "field 'geometry'", "empty geometry"),
    ),
    (
        "geometry does not fit kind",
        None,
        set_geometry("raqqa", BOW_TIE),
        None,
        ("features.geojson", "feature 'raqqa'", "field 'geometry'", "a place needs Point"),
    ),
    (
        "unknown kind",
        None,
        set_property("raqqa", "kind", "city"),
        None,
        ("features.geojson", "feature 'raqqa'", "field 'kind'", "unknown kind 'city'"),
    ),
    (
        "malformed event date",
        {"date = 2017-06-06": 'date = "2017-13-45"'},
        None,
        None,
        ("story.toml", "event 'raqqa-battle-begins'", "field 'date'", "malformed date"),
    ),
    (
        "malformed feature date",
        None,
        set_property("raqqa-encircled", "date", "gestern"),
        None,
        ("features.geojson", "feature 'raqqa-encircled'", "field 'date'", "malformed date"),
    ),
    (
        "missing translation (feature)",
        None,
        drop_property("raqqa", "name_en"),
        None,
        ("features.geojson", "feature 'raqqa'", "field 'name_en'", "missing translation 'en'"),
    ),
    (
        "missing translation (story)",
        {', en = "The IS caliphate is collapsing" }': " }"},
        None,
        None,
        ("story.toml", "story", "field 'title.en'", "missing translation 'en'"),
    ),
    (
        "later event not marked hindsight",
        {"hindsight = true\n": ""},
        None,
        None,
        ("story.toml", "event 'mosul-victory'", "field 'hindsight'", "after the story's as_of"),
    ),
    (
        "range low above high",
        {"low = 50000": "low = 500000"},
        None,
        None,
        ("story.toml", "figure 'raqqa-civilians'", "field 'low'", "greater than high"),
    ),
    (
        "NaN coordinate",
        None,
        None,
        {
            "raw_features": '{"type": "FeatureCollection", "features": [{"type": "Feature", '
            '"geometry": {"type": "Point", "coordinates": [NaN, 36]}, "properties": {}}]}'
        },
        ("features.geojson", "NaN is not allowed"),
    ),
    (
        "unknown story key (typo)",
        {"as_of = 2017-07-01": "as_of = 2017-07-01\nsumary = 1"},
        None,
        None,
        ("story.toml", "story", "field 'sumary'", "unknown field"),
    ),
]


@pytest.mark.parametrize(
    ("toml", "features", "raw", "expected"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_broken_story_is_reported_with_file_feature_and_field(
    story_copy, capsys, toml, features, raw, expected
) -> None:
    folder = story_copy(toml=toml, features=features, **(raw or {}))
    assert main(["validate", str(folder)]) == 1
    lines = capsys.readouterr().out.splitlines()
    matching = [line for line in lines if all(part in line for part in expected)]
    assert matching, f"no line names {expected}; got: {lines}"
    assert not any("Traceback" in line for line in lines)


def test_the_first_story_is_valid(capsys) -> None:
    assert main(["validate", str(FIRST_STORY)]) == 0
    assert capsys.readouterr().out.strip().endswith(": ok")


def test_non_utf8_file_is_reported(story_copy, capsys) -> None:
    folder = story_copy()
    (folder / "features.geojson").write_bytes(b'{"name_de": "M\xf6ssul"}')
    assert main(["validate", str(folder)]) == 1
    assert "features.geojson: byte 14: file is not UTF-8 text" in capsys.readouterr().out


def test_hostile_text_is_valid(hostile_story_dir: Path, capsys) -> None:
    """Script-like text is just text: valid, and shown literally elsewhere."""
    assert main(["validate", str(hostile_story_dir)]) == 0


def test_command_line_prints_no_traceback_for_a_broken_story(story_copy) -> None:
    folder = story_copy(raw_features="{ broken")
    result = subprocess.run(
        [sys.executable, "-m", "dashboard", "validate", str(folder)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    assert result.returncode == 1
    assert "JSON syntax error" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_command_line_export(tmp_path: Path, story: Story, capsys) -> None:
    out = tmp_path / "map.html"
    code = main(["export", str(story.path), "--format", "html", "--lang", "en", "--out", str(out)])
    assert code == 0
    assert out.read_text("utf-8").startswith("<!DOCTYPE html>")
    assert "bytes" in capsys.readouterr().out


def test_command_line_export_of_a_broken_story_names_the_problem(story_copy, tmp_path, capsys):
    folder = story_copy(raw_features="[]")
    out = tmp_path / "map.html"
    assert main(["export", str(folder), "--format", "html", "--out", str(out)]) == 1
    assert "expected a GeoJSON FeatureCollection" in capsys.readouterr().out
    assert not out.exists()


def test_every_format_exports_from_the_command_line(story: Story, tmp_path: Path) -> None:
    for fmt in FORMATS:
        out = tmp_path / f"story.{fmt}"
        assert (
            main(["export", str(story.path), "--format", fmt, "--lang", "en", "--out", str(out)])
            == 0
        )
        assert out.stat().st_size > 100


def test_a_bundled_story_is_found_by_name_from_any_folder(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "is-caliphate-2017"]) == 0
    assert capsys.readouterr().out.strip().endswith("is-caliphate-2017: ok")
    out = tmp_path / "story.csv"
    assert main(["export", "is-caliphate-2017", "--format", "csv", "--out", str(out)]) == 0
    assert "raqqa-civilians" in out.read_text("utf-8")


def test_a_folder_of_that_name_comes_before_the_bundled_story(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "is-caliphate-2017").mkdir()  # an empty folder: not a story
    assert main(["validate", "is-caliphate-2017"]) == 1
    assert "is-caliphate-2017/story.toml: file: file not found" in capsys.readouterr().out


def test_serve_is_a_command_with_port_stories_and_address() -> None:
    args = build_parser().parse_args(["serve", "--port", "8600", "--stories", "x"])
    assert (args.port, args.stories, args.address) == (8600, "x", "127.0.0.1")


def test_serve_editor_sets_editor_mode_for_the_page(monkeypatch) -> None:
    """`serve --editor` is the one way, besides LAGEKARTE_EDITOR=1, to the editor page."""
    from streamlit.web import cli as streamlit_cli

    from dashboard.ui.settings import EDITOR as EDITOR_ENV

    monkeypatch.delenv(EDITOR_ENV, raising=False)
    monkeypatch.setattr(streamlit_cli, "main", lambda *args, **kwargs: None)
    assert build_parser().parse_args(["serve"]).editor is False
    assert main(["serve", "--port", "8600"]) == 0
    assert EDITOR_ENV not in os.environ
    assert main(["serve", "--editor", "--port", "8600"]) == 0
    assert os.environ[EDITOR_ENV] == "1"


def test_serve_editor_on_a_network_needs_a_password(monkeypatch, capsys) -> None:
    from streamlit.web import cli as streamlit_cli

    from dashboard.ui.settings import EDITOR as EDITOR_ENV
    from dashboard.ui.settings import EDITOR_PASSWORD as EDITOR_PASSWORD_ENV

    started: list[list[str]] = []
    monkeypatch.setattr(streamlit_cli, "main", lambda args, **kwargs: started.append(args))
    monkeypatch.delenv(EDITOR_ENV, raising=False)
    monkeypatch.delenv(EDITOR_PASSWORD_ENV, raising=False)
    for address in ("0.0.0.0", "192.168.1.20", "::"):
        assert main(["serve", "--editor", "--address", address]) == 2
        assert EDITOR_PASSWORD_ENV in capsys.readouterr().err
    assert started == [] and EDITOR_ENV not in os.environ
    assert main(["serve", "--address", "0.0.0.0"]) == 0  # the reader's dashboard alone
    assert main(["serve", "--editor", "--address", "127.0.0.1"]) == 0
    monkeypatch.setenv(EDITOR_PASSWORD_ENV, "newsroom only")
    assert main(["serve", "--editor", "--address", "0.0.0.0"]) == 0
    assert len(started) == 3


def test_serve_editor_without_a_stories_folder_uses_the_newsroom_folder(
    monkeypatch, tmp_path, capsys
) -> None:
    """Never the installed package: a folder of the newsroom's own, said at start."""
    from streamlit.web import cli as streamlit_cli

    from dashboard.ui.settings import EDITOR as EDITOR_ENV
    from dashboard.ui.settings import STORIES as STORIES_ENV

    monkeypatch.setattr(streamlit_cli, "main", lambda *args, **kwargs: None)
    monkeypatch.delenv(STORIES_ENV, raising=False)
    monkeypatch.delenv(EDITOR_ENV, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert main(["serve", "--editor"]) == 0
    newsroom = tmp_path / "lagekarte" / "stories"
    assert os.environ[STORIES_ENV] == str(newsroom) and newsroom.is_dir()
    assert str(newsroom) in capsys.readouterr().out
