"""`python -m dashboard serve`: private settings, the same as the checkout's config."""

from __future__ import annotations

import subprocess
import sys
import tomllib

from dashboard.ui.server import SETTINGS, streamlit_arguments
from tests.conftest import REPO


def test_checkout_config_holds_the_same_private_settings() -> None:
    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text("utf-8"))
    flat = {
        f"{section}.{key}": value
        for section, table in config.items()
        for key, value in table.items()
    }
    assert flat == SETTINGS


def test_private_by_default() -> None:
    assert SETTINGS["server.address"] == "127.0.0.1"
    assert SETTINGS["browser.gatherUsageStats"] is False
    arguments = streamlit_arguments(8600)
    assert arguments[0] == "run" and arguments[1].endswith("page.py")
    assert "--server.address=127.0.0.1" in arguments and "--server.port=8600" in arguments
    assert "--browser.gatherUsageStats=false" in arguments
    assert not any(a.startswith("--browser.serverAddress") for a in arguments)


def test_serving_on_a_network_names_this_machine_instead_of_looking_it_up() -> None:
    arguments = streamlit_arguments(8600, "0.0.0.0")
    assert "--server.address=0.0.0.0" in arguments
    assert any(a.startswith("--browser.serverAddress=") for a in arguments)


# The page once, in a process of its own (a frozen object stays frozen for the rest of the
# process); prints how many objects the collector no longer walks, and how many it does.
FIRST_MAP = """
import gc
from streamlit.testing.v1 import AppTest
page = AppTest.from_file({page!r}, default_timeout=120)
page.run()
assert not page.exception, page.exception
print(gc.get_freeze_count(), len(gc.get_objects()))
"""


def test_the_first_map_freezes_the_ground_it_read() -> None:
    """A full collection walked the world's ground at nearly every page load (0.3-0.4 s
    with the server stopped); once the first map is made, it is out of the collections."""
    code = FIRST_MAP.format(page=str(REPO / "dashboard" / "ui" / "page.py"))
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=REPO
    )
    assert done.returncode == 0, done.stderr[-2000:]
    frozen, walked = map(int, done.stdout.split()[-2:])
    assert frozen > 100_000 and walked < frozen / 2, done.stdout
