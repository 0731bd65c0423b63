"""Story files made to break things.

Each hostile story lies in a folder of stories beside a good copy of the first story.
Loading it must give a clear problem (naming the file, and the feature and field where
there is one) or a safe page, within bounded time and memory, never a traceback, and the
good story must still load. Big files are generated here, in tmp_path, never committed.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import markupsafe
import pytest

from dashboard.core.viewstate import parse_params
from dashboard.reader.limits import (
    MAX_FEATURES,
    MAX_FILE_BYTES,
    MAX_KEY_PARTS,
    MAX_TEXT_CHARS,
    MAX_TOML_BYTES,
    MAX_VERTICES,
)
from dashboard.reader.story import (
    FEATURES_FILE,
    STORY_FILE,
    Problem,
    StoryError,
    load_stories,
    load_story,
)
from dashboard.render.export import export
from tests.conftest import FIRST_STORY, HOSTILE, REPO, feature_named
from tests.test_app import html_text, run_page

GOOD = FIRST_STORY.name
BAD = "broken-story"
MAX_SECONDS = 10.0
MAX_PEAK_BYTES = 300 * 1024 * 1024
MAX_MESSAGE_CHARS = 1_000  # a problem is one readable line, however big the bad value
SCRIPT_PARTS = ("<script>window.__pwned", "<img src=x")  # HOSTILE's parts that would run


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Load:
    problems: list[Problem]
    seconds: float
    peak: int


def load_beside_the_good_story(folder: Path) -> Load:
    """Load the folder of stories that holds `folder` (the hostile story) and the good
    story: no exception, bounded time and memory, the good story loads, the hostile one is
    reported with printable, short problems.

    Timed in one run and measured with tracemalloc in a second (tracemalloc slows the
    allocation-heavy parsers down several times)."""
    start = time.perf_counter()
    listing = load_stories(folder.parent)
    seconds = time.perf_counter() - start
    tracemalloc.start()
    try:
        load_stories(folder.parent)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert seconds < MAX_SECONDS, f"loading took {seconds:.1f} s"
    assert peak < MAX_PEAK_BYTES, f"loading needed {peak / 2**20:.0f} MB"
    assert list(listing.stories) == [GOOD], "the good story must still load"
    assert list(listing.broken) == [folder.name]
    problems = listing.broken[folder.name]
    assert problems
    for problem in problems:
        line = str(problem)
        line.encode("utf-8")  # printable and sendable to a page
        assert "Traceback" not in line
        assert len(line) < MAX_MESSAGE_CHARS + len(str(folder)), line[:300]
    return Load(problems, seconds, peak)


def reported(
    problems: list[Problem],
    file: str,
    message: str,
    where: str | None = None,
    field: str | None = None,
) -> Problem:
    """The problem in `file` (story.toml or features.geojson) whose message holds
    `message`, at `where` and in `field` if given."""
    for problem in problems:
        if (
            Path(problem.file).name == file
            and message in problem.message
            and (where is None or problem.where == where)
            and (field is None or problem.field == field)
        ):
            return problem
    pytest.fail(
        f"no problem {file}: {where}: {field}: {message!r} in\n"
        + "\n".join(str(p)[:200] for p in problems)
    )


@pytest.fixture
def hostile(story_copy: Callable[..., Path]) -> Callable[..., Path]:
    """A copy of the first story named BAD, changed like story_copy (or with raw bytes),
    beside an unchanged copy."""

    def make(
        features_bytes: bytes | None = None, toml_bytes: bytes | None = None, **changes: Any
    ) -> Path:
        story_copy()
        folder = story_copy(slug=BAD, **changes)
        if features_bytes is not None:
            (folder / FEATURES_FILE).write_bytes(features_bytes)
        if toml_bytes is not None:
            (folder / STORY_FILE).write_bytes(toml_bytes)
        return folder

    return make


def first_story_features() -> dict[str, Any]:
    return json.loads((FIRST_STORY / FEATURES_FILE).read_text("utf-8"))


def first_story_toml() -> str:
    return (FIRST_STORY / STORY_FILE).read_text("utf-8")


def edited(edit: Callable[[list[dict[str, Any]]], None]) -> str:
    """The first story's features.geojson, its features changed by `edit`, compact."""
    data = first_story_features()
    edit(data["features"])
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def features_with(feature_id: str, key: str, value: Any) -> str:
    """The first story's features.geojson with one property or the geometry replaced."""

    def edit(features: list[dict[str, Any]]) -> None:
        feature = feature_named(features, feature_id)
        if key in ("geometry", "properties"):
            feature[key] = value
        else:
            feature["properties"][key] = value

    return edited(edit)


def features_with_json(feature_id: str, key: str, raw: str) -> str:
    """Like features_with, the value given as JSON text (which json cannot write: NaN
    literals, or a big geometry written fast)."""
    return features_with(feature_id, key, "__RAW__").replace('"__RAW__"', raw, 1)


def ring(vertices: int, position: str) -> str:
    """A ring of `vertices` copies of one position (or of anything), as JSON text."""
    return "[" + ",".join([position] * vertices) + "]"


def geometry(kind: str, coordinates: str) -> str:
    """A GeoJSON geometry as JSON text, its coordinates given as JSON text."""
    return '{"type":"' + kind + '","coordinates":' + coordinates + "}"


def nested(opening: str, closing: str, depth: int, inner: str = "") -> str:
    return opening * depth + inner + closing * depth


def named_cases(argnames: tuple[str, ...], cases: list[tuple[Any, ...]]) -> Any:
    """Parametrize over cases written as (id, *arguments)."""
    return pytest.mark.parametrize(
        argnames, [case[1:] for case in cases], ids=[case[0] for case in cases]
    )


# ---------------------------------------------------------------------------
# 1. Files over the size limit are not read
# ---------------------------------------------------------------------------


