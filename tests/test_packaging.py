"""What the package needs is what it declares: every third-party module it imports comes
from a distribution named in pyproject.toml's dependencies (not only pulled in by
another), and the installed command says its version."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

from dashboard.ui.cli import build_parser, package_version

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "dashboard"


def imported_modules(folder: Path) -> set[str]:
    """The top-level names of every absolute import in `folder` (also inside functions)."""
    found: set[str] = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - {"dashboard", "__future__"}


def declared() -> set[str]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
    return {_normal(re.split(r"[<>=!~\[ ;]", d)[0]) for d in config["project"]["dependencies"]}


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_imported_module_comes_from_a_declared_distribution() -> None:
    sources = packages_distributions()
    wanted = declared()
    undeclared = {
        module: sources.get(module, ["not installed"])
        for module in sorted(imported_modules(PACKAGE))
        if not {_normal(d) for d in sources.get(module, [])} & wanted
    }
    assert not undeclared, f"declare these in pyproject.toml's dependencies: {undeclared}"


def test_imported_modules_sees_imports_inside_functions(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text("import os\ndef f():\n    import numpy.linalg\n")
    assert imported_modules(tmp_path) == {"numpy"}


def test_the_console_script_is_the_command_line() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
    assert config["project"]["scripts"] == {"lagekarte": "dashboard.ui.cli:main"}


def test_version_is_the_declared_one(capsys) -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
    assert package_version() == config["project"]["version"]
    try:
        build_parser().parse_args(["--version"])
    except SystemExit as done:
        assert done.code == 0
    assert capsys.readouterr().out.split()[-1] == config["project"]["version"]
