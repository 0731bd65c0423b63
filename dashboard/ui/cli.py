"""Command line: `python -m dashboard validate STORY...`, `python -m dashboard export ...`,
`python -m dashboard draft ARTICLE --out DIR`, `python -m dashboard publish SLUG`,
`python -m dashboard site OUT --base-url URL` and `python -m dashboard serve`.

A STORY is a story folder, a folder of stories, or the name of a story that comes with
the package (`is-caliphate-2017`).

Problems are printed one per line (file, feature, field, message); never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from dashboard.core.i18n import LANGS
from dashboard.core.resources import BUNDLED_STORIES_DIR
from dashboard.reader.story import STORY_FILE, StoryError, load_story, story_folders, validate_story
from dashboard.render.print.sizes import SIZE_NAMES
from dashboard.render.tiles import DetailTiles
from dashboard.ui import settings
from dashboard.ui.server import DEFAULT_PORT, LOOPBACK, serve

if TYPE_CHECKING:
    from dashboard.render.export import ExportOptions


def story_location(raw: str) -> Path:
    """A path as given or, if nothing is there, the bundled story of that name."""
    path = Path(raw)
    bundled = BUNDLED_STORIES_DIR / raw
    if not path.exists() and path.name == raw and (bundled / STORY_FILE).is_file():
        return bundled
    return path


def _story_paths(path: Path) -> list[Path]:
    """A story folder itself, or every story folder below a folder of stories."""
    if (path / STORY_FILE).is_file() or not path.is_dir():
        return [path]
    return story_folders(path) or [path]


def validate(paths: list[str]) -> int:
    failed = False
    for raw in paths:
        for folder in _story_paths(story_location(raw)):
            problems = validate_story(folder)
            for problem in problems:
                print(problem)
            if any(not problem.warning for problem in problems):
                failed = True
            else:
                print(f"{folder}: ok")
    return 1 if failed else 0


def export_command(
    story_dir: str, fmt: str, lang: str, out: str, options: ExportOptions | None = None
) -> int:
    # Imported here: the map and image libraries take a second to load, and `validate`
    # and `draft` do not need them.
    from dashboard.render.export import FORMATS, export

    if fmt not in FORMATS:
        print(f"error: --format {fmt!r}: choose one of {', '.join(FORMATS)}", file=sys.stderr)
        return 2
    try:
        story = load_story(story_location(story_dir))
    except StoryError as error:
        for problem in error.problems:
            print(problem)
        return 1
    try:
        content = export(story, fmt, lang, options)  # type: ignore[arg-type]
    except ValueError as error:  # an unknown view or size: say which ones there are
        print(f"{story_dir}: {error}")
        return 1
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    Path(out).write_bytes(data)
    print(f"{out}: {len(data):,} bytes")
    return 0


def draft_command(article: str, out: str, force: bool, published: str | None) -> int:
    from dashboard.ui.draft_cli import run_draft  # the gazetteer loads only for `draft`

    return run_draft(article, out, force, published)


def publish_command(slug: str, stories: str | None) -> int:
    """Validate the draft `slug` of the newsroom's folder and publish it."""
    from dashboard.draft.publish import publish_story

    folder = Path(stories or settings.stories_setting() or settings.newsroom_folder())
    problems = publish_story(folder, slug)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{slug}: not published", file=sys.stderr)
        return 1
    print(f"{slug}: published")
    return 0


def package_version() -> str:
    """The installed package's version (from its metadata: pyproject.toml says it)."""
    try:
        return metadata.version("lagekarte")
    except metadata.PackageNotFoundError:
        return "(not installed)"


