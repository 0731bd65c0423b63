"""Every mark in a print image is named or keyed, as a graphics desk checks it: the key
names what is drawn, names do not break after a hyphen nor overlap, a mark moved aside
shows where it belongs, and a close-up names what it is about."""

from __future__ import annotations

import itertools
import json
import math
from xml.etree import ElementTree

import geopandas as gpd
import numpy as np
import pytest
import shapely

from dashboard.core.geometry import view_bounds
from dashboard.core.model import Story
from dashboard.reader.story import load_story
from dashboard.render.print.layout import line_samples
from dashboard.render.print.projection import local_crs as _local_crs
from dashboard.render.print.sizes import SIZES
from dashboard.render.print.static_map import build_static_map
from tests.conftest import PrintImages

SVG_TEXT = "{http://www.w3.org/2000/svg}text"
LANGS = ("de", "en")
CROSSINGS = ("bab-al-hawa", "bab-al-salam", "tell-abyad", "ras-al-ain", "qamishli-nusaybin")
KEY_WORDS = {"de": ("Orte", "Grenzen", "Ereignisse"), "en": ("Places", "Borders", "Events")}


def svg_lines(data: bytes) -> list[str]:
    nodes = ElementTree.fromstring(data).iter(SVG_TEXT)
    return ["".join(node.itertext()).strip() for node in nodes]


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("lang", LANGS)
def test_the_key_names_the_story_line_not_every_border(
    story: Story, print_images: PrintImages, lang: str, size: str
) -> None:
    texts = svg_lines(print_images.svg(lang, None, size))
    places, borders, _ = KEY_WORDS[lang]
    assert story.feature("border-tr-sy").name[lang] in texts
    assert borders not in texts  # the base map's other borders are drawn in another colour
    assert places in texts
    # no name breaks after a hyphen ("Große Moschee al-" / "Nuri")
    assert not [t for t in texts if t.endswith("-")]


@pytest.mark.parametrize("lang", LANGS)
def test_the_close_up_view_names_the_old_city(
    story: Story, print_images: PrintImages, lang: str
) -> None:
    image = print_images.built(lang, "mosul-old-city", "default")
    assert "mosul-old-city" in {label.feature_id for label in image.labels}
    texts = svg_lines(print_images.svg(lang, "mosul-old-city", "default"))
    assert story.feature("mosul-old-city").name[lang] in texts
    assert KEY_WORDS[lang][2] not in texts  # no event in this frame: none in the key


def drawn_markers(image) -> list[tuple[float, float]]:
    ax = image.figure.axes[0]
    # the story's own marks: the ground's towns are the ones in the towns' grey
    lines = [
        line
        for line in ax.get_lines()
        if line.get_marker() in ("o", "D") and line.get_zorder() in (5, 6)
    ]
    return [tuple(ax.transData.transform(xy)) for line in lines for xy in line.get_xydata()]


def leader_ends(image) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    ax = image.figure.axes[0]
    out = []
    for line in ax.get_lines():
        data = line.get_xydata()
        if line.get_marker() in ("None", "", None) and len(data) == 2:
            a, b = (tuple(ax.transData.transform(xy)) for xy in data)
            out.append((a, b))
    return out


@pytest.mark.parametrize("size", ["default", "column", "social"])
def test_a_mark_moved_aside_has_a_leader_line_or_is_left_to_the_close_up(
    story: Story, print_images: PrintImages, size: str
) -> None:
    image = print_images.built("de", None, size)
    ax = image.figure.axes[0]
    local = [f for f in story.features if not f.distant and f.kind in ("place", "event")]
    (south, west), (north, east) = view_bounds(story, None)
    crs = _local_crs((west + east) / 2, (south + north) / 2)  # the image's projection
    frame = gpd.GeoSeries([f.geometry for f in local], crs=4326).to_crs(crs)
    true = [tuple(ax.transData.transform((p.x, p.y))) for p in frame]
    leaders = leader_ends(image)
    for spot in drawn_markers(image):
        at_home = any(math.dist(spot, t) < 1.5 for t in true)
        led = any(
            math.dist(spot, b) < 1.5 and any(math.dist(a, t) < 1.5 for t in true)
            for a, b in leaders
        )
        assert at_home or led, spot
    if size == "default":  # the close-up shows al-Nuri: no dot pushed aside beside Mosul
        nuri = true[local.index(story.feature("al-nuri-mosque"))]
        aside = [s for s in drawn_markers(image) if not any(math.dist(s, t) < 1.5 for t in true)]
        assert not [s for s in aside if math.dist(s, nuri) < 60]


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("lang", LANGS)
def test_names_overlap_nothing_and_stay_in_the_frame(
    print_images: PrintImages, lang: str, size: str
) -> None:
    image = print_images.built(lang, None, size)
    renderer = image.figure.canvas.get_renderer()
    frame = image.figure.axes[0].get_window_extent(renderer)
    boxes = [label.bbox for label in image.labels]
    boxes += [box for _, _, box in image.ground]
    for x0, y0, x1, y1 in boxes:
        assert frame.x0 - 1 <= x0 and x1 <= frame.x1 + 1
        assert frame.y0 - 1 <= y0 and y1 <= frame.y1 + 1
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            apart = a[2] <= b[0] + 1 or b[2] <= a[0] + 1 or a[3] <= b[1] + 1 or b[3] <= a[1] + 1
            assert apart, (a, b)
    # the close-up panel covers no name and no story mark
    for panel in image.figure.axes[1:]:
        e = panel.get_window_extent(renderer)
        if panel.get_zorder() != 5:
            continue
        for x0, y0, x1, y1 in boxes:
            assert x1 <= e.x0 or x0 >= e.x1 or y1 <= e.y0 or y0 >= e.y1, "name under the close-up"
        for x, y in drawn_markers(image):
            assert not (e.x0 <= x <= e.x1 and e.y0 <= y <= e.y1), "mark under the close-up"


