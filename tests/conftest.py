"""Shared fixtures: a tiny made-up story for unit tests of the code, the first story (for
its facts and for tests across the whole app), and broken or hostile copies in tmp_path."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from dashboard.reader.story import FEATURES_FILE, STORY_FILE, Story, load_story

if TYPE_CHECKING:
    from dashboard.render.print.static_map import StaticMap

REPO = Path(__file__).resolve().parent.parent
STORIES = REPO / "geodata" / "stories"
FIRST_STORY = STORIES / "is-caliphate-2017"
# Made up, small, with one record of every kind: places (two close together, one far
# away), a small and a country-sized area, an approximate line, a dated hindsight event,
# a range, an approximate and a computed figure, timeline events before and after as_of.
TINY_STORY = REPO / "tests" / "data" / "tiny-story"

# The hostile story's folder (tests/test_hostile_*.py), beside a good copy of the first.
BAD = "broken-story"
# Text that must show literally everywhere and never run.
HOSTILE = (
    '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
    " ${window.__pwned=3} `tick` </script><b>bold</b> & \u2028"
)


def shares_module_fixture(item: pytest.Item) -> bool:
    """Whether the test uses a fixture made once per module (a server, a built site, a
    drafted text), which every process running one of the module's tests would make
    again."""
    # pytest has no public name for a test's fixture definitions: read them here only.
    definitions = getattr(item, "_fixtureinfo", None)
    if definitions is None:
        return False
    return any(
        defs and defs[-1].scope == "module" for defs in definitions.name2fixturedefs.values()
    )


def image_language(item: pytest.Item) -> str:
    """The language of the print images a test reads (PrintImages makes each once per
    process): its `lang` parameter, else German, which most such tests read."""
    callspec = getattr(item, "callspec", None)
    return str(callspec.params.get("lang", "de")) if callspec else "de"


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups into the test ids
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """`make test` runs the tests in parallel processes (pytest-xdist, `--dist
    loadgroup`). A module's tests that share a module-scoped fixture (the servers a
    browser module starts, a drafted or built input) run in one process, so the fixture
    is made once, and so do the tests that read the print images of one language (made
    once per process, `print_images`); the other tests go to whichever process is free.
    The browser tests of the shared dashboard server (`dashboard_url`) are not one group:
    one process each made no measurable difference (278 s against 282 s of pytest, the
    same clone, a quiet machine), and a group of them is a long tail for one process.

    The groups run first: a long group handed out last would leave the other process
    idle at the end, while the many short tests after them even out the load."""
    grouped = []
    for item in items:
        if item.get_closest_marker("xdist_group"):
            pass
        elif "print_images" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.xdist_group(f"print-images-{image_language(item)}"))
        elif shares_module_fixture(item):
            item.add_marker(pytest.mark.xdist_group(item.module.__name__))
        grouped.append(bool(item.get_closest_marker("xdist_group")))
    order = sorted(range(len(items)), key=lambda i: not grouped[i])
    items[:] = [items[i] for i in order]


@pytest.fixture(scope="session", autouse=True)
def installed_components_scanned_once() -> Iterator[None]:
    """Streamlit's AppTest scans the metadata of every installed distribution for
    components on each page it runs (about 0.2 s of CPU; 124 pages in the page tests:
    22 s). What is installed does not change while the tests run: the first scan's
    result serves the rest of the process. (If Streamlit moves the scan, this does
    nothing and the pages scan as before.)"""
    try:
        from streamlit.components.v2 import manifest_scanner
    except ImportError:
        manifest_scanner = None
    scan = getattr(manifest_scanner, "scan_component_manifests", None)
    if scan is None:
        yield
        return
    scanned = cache(scan)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            manifest_scanner,
            "scan_component_manifests",
            lambda *args, **kwargs: list(scanned(*args, **kwargs)),
        )
        yield


@pytest.fixture(scope="session")
def story() -> Story:
    return load_story(FIRST_STORY)


@pytest.fixture(scope="session")
def tiny() -> Story:
    return load_story(TINY_STORY)


class PrintImages:
    """The first story's print images, each made once per test process: many tests assert
    on one image (a build takes about half a second of CPU, its SVG a tenth).

    Saving or drawing a figure changes it (the axes take their aspect and the close-up
    panel its final place), so each image is kept in two states: `built`, as
    build_static_map returns it, never saved or drawn, for tests that read the figure as
    built; `drawn`, saved as SVG and then drawn, for tests that read the text boxes of
    the printed image. `svg` is the SVG of `drawn` (the same bytes as `export` makes). Tests
    read these images and never change them."""

    def __init__(self, story: Story) -> None:
        self.story = story

    @cache  # noqa: B019 - one instance per test process, kept for the whole session
    def built(self, lang: str, view: str | None = None, size: str = "default") -> StaticMap:
        from dashboard.render.print.static_map import build_static_map

        return build_static_map(self.story, lang, view, size)  # type: ignore[arg-type]

    @cache  # noqa: B019
    def _drawn(self, lang: str, view: str | None, size: str) -> tuple[StaticMap, bytes]:
        from dashboard.render.print.static_map import build_static_map

        image = build_static_map(self.story, lang, view, size)  # type: ignore[arg-type]
        svg = image.to_bytes("svg")
        image.figure.canvas.draw()
        return image, svg

    def drawn(self, lang: str, view: str | None = None, size: str = "default") -> StaticMap:
        return self._drawn(lang, view, size)[0]

    def svg(self, lang: str, view: str | None = None, size: str = "default") -> bytes:
        return self._drawn(lang, view, size)[1]


@pytest.fixture(scope="session")
def print_images(story: Story) -> PrintImages:
    return PrintImages(story)


FeatureEdit = Callable[[list[dict[str, Any]]], None]


@pytest.fixture
def story_copy(tmp_path: Path) -> Callable[..., Path]:
    """Copy the first story to tmp_path, then change its files.

    `toml` maps old text to new text in story.toml; `features` edits the feature list.
    """

    def make(
        toml: dict[str, str] | None = None,
        features: FeatureEdit | None = None,
        slug: str = "is-caliphate-2017",
        raw_features: str | None = None,
        raw_toml: str | None = None,
    ) -> Path:
        folder = tmp_path / slug
        shutil.copytree(FIRST_STORY, folder)
        toml_path = folder / "story.toml"
        content = toml_path.read_text("utf-8")
        for old, new in (toml or {}).items():
            assert old in content, f"test setup: {old!r} not in story.toml"
            content = content.replace(old, new, 1)
        toml_path.write_text(raw_toml if raw_toml is not None else content, "utf-8")
        geojson_path = folder / "features.geojson"
        if raw_features is not None:
            geojson_path.write_text(raw_features, "utf-8")
        elif features is not None:
            data = json.loads(geojson_path.read_text("utf-8"))
            features(data["features"])
            geojson_path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
        return folder

    return make


def feature_named(features: list[dict[str, Any]], feature_id: str) -> dict[str, Any]:
    return next(f for f in features if f["properties"]["id"] == feature_id)


def make_hostile(features: list[dict[str, Any]]) -> None:
    """Script in every text field of every feature."""
    for feature in features:
        props = feature["properties"]
        for key in ("name_de", "name_en", "note_de", "note_en", "quote_de", "quote_en"):
            props[key] = f"{props.get(key) or key} {HOSTILE}"
        for source in props["sources"]:
            for key in ("publisher", "title", "about", "method"):
                source[key] = f"{source.get(key) or key} {HOSTILE}"


@pytest.fixture
def hostile_story_dir(story_copy: Callable[..., Path]) -> Path:
    toml_text = HOSTILE.replace("\\", "\\\\").replace('"', '\\"')
    return story_copy(
        toml={
            'title = { de = "Das Kalifat des IS bricht zusammen", en = "The IS caliphate is '
            'collapsing" }': f'title = {{ de = "Titel {toml_text}", en = "Title {toml_text}" }}',
        },
        features=make_hostile,
        slug="hostile-story",
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