def padded_features() -> str:
    data = first_story_features()
    data["padding"] = "x" * (MAX_FILE_BYTES + 1)
    return json.dumps(data)


def million_vertices_features() -> str:
    """A polygon of a million vertices at five decimals: about 20 MB."""
    polygon = geometry("Polygon", ring(1, ring(1_000_000, "[43.11234,36.33456]")))
    return features_with_json("mosul-old-city", "geometry", polygon)


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
    load = load_beside_the_good_story(folder)
    reported(load.problems, file, f"more than {limit:,}", where="file")
    if limit == MAX_FILE_BYTES:
        assert load.peak < limit, "the file was read although it is too big"


# ---------------------------------------------------------------------------
# 2. Deep nesting
# ---------------------------------------------------------------------------

DEEP = 100_000


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


# ---------------------------------------------------------------------------
# 3. Too many vertices
# ---------------------------------------------------------------------------


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


# ---------------------------------------------------------------------------
# 4. Numbers that are not finite
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("literal", "where", "message"),
    [
        ("NaN", "file", "NaN is not allowed in JSON"),
        ("Infinity", "file", "Infinity is not allowed in JSON"),
        ("-Infinity", "file", "-Infinity is not allowed in JSON"),
        ("1e999", "feature 'mosul'", "coordinates must be finite numbers"),
        ("-1e999", "feature 'mosul'", "coordinates must be finite numbers"),
        ("1" + "0" * 400, "feature 'mosul'", "coordinates must be finite numbers"),
        ("1" + "0" * 5000, "file", "JSON error"),  # more digits than Python converts
    ],
    ids=["NaN", "Infinity", "-Infinity", "1e999", "-1e999", "400-digit-int", "5000-digit-int"],
)
def test_coordinates_that_are_not_finite_are_reported(hostile, literal, where, message) -> None:
    point = geometry("Point", f"[{literal},36]")
    folder = hostile(raw_features=features_with_json("mosul", "geometry", point))
    load = load_beside_the_good_story(folder)
    field = None if where == "file" else "geometry"
    reported(load.problems, FEATURES_FILE, message, where=where, field=field)


BOUNDS = "bounds = [[34.5, 35.5], [38.0, 44.0]]"


@pytest.mark.parametrize(
    ("old", "new", "where", "field", "message"),
    [
        ("low = 50000", "low = nan", "figure 'raqqa-civilians'", "low", "number must be finite"),
        ("low = 50000", "low = -inf", "figure 'raqqa-civilians'", "low", "number must be finite"),
        ("value = 899", "value = inf", "figure 'border-length'", "value", "must be finite"),
        (
            "value = 899",
            "value = 1" + "0" * 400,
            "figure 'border-length'",
            "value",
            "number must be finite",
        ),
        ("value = 899", "value = 1" + "0" * 5000, "file", None, "4300 digits"),
        (BOUNDS, "bounds = [[nan, 35.5], [38.0, 44.0]]", "view 'region'", "bounds", "expected"),
        (BOUNDS, "bounds = [[34.5, -inf], [38.0, inf]]", "view 'region'", "bounds", "expected"),
        (
            BOUNDS,
            "bounds = [[1" + "0" * 400 + ", 35.5], [38.0, 44.0]]",
            "view 'region'",
            "bounds",
            "expected",
        ),
    ],
    ids=[
        "nan",
        "-inf",
        "inf",
        "400-digit-int",
        "5000-digit-int",
        "nan-bounds",
        "inf-bounds",
        "huge-int-bounds",
    ],
)
def test_story_numbers_that_are_not_finite_are_reported(
    hostile, old, new, where, field, message
) -> None:
    load = load_beside_the_good_story(hostile(toml={old: new}))
    reported(load.problems, STORY_FILE, message, where=where, field=field)


# ---------------------------------------------------------------------------
# 5. Story names that are not slugs; path traversal
# ---------------------------------------------------------------------------

NOT_SLUGS = [
    "..",
    "Upper",
    "a b",
    "semi;colon",
    "-dash",
    "x" * 65,
    "<script>",
    "Mössul",
    os.fsdecode(b"latin-\xff"),
    "mosul\n",
    "mosul\r\n",
]


@pytest.mark.parametrize("name", NOT_SLUGS, ids=[repr(n)[:20] for n in NOT_SLUGS])
def test_a_folder_name_that_is_not_a_slug_is_reported(story_copy, tmp_path, name) -> None:
    stories = tmp_path / "stories"
    stories.mkdir()
    folder = stories / name
    if name != "..":
        story_copy(slug=f"stories/{name}")
    with pytest.raises(StoryError) as error:
        load_story(folder)
    (problem,) = error.value.problems
    assert problem.where == "folder" and "slug" in problem.message
    str(problem).encode("utf-8")  # a name that is not UTF-8 is shown escaped


def test_a_badly_named_story_beside_a_good_one(story_copy, tmp_path) -> None:
    story_copy()
    for name in ("a b", "<script>", os.fsdecode(b"latin-\xff")):
        story_copy(slug=name)
    listing = load_stories(tmp_path)
    assert list(listing.stories) == [GOOD]
    assert sorted(listing.broken) == sorted(["a b", "<script>", "latin-\\udcff"])


def test_a_path_outside_the_stories_is_reported(tmp_path) -> None:
    path = tmp_path / "stories" / ".." / ".." / "nowhere"
    with pytest.raises(StoryError) as error:
        load_story(path)
    assert error.value.problems == [Problem(str(path), "folder", None, "not a story folder")]


@pytest.mark.parametrize(
    "story",
    [
        "../../etc",
        "..",
        "/etc/passwd",
        f"{GOOD}/../../etc",
        f"../{GOOD}",
        "",
        "\x00",
        "x" * 100_000,
        GOOD.upper(),
        f"{GOOD}\n",
    ],
)
def test_a_story_in_the_url_that_does_not_exist_falls_back(story) -> None:
    state = parse_params({"story": story, "lang": story, "feature": story}, [GOOD, "other"])
    assert state.story == GOOD
    assert state.lang == "de"


