"""PNG and SVG of a story: print size, text stays text, labels do not overlap."""

from __future__ import annotations

import re
import struct
from xml.etree import ElementTree

import pytest

from dashboard.core.model import Story
from dashboard.core.wording import source_line
from dashboard.render.export import ExportOptions, export
from dashboard.render.print.sizes import MIN_PT, SIZES
from dashboard.render.print.static_map import build_static_map
from tests.conftest import PrintImages

SVG_TEXT = "{http://www.w3.org/2000/svg}text"


def svg_texts(svg: str) -> set[str]:
    return {"".join(node.itertext()).strip() for node in ElementTree.fromstring(svg).iter(SVG_TEXT)}


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize(
    ("lang", "names"), [("de", ("Mossul", "Rakka")), ("en", ("Mosul", "Raqqa"))]
)
def test_svg_keeps_place_names_as_text(
    story: Story, print_images: PrintImages, lang: str, names: tuple[str, str]
) -> None:
    svg = print_images.svg(lang)
    root = ElementTree.fromstring(svg)
    texts = {
        "".join(node.itertext()).strip() for node in root.iter("{http://www.w3.org/2000/svg}text")
    }
    for name in names:
        assert name in texts
    # the credit line, followed by the context layers' sources
    assert any(t.startswith(story.credit[lang]) for t in texts)


def test_the_shared_print_images_svg_is_the_export(story: Story, print_images: PrintImages) -> None:
    """Tests read the SVG made once per process (`print_images`) for what `export` makes."""
    assert print_images.svg("de") == export(story, "svg", "de")


def test_png_is_print_size(story: Story) -> None:
    width, height = png_size(export(story, "png", "de"))
    assert width >= 2400 and height > 1000


def test_main_place_labels_do_not_overlap(print_images: PrintImages) -> None:
    for lang in ("de", "en"):
        labels = print_images.built(lang).labels
        placed = {label.feature_id for label in labels}
        assert {"mosul", "raqqa"} <= placed
        for i, a in enumerate(labels):
            for b in labels[i + 1 :]:
                overlap = (
                    a.bbox[0] < b.bbox[2]
                    and b.bbox[0] < a.bbox[2]
                    and (a.bbox[1] < b.bbox[3] and b.bbox[1] < a.bbox[3])
                )
                assert not overlap, (a, b)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_print_image_names_the_article_as_its_source(tiny: Story, lang: str) -> None:
    texts = svg_texts(export(tiny, "svg", lang))
    assert any(source_line(tiny, lang) in t for t in texts)
    assert tiny.title[lang] in texts
    assert any(t.startswith(tiny.credit[lang]) for t in texts)


def test_close_labelled_places_get_one_label(tiny: Story) -> None:
    placed = {label.feature_id for label in build_static_map(tiny, "en", view="region").labels}
    assert "harbour" in placed and "hilltop" in placed
    assert "lighthouse" not in placed  # drawn on top of the harbour at this scale


def svg_text_list(data: bytes | str) -> list[str]:
    nodes = ElementTree.fromstring(data).iter(SVG_TEXT)
    return ["".join(node.itertext()).strip() for node in nodes]


@pytest.mark.parametrize(
    ("size", "pixels"),
    [
        ("social", (1200, 675)),
        ("portrait", (1080, 1350)),
        ("square", (1080, 1080)),
        ("column", (944, 1181)),
        ("double", (2007, 1299)),
        ("default", (2640, 1760)),
    ],
)
def test_sizes_by_name_are_exact(story: Story, size: str, pixels: tuple[int, int]) -> None:
    data = export(story, "png", "en", ExportOptions(size=size))
    assert png_size(data) == pixels == SIZES[size].pixels


def test_column_is_8_cm_at_300_dpi_and_double_17_cm() -> None:
    assert SIZES["column"].width_in * 2.54 == pytest.approx(8)
    assert SIZES["double"].width_in * 2.54 == pytest.approx(17)
    assert SIZES["column"].dpi == SIZES["double"].dpi == 300


@pytest.mark.parametrize("lang", ["de", "en"])
def test_region_image_names_the_ground_and_shows_the_callout(
    print_images: PrintImages, lang: str
) -> None:
    texts = " | ".join(svg_text_list(print_images.svg(lang)))
    expected = {
        "de": ("TÜRKEI", "SYRIEN", "IRAK", "Euphrat", "Tigris", "50.000–100.000", "Legende"),
        "en": ("TURKEY", "SYRIA", "IRAQ", "Euphrates", "Tigris", "50,000–100,000", "Legend"),
    }[lang]
    for name in expected[:-1]:
        assert name in texts, name
    assert "Orte" in texts if lang == "de" else "Places" in texts  # the key


def test_old_city_and_al_nuri_are_drawn_in_the_region_image(print_images: PrintImages) -> None:
    texts = svg_text_list(print_images.svg("de"))
    assert "Altstadt von Mossul" in texts  # the close-up panel's name
    assert any("Große Moschee" in t for t in texts)


def test_view_makes_the_old_city_close_up(print_images: PrintImages) -> None:
    image = print_images.built("de", "mosul-old-city", "default")
    assert {label.feature_id for label in image.labels} >= {"al-nuri-mosque"}
    # 1:50m rivers and country names do not belong at street scale
    assert not {layer for layer, _, _ in image.ground} & {"river", "country", "sea"}


def test_raqqas_events_are_not_hidden_under_its_dot(print_images: PrintImages) -> None:
    image = print_images.built("en", None, "social")
    ax = image.figure.axes[0]
    markers = [line for line in ax.get_lines() if line.get_marker() in ("o", "D")]
    spots = [tuple(ax.transData.transform(xy)) for line in markers for xy in line.get_xydata()]
    assert len(spots) >= 10
    for i, a in enumerate(spots):
        for b in spots[i + 1 :]:
            assert (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2 > 9, (a, b)


@pytest.mark.parametrize("size", list(SIZES))
def test_no_text_smaller_than_7_pt(print_images: PrintImages, size: str) -> None:
    svg = print_images.svg("de", None, size).decode()
    sizes = [float(v) for v in re.findall(r"font-size: ([\d.]+)px", svg)]  # SVG units: pt
    assert sizes and min(sizes) >= MIN_PT - 0.01


def test_unknown_view_or_size_is_named(story: Story) -> None:
    with pytest.raises(ValueError, match="unknown view 'nowhere': use one of region"):
        export(story, "png", "de", ExportOptions(view="nowhere"))
    with pytest.raises(ValueError, match="unknown size 'huge'"):
        export(story, "png", "de", ExportOptions(size="huge"))
