"""The complete example in docs/story-format.md is itself a valid story."""

from __future__ import annotations

import re
from pathlib import Path

from dashboard.core.model import SOURCE_KINDS
from dashboard.reader.story import load_story
from tests.conftest import REPO


def test_story_format_example_is_valid(tmp_path: Path) -> None:
    doc = (REPO / "docs" / "story-format.md").read_text("utf-8")
    blocks = {
        name: re.search(
            rf"`geodata/stories/example/{re.escape(name)}`:\n\n```\w+\n(.*?)```", doc, re.DOTALL
        ).group(1)
        for name in ("story.toml", "features.geojson")
    }
    folder = tmp_path / "example"
    folder.mkdir()
    for name, content in blocks.items():
        (folder / name).write_text(content, "utf-8")
    story = load_story(folder)
    assert story.figures[0].low == 50000 and story.figures[0].high == 100000
    assert [e.hindsight for e in story.events] == [False, True]
    # a source of each kind, each as the format wants it
    records = (*story.features, *story.figures, *story.events)
    assert {s.kind for record in records for s in record.sources} == set(SOURCE_KINDS)
    assert story.warnings == ()