def cli_validate(
    path: str | bytes, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "dashboard", "validate", path],
        capture_output=True,
        cwd=REPO,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


@pytest.mark.parametrize("case", ["dot-dot", "traversal", "not-utf8-name"])
def test_command_line_reports_a_bad_story_path_without_traceback(story_copy, tmp_path, case):
    stories = tmp_path / "stories"
    stories.mkdir()
    if case == "dot-dot":
        path, expected = os.fsencode(stories / ".."), b"slug"
    elif case == "traversal":
        path, expected = os.fsencode(stories / ".." / ".." / ".." / ".." / "nowhere"), b"folder"
    else:
        name = os.fsdecode(b"latin-\xff")
        story_copy(slug=f"stories/{name}")
        path, expected = os.fsencode(stories / name), b"slug"
    # A strict UTF-8 terminal (as in many containers and CI) must still get readable lines.
    result = cli_validate(path, env={"PYTHONIOENCODING": "utf-8"})
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert expected in result.stdout
    assert b"Traceback" not in output


# ---------------------------------------------------------------------------
# 6. Files that are not UTF-8
# ---------------------------------------------------------------------------

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


# ---------------------------------------------------------------------------
# 7. Script in every text field: valid, and shown as text by the page
# ---------------------------------------------------------------------------


def toml_hostile_everywhere(hostile_story_dir: Path) -> Path:
    """Besides the fixture's title and features: script in every text of story.toml."""
    path = hostile_story_dir / STORY_FILE
    toml_text = HOSTILE.replace("\\", "\\\\").replace('"', '\\"')
    content = path.read_text("utf-8")
    for key in ('de = "', 'en = "', 'publisher = "', 'author = "', 'title = "', 'source = "'):
        content = content.replace(key, f"{key}{toml_text} ")
    path.write_text(content, "utf-8")
    return hostile_story_dir


def shown_texts(page) -> list[str]:
    """Every st.html body and every markdown (and caption) text of the page."""
    return [e.proto.body for e in page.get("html")] + [
        e.value for e in [*page.markdown, *page.caption]
    ]


PAGES = [
    pytest.param("de", {"feature": "mosul"}, None, id="details"),
    pytest.param("en", {"feature": "raqqa"}, 1, id="figures"),
    pytest.param("de", {"event": "mosul-victory"}, 2, id="timeline"),
    pytest.param("en", {}, 3, id="explore"),
    pytest.param("en", {"mode": "embed"}, None, id="embed"),
]


def test_hostile_text_is_a_valid_story(hostile_story_dir) -> None:
    story = load_story(toml_hostile_everywhere(hostile_story_dir))
    assert HOSTILE in story.title.de and HOSTILE in story.credit.en
    assert all(HOSTILE in f.name.en and HOSTILE in f.note.de for f in story.features)
    assert all(HOSTILE in e.title.de for e in story.events)


@pytest.mark.parametrize(("lang", "params", "panel"), PAGES)
def test_hostile_text_is_shown_escaped_by_the_page(
    monkeypatch, hostile_story_dir, lang, params, panel
) -> None:
    folder = toml_hostile_everywhere(hostile_story_dir)
    page = run_page(monkeypatch, stories=folder.parent, panel=panel, lang=lang, **params)
    texts = shown_texts(page)
    for text in texts:
        for part in SCRIPT_PARTS:
            assert part not in text, text[:300]
    if params.get("mode") != "embed":
        assert str(markupsafe.escape(HOSTILE)) in html_text(page)


def test_hostile_text_in_explore_with_two_places(monkeypatch, hostile_story_dir) -> None:
    folder = toml_hostile_everywhere(hostile_story_dir)
    page = run_page(monkeypatch, stories=folder.parent, panel=3, lang="de")
    page.selectbox(key="d1").select("mosul").run()
    page.selectbox(key="d2").select("raqqa").run()
    assert not page.exception
    assert " km</div>" in html_text(page)
    for text in shown_texts(page):
        assert not any(part in text for part in SCRIPT_PARTS), text[:300]


# ---------------------------------------------------------------------------
# 8. A broken, hostile story beside a good one in the dashboard
# ---------------------------------------------------------------------------

BROKEN_PAGES = {
    "hostile-kind": dict(raw_features=features_with("mosul", "kind", HOSTILE)),
    "lone-surrogate": dict(
        raw_features=features_with("mosul", "name_de", "__X__").replace("__X__", "\\ud800")
    ),
    "deep-nesting": dict(raw_features=nested("[", "]", DEEP)),
    "not-utf8": dict(features_bytes=b'{"name_de": "M\xf6ssul"}'),
    "nan": dict(
        raw_features=features_with_json("mosul", "geometry", geometry("Point", "[NaN,36]"))
    ),
}


@pytest.mark.parametrize("changes", list(BROKEN_PAGES.values()), ids=list(BROKEN_PAGES))
def test_a_broken_hostile_story_gives_an_error_card_and_the_good_one_works(
    monkeypatch, hostile, changes
) -> None:
    folder = hostile(**changes)
    page = run_page(monkeypatch, stories=folder.parent, story=BAD, lang="en")
    html = html_text(page)
    assert f"This story has errors: {BAD}" in html
    assert "features.geojson" in html
    assert len(page.tabs) == 0
    for text in shown_texts(page):
        assert not any(part in text for part in SCRIPT_PARTS), text[:300]
    if HOSTILE in changes.get("raw_features", ""):  # the bad kind, quoted as text
        assert str(markupsafe.escape("unknown kind '<script>window.__pwned=1</script>")) in html
    # the good story keeps working, one choice away
    page.selectbox(key="story_control").select(GOOD).run()
    assert not page.exception
    assert "The IS caliphate is collapsing" in html_text(page)
    assert len(page.tabs) == 5


