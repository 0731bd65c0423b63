"""Every mark in a print image is named, on the map or in the key, at every size and view
in both languages, and no text box overlaps another or crosses its frame: as a graphics
desk checks an image before it goes to print. The first story (Mosul and al-Nuri on one
dot, two events beside Raqqa's dot) and a made-up flood in South America (a town and a
collapsed bridge on one spot, two events on the town's dot)."""

from __future__ import annotations

import re
from xml.etree import ElementTree

import geopandas as gpd
import pytest

from dashboard.core.geometry import view_bounds
from dashboard.core.i18n import text
from dashboard.core.model import Story
from dashboard.render.print.labels import PlacedLabel, name_joint_places
from dashboard.render.print.projection import local_crs
from dashboard.render.print.sizes import SIZES
from dashboard.render.print.static_map import StaticMap, build_static_map
from tests.conftest import PrintImages
from tests.one_place import PLACES, flood_with_events

SVG_TEXT = "{http://www.w3.org/2000/svg}text"
LANGS = ("de", "en")


def flat(words: str) -> str:
    return re.sub(r"\s+", " ", words).strip()


def svg_text(svg: bytes) -> str:
    root = ElementTree.fromstring(svg)
    return flat(" ".join("".join(node.itertext()) for node in root.iter(SVG_TEXT)))


def naming_texts(image: StaticMap) -> str:
    """What names a mark: the map's labels, the key, and the close-up panel's names."""
    words = [label.text for label in image.labels]
    words += [t.get_text() for legend in image.figure.legends for t in legend.get_texts()]
    words += [t.get_text() for ax in image.figure.axes[1:] for t in ax.texts]
    return flat(" ".join(words))


def marks_in_frame(image: StaticMap, story: Story, view: str | None) -> list:
    """The story's places and events whose spot lies inside the map's frame."""
    ax = image.figure.axes[0]
    (south, west), (north, east) = view_bounds(story, view)
    crs = local_crs((west + east) / 2, (south + north) / 2)
    marks = [f for f in story.features if f.kind in ("place", "event") and not f.distant]
    spots = gpd.GeoSeries([f.geometry for f in marks], crs=4326).to_crs(crs)
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    return [f for f, p in zip(marks, spots, strict=True) if x0 <= p.x <= x1 and y0 <= p.y <= y1]


def assert_every_mark_named(
    image: StaticMap, svg: bytes, story: Story, view: str | None, lang: str
) -> None:
    """`svg` is the image saved as SVG (a save lays the image out as print shows it)."""
    named, svg_words = naming_texts(image), svg_text(svg)
    places_key = text("layer.places", lang)
    for feature in marks_in_frame(image, story, view):
        name = flat(feature.name[lang])
        if feature.kind == "place" and not feature.labelled:
            # a minor place (a crossing on the border): named where there is room, else
            # the key says what its dot is
            assert name in named or places_key in named, (feature.id, view)
            continue
        assert name in named, (feature.id, view, named)
        assert name in svg_words, (feature.id, view)
    # the kind alone ("Events") says nothing of which diamond is which
    assert text("layer.events", lang) not in named.split()


def text_boxes(image: StaticMap) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Every box of text as drawn (the image drawn already): names on the map and the
    ground's, the key's entries, title, source line and credit, the close-up's names and
    the callouts."""
    from matplotlib.offsetbox import AnnotationBbox

    renderer = image.figure.canvas.get_renderer()
    boxes = [(label.text, label.bbox) for label in image.labels]
    boxes += [(name, box) for _, name, box in image.ground]
    texts = list(image.figure.texts)
    texts += [t for legend in image.figure.legends for t in legend.get_texts()]
    for item in texts:
        if item.get_text().strip():
            e = item.get_window_extent(renderer)
            boxes.append((item.get_text(), (e.x0, e.y0, e.x1, e.y1)))
    for artist in image.figure.axes[0].get_children():
        if isinstance(artist, AnnotationBbox):
            e = artist.patch.get_window_extent(renderer)
            boxes.append(("callout", (e.x0, e.y0, e.x1, e.y1)))
    return boxes


def assert_no_text_box_overlaps(image: StaticMap) -> None:
    """The image drawn already: the key lays out its entries when drawn."""
    renderer = image.figure.canvas.get_renderer()
    frame = image.figure.axes[0].get_window_extent(renderer)
    for name, (x0, y0, x1, y1) in [(label.text, label.bbox) for label in image.labels]:
        assert frame.x0 - 1 <= x0 and x1 <= frame.x1 + 1, (name, "crosses the map's frame")
        assert frame.y0 - 1 <= y0 and y1 <= frame.y1 + 1, (name, "crosses the map's frame")
    page = image.figure.bbox
    boxes = text_boxes(image)
    for panel in image.figure.axes[1:]:  # the close-up's names inside its frame, apart
        e = panel.get_window_extent(renderer)
        seen = [(item.get_text(), item.get_window_extent(renderer)) for item in panel.texts]
        for n, (name, b) in enumerate(seen):
            inside = e.x0 - 1 <= b.x0 and b.x1 <= e.x1 + 1 and e.y0 - 1 <= b.y0 and b.y1 <= e.y1 + 1
            assert inside, (name, "crosses the close-up's frame")
            for other, c in seen[n + 1 :]:
                assert not b.overlaps(c), (name, other, "overlap in the close-up")
    for name, (x0, y0, x1, y1) in boxes:
        assert page.x0 <= x0 and x1 <= page.x1 and page.y0 <= y0 and y1 <= page.y1, name
    for i, (a_name, a) in enumerate(boxes):
        for b_name, b in boxes[i + 1 :]:
            apart = a[2] <= b[0] + 1 or b[2] <= a[0] + 1 or a[3] <= b[1] + 1 or b[3] <= a[1] + 1
            assert apart, (a_name, b_name)


VIEWS = (None, "raqqa", "mosul-old-city")


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("lang", LANGS)
def test_first_story_every_mark_named_and_no_text_overlaps(
    story: Story, print_images: PrintImages, lang: str, size: str, view: str | None
) -> None:
    """At column size the key once said only "Ereignisse", and al-Nuri, merged into
    Mosul's dot, went unnamed; the key once ran into the credit; al-Nuri's name ran past
    the close-up's frame at four sizes."""
    assert {v.id for v in story.views} >= {v for v in VIEWS if v}
    image = print_images.drawn(lang, view, size)  # saved as SVG, then drawn
    assert_every_mark_named(image, print_images.svg(lang, view, size), story, view, lang)
    assert_no_text_box_overlaps(image)


