"""The running server offers the map's files (Leaflet, its plug-in, the typeface) from
where they are installed, read-only: each folder is registered with Streamlit as a
component folder, which Streamlit serves at `/component/<name>/<file>`.

Nothing is copied or written, so a read-only install works, and the browser may cache
the files (Streamlit sends them with `Cache-Control: public`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import streamlit.components.v1 as components
from streamlit import runtime

from dashboard.render.assets import ASSET_FOLDERS


def served_asset_urls() -> Callable[[Path], str]:
    """Register the asset folders with the running server; the URL of a file in them."""
    base_of: dict[Path, str] = {}
    for name, folder in ASSET_FOLDERS.items():
        if runtime.exists():  # a page test (AppTest) has no server to register with
            component = components.declare_component(f"lagekarte-{name}", path=folder)
            base_of[folder] = f"/component/{component.name}"
        else:
            base_of[folder] = f"/component/{name}"

    def url_of(path: Path) -> str:
        return f"{base_of[path.parent]}/{path.name}"

    return url_of
