"""The folders are the architecture: the walls between layers hold and nothing imports in a
circle, in Python and in the page's JavaScript (docs/architecture.md)."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(package_parent: Path) -> subprocess.CompletedProcess[str]:
    """import-linter over the `desklaunch` found in `package_parent`, with our contracts."""
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=package_parent, capture_output=True, text=True, timeout=120,
        env={"PYTHONPATH": str(package_parent), "PATH": "/usr/bin:/bin"},
    )


def cycles(graph: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """Every group of nodes that reach each other (Tarjan's strongly connected components)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_every_wall_between_the_layers_holds() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_a_crossed_wall_is_caught(tmp_path: Path) -> None:
    """The check can fail: the core made to import the server breaks its contract."""
    copy = tmp_path / "desklaunch"
    shutil.copytree(ROOT / "desklaunch", copy, ignore=shutil.ignore_patterns("__pycache__"))
    session = copy / "core" / "session.py"
    session.write_text(session.read_text() + "\nfrom desklaunch.web import server  # noqa\n")
    result = lint_imports(tmp_path)
    assert result.returncode != 0
    assert "The protocol core is plain Python" in result.stdout
    assert "desklaunch.core.session -> desklaunch.web.server" in result.stdout


def test_no_python_module_imports_itself_in_a_circle() -> None:
    """Imports inside functions and under TYPE_CHECKING count: a cycle is a cycle."""
    graph = grimp.build_graph("desklaunch")
    edges = {module: {imported for imported in graph.find_modules_directly_imported_by(module)
                      if imported.startswith("desklaunch")}
             for module in graph.modules}
    assert cycles(edges) == []


def test_no_javascript_module_imports_itself_in_a_circle() -> None:
    imports = re.compile(r'from\s+"\./([\w-]+\.js)"')
    edges = {path.name: set(imports.findall(path.read_text(encoding="utf-8")))
             for path in (ROOT / "desklaunch" / "assets" / "js").glob("*.js")}
    assert cycles(edges) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def conditions_entered_by_with(source: str) -> list[str]:
    """`with self.X:` where `self.X` was made a `threading.Condition` in the same module."""
    tree = ast.parse(source)
    conditions = {target.attr for node in ast.walk(tree) if isinstance(node, ast.Assign)
                  and isinstance(node.value, ast.Call)
                  and ast.unparse(node.value.func) in ("threading.Condition", "Condition")
                  for target in node.targets if isinstance(target, ast.Attribute)}
    return [f"line {node.lineno}: with {ast.unparse(item.context_expr)}"
            for node in ast.walk(tree) if isinstance(node, ast.With) for item in node.items
            if isinstance(item.context_expr, ast.Attribute)
            and item.context_expr.attr in conditions]


def test_no_condition_is_entered_through_its_python_level_with() -> None:
    """Its `__enter__`/`__exit__` are Python code, where an exception raised into the thread
    (a stop, Ctrl+C) can leave the lock held: the lock is taken itself (core/interrupt.py)."""
    found = {str(path.relative_to(ROOT)): hits for path in (ROOT / "desklaunch").rglob("*.py")
             if (hits := conditions_entered_by_with(path.read_text(encoding="utf-8")))}
    assert found == {}


def test_the_condition_check_finds_one() -> None:
    source = ("import threading\nclass A:\n    def __init__(self):\n"
              "        self._cond = threading.Condition()\n"
              "    def f(self):\n        with self._cond:\n            pass\n")
    assert conditions_entered_by_with(source) == ["line 6: with self._cond"]


CHOSEN = {
    "webview", "bottle", "waitress", "platformdirs",  # the runtime
    "markdown_it", "mdit_py_plugins", "nh3",
    "gi", "qtpy",  # the window backends pywebview drives (desktop/)
    "PyInstaller",  # builds (packaging/)
    "pytest", "playwright", "axe_playwright_python",  # the test kit (testing/)
}
"""The libraries desklaunch imports by name: its dependencies and their optional extras."""


def imported_by_name(package: Path) -> dict[str, set[str]]:
    """Top-level module → the files of `package` that import it, anywhere in them."""
    found: dict[str, set[str]] = {}
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                found.setdefault(name.partition(".")[0], set()).add(path.name)
    return found


def test_a_library_a_program_brings_is_never_imported_by_name() -> None:
    """click, matplotlib, questionary, prompt_toolkit... are met when the program loads them
    (console/loadhook.py, compat/): a build follows desklaunch's own imports into every app,
    so one imported by name would be bundled with every app built where it is installed."""
    stray = {name: files for name, files in imported_by_name(ROOT / "desklaunch").items()
             if name not in CHOSEN | {"desklaunch"} and name not in sys.stdlib_module_names}
    assert stray == {}
