"""Street detail from the newsroom's own PMTiles archive: only `https://host[:port]/...
.pmtiles` (plain http only on this machine); the vendored bundles are in a page only
when an archive is configured; the policy then allows connections to exactly its origin."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import PurePosixPath

import pytest

from dashboard.render.assets import STREET_ASSETS
from dashboard.render.export import export_html
from dashboard.render.tiles import DetailTiles
from dashboard.ui.settings import page_tiles
from dashboard.ui.settings import tiles as tiles_from_environment
from tests.conftest import REPO
from tests.test_app import run_page
from tests.test_export import SIZE_BUDGET
from tests.test_tiles import csp_of

ARCHIVE = "https://maps.example.org/extracts/valparaiso-2026.pmtiles"
BAD_ARCHIVES = {
    "javascript": "javascript:alert(1)//x.pmtiles",
    "data": "data:application/octet-stream;base64,AAAA/x.pmtiles",
    "credentials": "https://user:secret@maps.example.org/x.pmtiles",
    "user-only": "https://user@maps.example.org/x.pmtiles",
    "port-out-of-range": "https://maps.example.org:99999/x.pmtiles",
    "port-not-a-number": "https://maps.example.org:8o/x.pmtiles",
    "empty-port": "https://maps.example.org:/x.pmtiles",
    "plain-http": "http://maps.example.org/x.pmtiles",
    "placeholder": "https://maps.example.org/{z}/x.pmtiles",
    "semicolon": "https://maps.example.org/x.pmtiles;connect-src *",
    "quote": "https://maps.example.org/x'.pmtiles",
    "space": "https://maps.example.org/x .pmtiles",
    "angle": "https://maps.example.org/<x>.pmtiles",
    "backslash": "https://maps.example.org\\@evil.example/x.pmtiles",
    "newline": "https://maps.example.org/x.pmtiles\nconnect-src *",
    "underscore-host": "https://maps_example.org/x.pmtiles",
    "fragment": "https://maps.example.org/x.pmtiles#y",
    "relative": "/x.pmtiles",
    "long": "https://maps.example.org/" + "a" * 3000 + ".pmtiles",
}
VENDOR_MARKS = ("var protomapsL=", "var pmtiles=")


@pytest.mark.parametrize("url", list(BAD_ARCHIVES.values()), ids=list(BAD_ARCHIVES))
def test_a_bad_archive_url_is_refused(url: str) -> None:
    with pytest.raises(ValueError, match="URL") as error:
        DetailTiles(url)
    assert "\n" not in str(error.value)


def test_the_vendored_bundles_are_the_packages_files_with_their_licences() -> None:
    for asset in STREET_ASSETS:
        assert asset.path.is_file() and asset.path.stat().st_size > 10_000
        licence = asset.path.with_suffix(".LICENSE").read_text("utf-8")
        assert "Redistribution and use in source and binary forms" in licence
    readme = (STREET_ASSETS[0].path.parent / "README.md").read_text("utf-8")
    assert "npm pack pmtiles@4 protomaps-leaflet@5" in readme


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        (ARCHIVE, "https://maps.example.org"),
        ("https://Maps.Example.org:8443/a/b.pmtiles?v=3", "https://maps.example.org:8443"),
        ("http://127.0.0.1:8123/goma.pmtiles", "http://127.0.0.1:8123"),
    ],
)
def test_an_archive_is_read_from_exactly_its_origin(tiny, url: str, origin: str) -> None:
    tiles = DetailTiles(url, attribution="© OpenStreetMap contributors, Protomaps")
    assert tiles.is_archive and tiles.origin == origin
    page = export_html(tiny, "en", tiles=tiles)
    directives = dict(part.strip().split(" ", 1) for part in csp_of(page).split(";"))
    assert directives["connect-src"] == origin
    assert directives["img-src"] == "data:"  # vector tiles are drawn, not loaded as images
    assert all(mark in page for mark in VENDOR_MARKS)
    assert "sourceMappingURL" not in page
    assert '"kind":"pmtiles"' in page and "OpenStreetMap contributors" in page


@pytest.mark.parametrize("tiles", [None, DetailTiles("https://t.example.org/{z}/{x}/{y}.png")])
def test_an_export_without_an_archive_carries_no_vendor_script(story, tiles) -> None:
    page = export_html(story, "de", tiles=tiles)
    assert not any(mark in page for mark in VENDOR_MARKS)
    assert "connect-src" not in csp_of(page)
    assert len(page.encode("utf-8")) <= SIZE_BUDGET


def test_the_setting_takes_an_archive(monkeypatch) -> None:
    monkeypatch.setenv("LAGEKARTE_TILES", ARCHIVE)
    assert tiles_from_environment().is_archive
    monkeypatch.setenv("LAGEKARTE_TILES", "https://maps.example.org/{z}/goma.pmtiles")
    with pytest.raises(ValueError, match=r"^LAGEKARTE_TILES: PMTiles URL"):
        tiles_from_environment()
    assert page_tiles() is None


def test_the_vendored_files_are_package_data() -> None:
    """An installed package carries the bundles, their licences and the README."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
    patterns = project["tool"]["setuptools"]["package-data"]["dashboard"]
    vendor = STREET_ASSETS[0].path.parent
    files = [p.relative_to(vendor.parent.parent).as_posix() for p in vendor.iterdir()]
    assert len(files) == 5
    assert all(any(PurePosixPath(f).match(p) for p in patterns) for f in files), files


def test_the_command_line_exports_with_an_archive(tmp_path) -> None:
    out = tmp_path / "map.html"
    command = [sys.executable, "-m", "dashboard", "export", str(REPO / "tests/data/tiny-story")]
    result = subprocess.run(
        [*command, "--format", "html", "--out", str(out), "--tiles", ARCHIVE],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    page = out.read_text("utf-8")
    assert "connect-src https://maps.example.org;" in csp_of(page) + ";"
    assert all(mark in page for mark in VENDOR_MARKS)


@pytest.mark.parametrize(
    ("value", "bundles"),
    [("", False), ("https://t.example.org/{z}/{x}/{y}.png", False), (ARCHIVE, True)],
    ids=["no-tiles", "raster", "archive"],
)
def test_the_page_loads_the_bundles_only_with_an_archive(monkeypatch, value, bundles) -> None:
    """The dashboard's map asks its own server for the bundles only when the setting is an
    archive (and for nothing of the archive itself before the press: the browser test)."""
    import streamlit

    streamlit.cache_resource.clear()
    monkeypatch.setenv("LAGEKARTE_TILES", value)
    (component,) = run_page(monkeypatch, lang="en").get("component_instance")
    named = json.loads(component.proto.json_args)["js_links"]  # the scripts' URLs
    assert any(s.endswith("/leaflet.js") for s in named)
    assert any(s.endswith("/protomaps-leaflet.js") for s in named) is bundles
    assert any(s.endswith("/pmtiles.js") for s in named) is bundles
    assert all(s.startswith("/component/") for s in named), named