def _add_export(commands) -> None:
    """The export command: one story, one format, one file."""
    out = commands.add_parser("export", help="export a story's map or data")
    out.add_argument("story_dir", help="a story folder or the name of a bundled story")
    out.add_argument("--format", default="html", help="html, embed, png, svg, geojson or csv")
    out.add_argument("--lang", choices=LANGS, default="de")
    out.add_argument("--out", required=True, help="file to write")
    out.add_argument("--view", help="the story view to show (default: its first)")
    out.add_argument(
        "--size",
        choices=SIZE_NAMES,
        default="default",
        help="PNG/SVG size: column 8 cm, double 17 cm (300 dpi), social "
        "1200x675, square 1080x1080, portrait 1080x1350 px; default 12x8 in",
    )
    out.add_argument(
        "--tiles",
        metavar="URL",
        help="HTML: offer street-level tiles from this server "
        "(https://host/{z}/{x}/{y}.png) or the newsroom's own vector tiles "
        "(https://host/path/area.pmtiles), loaded only when the reader asks",
    )
    out.add_argument("--tiles-name", default="", help="the tile provider, as the map names it")
    out.add_argument("--tiles-attribution", default="", help="the tiles' credit line")


def build_parser() -> argparse.ArgumentParser:
    # `lagekarte`, the installed command, or `python -m dashboard` in a checkout
    prog = "lagekarte" if Path(sys.argv[0]).name == "lagekarte" else "python -m dashboard"
    parser = argparse.ArgumentParser(prog=prog, description=__doc__)
    parser.add_argument("--version", action="version", version=f"%(prog)s {package_version()}")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check story folders")
    check.add_argument(
        "paths", nargs="+", help="story folders, folders of stories, or bundled story names"
    )
    _add_export(commands)
    draft = commands.add_parser("draft", help="draft a story folder from an article")
    draft.add_argument("article", help="the article: a .txt or .html file")
    draft.add_argument("--out", required=True, help="story folder to write (its name is the slug)")
    draft.add_argument("--force", action="store_true", help="replace an existing folder")
    draft.add_argument("--date", help="date of publication (YYYY-MM-DD) if no date line")
    publish = commands.add_parser("publish", help="validate a draft and publish it")
    publish.add_argument("slug", help="the story's name (its folder in the stories folder)")
    publish.add_argument(
        "--stories",
        help=f"the newsroom's folder of stories (default: {settings.STORIES}, "
        "else where the editor saves)",
    )
    site = commands.add_parser(
        "site", help="write the published stories as a static site for readers (any CDN)"
    )
    site.add_argument("out", help="the folder to write (new, empty, or an earlier site)")
    site.add_argument(
        "--base-url",
        required=True,
        help="the http(s) address the folder will be served from; embed codes point there",
    )
    site.add_argument(
        "--stories",
        help=f"a folder of stories (default: {settings.STORIES}, else the bundled ones)",
    )
    site.add_argument(
        "--sizes",
        nargs="+",
        choices=SIZE_NAMES,
        default=list(SIZE_NAMES),
        metavar="SIZE",
        help=f"the image sizes to make (default: all of {', '.join(SIZE_NAMES)})",
    )
    run = commands.add_parser("serve", help="serve the dashboard (on this machine only)")
    run.add_argument("--port", type=int, default=DEFAULT_PORT)
    run.add_argument("--stories", help="a folder of stories to show instead of the bundled ones")
    run.add_argument(
        "--address",
        default=LOOPBACK,
        help="address to listen on; 0.0.0.0 serves every network this machine is on",
    )
    run.add_argument(
        "--default-story",
        metavar="SLUG",
        help="the story readers land on (default: the most recently published)",
    )
    run.add_argument(
        "--editor",
        action="store_true",
        help="also serve the editor page that drafts a story from an article (newsroom only)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "validate":
            return validate(args.paths)
        if args.command == "serve":
            return serve(args.port, args.stories, args.address, args.editor, args.default_story)
        if args.command == "publish":
            return publish_command(args.slug, args.stories)
        if args.command == "site":
            from dashboard.ui.site_cli import run_site  # matplotlib and folium: only here

            return run_site(args.out, args.base_url, args.stories, args.sizes)
        if args.command == "draft":
            return draft_command(args.article, args.out, args.force, args.date)
        try:
            tiles = (
                DetailTiles(args.tiles, args.tiles_name, args.tiles_attribution)
                if args.tiles
                else None
            )
        except ValueError as error:
            print(f"error: --tiles: {error}", file=sys.stderr)
            return 2
        from dashboard.render.export import ExportOptions

        options = ExportOptions(view=args.view, size=args.size, tiles=tiles)
        return export_command(args.story_dir, args.format, args.lang, args.out, options)
    except OSError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
