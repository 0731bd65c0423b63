"""The shape of the code: dependencies run one way, no cycles, no giant modules.

Imports are read from the source (every `import`, also inside functions), so a cycle
hidden behind a function-local import is found too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "dashboard"
MAX_LINES = 600

# Each module may import only from its own layer or below: the page and the command
# line on top, then exports, then maps and cards, then the story reader, then wording
# and geometry, then the model. A new module gets its place here.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("dashboard.i18n", "dashboard.escape", "dashboard.resources", "dashboard.calendar_words"),
    ("dashboard.model",),
    ("dashboard.geometry", "dashboard.wording", "dashboard.basemap", "dashboard.assets",
     "dashboard.palette", "dashboard.tiles", "dashboard.context", "dashboard.line_simplify",
     "dashboard.draft.names", "dashboard.draft.words", "dashboard.draft.model",
     "dashboard.draft.sentences", "dashboard.draft.toml_text", "dashboard.draft.datelines",
     "dashboard.draft.figure_words"),
    ("dashboard.reader.limits", "dashboard.reader.fields", "dashboard.reader.features",
     "dashboard.reader.sources", "dashboard.reader.records", "dashboard.reader.eventfiles",
     "dashboard.eventlayer", "dashboard.label_spacing",
     "dashboard.story", "dashboard.publish",
     "dashboard.draft.gazetteer", "dashboard.draft.countries", "dashboard.draft.article",
     "dashboard.draft.dates", "dashboard.draft.figure_labels", "dashboard.draft.figure_context",
     "dashboard.draft.figures", "dashboard.draft.place_scores", "dashboard.draft.place_lookup",
     "dashboard.draft.place_adjectives",
     "dashboard.draft.places", "dashboard.draft.figure_places",
     "dashboard.draft.engine"),
    ("dashboard.maps", "dashboard.cards", "dashboard.static_map", "dashboard.viewstate",
     "dashboard.draft.writer", "dashboard.draft.safe_write", "dashboard.draft.worker",
     "dashboard.draft",
     "dashboard.print_sizes",
     "dashboard.print_ground", "dashboard.print_layout"),
    ("dashboard.export",),
    ("dashboard.app", "dashboard.page_assets", "dashboard.server", "dashboard.cli",
     "dashboard.__main__",
     "dashboard.draft.cli", "dashboard.editor_page", "dashboard.editor_tables"),
)  # fmt: skip
# Only the page may import Streamlit: every other module is pure.
STREAMLIT_MODULES = {
    "dashboard.app", "dashboard.page_assets", "dashboard.server", "dashboard.editor_page",
    "dashboard.editor_tables",
}  # fmt: skip


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
    return {
        name: imports_of(path, known) - {name, "dashboard"} for name, path in found.items()
    }


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
    source.write_text("from dashboard import cards\ndef f():\n    import dashboard.maps\n")
    assert imports_of(source, {"dashboard.cards", "dashboard.maps"}) == {
        "dashboard.cards",
        "dashboard.maps",
    }


def test_no_import_cycle_in_the_package() -> None:
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_every_module_has_a_layer() -> None:
    placed = {name for layer in LAYERS for name in layer}
    missing = sorted(set(modules()) - placed - {"dashboard", "dashboard.reader"})
    assert not missing, f"give these modules a layer in {__name__}.LAYERS: {missing}"


def test_dependencies_point_down_the_layers() -> None:
    level = {name: index for index, layer in enumerate(LAYERS) for name in layer}
    upward = [
        f"{name} imports {target}"
        for name, targets in import_graph().items()
        for target in targets
        if name in level and target in level and level[target] > level[name]
    ]
    assert not upward


def test_only_the_page_imports_streamlit() -> None:
    impure = [
        name
        for name, path in modules().items()
        if name not in STREAMLIT_MODULES
        and {"streamlit", "streamlit_folium"} & external_imports_of(path)
    ]
    assert not impure


@pytest.mark.parametrize("name", sorted(modules()))
def test_module_is_not_a_giant(name: str) -> None:
    lines = len(modules()[name].read_text("utf-8").splitlines())
    assert lines <= MAX_LINES, f"{name} has {lines} lines: split it by job"