def test_crossings_are_named_where_there_is_room_and_keyed_as_places(
    print_images: PrintImages,
) -> None:
    image = print_images.built("de", None, "default")
    named = {label.feature_id for label in image.labels}
    assert len(named & set(CROSSINGS)) >= 3
    assert "Orte" in svg_lines(print_images.svg("de", None, "default"))


def test_line_samples_are_close_enough_to_keep_names_off_the_line() -> None:
    def to_px(coordinates):
        return coordinates * 10.0

    line = shapely.LineString([(0, 0), (30, 0), (30, 20)])
    samples = line_samples(to_px, np.array([line], dtype=object), 3.0)
    assert samples[0] == (0.0, 0.0) and samples[-1] == (300.0, 200.0)
    assert max(math.dist(a, b) for a, b in itertools.pairwise(samples)) <= 3.0 + 1e-9


def story_line_samples(image, story: Story) -> list[tuple[float, float]]:
    """Points of the story's lines in display pixels, a few apart."""
    ax = image.figure.axes[0]
    (south, west), (north, east) = view_bounds(story, None)
    crs = _local_crs((west + east) / 2, (south + north) / 2)  # longitude first
    lines = [f.geometry for f in story.features if f.kind == "line" and not f.distant]
    projected = gpd.GeoSeries(lines, crs=4326).to_crs(crs).values
    return line_samples(ax.transData.transform, projected, 3)


def callout_boxes(image) -> list[tuple[float, float, float, float]]:
    from matplotlib.offsetbox import AnnotationBbox

    renderer = image.figure.canvas.get_renderer()
    ax = image.figure.axes[0]
    boxes = []
    for artist in ax.get_children():
        if isinstance(artist, AnnotationBbox):
            e = artist.patch.get_window_extent(renderer)
            boxes.append((e.x0, e.y0, e.x1, e.y1))
    return boxes


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("lang", LANGS)
def test_the_callout_keeps_off_the_story_line(
    story: Story, print_images: PrintImages, lang: str, size: str
) -> None:
    """The Raqqa callout once hid the border at column size."""
    image = print_images.built(lang, None, size)
    boxes = callout_boxes(image)
    assert boxes, "the region view shows the Raqqa callout"
    for x0, y0, x1, y1 in boxes:
        under = [p for p in story_line_samples(image, story) if x0 < p[0] < x1 and y0 < p[1] < y1]
        assert not under, (size, under[:3])


@pytest.mark.parametrize("lang", LANGS)
def test_every_crossing_is_named_at_the_default_size(print_images: PrintImages, lang: str) -> None:
    """Ras al-Ain, between two named crossings on the border, once went unnamed."""
    image = print_images.built(lang, None, "default")
    assert set(CROSSINGS) <= {label.feature_id for label in image.labels}


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("lang", LANGS)
def test_the_diamonds_beside_raqqa_are_keyed_by_name(
    story: Story, print_images: PrintImages, lang: str, size: str
) -> None:
    """The key says what each event mark is at every size: at column size it once said
    only 'Ereignisse', which explains no diamond."""
    texts = " ".join(svg_lines(print_images.svg(lang, None, size)))
    for event_id in ("raqqa-encircled", "russian-air-strike"):
        assert story.feature(event_id).name[lang] in texts
    assert KEY_WORDS[lang][2] not in texts.split()


@pytest.mark.parametrize("slug", ["porto-alegre", "kathmandu"])
@pytest.mark.parametrize("size", list(SIZES))
def test_places_on_one_spot_are_one_mark_named_for_both(tmp_path, slug: str, size: str) -> None:
    """A town and the dike breach 3 km away (Mosul and al-Nuri in the first story): never
    two dots on each other, and the second is named, with the first or in the close-up."""
    from tests.one_place import PLACES, crowded_story

    story = crowded_story(next(p for p in PLACES if p.slug == slug), tmp_path)
    image = build_static_map(story, "de", None, size)
    spots = drawn_markers(image)
    for a, b in itertools.combinations(spots, 2):
        assert math.dist(a, b) > 1.5, "two marks drawn on one spot"
    texts = svg_lines(image.to_bytes("svg"))  # saved after the marks are read from the figure
    assert "Deichbruch" in " ".join(texts)
    joint = [label.text for label in image.labels if "\n" in label.text]
    assert all(text.startswith(story.feature(slug).name.de) for text in joint)


