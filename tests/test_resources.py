"""The files the package carries: found through importlib.resources, and all of them
named in pyproject.toml, so that `pip install .` (not editable) has them too."""

from __future__ import annotations

import tomllib
from fnmatch import fnmatch

from dashboard.core.resources import (
    BASEMAP_DIR,
    BUNDLED_STORIES_DIR,
    CONTEXT_DIR,
    FONT_DIR,
    WEB_DIR,
)
from tests.conftest import REPO

PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]


def test_the_data_folders_are_found() -> None:
    for folder in (BASEMAP_DIR, BUNDLED_STORIES_DIR, CONTEXT_DIR, FONT_DIR, WEB_DIR):
        assert folder.is_dir(), folder
    assert (BUNDLED_STORIES_DIR / "is-caliphate-2017" / "story.toml").is_file()


def test_every_package_is_installed() -> None:
    inits = (REPO / "dashboard").rglob("__init__.py")
    packages = {".".join(p.parent.relative_to(REPO).parts) for p in inits}
    assert packages <= set(PYPROJECT["packages"])
    assert PYPROJECT["package-dir"]["dashboard.geodata"] == "geodata"


def test_every_data_file_is_package_data() -> None:
    globs = PYPROJECT["package-data"]
    shipped = {
        "dashboard": [
            p
            for p in (REPO / "dashboard").rglob("*")
            if p.parent.name in ("web", "fonts") and p.is_file()
        ],
        "dashboard.geodata": [
            p
            for p in (REPO / "geodata").rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc")
        ],
    }
    roots = {"dashboard": REPO / "dashboard", "dashboard.geodata": REPO / "geodata"}
    for package, files in shipped.items():
        for path in files:
            name = path.relative_to(roots[package]).as_posix()
            matched = any(
                fnmatch(name, glob.replace("**/", "*/")) or fnmatch(name, glob)
                for glob in globs[package]
            )
            assert matched, f"{package}: {name} is not package data in pyproject.toml"
