"""Opt-in detail tiles: street-level tiles from a server the newsroom chose.

Either raster tiles (a URL template with {z}, {x} and {y}) or the newsroom's own vector
tiles as one PMTiles archive (a URL ending in `.pmtiles`, read with range requests and
drawn in the browser by the vendored `pmtiles` and `protomaps-leaflet` bundles).
Never loaded until the reader presses the control that names the provider; the
export's Content-Security-Policy then allows exactly that one origin: images from it
for raster tiles, connections to it for an archive.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from dashboard.core.i18n import Lang, text

# A PMTiles archive: one file, no placeholders, its path ending so.
PMTILES_SUFFIX = ".pmtiles"
# The placeholders a tile URL must (and may only) hold: one host, so no {s}.
PLACEHOLDERS = ("{z}", "{x}", "{y}")
TILE_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
# A whole tile URL, character by character: scheme, a host name or IPv4 address, an
# optional port, a path and an optional query of unreserved characters, %-escapes and
# the placeholders. No user info (user@host), no quotes, spaces, `;`, `,`, `<>` or backslashes:
# nothing in it can end an attribute, a string or a policy's directive.
_TILE_URL = re.compile(
    r"(?P<scheme>https?)://(?P<host>[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)"
    r"(?::(?P<port>[0-9]{1,5}))?"
    r"(?P<path>/[A-Za-z0-9._~/%@{}-]*)(?:\?[A-Za-z0-9._~/%@{}=&+-]*)?"
)
MAX_URL_CHARS = 2048
_HOST_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def _checked_origin(url: str) -> str:
    """scheme://host[:port] of a tile URL template, or ValueError saying what is wrong.

    Only `https://host[:port]/path` with {z}, {x} and {y}, or a path ending in `.pmtiles`
    and no placeholder (plain http only for this machine's own tile server); the origin
    is built from its checked parts, never cut from the string."""
    if len(url) > MAX_URL_CHARS:
        raise ValueError(f"tile URL is longer than {MAX_URL_CHARS} characters")
    if "@" in url.partition("://")[2].partition("/")[0]:
        raise ValueError("tile URL: no user name or password (user@host)")
    if "{s}" in url:
        raise ValueError("tile URL: one host only, no {s} subdomains (the CSP names it)")
    match = _TILE_URL.fullmatch(url)
    parts = urlsplit(url)
    if match is None or parts.username is not None or parts.password is not None:
        raise ValueError(
            "tile URL must be https://host[:port]/path/{z}/{x}/{y}.png (or .../name.pmtiles), "
            "with letters, digits "
            f"and - . _ ~ / % @ only: {url[:200]!r}"
        )
    scheme, host, port = match["scheme"], match["host"].lower(), match["port"]
    if scheme != "https" and not _is_loopback(host):
        raise ValueError(f"tile URL must use https (http only on this machine): {url[:200]!r}")
    if not all(_HOST_LABEL.fullmatch(label) for label in host.split(".")):
        raise ValueError(f"tile URL: {host!r} is not a host name")
    if port is not None and not 0 < int(port) < 65536:
        raise ValueError(f"tile URL: port {port} is out of range")
    found = TILE_PLACEHOLDER.findall(url)
    stray = set(TILE_PLACEHOLDER.sub("", url)) & {"{", "}"}
    if _is_archive(url):
        if found or stray:
            raise ValueError(f"PMTiles URL: no {{...}} placeholders in an archive's URL: {url!r}")
    elif set(found) != set(PLACEHOLDERS) or stray:
        raise ValueError(f"tile URL needs {{z}}, {{x}} and {{y}} and no other {{...}}: {url!r}")
    return f"{scheme}://{host}" + (f":{int(port)}" if port else "")


def _is_archive(url: str) -> bool:
    return urlsplit(url).path.endswith(PMTILES_SUFFIX)


@dataclass(frozen=True)
class DetailTiles:
    # a Leaflet URL template (https://tiles.example.org/{z}/{x}/{y}.png) or a PMTiles
    # archive of vector tiles (https://maps.example.org/city.pmtiles)
    url: str
    name: str = ""  # the provider, as the control names it; default: the host
    attribution: str = ""

    def __post_init__(self) -> None:
        _checked_origin(self.url)

    @property
    def origin(self) -> str:
        """scheme://host[:port]: what a Content-Security-Policy allows."""
        return _checked_origin(self.url)

    @property
    def is_archive(self) -> bool:
        """A PMTiles archive of vector tiles, drawn by the vendored bundles."""
        return _is_archive(self.url)

    def provider(self) -> str:
        return self.name or urlsplit(self.url).hostname or ""

    def payload(self, lang: Lang) -> dict[str, str]:
        """What the map's control needs, with its label in the reader's language."""
        provider = self.provider()
        return {
            "url": self.url,
            "kind": "pmtiles" if self.is_archive else "raster",
            "lang": lang,
            "name": provider,
            "attribution": self.attribution or provider,
            "label": text("tiles.load", lang).format(provider=provider),
            "loaded": text("tiles.loaded", lang).format(provider=provider),
        }
