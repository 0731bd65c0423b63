"""Hostile stories in print images: math text, thousands of labels, heavy geometry, a
failing export."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any
from xml.etree import ElementTree

import pytest

from dashboard.reader.limits import MAX_FEATURES, MAX_FILE_BYTES, MAX_VERTICES
from dashboard.reader.story import load_story
from tests.conftest import feature_named
from tests.hostile import MAX_SECONDS, edited, geometry, ring
from tests.test_app import run_page

MATH_TEXTS = {
    "dollar-amount": "Kosten $5 Mio. und $6 Mio.",
    "unknown-command": r"$\foo$ und $\frac{1}$",
    "nested-braces": "$" + "{" * 2_000 + "x" + "}" * 2_000 + "$",
    "superscript": "$x^2$ und $\\alpha$",
}


def svg_texts(svg: bytes) -> list[str]:
    root = ElementTree.fromstring(svg)
    return ["".join(node.itertext()) for node in root.iter("{http://www.w3.org/2000/svg}text")]


@pytest.mark.heavy
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
    from dashboard.render.print.static_map import build_static_map

    # one image for both formats, as export makes each: the build, then its file's bytes
    image = build_static_map(load_story(folder), "de")
    texts = svg_texts(image.to_bytes("svg"))
    # the title wraps to the image's width: its lines, read together, are the title
    lines = " ".join(" ".join(t.split("\n")) for t in texts)
    assert f"{math} Das Kalifat des IS bricht zusammen" in lines, [t[:80] for t in texts]
    shown = []
    if len(math) < 40:  # names that fit on the map
        shown += [math, math.upper()]
    for one in shown:
        assert one in texts, (one[:80], [t[:80] for t in texts])
    assert image.to_bytes("png")[:8] == b"\x89PNG\r\n\x1a\n"


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


@pytest.mark.heavy
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
    overlaps = print_ground.boxes_overlap

    def counted(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
        nonlocal comparisons
        comparisons += 1
        return overlaps(a, b)

    monkeypatch.setattr(print_ground, "boxes_overlap", counted)
    start = time.process_time()
    labels = static_map.build_static_map(story, "de").labels
    assert time.process_time() - start < MAX_SECONDS
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


@pytest.mark.heavy
@pytest.mark.parametrize("lang", ["en"])
def test_heavy_geometry_is_drawn_within_a_vertex_budget(story_copy, print_images, lang) -> None:
    """A million vertices crossing the map once made Agg fail after a minute and
    gigabytes; the image draws no more than it can show."""
    from dashboard.render.print.static_map import MAX_DRAWN_VERTICES, build_static_map

    content = zigzag_features(5, MAX_VERTICES - 2)
    assert len(content.encode("utf-8")) < MAX_FILE_BYTES
    story = load_story(story_copy(raw_features=content))
    start = time.process_time()
    static = build_static_map(story, lang)
    vertices = drawn_vertices(static.figure)
    png = static.to_bytes("png")
    assert time.process_time() - start < MAX_SECONDS
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    base = drawn_vertices(print_images.built(lang, None, "default").figure)  # as built
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


def test_a_line_drawn_over_itself_is_sampled_once() -> None:
    """The spots that keep names off story lines: a zigzag of a million vertices over the
    same two points once gave a million boxes to place names around (10 s per image)."""
    import numpy as np
    import shapely

    from dashboard.render.print.layout import line_samples

    def to_px(coordinates):
        return coordinates * 10.0

    once = line_samples(to_px, np.array([shapely.LineString([(0, 0), (30, 3)])]), 3.0)
    zigzag = shapely.LineString([(0, 0), (30, 3)] * 5_000)
    again = line_samples(to_px, np.array([zigzag]), 3.0)
    assert set(once) <= set(again)
    assert len(again) <= 2 * len(once)
