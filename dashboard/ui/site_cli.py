"""`python -m dashboard site OUT --base-url URL [--stories DIR] [--sizes NAME...]`.

Writes the static site (`dashboard.render.site`) to the folder OUT. The site is written
beside OUT first and put in its place when whole, so a host serving OUT never sees half a
site. OUT may be missing, empty, or an earlier site (one holding its manifest.json); any
other folder is refused and nothing in it is touched.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from dashboard.reader.story import load_stories
from dashboard.render.site import MANIFEST, PROVIDER, BaseUrlError, check_base_url, site_files
from dashboard.ui import settings


class SiteFolderError(Exception):
    """OUT is not a folder the site may be written to."""


def _is_site(folder: Path) -> bool:
    """Whether `folder` holds a site this command wrote (its manifest says so)."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(manifest, dict) and manifest.get("generator") == PROVIDER


def check_out_folder(out: Path) -> None:
    """SiteFolderError unless OUT is missing, an empty folder, or an earlier site."""
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise SiteFolderError(f"{out}: not a folder")
    if out.is_dir() and any(out.iterdir()) and not _is_site(out):
        raise SiteFolderError(
            f"{out}: holds files but no {MANIFEST} of a site: choose an empty or new folder"
        )


def write_site(files: dict[str, bytes], out: Path) -> None:
    """Write the site's files to a new folder beside OUT, then put it in OUT's place."""
    check_out_folder(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".writing", dir=out.parent))
    try:
        for relative, content in files.items():
            path = work / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
            path.chmod(0o644)
        for folder in [work, *(p for p in work.rglob("*") if p.is_dir())]:
            folder.chmod(0o755)  # a web server running as another user reads it
        if out.is_dir():
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".old", dir=out.parent))
            os.replace(out, old / "site")
            os.replace(work, out)
            shutil.rmtree(old)
        else:
            os.replace(work, out)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise


def run_site(out: str, base_url: str, stories: str | None, sizes: Sequence[str]) -> int:
    try:
        base = check_base_url(base_url)
        check_out_folder(Path(out))
    except (BaseUrlError, SiteFolderError) as error:
        option = "--base-url" if isinstance(error, BaseUrlError) else "OUT"
        print(f"error: {option}: {error}", file=sys.stderr)
        return 2
    folder = Path(stories) if stories else settings.stories_folder()
    if not folder.is_dir():
        print(f"error: --stories {folder}: not a folder", file=sys.stderr)
        return 2
    readers = load_stories(folder).published_only()
    if readers.broken:  # a published story readers would miss: the desk must hear of it
        for problems in readers.broken.values():
            for problem in problems:
                print(problem)
        print(f"{out}: not written: fix the published stories above", file=sys.stderr)
        return 1
    files = site_files(
        readers.stories.values(), base, sizes, progress=lambda path: print(f"making {path}")
    )
    write_site(files, Path(out))
    total = sum(len(content) for content in files.values())
    print(f"{out}: {len(readers.stories)} stories, {len(files)} files, {total:,} bytes")
    return 0