def test_a_story_folder_named_in_latin1_beside_a_good_one_in_the_dashboard(
    monkeypatch, story_copy, tmp_path
) -> None:
    story_copy()
    story_copy(slug=os.fsdecode(b"latin-\xff"))
    page = run_page(monkeypatch, stories=tmp_path, lang="en")
    assert "The IS caliphate is collapsing" in html_text(page)


# ---------------------------------------------------------------------------
# 9. Too many, too long, and the wrong types
# ---------------------------------------------------------------------------


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


# ---------------------------------------------------------------------------
# 10. Print images: math text, thousands of labels, heavy geometry, failing exports
# ---------------------------------------------------------------------------

MATH_TEXTS = {
    "dollar-amount": "Kosten $5 Mio. und $6 Mio.",
    "unknown-command": r"$\foo$ und $\frac{1}$",
    "nested-braces": "$" + "{" * 2_000 + "x" + "}" * 2_000 + "$",
    "superscript": "$x^2$ und $\\alpha$",
}


def svg_texts(svg: bytes) -> list[str]:
    root = ElementTree.fromstring(svg)
    return ["".join(node.itertext()) for node in root.iter("{http://www.w3.org/2000/svg}text")]


@pytest.mark.parametrize("math", list(MATH_TEXTS.values()), ids=list(MATH_TEXTS))
def test_math_text_in_a_story_is_text_in_print_images(story_copy, math) -> None:
    """matplotlib reads $...$ as math: story text must show as written, and never fail."""
    toml_math = math.replace("\\", "\\\\")
    folder = story_copy(
        toml={
            'title = { de = "': f'title = {{ de = "{toml_math} ',
            'credit = { de = "': f'credit = {{ de = "{toml_math} ',
        },
        features=lambda fs: (
            feature_named(fs, "raqqa")["properties"].update(name_de=math),
            feature_named(fs, "syria")["properties"].update(name_de=math),
        ),
    )
    story = load_story(folder)
    svg = export(story, "svg", "de")
    texts = svg_texts(svg)
    # the title wraps to the image's width: its lines, read together, are the title
    lines = " ".join(" ".join(t.split("\n")) for t in texts)
    assert f"{math} Das Kalifat des IS bricht zusammen" in lines, [t[:80] for t in texts]
    shown = []
    if len(math) < 40:  # names that fit on the map
        shown += [math, math.upper()]
    for one in shown:
        assert one in texts, (one[:80], [t[:80] for t in texts])
    assert export(story, "png", "de")[:8] == b"\x89PNG\r\n\x1a\n"


def test_every_text_of_a_print_image_is_made_without_math(story) -> None:
    from matplotlib.text import Text

    from dashboard.render.print.static_map import build_static_map

    figure = build_static_map(story, "en").figure
    texts = figure.findobj(Text)
    assert len(texts) > 5
    assert not [t.get_text() for t in texts if t.get_parse_math() or t.get_usetex()]


def many_places(count: int, spread: float) -> Callable[[list[dict[str, Any]]], None]:
    """`count` labelled places over the region (or all on one spot when spread is 0)."""

    def edit(features: list[dict[str, Any]]) -> None:
        for i in range(count):
            lon = 38.5 + spread * ((i * 7919) % 1000 / 1000 - 0.5) * 6
            lat = 35.5 + spread * ((i * 104_729) % 997 / 997 - 0.5) * 3
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [lon, lat]},
                    "properties": {
                        "id": f"place-{i}",
                        "kind": "place",
                        "labelled": True,
                        "name_de": f"Ort {i}",
                        "name_en": f"Place {i}",
                        "note_de": "x",
                        "note_en": "x",
                        "source": "x",
                    },
                }
            )

    return edit


