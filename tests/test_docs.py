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


def readme_layout() -> str:
    readme = (REPO / "README.md").read_text("utf-8")
    section = readme.split("## Layout", 1)[1].split("\n## ", 1)[0]
    return section.split("```", 2)[1]


def test_the_readme_layout_names_every_module_and_folder_of_the_package() -> None:
    layout = readme_layout()
    package = REPO / "dashboard"
    named = set(re.findall(r"[\w*]+\.py", layout))
    missing = [
        path.relative_to(package).as_posix()
        for path in sorted(package.rglob("*.py"))
        if path.name != "__init__.py"
        and not any(Path(path.name).match(pattern) for pattern in named)
    ]
    assert not missing, f"README.md's layout misses {missing}"
    folders = {p.name for p in package.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert not [f for f in sorted(folders) if f"{f}/" not in layout]


def test_every_module_the_readme_layout_names_exists() -> None:
    package = REPO / "dashboard"
    files = {path.name for path in package.rglob("*.py")}
    named = re.findall(r"[\w*]+\.py", readme_layout().split("geodata/", 1)[0])
    assert not [n for n in named if not any(Path(f).match(n) for f in files)]
