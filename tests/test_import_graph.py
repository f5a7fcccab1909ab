"""Screens post messages up and receive calls down: the modules import in one direction.

Read from the source (every import, deferred ones inside functions included; those under
`if TYPE_CHECKING:` are only for the type checker and left out).
"""

from __future__ import annotations

import ast
from pathlib import Path

import slbmc_tui

ROOT = Path(slbmc_tui.__file__).resolve().parent
ALLOWED_CIRCLES = [
    # The bank checks a file with pydantic only when its fast check refuses it; the
    # pydantic schema builds the bank's records.
    {"slbmc_tui.domain.bank", "slbmc_tui.domain.bank_schema"},
    # Came with the workspace actions (issue 19): store.py defers an import of next_round
    # from workspace_ops, which builds on store. Not wanted: move next_round down, then
    # drop this line.
    {"slbmc_tui.storage.store", "slbmc_tui.storage.workspace_ops"},
]
UI_PACKAGES = ("screens.", "widgets.", "dialogs.")


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in ROOT.rglob("*.py")}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """The slbmc_tui modules one file imports."""
    found: set[str] = set()
    package = _module_name(path) if path.name == "__init__.py" else \
        _module_name(path).rpartition(".")[0]

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1]
                                + ([base] if base else []))
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.add(candidate if candidate in modules else base)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return {name for name in found if name in modules and name != "slbmc_tui"}


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(path, modules) for name, path in modules.items()}


def _circles(graph: dict[str, set[str]]) -> list[set[str]]:
    """Strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[set[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph[node]:
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                circles.append(group)

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return circles


def test_the_modules_import_without_circles() -> None:
    circles = [c for c in _circles(_graph()) if c not in ALLOWED_CIRCLES]
    assert circles == []


def test_no_screen_widget_or_dialog_imports_the_app() -> None:
    graph = _graph()
    offenders = sorted(name for name, imported in graph.items()
                       if name.partition(".")[2].startswith(UI_PACKAGES)
                       and "slbmc_tui.app" in imported)
    assert offenders == []


def test_the_graph_sees_deferred_imports() -> None:
    """The check is only as good as its reading: a deferred import is an edge too."""
    graph = _graph()
    assert "slbmc_tui.domain.bank_schema" in graph["slbmc_tui.domain.bank"]
    assert "slbmc_tui.screens.interview" in graph["slbmc_tui.app"]


def test_no_screen_widget_or_dialog_asks_what_the_app_is() -> None:
    """Messages up, not reaching into the app: no `isinstance`/`getattr`/`hasattr` on it."""
    asking = ("isinstance(self.app", "getattr(self.app", "hasattr(self.app")
    offenders = sorted(f"{path.relative_to(ROOT)}: {probe}"
                       for package in UI_PACKAGES for path in (ROOT / package[:-1]).rglob("*.py")
                       for probe in asking if probe in path.read_text(encoding="utf-8"))
    assert offenders == []
