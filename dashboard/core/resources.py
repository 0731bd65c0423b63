"""The files the package carries, found with importlib.resources: the map's script and
styles, the typeface, and (as the subpackage `dashboard.geodata`, the repository's
`geodata/` folder) the base map, named ground and bundled stories.

So an installed package works from any folder and needs no checkout. The package is
only ever read: nothing is written into it at run time.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def package_path(package: str, *parts: str) -> Path:
    """A file or folder of an installed package, as a path on disk."""
    resource = files(package).joinpath(*parts)
    if not isinstance(resource, Path):  # a zipped install; pip never makes one
        raise RuntimeError(f"{package} must be installed as files, not zipped: {resource}")
    return resource


WEB_DIR = package_path("dashboard", "web")
FONT_DIR = package_path("dashboard", "fonts")
TEMPLATE_DIR = package_path("dashboard", "templates")
GEODATA_DIR = package_path("dashboard.geodata")
BASEMAP_DIR = GEODATA_DIR / "basemap"
CONTEXT_DIR = GEODATA_DIR / "context"
# The stories that come with the package; `serve --stories DIR` shows others.
BUNDLED_STORIES_DIR = GEODATA_DIR / "stories"
