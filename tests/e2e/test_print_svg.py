"""The SVG for the print desk, opened in Chromium with its embedded typeface: no text
box overlaps another, at every size and view."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.core.model import Story
from dashboard.render.export import ExportOptions, export

pytestmark = pytest.mark.browser

TEXT_BOXES = """() => [...document.querySelectorAll('text')].map(t => {
    const r = t.getBoundingClientRect();
    return {text: t.textContent, box: [r.left, r.top, r.right, r.bottom]};
}).filter(t => t.text.trim() && t.box[2] > t.box[0])"""


def overlapping(items: list[dict], slack: float = 1.0) -> list[tuple[str, str]]:
    pairs = []
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            (ax0, ay0, ax1, ay1), (bx0, by0, bx1, by1) = a["box"], b["box"]
            if ax0 < bx1 - slack and bx0 < ax1 - slack and ay0 < by1 - slack and by0 < ay1 - slack:
                pairs.append((a["text"], b["text"]))
    return pairs


@pytest.mark.parametrize(
    ("lang", "view", "size"),
    [
        ("de", None, "default"),
        ("en", None, "social"),
        ("de", None, "column"),
        ("en", None, "portrait"),
        ("de", "mosul-old-city", "default"),
        ("en", "raqqa", "square"),
    ],
)
def test_svg_text_boxes_do_not_overlap(
    watched_page, story: Story, tmp_path: Path, lang: str, view: str | None, size: str
) -> None:
    path = tmp_path / "map.svg"
    path.write_bytes(export(story, "svg", lang, ExportOptions(view=view, size=size)))  # type: ignore[arg-type]
    page = watched_page(viewport={"width": 1400, "height": 1000})
    page.goto(path.as_uri())
    page.evaluate("() => document.fonts.ready.then(() => true)")
    assert page.evaluate("() => document.fonts.check('12px \"Noto Sans\"')")
    items = page.evaluate(TEXT_BOXES)
    assert len(items) > 8
    assert overlapping(items) == []
    assert page.watch.foreign == [] and page.watch.errors == []
