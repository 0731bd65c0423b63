"""One home for each fact: a setting's name, a constant, a colour is written once in the
package and used from there, so that changing it in one place changes it everywhere."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from dashboard.core.geometry import geodesic_distance_km
from dashboard.core.palette import PALETTE
from dashboard.draft.model import confidence_rank
from dashboard.render.cards import PAGE_STYLE
from dashboard.render.maps import SIDE_PANEL_MIN_WIDTH_PX
from dashboard.ui import settings

PACKAGE = Path(__file__).resolve().parent.parent / "dashboard"
SETTINGS_FILE = PACKAGE / "ui" / "settings.py"
SETTING_NAME = re.compile(r"\bLAGEKARTE_[A-Z0-9_]+\b")


VENDOR = PACKAGE / "web" / "vendor"  # other projects' bundles, shipped as published


def package_texts() -> dict[Path, str]:
    """Every source and web file of the package (code, styles, scripts), not the vendored
    bundles: their colours and names are their own."""
    return {
        path: path.read_text("utf-8")
        for path in sorted(PACKAGE.rglob("*"))
        if path.suffix in {".py", ".js", ".css"} and not path.is_relative_to(VENDOR)
    }


def occurrences(pattern: re.Pattern[str]) -> dict[str, list[str]]:
    """Each match of `pattern` in the package, with the files it is in (once per match)."""
    found: dict[str, list[str]] = {}
    for path, source in package_texts().items():
        for match in pattern.finditer(source):
            found.setdefault(match.group(), []).append(str(path.relative_to(PACKAGE)))
    return found


@pytest.mark.parametrize("name", settings.NAMES)
def test_each_setting_is_named_once_in_the_settings_module(name: str) -> None:
    assert occurrences(re.compile(rf"\b{name}\b"))[name] == ["ui/settings.py"]


def test_every_setting_the_package_names_is_one_of_the_settings() -> None:
    assert set(occurrences(SETTING_NAME)) == set(settings.NAMES)


ENVIRONMENT = {"environ", "getenv", "putenv"}


def reads_environment(path: Path) -> bool:
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Attribute) and node.attr in ENVIRONMENT:
            return True
        if isinstance(node, ast.ImportFrom) and {a.name for a in node.names} & ENVIRONMENT:
            return True
    return False


def test_reads_environment_sees_each_way_in(tmp_path: Path) -> None:
    for source in (
        "import os\nos.environ['X']",
        "import os\nos.getenv('X')",
        "from os import environ",
    ):
        (tmp_path / "m.py").write_text(source)
        assert reads_environment(tmp_path / "m.py"), source
    (tmp_path / "m.py").write_text("import os\nos.fsencode('x')")
    assert not reads_environment(tmp_path / "m.py")


def test_only_the_settings_module_touches_the_environment() -> None:
    readers = [p for p in PACKAGE.rglob("*.py") if reads_environment(p)]
    assert readers == [SETTINGS_FILE]


def test_settings_handed_to_the_page_are_only_known_ones(monkeypatch) -> None:
    monkeypatch.delenv(settings.DEFAULT_STORY, raising=False)
    settings.hand_to_page(settings.DEFAULT_STORY, "flood-in-porto-alegre")
    assert settings.default_story() == "flood-in-porto-alegre"
    with pytest.raises(KeyError, match="LAGEKARTE_STORYS is no setting"):
        settings.hand_to_page("LAGEKARTE_STORYS", "/tmp")


HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?\b")


def test_colours_are_written_only_in_the_palette() -> None:
    outside = {
        colour: files
        for colour, files in occurrences(HEX_COLOUR).items()
        if set(files) != {"core/palette.py"}
    }
    assert not outside, f"name these in core/palette.py and use them from there: {outside}"


def test_every_colour_the_styles_use_is_in_the_palette() -> None:
    used = set(occurrences(re.compile(r"var\(--lk-(\w+)\)")))
    assert {f"var(--lk-{name})" for name in PALETTE} >= used


def test_the_web_mercator_scale_is_written_once() -> None:
    assert occurrences(re.compile(r"\b156_?543\b")) == {"156_543": ["core/geometry.py"]}
    assert not occurrences(re.compile(r"\b40_?075\b"))  # the same fact, as a circumference


def test_the_narrow_page_width_is_written_once() -> None:
    assert occurrences(re.compile(r"\b640\b")) == {"640": ["render/maps.py"]}
    assert SIDE_PANEL_MIN_WIDTH_PX == 640
    assert f"(max-width: {SIDE_PANEL_MIN_WIDTH_PX}px)" in PAGE_STYLE


CONFIDENCE_NAMES = ({"HIGH", "MEDIUM", "LOW"}, {"high", "medium", "low"})


def spells_out_confidences(path: Path) -> bool:
    """Whether a file lists all three confidences (an order of them) itself."""
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Tuple | ast.List | ast.Set | ast.Dict):
            items = node.keys if isinstance(node, ast.Dict) else node.elts
            words = {getattr(i, "id", None) or getattr(i, "value", None) for i in items if i}
            if any(names <= words for names in CONFIDENCE_NAMES):
                return True
    return False


def test_the_confidences_are_ranked_in_one_place() -> None:
    rankers = [
        str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py") if spells_out_confidences(p)
    ]
    assert rankers == ["draft/model.py"]
    assert [confidence_rank(c) for c in ("high", "medium", "low")] == [0, 1, 2]


def test_distances_take_longitude_first() -> None:
    along_the_equator = geodesic_distance_km((0.0, 0.0), (1.0, 0.0))
    along_a_meridian = geodesic_distance_km((0.0, 0.0), (0.0, 1.0))
    assert along_the_equator == pytest.approx(111.32, abs=0.01)
    assert along_a_meridian == pytest.approx(110.57, abs=0.01)
    nairobi_quito = geodesic_distance_km((36.82, -1.29), (-78.47, -0.18))
    assert nairobi_quito == pytest.approx(12_770, rel=0.01)


def latitude_first(path: Path) -> list[str]:
    """Functions of a file whose parameters name a latitude before a longitude."""
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            names = [a.arg for a in node.args.posonlyargs + node.args.args + node.args.kwonlyargs]
            lat = [i for i, n in enumerate(names) if n.startswith("lat") or n in ("south", "north")]
            lon = [i for i, n in enumerate(names) if n.startswith("lon") or n in ("west", "east")]
            if lat and lon and min(lat) < min(lon):
                found.append(getattr(node, "name", "lambda"))
    return found


def test_latitude_first_finds_a_function_that_takes_lat_lon(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text("def f(lat, lon): ...\ndef g(lon, lat): ...\n")
    assert latitude_first(tmp_path / "m.py") == ["f"]


def test_no_function_takes_latitude_before_longitude() -> None:
    found = {str(p.relative_to(PACKAGE)): latitude_first(p) for p in PACKAGE.rglob("*.py")}
    assert not {path: names for path, names in found.items() if names}


def test_the_runtime_package_ships_no_made_up_data() -> None:
    """Generators of test events live with the benchmarks, not in what a newsroom installs."""
    makers = {
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.FunctionDef) and node.name.startswith(("synthetic", "fake"))
    }
    assert not makers
