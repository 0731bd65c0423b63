"""Every setting the dashboard takes from its environment, named and read here only.

The lower layers never read the environment: what a setting says is passed down to
them as a value. `serve` hands its command-line choices to the page (the Streamlit
script, which reads them here) by setting these same variables.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from dashboard.core.resources import BUNDLED_STORIES_DIR
from dashboard.render.tiles import DetailTiles

# Set for the page: the editor ("Neue Karte aus Artikel") is served only when asked.
EDITOR = "LAGEKARTE_EDITOR"
# The editor's password (the page asks for it when set). Required to serve the editor on
# any address but loopback: anyone on the network could otherwise write stories. An
# environment variable, not a flag, so that it never shows in the list of processes.
EDITOR_PASSWORD = "LAGEKARTE_EDITOR_PASSWORD"
# A folder of stories to show instead of the bundled ones (the newsroom's own), and where
# the editor saves.
STORIES = "LAGEKARTE_STORIES"
# The story readers land on (`default_story`): a slug; when it is not a published story
# of the folder, the most recently published one (see `StoryListing.landing`).
DEFAULT_STORY = "LAGEKARTE_DEFAULT_STORY"
# Opt-in detail tiles: a tile URL template or a PMTiles archive's URL (`.pmtiles`: the
# newsroom's own vector tiles), and optionally the provider's name and
# attribution line (environment variables, so no story and no reader can set them).
TILES = "LAGEKARTE_TILES"
TILES_NAME = "LAGEKARTE_TILES_NAME"
TILES_ATTRIBUTION = "LAGEKARTE_TILES_ATTRIBUTION"
# Where the editor saves when no folder of stories is given (the XDG base directory).
DATA_HOME = "XDG_DATA_HOME"
NAMES = (EDITOR, EDITOR_PASSWORD, STORIES, DEFAULT_STORY, TILES, TILES_NAME, TILES_ATTRIBUTION)

_log = logging.getLogger(__name__)


def _value(name: str) -> str:
    return os.environ.get(name, "").strip()


def editor_enabled() -> bool:
    """Editor mode is a property of the server, never of a URL."""
    return _value(EDITOR).lower() not in ("", "0", "false", "no")


def editor_password() -> str:
    """The editor's password as set (not stripped: spaces may be part of it)."""
    return os.environ.get(EDITOR_PASSWORD, "")


def stories_setting() -> str:
    """The folder of stories as set, or "" when none is."""
    return os.environ.get(STORIES) or ""


def stories_folder() -> Path:
    """The folder of stories the page shows: the one set, else the bundled stories."""
    return Path(stories_setting() or BUNDLED_STORIES_DIR)


def default_story() -> str | None:
    return os.environ.get(DEFAULT_STORY) or None


def newsroom_folder() -> Path:
    """`$XDG_DATA_HOME/lagekarte/stories`, by default `~/.local/share/lagekarte/stories`."""
    base = os.environ.get(DATA_HOME) or str(Path.home() / ".local" / "share")
    return Path(base) / "lagekarte" / "stories"


def hand_to_page(name: str, value: str) -> None:
    """Set one of the settings above for the page `serve` starts next."""
    if name not in NAMES:
        raise KeyError(f"{name} is no setting of the dashboard")
    os.environ[name] = value


def tiles() -> DetailTiles | None:
    """The dashboard's detail tiles, if the newsroom configured them (default: none).
    ValueError for a bad tile URL: `serve` checks it before it starts."""
    url = _value(TILES)
    if not url:
        return None
    try:
        return DetailTiles(url, _value(TILES_NAME), _value(TILES_ATTRIBUTION))
    except ValueError as error:
        raise ValueError(f"{TILES}: {error}") from None


def page_tiles() -> DetailTiles | None:
    """The tiles for the page: a bad setting (one that `serve` would have refused) means
    no tiles and a line in the server's log, never a broken page."""
    try:
        return tiles()
    except ValueError as error:
        _log.error("detail tiles are off: %s", error)
        return None
