"""Opt-in detail tiles: street-level tiles from a server the newsroom chose.

Never loaded until the reader presses the control that names the provider; the
export's Content-Security-Policy then allows images from exactly that one host.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from dashboard.i18n import Lang, text

TILE_PLACEHOLDER = re.compile(r"\{[a-z]+\}")
# The dashboard's setting: a tile URL template, and optionally the provider's name and
# attribution line (environment variables, so no story and no reader can set them).
ENV_URL, ENV_NAME, ENV_ATTRIBUTION = (
    "LAGEKARTE_TILES", "LAGEKARTE_TILES_NAME", "LAGEKARTE_TILES_ATTRIBUTION",
)  # fmt: skip


@dataclass(frozen=True)
class DetailTiles:
    url: str  # a Leaflet URL template: https://tiles.example.org/{z}/{x}/{y}.png
    name: str = ""  # the provider, as the control names it; default: the host
    attribution: str = ""

    def __post_init__(self) -> None:
        parts = urlsplit(self.url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"tile URL must be http(s)://host/...: {self.url!r}")
        if not {"{z}", "{x}", "{y}"} <= set(TILE_PLACEHOLDER.findall(self.url)):
            raise ValueError(f"tile URL needs {{z}}, {{x}} and {{y}}: {self.url!r}")
        if "{s}" in self.url:
            raise ValueError("tile URL: one host only, no {s} subdomains (the CSP names it)")

    @property
    def origin(self) -> str:
        """scheme://host[:port]: what a Content-Security-Policy allows."""
        parts = urlsplit(self.url)
        return f"{parts.scheme}://{parts.netloc}"

    def provider(self) -> str:
        return self.name or urlsplit(self.url).hostname or ""

    def payload(self, lang: Lang) -> dict[str, str]:
        """What the map's control needs, with its label in the reader's language."""
        provider = self.provider()
        return {
            "url": self.url,
            "name": provider,
            "attribution": self.attribution or provider,
            "label": text("tiles.load", lang).format(provider=provider),
            "loaded": text("tiles.loaded", lang).format(provider=provider),
        }


def tiles_from_environment() -> DetailTiles | None:
    """The dashboard's detail tiles, if the newsroom configured them (default: none)."""
    url = os.environ.get(ENV_URL, "").strip()
    if not url:
        return None
    return DetailTiles(
        url, os.environ.get(ENV_NAME, "").strip(), os.environ.get(ENV_ATTRIBUTION, "").strip()
    )
