"""Writing a story folder so that nothing else is ever lost.

- A name is claimed before anything is written: the work folder beside the target,
  `.<slug>.saving`, is made with `os.mkdir`, which only one process can do. A second
  writer of the same name is told that a save is under way; it deletes nothing.
- The folder is written and validated inside the work folder, then renamed into place
  with `renameat2`: `RENAME_NOREPLACE` for a new name (a folder someone made meanwhile,
  by any means, is never replaced), `RENAME_EXCHANGE` to replace a story (the old folder
  stays whole until the new one is in its place; readers never see the name missing).
- Only a story folder is replaced: a real folder (not a link) holding `story.toml` and
  `features.geojson` as files and nothing else but the `draft.json` the writer puts
  beside them. What was there is checked again after the exchange and put back if it is
  not a story folder (someone put something else there meanwhile).

Where `renameat2` is missing (not Linux, an old C library, a file system without it) the
same steps use `os.rename`, which refuses to move a folder onto a folder with contents.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
import stat
import time
from collections.abc import Iterator
from pathlib import Path

from dashboard.reader.story import FEATURES_FILE, STORY_FILE, Problem

DRAFT_FILE = "draft.json"
STORY_FOLDER_FILES = frozenset({STORY_FILE, FEATURES_FILE})
ALLOWED_FILES = STORY_FOLDER_FILES | {DRAFT_FILE}
CLAIM_SUFFIX = ".saving"
# A claim older than this was left by a writer that died (a save takes seconds).
STALE_CLAIM_SECONDS = 600.0

_AT_FDCWD = -100
_RENAME_NOREPLACE = 1
_RENAME_EXCHANGE = 2


class DraftWriteError(Exception):
    """The folder could not be written. `reason` says why in one word, for a page that
    words it in its reader's language without naming server paths: "slug", "exists",
    "not_a_story", "busy", "invalid" (then `problems` lists the validation problems, and
    the draft was written all the same: `folder`)."""

    def __init__(
        self,
        message: str,
        problems: list[Problem] | None = None,
        reason: str = "",
        folder: Path | None = None,
    ):
        self.problems = problems or []
        self.reason = reason
        self.folder = folder  # where the draft was kept nevertheless ("invalid")
        super().__init__(message)


def _renameat2(source: Path, target: Path, flags: int) -> bool:
    """True when done; False when this system has no renameat2 (the caller falls back)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        function = libc.renameat2
    except (OSError, AttributeError):
        return False
    function.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    result = function(_AT_FDCWD, os.fsencode(source), _AT_FDCWD, os.fsencode(target), flags)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL):  # not offered by the kernel or file system
        return False
    raise OSError(code, os.strerror(code), str(target))


def rename_new(source: Path, target: Path) -> None:
    """Rename `source` to `target`, which must not exist (FileExistsError if it does)."""
    if _renameat2(source, target, _RENAME_NOREPLACE):
        return
    if os.path.lexists(target):
        raise FileExistsError(errno.EEXIST, "exists", str(target))
    os.rename(source, target)  # refuses a folder with contents in its way


def exchange(new: Path, old: Path) -> None:
    """Swap two folders; the fallback moves the old one aside first."""
    if _renameat2(new, old, _RENAME_EXCHANGE):
        return
    aside = new.with_name(new.name + ".old")
    os.rename(old, aside)
    try:
        rename_new(new, old)
    except OSError:
        os.rename(aside, old)
        raise
    os.rename(aside, new)


def is_story_folder(folder: Path) -> bool:
    """A real folder holding the story files as plain files, and nothing else."""
    try:
        if not stat.S_ISDIR(os.lstat(folder).st_mode):
            return False
        names = set(os.listdir(folder))
        if not STORY_FOLDER_FILES <= names <= ALLOWED_FILES:
            return False
        return all(stat.S_ISREG(os.lstat(folder / name).st_mode) for name in names)
    except OSError:
        return False


def check_target(target: Path, force: bool) -> None:
    """Refuse before anything is written: an existing name without `force`, or with
    `force` anything that is not a story folder."""
    if not os.path.lexists(target):
        return
    if not force:
        raise DraftWriteError(
            f"{target} exists: nothing written (use --force to replace it)", reason="exists"
        )
    if not is_story_folder(target):
        raise DraftWriteError(
            f"{target} is not a story folder (only a folder holding {STORY_FILE} and "
            f"{FEATURES_FILE}, and {DRAFT_FILE}, is replaced): nothing written or deleted",
            reason="not_a_story",
        )


@contextlib.contextmanager
def claim(target: Path) -> Iterator[Path]:
    """The work folder beside `target`, made by this writer alone; removed afterwards."""
    work = target.with_name(f".{target.name}{CLAIM_SUFFIX}")
    for attempt in range(2):
        try:
            os.mkdir(work)
            break
        except FileExistsError:
            if attempt == 0 and _stale(work):
                shutil.rmtree(work, ignore_errors=True)
                continue
            raise DraftWriteError(
                f"{target}: another save of this name is under way: nothing written",
                reason="busy",
            ) from None
    try:
        yield work
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _stale(work: Path) -> bool:
    try:
        return time.time() - os.lstat(work).st_mtime > STALE_CLAIM_SECONDS
    except OSError:
        return False


def move_into_place(staged: Path, target: Path, force: bool) -> None:
    """The validated folder into its place: a new name, or with `force` in exchange for a
    story folder (the old one ends up where `staged` was, removed with the work folder)."""
    if not force or not os.path.lexists(target):
        try:
            rename_new(staged, target)
            return
        except FileExistsError:
            raise DraftWriteError(
                f"{target} exists (made while this draft was written): nothing written",
                reason="exists",
            ) from None
    exchange(staged, target)
    if not is_story_folder(staged):  # replaced meanwhile by something else: put it back
        exchange(staged, target)
        raise DraftWriteError(
            f"{target} is not a story folder: nothing written or deleted", reason="not_a_story"
        )
