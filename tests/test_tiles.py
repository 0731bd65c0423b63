"""Opt-in detail tiles: only `https://host[:port]/path` with {z}/{x}/{y}; only the origin,
built from checked parts, goes into the export's Content-Security-Policy; a bad
`LAGEKARTE_TILES` stops `serve` at start with one line and never breaks a page."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass

import pytest

from dashboard.render.export import export_html
from dashboard.render.tiles import DetailTiles
from dashboard.ui.settings import page_tiles
from dashboard.ui.settings import tiles as tiles_from_environment
from tests.conftest import REPO
from tests.test_app import run_page

# The URL that ran script from an exported file: its user info closed the policy's
# directive, added one, and left the <meta> attribute.
BREAKING_URL = (
    'https://x;script-src-attr \'unsafe-inline\';x"><img src=x onerror="alert(1)">'
    "@tiles.example.org/{z}/{x}/{y}.png"
)
DIRECTIVES = {
    "default-src",
    "script-src",
    "style-src",
    "img-src",
    "font-src",
    "base-uri",
    "form-action",
}
BAD_URLS = {
    "breaking": BREAKING_URL,
    "user-info": "https://user:secret@tiles.example.org/{z}/{x}/{y}.png",
    "semicolon": "https://tiles.example.org/{z}/{x}/{y}.png;img-src *",
    "semicolon-host": "https://tiles.example.org;img-src/{z}/{x}/{y}.png",
    "comma-host": "https://tiles.example.org,evil.example/{z}/{x}/{y}.png",
    "quote": "https://tiles.example.org/{z}/{x}/{y}.png'",
    "double-quote": 'https://tiles.example.org/{z}/{x}/{y}.png"',
    "space": "https://tiles.example.org/{z}/{x}/{y}.png unsafe-inline",
    "angle": "https://tiles.example.org/{z}/{x}/{y}<b>.png",
    "backslash": "https://tiles.example.org\\@evil.example/{z}/{x}/{y}.png",
    "newline": "https://tiles.example.org/{z}/{x}/{y}.png\nimg-src *",
    "fragment": "https://tiles.example.org/{z}/{x}/{y}.png#x",
    "plain-http": "http://tiles.example.org/{z}/{x}/{y}.png",
    "no-host": "https:///{z}/{x}/{y}.png",
    "port": "https://tiles.example.org:70000/{z}/{x}/{y}.png",
    "subdomains": "https://{s}.tiles.example.org/{z}/{x}/{y}.png",
    "other-placeholder": "https://tiles.example.org/{z}/{x}/{y}/{q}.png",
    "missing-placeholder": "https://tiles.example.org/{z}/{x}.png",
    "stray-brace": "https://tiles.example.org/{z}/{x}/{y}}.png",
    "javascript": "javascript:alert(1)//{z}/{x}/{y}",
    "long": "https://tiles.example.org/" + "a" * 3000 + "/{z}/{x}/{y}.png",
}
GOOD_URLS = {
    "https://tiles.example.org/{z}/{x}/{y}.png": "https://tiles.example.org",
    "https://Tiles.Example.org:8443/v1/{z}/{x}/{y}@2x.png?key=a-b_c&s=x%20y": "https://tiles.example.org:8443",
    "http://127.0.0.1:8123/{z}/{x}/{y}.png": "http://127.0.0.1:8123",  # this machine's own
}


def csp_of(page: str) -> str:
    return re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page).group(1)


@pytest.mark.parametrize("url", list(BAD_URLS.values()), ids=list(BAD_URLS))
def test_a_bad_tile_url_is_refused(url: str) -> None:
    with pytest.raises(ValueError, match="tile URL") as error:
        DetailTiles(url)
    assert "\n" not in str(error.value)


@pytest.mark.parametrize(("url", "origin"), list(GOOD_URLS.items()))
def test_only_the_origin_goes_into_the_policy(tiny, url: str, origin: str) -> None:
    tiles = DetailTiles(url)
    assert tiles.origin == origin
    csp = csp_of(export_html(tiny, "en", tiles=tiles))
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";"))
    assert set(directives) == DIRECTIVES
    assert directives["img-src"] == f"data: {origin}"


def test_the_breaking_url_is_refused_by_the_command_line(tmp_path) -> None:
    out = tmp_path / "map.html"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "dashboard",
            "export",
            str(REPO / "tests/data/tiny-story"),
            "--format",
            "html",
            "--out",
            str(out),
            "--tiles",
            BREAKING_URL,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("error: --tiles: tile URL") and "Traceback" not in result.stderr
    assert not out.exists()


@dataclass(frozen=True)
class UncheckedTiles:
    """Tiles whose origin skipped the checks: the policy must still refuse it."""

    origin: str
    is_archive: bool = False

    def payload(self, lang: str) -> dict[str, str]:
        return {
            "url": "https://x/{z}/{x}/{y}",
            "name": "x",
            "attribution": "x",
            "label": "x",
            "loaded": "x",
        }


@pytest.mark.parametrize("is_archive", [False, True], ids=["raster", "archive"])
@pytest.mark.parametrize(
    "origin", ["https://x; script-src *", "https://x 'unsafe-inline'", 'https://x"><b>', "*"]
)
def test_the_policy_refuses_a_source_that_could_change_it(
    tiny, origin: str, is_archive: bool
) -> None:
    unchecked = UncheckedTiles(origin, is_archive)
    with pytest.raises(ValueError, match="Content-Security-Policy"):
        export_html(tiny, "de", tiles=unchecked)  # type: ignore[arg-type]


def test_a_bad_setting_is_named(monkeypatch) -> None:
    monkeypatch.setenv("LAGEKARTE_TILES", "https://{s}.tiles.example.org/{z}/{x}/{y}.png")
    with pytest.raises(ValueError, match=r"^LAGEKARTE_TILES: tile URL: one host only"):
        tiles_from_environment()
    assert page_tiles() is None


@pytest.mark.parametrize(
    "value",
    [
        "https://{s}.tiles.example.org/{z}/{x}/{y}.png",
        BREAKING_URL,
        "tiles.png",
        "https://user:secret@maps.example.org/city.pmtiles",  # the newsroom's own archive
    ],
)
def test_serve_refuses_to_start_with_a_bad_tiles_setting(value: str, tmp_path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "dashboard", "serve", "--port", "9"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO), "LAGEKARTE_TILES": value},
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: LAGEKARTE_TILES: tile URL"), lines
    assert not result.stdout  # Streamlit never started


def _map_script_with_tiles(monkeypatch, value: str) -> str:
    """The map's script of a page started with `LAGEKARTE_TILES` set to `value` (the
    page keeps map data for the life of its server: a new setting needs a fresh one)."""
    import streamlit

    streamlit.cache_resource.clear()
    monkeypatch.setenv("LAGEKARTE_TILES", value)
    return _map_script(run_page(monkeypatch, lang="en"))


def _map_script(page) -> str:
    (component,) = page.get("component_instance")
    return json.loads(component.proto.json_args)["script"]


def test_a_bad_tiles_setting_never_breaks_the_page(monkeypatch) -> None:
    """Started without `serve` (`streamlit run`), the page draws with no tiles."""
    script = _map_script_with_tiles(monkeypatch, "https://{s}.example.org/{z}/{x}/{y}.png")
    assert '"tiles":null' in script


def test_a_good_tiles_setting_reaches_the_map(monkeypatch) -> None:
    script = _map_script_with_tiles(monkeypatch, "https://tiles.example.org/{z}/{x}/{y}.png")
    assert "tiles.example.org" in script and '"tiles":null' not in script
