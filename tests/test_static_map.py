"""PNG and SVG of a story: print size, text stays text, labels do not overlap."""

from __future__ import annotations

import struct
from xml.etree import ElementTree

import pytest

from dashboard.export import export
from dashboard.model import Story
from dashboard.static_map import build_static_map
from dashboard.wording import source_line

SVG_TEXT = "{http://www.w3.org/2000/svg}text"


def svg_texts(svg: str) -> set[str]:
    return {"".join(node.itertext()).strip() for node in ElementTree.fromstring(svg).iter(SVG_TEXT)}


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize(
    ("lang", "names"), [("de", ("Mossul", "Rakka")), ("en", ("Mosul", "Raqqa"))]
)
def test_svg_keeps_place_names_as_text(story: Story, lang: str, names: tuple[str, str]) -> None:
    svg = export(story, "svg", lang)
    root = ElementTree.fromstring(svg)
    texts = {
        "".join(node.itertext()).strip() for node in root.iter("{http://www.w3.org/2000/svg}text")
    }
    for name in names:
        assert name in texts
    assert story.credit[lang] in texts


def test_png_is_print_size(story: Story) -> None:
    width, height = png_size(export(story, "png", "de"))
    assert width >= 2400 and height > 1000


def test_main_place_labels_do_not_overlap(story: Story) -> None:
    for lang in ("de", "en"):
        labels = build_static_map(story, lang).labels
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
    assert tiny.title[lang] in texts and tiny.credit[lang] in texts


def test_close_labelled_places_get_one_label(tiny: Story) -> None:
    placed = {label.feature_id for label in build_static_map(tiny, "en", view="region").labels}
    assert "harbour" in placed and "hilltop" in placed
    assert "lighthouse" not in placed  # drawn on top of the harbour at this scale