def key_texts(image) -> list[str]:
    return [t.get_text() for legend in image.figure.legends for t in legend.get_texts()]


DASHED = {"de": "gestrichelt: ungefähre Lage", "en": "dashed: approximate"}


@pytest.mark.parametrize("lang", LANGS)
def test_the_key_explains_dashes_only_where_a_dashed_outline_is_seen(
    print_images: PrintImages, lang: str
) -> None:
    """At column size the region view has no close-up and the old city's and Raqqa's
    approximate outlines are a few points wide: the key once said "dashed" all the same.
    With the close-up (default size) the old city's outline is drawn dashed there."""
    assert DASHED[lang] not in key_texts(print_images.built(lang, None, "column"))
    assert DASHED[lang] in key_texts(print_images.built(lang, None, "default"))


def test_an_area_too_small_to_be_seen_is_not_keyed(tmp_path) -> None:
    """A flood area 1 km wide in a region view 300 km wide is a speck under its town's
    dot: the key once listed "areas" for it all the same."""
    from tests.one_place import PLACES, one_place_story

    place = next(p for p in PLACES if p.slug == "anchorage")
    story = one_place_story(place, tmp_path)
    geojson = story.path / "features.geojson"
    data = json.loads(geojson.read_text("utf-8"))
    d = 0.01
    ring = [[place.lon + dx, place.lat + dy] for dx, dy in ((-d, -d), (d, -d), (d, d), (-d, d))]
    data["features"].append(
        {
            "type": "Feature",
            "geometry": {"type": "Polygon", "coordinates": [ring + ring[:1]]},
            "properties": {
                "id": "flooded-block",
                "kind": "area",
                "name_de": "Überfluteter Block",
                "name_en": "Flooded block",
                "note_de": "Ein Block.",
                "note_en": "One block.",
                "sources": [{"kind": "article"}],
            },
        }
    )
    geojson.write_text(json.dumps(data), "utf-8")
    image = build_static_map(load_story(story.path), "en", None, "column")
    assert "Areas" not in key_texts(image)


def test_a_large_approximate_area_is_dashed_and_keyed_an_approximate_point_is_not(
    tmp_path,
) -> None:
    """Far from the first story: a town in Nepal whose position is approximate (a point
    shows no dashes), then a flood area 60 km wide whose outline is approximate."""
    from tests.one_place import PLACES, one_place_story

    place = next(p for p in PLACES if p.slug == "kathmandu")
    story = one_place_story(place, tmp_path)
    geojson = story.path / "features.geojson"
    data = json.loads(geojson.read_text("utf-8"))
    data["features"][0]["properties"]["estimate"] = True
    geojson.write_text(json.dumps(data), "utf-8")
    image = build_static_map(load_story(story.path), "en", None, "default")
    assert DASHED["en"] not in key_texts(image)
    half = 0.3
    ring = [
        [place.lon - half, place.lat - half / 2],
        [place.lon + half, place.lat - half / 2],
        [place.lon + half, place.lat + half / 2],
        [place.lon - half, place.lat + half / 2],
        [place.lon - half, place.lat - half / 2],
    ]
    area = {
        "type": "Feature",
        "geometry": {"type": "Polygon", "coordinates": [ring]},
        "properties": {
            "id": "flooded-area",
            "kind": "area",
            "name_de": "Überflutetes Gebiet",
            "name_en": "Flooded area",
            "note_de": "Ungefähre Ausdehnung.",
            "note_en": "Approximate extent.",
            "estimate": True,
            "sources": [{"kind": "article"}],
        },
    }
    data["features"].append(area)
    geojson.write_text(json.dumps(data), "utf-8")
    image = build_static_map(load_story(story.path), "en", None, "default")
    assert DASHED["en"] in key_texts(image)


@pytest.mark.parametrize("slug", ["porto-alegre", "kathmandu"])
@pytest.mark.parametrize("size", ["default", "column"])
def test_names_keep_off_the_story_line_where_there_is_room(tmp_path, slug: str, size: str) -> None:
    """A flood's town and its collapsed bridge, named together beside their dot, once lay
    over the edge of the flood drawn through it (Porto Alegre, column size), and
    Kathmandu's name over the line's end: the white box behind a name hides a line."""
    from tests.one_place import PLACES, flood_with_events

    story = flood_with_events(next(p for p in PLACES if p.slug == slug), tmp_path)
    image = build_static_map(story, "de", None, size)
    samples = story_line_samples(image, story)
    assert samples
    for label in image.labels:
        x0, y0, x1, y1 = label.bbox
        under = [p for p in samples if x0 < p[0] < x1 and y0 < p[1] < y1]
        assert not under, (label.text, under[:3])
