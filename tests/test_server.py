"""`python -m dashboard serve`: private settings, the same as the checkout's config."""

from __future__ import annotations

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