@pytest.fixture(scope="module")
def flood(tmp_path_factory: pytest.TempPathFactory) -> Story:
    place = next(p for p in PLACES if p.slug == "porto-alegre")
    return flood_with_events(place, tmp_path_factory.mktemp("flood"))


@pytest.mark.parametrize("view", (None, "close"))
@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("lang", LANGS)
def test_made_up_flood_every_mark_named_and_no_text_overlaps(
    flood: Story, lang: str, size: str, view: str | None
) -> None:
    image = build_static_map(flood, lang, view, size)  # type: ignore[arg-type]
    svg = image.to_bytes("svg")
    image.figure.canvas.draw()
    assert_every_mark_named(image, svg, flood, view, lang)
    assert_no_text_box_overlaps(image)
    if view is None:  # the town and the bridge are one dot: drawn once, named for both
        town = flood.feature("porto-alegre").name[lang]
        assert [label for label in image.labels if flat(label.text).startswith(town)]


def refusing(allowed) -> object:
    """A label placer that places only the names `allowed` accepts (a crowded map)."""

    def place(candidates):
        return [
            PlacedLabel(feature_id, name, (0.0, 0.0, 1.0, 1.0))
            for feature_id, name, _, _ in candidates
            if allowed(name)
        ]

    return place


CANDIDATES = [("town", "Ciudad del Este", 0.0, 0.0), ("other", "Foz", 5.0, 5.0)]
STACKED = [(0, (0.0, 0.0), ["Ciudad del Este", "Puente de la Amistad"]), (1, (5.0, 5.0), ["Foz"])]


@pytest.mark.parametrize("lang", LANGS)
def test_a_joint_name_with_room_names_every_place_of_its_dot(lang: str) -> None:
    joint = name_joint_places(refusing(lambda name: True), CANDIDATES, STACKED, lang)  # type: ignore[arg-type]
    assert joint.key == []
    [town] = [label.text for label in joint.labels if label.feature_id == "town"]
    assert flat(town) == text("map.together", lang).format(
        first="Ciudad del Este", second="Puente de la Amistad"
    )


def test_a_joint_name_with_no_room_is_wrapped_narrower_then_lettered() -> None:
    # room only for two lines at most: the narrow joint name (four lines) does not fit
    joint = name_joint_places(
        refusing(lambda name: name.count("\n") < 1), CANDIDATES, STACKED, "en"
    )  # type: ignore[arg-type]
    [town] = [label.text for label in joint.labels if label.feature_id == "town"]
    assert town == "Ciudad del Este (A)"
    assert joint.key == [("A", "Ciudad del Este and Puente de la Amistad")]
    # room for nothing but a letter
    joint = name_joint_places(refusing(lambda name: len(name) <= 3), CANDIDATES, STACKED, "de")  # type: ignore[arg-type]
    assert [label.text for label in joint.labels] == ["Foz", "(A)"]
    assert joint.key == [("A", "Ciudad del Este und Puente de la Amistad")]
    # narrower wrapping is tried before a letter
    joint = name_joint_places(
        refusing(lambda name: max(map(len, name.split("\n"))) <= 15), CANDIDATES, STACKED, "en"
    )  # type: ignore[arg-type]
    assert joint.key == []
    [town] = [label.text for label in joint.labels if label.feature_id == "town"]
    assert town == "Ciudad del Este\nand Puente de\nla Amistad"
