"""Helpers for the hostile story tests (tests/test_hostile_*.py): a hostile story is loaded
beside a good copy of the first story and must give short, printable problems in
bounded time and memory while the good story still loads. Big files are generated in
tmp_path, never committed."""

from __future__ import annotations

import ctypes
import gc
import json
import re
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from dashboard.reader.story import (
    FEATURES_FILE,
    STORY_FILE,
    Problem,
    StoryListing,
    load_stories,
)
from tests.conftest import FIRST_STORY, feature_named

GOOD = FIRST_STORY.name
# CPU seconds (time.process_time), not wall time: the work is bounded, and the bound holds
# while other tests (`make test` runs them in parallel) or other programs share the cores.
MAX_SECONDS = 10.0
MAX_PEAK_BYTES = 300 * 1024 * 1024
MAX_MESSAGE_CHARS = 1_000  # a problem is one readable line, however big the bad value
SCRIPT_PARTS = ("<script>window.__pwned", "<img src=x")  # HOSTILE's parts that would run
DEEP = 100_000
LIBC = ctypes.CDLL(None)


@dataclass(frozen=True)
class Load:
    problems: list[Problem]
    seconds: float
    peak: int


def resident_bytes(field: str) -> int:
    """The process's resident memory now (VmRSS) or at its highest since the mark was
    last reset (VmHWM), in bytes."""
    status = Path("/proc/self/status").read_text("ascii")
    return int(re.search(rf"^{field}:\s+(\d+) kB", status, re.MULTILINE)[1]) * 1024


def traced_load(stories: Path) -> tuple[StoryListing, float, int]:
    """The folder loaded under tracemalloc: the peak of what Python allocated."""
    tracemalloc.start()
    try:
        start = time.process_time()
        listing = load_stories(stories)
        seconds = time.process_time() - start
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return listing, seconds, peak


def resident_load(stories: Path) -> tuple[StoryListing, float, int]:
    """The folder loaded as it runs: the peak is how far the process's resident memory
    rose above where it stood (Linux's high-water mark, reset just before). Memory
    freed before is given back to the system first, so a load that reuses it still
    shows it. Five times cheaper than tracemalloc, which slows every allocation; it
    counts what C libraries allocate too (the million-vertex polygon: 117 MB resident,
    104 MB traced)."""
    gc.collect()
    getattr(LIBC, "malloc_trim", lambda _pad: None)(0)
    before = resident_bytes("VmRSS")
    Path("/proc/self/clear_refs").write_text("5", "ascii")  # VmHWM starts again at VmRSS
    start = time.process_time()
    listing = load_stories(stories)
    seconds = time.process_time() - start
    return listing, seconds, resident_bytes("VmHWM") - before


def load_beside_the_good_story(folder: Path, traced: bool = False) -> Load:
    """Load the folder of stories that holds `folder` (the hostile story) and the good
    story: no exception, bounded time and memory, the good story loads, the hostile one is
    reported with printable, short problems.

    The peak memory is the rise of resident memory (`resident_load`), or with `traced`
    what Python itself allocated (tracemalloc), for a check that no more than a few bytes
    of a file were read."""
    listing, seconds, peak = (traced_load if traced else resident_load)(folder.parent)
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


def shown_texts(page) -> list[str]:
    """Every st.html body and every markdown (and caption) text of the page."""
    return [e.proto.body for e in page.get("html")] + [
        e.value for e in [*page.markdown, *page.caption]
    ]