@pytest.mark.parametrize("spread", [1.0, 0.0], ids=["spread-out", "one-spot"])
def test_thousands_of_labelled_places_are_placed_in_near_linear_work(
    story_copy, monkeypatch, spread
) -> None:
    """Label placement compares each label with its neighbours only, not with every
    label placed before it (4,900 labels once took 25 s to export)."""
    from dashboard.render.print import ground as print_ground
    from dashboard.render.print import static_map

    count = MAX_FEATURES - 100
    story = load_story(story_copy(features=many_places(count, spread)))
    comparisons = 0
    overlaps = print_ground._overlaps

    def counted(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
        nonlocal comparisons
        comparisons += 1
        return overlaps(a, b)

    monkeypatch.setattr(print_ground, "_overlaps", counted)
    start = time.perf_counter()
    labels = static_map.build_static_map(story, "de").labels
    assert time.perf_counter() - start < MAX_SECONDS
    assert comparisons < 100 * count, f"{comparisons:,} box comparisons for {count:,} places"
    assert 1 <= len(labels) < count  # places too close to name are left unnamed
    boxes = [label.bbox for label in labels]
    for i, a in enumerate(boxes):
        assert not any(overlaps(a, b) for b in boxes[i + 1 :])


def zigzag_features(lines: int, vertices: int) -> str:
    """`lines` lines of `vertices` vertices each, every segment across the whole region:
    the heaviest drawing a story file under the size limit can ask for."""

    def edit(features: list[dict[str, Any]]) -> None:
        for i in range(lines):
            features.append(
                {
                    "type": "Feature",
                    "geometry": f"__ZIGZAG{i}__",
                    "properties": {
                        "id": f"zigzag-{i}",
                        "kind": "line",
                        "name_de": "Z",
                        "name_en": "Z",
                        "note_de": "x",
                        "note_en": "x",
                        "source": "x",
                    },
                }
            )

    content = edited(edit)
    for i in range(lines):
        zigzag = ring(vertices // 2, f"[{36 + i},34],[{43 - i},37]")
        content = content.replace(f'"__ZIGZAG{i}__"', geometry("LineString", zigzag))
    return content


def drawn_vertices(figure) -> int:
    """Vertices of every path drawn in the map (not the locator inset)."""
    ax = figure.axes[0]
    return sum(
        len(path.vertices)
        for artist in [*ax.collections, *ax.lines, *ax.patches]
        for path in (artist.get_paths() if hasattr(artist, "get_paths") else [artist.get_path()])
    )


def test_heavy_geometry_is_drawn_within_a_vertex_budget(story_copy) -> None:
    """A million vertices crossing the map once made Agg fail after a minute and
    gigabytes; the image draws no more than it can show."""
    from dashboard.render.print.static_map import MAX_DRAWN_VERTICES, build_static_map

    content = zigzag_features(5, MAX_VERTICES - 2)
    assert len(content.encode("utf-8")) < MAX_FILE_BYTES
    story = load_story(story_copy(raw_features=content))
    start = time.perf_counter()
    static = build_static_map(story, "en")
    vertices = drawn_vertices(static.figure)
    png = static.to_bytes("png")
    assert time.perf_counter() - start < MAX_SECONDS
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    base = drawn_vertices(build_static_map(load_story(FIRST_STORY), "en").figure)
    assert vertices <= base + MAX_DRAWN_VERTICES, f"{vertices:,} vertices drawn"


def test_a_failing_export_says_why_once_and_the_others_work(monkeypatch, story_copy) -> None:
    """A library failing on a story's data: a short message, no exception box, cached
    so the next click does not compute it again, and the other files still offered."""
    from dashboard.render.print import static_map

    calls = []

    def failing(story, lang, fmt, *_view_and_size):
        calls.append(fmt)
        raise OverflowError("Exceeded cell block limit\n" + "x" * 10_000)

    monkeypatch.setattr(static_map, "render_image", failing)
    folder = story_copy()
    page = run_page(monkeypatch, stories=folder.parent, lang="en", panel=4)
    for _ in range(2):
        page.button(key="export-make").click().run()
        assert not page.exception
    assert sorted(calls) == ["png", "svg"]
    warnings = [w.value for w in page.warning]
    assert len(warnings) == 2
    assert all("could not be made" in w and "OverflowError" in w for w in warnings)
    assert all(len(w) < 400 and "Traceback" not in w for w in warnings)
    assert len(page.get("download_button")) == 4


# ---------------------------------------------------------------------------
# 11. CSV cells: no formula for a "," or a ";" reader, numbers stay numbers
# ---------------------------------------------------------------------------

# (cell text, the cell as written) for spreadsheet_cell
CSV_CELLS = [
    ("-3", "-3"),
    ("-3.5", "-3.5"),
    ("+4", "+4"),
    ("-1e5", "-1e5"),
    ("-3,5", "-3,5"),
    ("Mossul", "Mossul"),
    ("Mosul, -3 °C", "Mosul, -3 °C"),
    ("a-b=c", "a-b=c"),
    ("'=1+2", "'=1+2"),
    ("", ""),
    ("=1+2", "'=1+2"),
    ("+1+2", "'+1+2"),
    ("-1+2", "'-1+2"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("-", "'-"),
    ("-3+A1", "'-3+A1"),
    ("+49 30 1234", "'+49 30 1234"),
    ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
    ("\t=1", "'\t'=1"),
    ("\r=1", "'\r'=1"),
    ("\n=1", "'\n'=1"),
    ("\tplain", "'\tplain"),
    (" =1+2", "' =1+2"),
    ("\u00a0=1+2", "'\u00a0=1+2"),
    ("\ufeff=1+2", "'\ufeff=1+2"),
    ("\u200b=1+2", "'\u200b=1+2"),
    ("\u2060@x", "'\u2060@x"),
    ("\u3000+1+2", "'\u3000+1+2"),
    ("\uff1d1+2", "'\uff1d1+2"),
    ("\uff0b1", "'\uff0b1"),
    ("\uff0d1+2", "'\uff0d1+2"),
    ("\uff20SUM(1)", "'\uff20SUM(1)"),
    (" \u200b\ufeff\uff1d1", "' \u200b\ufeff\uff1d1"),
    ("a;=1+2", "a;'=1+2"),
    ("a; =1+2", "a;' =1+2"),
    ("a;\u00a0@x", "a;'\u00a0@x"),
    ('a;"=1+2', "a;'\"=1+2"),
    ("a;\uff1d1", "a;'\uff1d1"),
    ("a;-3", "a;'-3"),
    ("a;'=1", "a;'=1"),
    ("a\n=1+2", "a\n'=1+2"),
    ("a\r\n+1+1", "a\r\n'+1+1"),
    ("a\t@x", "a\t'@x"),
    ("=1;=2;b", "'=1;'=2;b"),
]
CSV_VALUES = [(-3, -3), (0.5, 0.5), (True, True), (None, None)]


@pytest.mark.parametrize(("cell", "written"), CSV_CELLS + CSV_VALUES)
def test_a_csv_cell_never_starts_a_formula(cell, written) -> None:
    from dashboard.core.escape import spreadsheet_cell

    assert spreadsheet_cell(cell) == written


FORMULA_START = "=+-@\uff1d\uff0b\uff0d\uff20"
SKIPPED = ' \t\r\n\u00a0\u3000\u200b\u2060\ufeff"'


def formula_at_start(cell: str) -> bool:
    from dashboard.core.escape import _PLAIN_NUMBER

    stripped = cell.lstrip(SKIPPED)
    return stripped[:1] in set(FORMULA_START) and not _PLAIN_NUMBER.fullmatch(stripped.strip())


def test_csv_export_of_hostile_cells_is_safe_in_comma_and_semicolon_readers(story_copy) -> None:
    """Every cell text as a feature name; the file read as a "," reader reads it, and as
    a ";" reader might (split at every ";", tab and line break, quotes ignored)."""

    def edit(features: list[dict[str, Any]]) -> None:
        template = feature_named(features, "mosul")
        for i, (cell, _written) in enumerate(CSV_CELLS):
            feature = json.loads(json.dumps(template))
            feature["properties"].update(id=f"cell-{i}", name_en=cell or "x", labelled=False)
            features.append(feature)

    content = export(load_story(story_copy(features=edit)), "csv", "en")
    rows = list(csv.reader(io.StringIO(content, newline="")))
    names = {row[1]: row[3] for row in rows[1:]}
    for i, (_cell, written) in enumerate(CSV_CELLS):
        assert names[f"cell-{i}"] == (written or "x")
    for row in rows:
        assert not [c for c in row if formula_at_start(c)], row
    for segment in re.split(r"[;\t\r\n]", content):
        assert not formula_at_start(segment), segment


# ---------------------------------------------------------------------------
# 12. Events files: each format read by its own reader, row bombs refused early
# ---------------------------------------------------------------------------


def events_toml(file: str) -> str:
    return first_story_toml().replace(
        "[source]",
        (
            f'[events_layer]\nfile = "{file}"\n'
            'name = { de = "Ereignisse", en = "Events" }\nsource = "x"\n\n[source]'
        ),
        1,
    )


def with_events(hostile: Callable[..., Path], file: str, write: Callable[[Path], None]) -> Path:
    """The hostile story with an events layer whose file `write` makes."""
    folder = hostile(raw_toml=events_toml(file))
    write(folder / file)
    return folder


def vrt(source: str) -> bytes:
    """A GDAL virtual dataset: XML that makes GDAL read another file or URL."""
    return (
        '<OGRVRTDataSource><OGRVRTLayer name="events">'
        f"<SrcDataSource>{source}</SrcDataSource>"
        "<SrcSQL dialect=\"sqlite\">SELECT field_1 AS type, '2017-01-01' AS date, 1 AS count, "
        "MakePoint(40, 35) AS geometry FROM passwd</SrcSQL>"
        "<GeometryType>wkbPoint</GeometryType></OGRVRTLayer></OGRVRTDataSource>"
    ).encode()


def synthetic_frame(rows: int = 10):
    from benchmarks.synthetic_events import synthetic_events

    return synthetic_events(rows)


def write_geopackage(path: Path, rows: int = 10) -> None:
    import geopandas as gpd

    table = synthetic_frame(rows)
    gpd.GeoDataFrame(
        table.drop(columns=["lon", "lat"]),
        geometry=gpd.points_from_xy(table["lon"], table["lat"]),
        crs=4326,
    ).to_file(path, driver="GPKG", layer="events")


def geopackage_pointing_at(sql: str) -> Callable[[Path], None]:
    """A real GeoPackage whose layer is made to be what `sql` creates, named 'other'."""

    def write(path: Path) -> None:
        import sqlite3

        write_geopackage(path)
        with sqlite3.connect(path) as connection:
            connection.execute(sql)
            for table in ("gpkg_contents", "gpkg_geometry_columns"):
                connection.execute(
                    f"UPDATE {table} SET table_name = 'other' WHERE table_name = 'events'"
                )

    return write


def write_parquet(path: Path, table) -> None:
    import pyarrow.parquet as pq

    pq.write_table(table, path, compression="zstd", use_dictionary=True)


def parquet_events(rows: int, type_value: str = "clash", geometry: bool = False):
    """A Parquet table of `rows` events, every value repeated: tiny once compressed."""
    import numpy as np
    import pyarrow as pa
    import shapely

    columns = {
        "date": pa.DictionaryArray.from_arrays(np.zeros(rows, np.int32), ["2017-01-01"]),
        "type": pa.DictionaryArray.from_arrays(np.zeros(rows, np.int32), [type_value]),
        "count": pa.array(np.ones(rows, np.int64)),
    }
    if geometry:
        point = shapely.to_wkb(shapely.Point(40, 35))
        columns["geometry"] = pa.DictionaryArray.from_arrays(np.zeros(rows, np.int32), [point])
        table = pa.table(columns)
        column = {"encoding": "WKB", "geometry_types": ["Point"]}
        geo = {"version": "1.0.0", "primary_column": "geometry", "columns": {"geometry": column}}
        return table.replace_schema_metadata({"geo": json.dumps(geo)})
    columns["lon"] = pa.array(np.full(rows, 40.0))
    columns["lat"] = pa.array(np.full(rows, 35.0))
    return pa.table(columns)


def csv_lines(rows: int, end: str = "\n") -> Callable[[Path], None]:
    def write(path: Path) -> None:
        with path.open("w", encoding="utf-8", newline="") as file:
            file.write("date,type,count,lon,lat" + end)
            file.write(("2017-01-01,a,1,40,35" + end) * rows)

    return write


def sqlite_file(path: Path) -> None:
    import sqlite3

    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE t (date, type, count, lon, lat)")


EVENT_FILES = [
    (
        "gpkg-is-vrt-of-passwd",
        "events.gpkg",
        lambda p: p.write_bytes(vrt("CSV:/etc/passwd")),
        "content is XML or HTML (a GDAL VRT?), not a GeoPackage",
    ),
    (
        "parquet-is-vrt",
        "events.parquet",
        lambda p: p.write_bytes(vrt("CSV:/etc/passwd")),
        "content is XML or HTML (a GDAL VRT?), not a Parquet file",
    ),
    (
        "csv-is-vrt",
        "events.csv",
        lambda p: p.write_bytes(vrt("CSV:/etc/passwd")),
        "content is XML or HTML (a GDAL VRT?), not CSV text",
    ),
    (
        "gpkg-is-csv",
        "events.gpkg",
        lambda p: synthetic_frame().to_csv(p, index=False),
        "content is not a GeoPackage",
    ),
    (
        "gpkg-is-parquet",
        "events.gpkg",
        lambda p: write_parquet(p, parquet_events(10)),
        "content is a Parquet file, not a GeoPackage",
    ),
    (
        "gpkg-is-plain-sqlite",
        "events.gpkg",
        sqlite_file,
        "content is an SQLite database, but not a GeoPackage",
    ),
    (
        "csv-is-sqlite",
        "events.csv",
        lambda p: write_geopackage(p),
        "content is an SQLite database, not CSV text",
    ),
    (
        "csv-is-parquet",
        "events.csv",
        lambda p: write_parquet(p, parquet_events(10)),
        "content is a Parquet file, not CSV text",
    ),
    (
        "csv-is-gzip",
        "events.csv",
        lambda p: p.write_bytes(b"\x1f\x8b\x08\x00" + b"\x00" * 40),
        "content is a compressed archive, not CSV text",
    ),
    (
        "csv-with-nul",
        "events.csv",
        lambda p: p.write_bytes(b"date,type\x00,count\n"),
        "content is binary (NUL bytes), not CSV text",
    ),
    (
        "parquet-is-sqlite",
        "events.parquet",
        lambda p: write_geopackage(p),
        "content is an SQLite database, not a Parquet file",
    ),
    (
        "parquet-cut-short",
        "events.parquet",
        lambda p: (write_parquet(p, parquet_events(10)), p.write_bytes(p.read_bytes()[:-20])),
        "content is not a complete Parquet file",
    ),
    (
        "gpkg-layer-is-view",
        "events.gpkg",
        geopackage_pointing_at("CREATE VIEW other AS SELECT * FROM events"),
        "'other' is a view: events must be a plain table",
    ),
    (
        "gpkg-layer-is-virtual-table",
        "events.gpkg",
        geopackage_pointing_at("CREATE VIRTUAL TABLE other USING rtree(id, x0, x1)"),
        "'other' is a virtual table: events must be a plain table",
    ),
    (
        "gpkg-generated-column",
        "events.gpkg",
        geopackage_pointing_at(
            "CREATE TABLE other (fid INTEGER PRIMARY KEY, geom BLOB, "
            "date TEXT, type TEXT AS (hex(zeroblob(1000000))), count INT)"
        ),
        "table 'other' has generated columns",
    ),
    (
        "gpkg-no-layer",
        "events.gpkg",
        geopackage_pointing_at("DELETE FROM gpkg_contents"),
        "expected one table of features, found none",
    ),
    (
        "parquet-nested-column",
        "events.parquet",
        lambda p: write_parquet(
            p,
            parquet_events(10).append_column("source", __import__("pyarrow").array([[1, 2]] * 10)),
        ),
        "column 'source' holds nested values",
    ),
]


@named_cases(("file", "write", "message"), EVENT_FILES)
def test_an_events_file_is_read_only_by_the_reader_its_extension_names(
    hostile, file, write, message
) -> None:
    load = load_beside_the_good_story(with_events(hostile, file, write))
    problem = reported(load.problems, file, message, where="file")
    assert "root:" not in str(problem)  # nothing of the server's files


def test_a_vrt_events_file_makes_no_request_from_the_server(hostile) -> None:
    """GDAL would fetch a /vsicurl/ URL named in a VRT: the server must request nothing."""
    import http.server
    import threading

    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"date,type,count,lon,lat\n2017-01-01,a,1,40,35\n")

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"/vsicurl/http://127.0.0.1:{server.server_port}/events.csv"
        for file in ("events.gpkg", "events.parquet", "events.csv"):
            folder = with_events(hostile, file, lambda p, u=url: p.write_bytes(vrt(u)))
            load = load_beside_the_good_story(folder)
            reported(load.problems, file, "GDAL VRT", where="file")
            shutil.rmtree(folder.parent)
    finally:
        server.shutdown()
    assert requests == []


def measured_in_a_child(stories: Path) -> dict[str, Any]:
    """Load a folder of stories in a fresh process: its problems, seconds and peak memory
    (tracemalloc does not see what pyarrow, SQLite and pandas' parser allocate). The peak
    is the process's own (VmHWM): ru_maxrss would keep the forked test process's."""
    script = (
        "import json, re, sys, time\n"
        "from dashboard.reader.story import load_stories\n"
        "start = time.perf_counter()\n"
        "listing = load_stories(sys.argv[1])\n"
        "status = open('/proc/self/status').read()\n"
        "print(json.dumps({'seconds': time.perf_counter() - start,\n"
        "  'rss_mb': int(re.search(r'VmHWM:\\s+(\\d+)', status)[1]) / 1024,\n"
        "  'stories': list(listing.stories),\n"
        "  'problems': {k: [str(p) for p in v] for k, v in listing.broken.items()}}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(stories)], capture_output=True, cwd=REPO, timeout=60
    )
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    return json.loads(result.stdout)


MAX_CHILD_RSS_MB = 1024
ROW_BOMBS = [
    (
        "parquet-20m-rows",
        "events.parquet",
        lambda p: write_parquet(p, parquet_events(20_000_000)),
        "more than 1,000,000 events",
    ),
    (
        "parquet-20m-geometries",
        "events.parquet",
        lambda p: write_parquet(p, parquet_events(20_000_000, geometry=True)),
        "more than 1,000,000 events",
    ),
    (
        "parquet-dictionary-text",
        "events.parquet",
        lambda p: write_parquet(p, parquet_events(1_000_000, type_value="x" * 4_000)),
        "bytes once read, more than",
    ),
    (
        "gpkg-recursive-view",
        "events.gpkg",
        geopackage_pointing_at(
            "CREATE VIEW other AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
            "LIMIT 20000000) SELECT e.* FROM n, events e"
        ),
        "is a view",
    ),
    ("csv-million-and-one-lines", "events.csv", csv_lines(1_000_001), "more than 1,000,000"),
    ("csv-lines-ending-in-cr", "events.csv", csv_lines(1_000_001, "\r"), "more than 1,000,000"),
]


@named_cases(("file", "write", "message"), ROW_BOMBS)
def test_a_row_bomb_is_refused_before_it_is_loaded(hostile, file, write, message) -> None:
    folder = with_events(hostile, file, write)
    assert folder.joinpath(file).stat().st_size < 30 * 1024 * 1024
    child = measured_in_a_child(folder.parent)
    assert child["stories"] == [GOOD]
    (problem,) = child["problems"][BAD]
    assert file in problem and message in problem and "Traceback" not in problem
    assert child["seconds"] < MAX_SECONDS, child
    assert child["rss_mb"] < MAX_CHILD_RSS_MB, child


def test_a_geopackage_of_more_rows_than_allowed_is_counted_not_loaded(hostile) -> None:
    """A plain table just over the limit: a bounded COUNT(*) refuses it."""
    import sqlite3

    def write(path: Path) -> None:
        write_geopackage(path)
        with sqlite3.connect(path) as connection:
            connection.execute("CREATE TABLE other AS SELECT * FROM events LIMIT 0")
            connection.execute(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n LIMIT 1000001) "
                "INSERT INTO other (geom, date, type, count) "
                "SELECT (SELECT geom FROM events LIMIT 1), '2017-01-01', 'a', 1 FROM n"
            )
            for table in ("gpkg_contents", "gpkg_geometry_columns"):
                connection.execute(
                    f"UPDATE {table} SET table_name = 'other' WHERE table_name = 'events'"
                )

    load = load_beside_the_good_story(with_events(hostile, "events.gpkg", write))
    reported(load.problems, "events.gpkg", "more than 1,000,000 events", where="file")


@pytest.mark.parametrize("dates", [["2017-06-29"] * 3, ["2017-06-29T08:00", "2017-06-29T22:30"]])
def test_events_of_one_day_give_a_page_without_a_period_slider(monkeypatch, hostile, dates) -> None:
    """First date == last date: a slider has nothing to choose (Streamlit's fails)."""

    def write(path: Path) -> None:
        rows = "".join(f"{date},clash,2,39.0,35.9\n" for date in dates)
        path.write_text("date,type,count,lon,lat\n" + rows, "utf-8")

    folder = with_events(hostile, "events.csv", write)
    page = run_page(monkeypatch, stories=folder.parent, story=BAD, lang="en")
    assert not page.exception
    assert not page.slider
    assert any(c.value.startswith(f"{len(dates)} events") for c in page.caption)


# ---------------------------------------------------------------------------
# 13. Ids with a newline, links out of the folder, server paths in error cards
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("new_id", ["raqqa\n", "mosul-2\n", "raqqa\r\n"])
def test_an_id_with_a_trailing_newline_is_no_second_feature(hostile, new_id) -> None:
    """ "raqqa\n" matched "^...$": a second Raqqa, with a name readers could not tell apart."""

    def edit(features: list[dict[str, Any]]) -> None:
        feature = json.loads(json.dumps(feature_named(features, "raqqa")))
        feature["properties"]["id"] = new_id
        features.append(feature)

    load = load_beside_the_good_story(hostile(raw_features=edited(edit)))
    reported(load.problems, FEATURES_FILE, "lower-case letters, digits and hyphens", field="id")


@pytest.mark.parametrize("file", [FEATURES_FILE, STORY_FILE])
def test_a_story_file_linked_from_outside_the_folder_is_refused(
    hostile, tmp_path_factory, file
) -> None:
    """Like the events file: a link may point inside the story folder, never out of it."""
    folder = hostile()
    outside = tmp_path_factory.mktemp("elsewhere") / file
    (folder / file).rename(outside)
    (folder / file).symlink_to(outside)
    load = load_beside_the_good_story(folder)
    reported(load.problems, file, "a link to a file outside the story folder", where="file")


def test_a_story_file_linked_inside_the_folder_is_read(story_copy) -> None:
    folder = story_copy()
    (folder / FEATURES_FILE).rename(folder / "kept.geojson")
    (folder / FEATURES_FILE).symlink_to(folder / "kept.geojson")
    assert load_story(folder).feature("mosul")


def test_an_error_card_shows_no_server_path(monkeypatch, hostile) -> None:
    """Paths are shown from the stories folder: `broken-story/features.geojson`."""
    folder = hostile(raw_features='{"type": "FeatureCollection", "features": 1}')
    stories = folder.parent
    page = run_page(monkeypatch, stories=stories, story=BAD, lang="en")
    html = html_text(page)
    assert f"{BAD}/features.geojson: file: field" in html
    assert stories.name not in html and str(stories.parent) not in html


SHORTCODES = [
    ":material/home: Start",
    "Mosul :smile:",
    ":red[Mosul]",
    ":streamlit:",
    ":blue-background[x]",
    "a:material/warning:b",
]


@pytest.mark.parametrize("name", SHORTCODES)
def test_shortcodes_in_story_text_never_become_icons_in_widget_labels(name) -> None:
    """Streamlit finds icon, emoji and colour shortcodes after Markdown's escapes are
    undone: the text as Streamlit sees it must hold no shortcode."""
    from dashboard.core.escape import markdown_text

    shown = markdown_text(name)
    unescaped = re.sub(r"\\(.)", r"\1", shown)
    assert unescaped.replace("\u2060", "") == name  # reads as written
    assert not re.search(r":[a-z0-9_/+-]+(:|\[)", unescaped), unescaped


@pytest.mark.parametrize("prefix", [b"", b"\xef\xbb\xbf"], ids=["plain", "bom"])
def test_a_csv_of_events_from_a_spreadsheet_is_read(story_copy, prefix) -> None:
    """Spreadsheets write a byte-order mark before the header: still plain CSV."""
    folder = story_copy(raw_toml=events_toml("events.csv"))
    (folder / "events.csv").write_bytes(
        prefix + b"date,type,count,lon,lat\r\n2017-01-01,a,1,40,35\r\n"
    )
    assert len(load_story(folder).event_layer.frame) == 1
