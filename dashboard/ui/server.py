"""`python -m dashboard serve`: the dashboard on this machine only, unless asked otherwise.

Private by default: the server listens on loopback (127.0.0.1), sends no usage
statistics, and never asks a third party for this machine's public address (Streamlit
does that when it listens on every interface without a named address, and whenever a
page on another site tries to open its WebSocket: see `no_address_lookups`). The settings
are passed to Streamlit directly, so they hold from any folder; `.streamlit/config.toml`
repeats them for `streamlit run dashboard/ui/page.py` in a checkout (a test keeps both equal).
"""

from __future__ import annotations

import gc
import ipaddress
import socket
import sys
from functools import cache
from pathlib import Path
from typing import Any

from dashboard.core.palette import PALETTE
from dashboard.core.resources import package_path
from dashboard.ui import settings

LOOPBACK = "127.0.0.1"
DEFAULT_PORT = 8501
# Every setting that keeps the server private and the page as designed.
SETTINGS: dict[str, Any] = {
    "server.address": LOOPBACK,
    "server.headless": True,
    "server.runOnSave": False,
    "server.enableStaticServing": False,
    "browser.gatherUsageStats": False,
    "client.showErrorDetails": "none",
    "client.toolbarMode": "minimal",
    "theme.base": "light",
    "theme.primaryColor": PALETTE["accent"],
    "theme.backgroundColor": PALETTE["paper"],
    "theme.secondaryBackgroundColor": PALETTE["land"],
    "theme.textColor": PALETTE["text"],
}


@cache
def freeze_long_lived() -> None:
    """Take every object alive now out of Python's garbage collections, once per process.

    Called when the first map's data has been made: the ground it read (the world's
    layers, kept for the life of the process) is some 200,000 objects, and a full
    collection walked all of them with every thread stopped, 0.1-0.4 s, at nearly every
    page load (the page's files and messages waited for it). What is garbage now is
    collected first; frozen objects are never freed, hence once.
    """
    gc.collect()
    gc.freeze()


def is_loopback(address: str) -> bool:
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return address == "localhost"


def streamlit_arguments(port: int, address: str = LOOPBACK) -> list[str]:
    """`streamlit run` arguments for the installed page with the private settings."""
    settings = {**SETTINGS, "server.port": port, "server.address": address}
    if not is_loopback(address):
        # Served on a network on purpose: name the URL after this machine, so that
        # Streamlit does not look up its addresses (one of the lookups asks a web service).
        settings["browser.serverAddress"] = socket.gethostname()
    flags = [
        f"--{key}={str(value).lower() if isinstance(value, bool) else value}"
        for key, value in settings.items()
    ]
    return ["run", str(package_path("dashboard", "ui", "page.py")), *flags]


def _no_address() -> None:
    return None


def no_address_lookups() -> None:
    """Keep Streamlit from finding this machine's addresses over the network.

    A WebSocket whose Origin is another site is refused, but first Streamlit compares
    that site with this machine's addresses (`is_url_from_allowed_origins` in
    streamlit/web/server/server_util.py), which it finds by a UDP connect to 8.8.8.8 and
    by asking checkip.amazonaws.com; a failed answer is not kept, so every attempt asks
    again, and naming `browser.serverAddress` does not stop it. Any page a journalist
    visits could make the server ask. Without those answers the check still allows
    loopback, the named address and the page's own origin (same host), and refuses the
    rest: only the lookups go."""
    from streamlit import net_util

    net_util.get_external_ip = _no_address
    net_util.get_internal_ip = _no_address


def check_default_story() -> str | None:
    """An error line for a `default_story` that is no story name; a warning line (the
    server still starts) for one that is not a published story of the folder yet."""
    from dashboard.reader.fields import SLUG_PATTERN
    from dashboard.reader.story import load_stories

    slug = settings.default_story()
    if not slug:
        return None
    if not SLUG_PATTERN.match(slug):
        return (
            f"error: default story {slug!r}: a story's name is lower-case "
            "letters, digits and hyphens"
        )
    folder = settings.stories_folder()
    readers = load_stories(folder).published_only()
    if slug in readers.stories:
        return None
    return (
        f"warning: default story {slug!r} is not a published story in {folder}: "
        f"readers land on {readers.landing()!r} until it is"
    )


def editor_refusal(address: str) -> str | None:
    """Why the editor may not be served on `address`, or None when it may."""
    if is_loopback(address) or settings.editor_password():
        return None
    return (
        f"error: the editor on {address} would let anyone on the network write stories: "
        f"set {settings.EDITOR_PASSWORD} to a password (the editor page asks for it), "
        f"or serve on {LOOPBACK}"
    )


def serve(
    port: int = DEFAULT_PORT,
    stories: str | None = None,
    address: str = LOOPBACK,
    editor: bool = False,
    default_story: str | None = None,
) -> int:
    """Run the dashboard until interrupted; `stories` is a folder of stories to show
    instead of the bundled ones; `editor` also serves the page that drafts a story from
    an article and saves it there (for a newsroom's own machine, never the public)."""
    try:
        settings.tiles()  # a bad setting is refused now, not on every page
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if editor:
        refusal = editor_refusal(address)
        if refusal:
            print(refusal, file=sys.stderr)
            return 2
        settings.hand_to_page(settings.EDITOR, "1")
        if stories is None and not settings.stories_setting():
            newsroom = settings.newsroom_folder()
            newsroom.mkdir(parents=True, exist_ok=True)
            stories = str(newsroom)
            print(f"the editor saves stories in {newsroom} (--stories DIR chooses another)")
    if stories is not None:
        folder = Path(stories).resolve()
        if not folder.is_dir():
            print(f"error: --stories {stories}: not a folder", file=sys.stderr)
            return 2
        settings.hand_to_page(settings.STORIES, str(folder))
    elif settings.stories_setting() and not settings.stories_folder().is_dir():
        print(
            f"error: {settings.STORIES} {settings.stories_setting()}: not a folder", file=sys.stderr
        )
        return 2
    if default_story is not None:
        settings.hand_to_page(settings.DEFAULT_STORY, default_story)
    message = check_default_story()
    if message:
        print(message, file=sys.stderr)
        if message.startswith("error"):
            return 2
    from streamlit.web import cli as streamlit_cli

    no_address_lookups()
    streamlit_cli.main(
        streamlit_arguments(port, address), prog_name="streamlit", standalone_mode=False
    )
    return 0
