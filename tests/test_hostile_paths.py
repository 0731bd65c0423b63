"""Hostile names and paths: story folders that are not slugs, path traversal in the URL
and on the command line, ids with a trailing newline, story files linked from outside
the folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

import pytest

from dashboard.core.viewstate import parse_params
from dashboard.reader.story import (
    FEATURES_FILE,
    STORY_FILE,
    Problem,
    StoryError,
    load_stories,
    load_story,
)
from tests.conftest import REPO, feature_named
from tests.hostile import GOOD, edited, load_beside_the_good_story, reported

# Story names that are not slugs; path traversal


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


# Ids with a newline; links out of the folder


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
