"""The shape of the code: dependencies run one way, no cycles, no giant modules.

Imports are read from the source (every `import`, also inside functions), so a cycle
hidden behind a function-local import is found too.
"""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "dashboard"
MAX_LINES = 600

# The layers are the folders of the package, top to bottom; import-linter checks that
# each imports only from the ones below it (the contract in pyproject.toml, run by
# `make test`). Only these few modules stand directly in the package.
LAYER_FOLDERS = ("ui", "render", "draft", "reader", "core")
TOP_MODULES = {"dashboard", "dashboard.__main__"}
MAX_TOP_MODULES = 8
MAX_FUNCTION_LINES = 80


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(path: Path, known: set[str]) -> set[str]:
    """Every module of the package `path` imports (`from dashboard import cards` too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        found |= {name for name in names if name in known}
    return found


def external_imports_of(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def import_graph() -> dict[str, set[str]]:
    found = modules()
    known = set(found)
    return {name: imports_of(path, known) - {name, "dashboard"} for name, path in found.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle (as a path that returns to its start), or None."""
    state: dict[str, str] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = "open"
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == "open":
                return [*stack[stack.index(target) :], target]
            if target not in state and (cycle := visit(target)):
                return cycle
        stack.pop()
        state[node] = "done"
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_find_cycle_finds_a_cycle_through_three_modules() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert find_cycle(graph) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_imports_of_sees_function_local_and_package_imports(tmp_path: Path) -> None:
    source = tmp_path / "m.py"
    source.write_text(
        "from dashboard.render import cards\ndef f():\n    import dashboard.render.maps\n"
    )
    assert imports_of(source, {"dashboard.render.cards", "dashboard.render.maps"}) == {
        "dashboard.render.cards",
        "dashboard.render.maps",
    }


def test_no_import_cycle_in_the_package() -> None:
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_every_module_lives_in_a_layer_folder() -> None:
    outside = sorted(
        name
        for name in modules()
        if name not in TOP_MODULES and name.split(".")[1] not in LAYER_FOLDERS
    )
    assert not outside, f"move these into one of {LAYER_FOLDERS}: {outside}"
    top = [path for path in PACKAGE.glob("*.py")]
    assert len(top) <= MAX_TOP_MODULES


def test_the_layers_contract_names_every_layer_folder_in_order() -> None:
    config = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text("utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    layers = next(c["layers"] for c in contracts if c["type"] == "layers")
    assert layers == [f"dashboard.{folder}" for folder in LAYER_FOLDERS]
    forbidden = next(c for c in contracts if c["type"] == "forbidden")
    assert set(forbidden["source_modules"]) == {
        f"dashboard.{folder}" for folder in LAYER_FOLDERS if folder != "ui"
    }


@pytest.mark.parametrize("name", sorted(modules()))
def test_module_is_not_a_giant(name: str) -> None:
    lines = len(modules()[name].read_text("utf-8").splitlines())
    assert lines <= MAX_LINES, f"{name} has {lines} lines: split it by job"


def long_functions(path: Path, limit: int = MAX_FUNCTION_LINES) -> dict[str, int]:
    """Functions and methods (nested ones too) over `limit` lines, decorators counted."""
    found = {}
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            first = min([node.lineno] + [d.lineno for d in node.decorator_list])
            length = (node.end_lineno or node.lineno) - first + 1
            if length > limit:
                found[node.name] = length
    return found


def test_long_functions_counts_methods_nested_functions_and_decorators(tmp_path: Path) -> None:
    source = tmp_path / "m.py"
    source.write_text(
        "def short():\n    a = 1\n    b = 2\n"
        "class C:\n    @staticmethod\n    def method():\n        a = 1\n        b = 2\n"
        "def outer():\n    def inner():\n        a = 1\n        b = 2\n    return inner\n"
    )
    assert long_functions(source, limit=3) == {"method": 4, "outer": 5}
    assert long_functions(source, limit=4) == {"outer": 5}
    assert long_functions(source, limit=5) == {}


@pytest.mark.parametrize("name", sorted(modules()))
def test_no_function_is_over_80_lines(name: str) -> None:
    found = long_functions(modules()[name])
    assert not found, f"{name}: cut these into named steps: {found}"
