"""Publishing a draft: validate it, then mark it `status = "published"` in its story.toml.

A draft (`status = "draft"`) is never shown to readers; publishing is the one step that
makes it visible. The file is rewritten beside itself and renamed over the old one, so a
reader's server sees the old file or the new one, never half of either, and only the
`status` line changes.
"""

from __future__ import annotations

import os
import re
import tempfile
import tomllib
from pathlib import Path

from dashboard.core.model import PUBLISHED, Problem
from dashboard.reader.fields import SLUG_PATTERN
from dashboard.reader.story import STORY_FILE, validate_story

STATUS_LINE = f'status = "{PUBLISHED}"'
# A top-level `status = …` line (with an optional comment after it).
_STATUS = re.compile(r"^[ \t]*status[ \t]*=[^\n]*$", re.MULTILINE)
# A table header (`[source]`, `[[views]]`): top-level keys stand before the first one.
_TABLE_HEADER = re.compile(
    r"^[ \t]*\[\[?[A-Za-z_][A-Za-z0-9_.-]*\]\]?[ \t]*(?:#.*)?$", re.MULTILINE
)
# Comment and blank lines at the top of the file: a new status line goes after them.
_LEADING_COMMENTS = re.compile(r"\A(?:[ \t]*(?:#[^\n]*)?\n)*")


def _story_folder(stories_dir: Path, slug: str) -> tuple[Path | None, list[Problem]]:
    """The folder of story `slug`, one plain name inside `stories_dir`, or why not."""
    file = str(stories_dir / slug / STORY_FILE)
    if not SLUG_PATTERN.match(slug):
        message = "a story's name is lower-case letters, digits and hyphens"
        return None, [Problem(file, "story", None, message)]
    folder = stories_dir / slug
    inside = folder.resolve().parent == stories_dir.resolve()
    if folder.is_symlink() or not inside or not (folder / STORY_FILE).is_file():
        return None, [Problem(file, "story", None, "no story of this name in the stories folder")]
    if (folder / STORY_FILE).is_symlink():
        return None, [Problem(file, "file", None, "story.toml is a link: not published")]
    return folder, []


def published_text(content: str) -> str:
    """story.toml's text with `status = "published"`: its status line replaced, or one
    added after the comments at its top. ValueError if the result is not the same story
    with that status."""
    top_end = m.start() if (m := _TABLE_HEADER.search(content)) else len(content)
    lines = list(_STATUS.finditer(content, 0, top_end))
    if lines:
        last = lines[-1]
        new = content[: last.start()] + STATUS_LINE + content[last.end() :]
    else:
        start = _LEADING_COMMENTS.match(content).end()  # type: ignore[union-attr]
        new = f"{content[:start]}{STATUS_LINE}\n{content[start:]}"
    old_data, new_data = tomllib.loads(content), tomllib.loads(new)
    old_data["status"] = PUBLISHED
    if new_data != old_data:
        raise ValueError("the status line could not be changed on its own")
    return new


def _replace_atomically(path: Path, content: str) -> None:
    """Write beside `path`, then rename over it: the old file stays until the new one is
    complete."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, path.stat().st_mode & 0o777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def publish_story(stories_dir: str | Path, slug: str) -> list[Problem]:
    """Publish the story `slug` in `stories_dir`: validate it, then set its status to
    published. Returns what stopped it (errors only: warnings do not stop a story); an
    empty list means it is published (also when it already was)."""
    stories_dir = Path(stories_dir)
    folder, problems = _story_folder(stories_dir, slug)
    if folder is None:
        return problems
    path = folder / STORY_FILE
    content = path.read_bytes()
    errors = [problem for problem in validate_story(folder) if not problem.warning]
    if errors:
        return errors
    if path.read_bytes() != content:  # the file validated is the file rewritten
        return [Problem(str(path), "story", None, "changed while it was checked: try again")]
    content = content.decode("utf-8")
    if tomllib.loads(content).get("date_unknown") is True:
        message = (
            "the article's date is not known: set published and as_of to it, then "
            "remove date_unknown"
        )
        return [Problem(str(path), "story", "date_unknown", message)]
    try:
        new = published_text(content)
    except ValueError as error:
        return [Problem(str(path), "story", "status", str(error))]
    if new != content:
        _replace_atomically(path, new)
    return []
