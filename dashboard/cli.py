"""Command line: `python -m dashboard validate PATH...` and `python -m dashboard export ...`.

Problems are printed one per line (file, feature, field, message); never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard.export import FORMATS, export
from dashboard.i18n import LANGS
from dashboard.story import STORY_FILE, StoryError, load_story, story_folders, validate_story


def _story_paths(path: Path) -> list[Path]:
    """A story folder itself, or every story folder below a folder of stories."""
    if (path / STORY_FILE).is_file() or not path.is_dir():
        return [path]
    return story_folders(path) or [path]


def validate(paths: list[str]) -> int:
    failed = False
    for raw in paths:
        for folder in _story_paths(Path(raw)):
            problems = validate_story(folder)
            if problems:
                failed = True
                for problem in problems:
                    print(problem)
            else:
                print(f"{folder}: ok")
    return 1 if failed else 0


def export_command(story_dir: str, fmt: str, lang: str, out: str) -> int:
    try:
        story = load_story(story_dir)
    except StoryError as error:
        for problem in error.problems:
            print(problem)
        return 1
    content = export(story, fmt, lang)  # type: ignore[arg-type]
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    Path(out).write_bytes(data)
    print(f"{out}: {len(data):,} bytes")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check story folders")
    check.add_argument("paths", nargs="+", help="story folders, or a folder of stories")
    out = commands.add_parser("export", help="export a story's map or data")
    out.add_argument("story_dir")
    out.add_argument("--format", choices=FORMATS, default="html")
    out.add_argument("--lang", choices=LANGS, default="de")
    out.add_argument("--out", required=True, help="file to write")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "validate":
            return validate(args.paths)
        return export_command(args.story_dir, args.format, args.lang, args.out)
    except OSError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
