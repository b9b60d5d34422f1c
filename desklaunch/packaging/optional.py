"""Packages an app carries only because some library imports them where it may never run.

PyInstaller bundles every module any bundled code could import, including imports inside
functions that run only when called: `tqdm` names matplotlib in `tqdm.gui`, so a
progress-bar script built where matplotlib is installed carries 73 MB it never loads
(matplotlib, and numpy and Pillow with it). Leaving such packages out by default would
break the app that does call the function (pandas' `df.plot()` imports matplotlib in one),
so the build only says which packages these are, how large, and through what, and
`--exclude` leaves out the ones the author knows the app never uses. The same graph says
when a package left out is one that a kept module imports as it loads: the app would fail
there.

The spec calls `write_report` after PyInstaller's analysis (its import graph knows which
imports sit in a function or an `if`); the build command reads it with `read_report`.
"""

from __future__ import annotations

import ast
import json
import os
import sysconfig
from collections import deque
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from desklaunch.modulefind import imported_names
from desklaunch.packaging.packagesizes import archived_sizes, package_sizes

REPORT_NAME = "optional-packages.json"
"""The report's file name in the build's work folder."""
FOLLOWED_WHOLE = ("desklaunch", "webview")
"""The app's own runtime: its imports inside functions are how it starts, never optional."""
WORTH_SAYING = 1_000_000
"""Bytes below which a package is not worth a line of the build's output."""


@dataclass(frozen=True)
class OptionalPackage:
    """A top-level package in the app that no import running at start-up reaches."""

    name: str
    size: int
    """Bytes of its modules, extensions, data and vendored libraries (uncompressed)."""
    importer: str
    """The module whose import (in a function, say) brings it in, or for a package that
    only comes with another optional one, that package (`comes_with`)."""
    comes_with: bool = False
    """Only another optional package imports it: leaving that one out leaves this out too."""
    direct: bool = False
    """The script itself imports `importer`: the app may well call what needs it."""


@dataclass(frozen=True)
class LeftOut:
    """A package the build left out (`--exclude` or desklaunch's own list) that a bundled
    module imports."""

    name: str
    importer: str
    at_load: bool
    """The import runs when `importer` loads (not in a function): loading it fails."""
    at_start: bool = False
    """`importer` is loaded as the app starts: the app fails then."""


@dataclass
class Report:
    """What one build's graph says: its optional packages, and the left-out ones imported."""

    optional: list[OptionalPackage] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)


def write_report(analysis: Any, pyz: Any, work: str | os.PathLike[str],
                 own: Sequence[str] = ()) -> None:
    """From inside the spec, after `PYZ`: write what `examine` finds (advice only: where
    PyInstaller's graph is not as expected, the build goes on without it)."""
    try:
        report = examine(analysis.graph, [*analysis.binaries, *analysis.datas],
                         archived_sizes(pyz.name), own)
    except Exception as exc:  # noqa: BLE001 - another PyInstaller's graph: no advice
        print(f"desklaunch: could not read the import graph for the size advice ({exc!r})")
        return
    Path(work, REPORT_NAME).write_text(json.dumps(asdict(report)), encoding="utf-8")


def read_report(work: Path) -> Report:
    """The report a build's spec wrote, its optional packages largest first; empty if it
    wrote none."""
    try:
        data = json.loads((work / REPORT_NAME).read_text(encoding="utf-8"))
        optional = [OptionalPackage(**entry) for entry in data["optional"]]
        left_out = [LeftOut(**entry) for entry in data["left_out"]]
    except (OSError, ValueError, KeyError, TypeError):
        return Report()
    return Report(sorted(optional, key=lambda p: -p.size), left_out)


def examine(graph: Any, files: list[tuple[str, str, str]], archived: dict[str, int],
            own: Sequence[str] = ()) -> Report:
    """The third-party top-level packages in `graph` that nothing reaches at start-up, and
    the left-out packages bundled modules import.

    Start-up is every import that runs as its module loads, followed from the scripts and
    the build's hidden imports (which hold the script's own imports, in functions or not):
    not one in a function, nor one under `if TYPE_CHECKING:` or `if __name__ ==
    "__main__":`; one in another `if` or a `try` counts. The app's runtime and the author's
    own modules (in the `own` folders, beside the script) count with every import they
    make. `files` are the app's (destination, source, kind) binaries and data; `archived`
    the bytes of each module in its archive.
    """
    roots = [node for node in graph.nodes() if type(node).__name__ == "Script"]
    walk = _Walk(graph, tuple(os.path.join(os.path.realpath(f), "") for f in own))
    eager = walk.reach(roots, delayed=False)
    everything = walk.reach(list(eager), delayed=True)
    at_start = {_top(node.identifier) for node in eager}
    direct = {target.identifier for root in roots for target in graph.get_edges(root)[0]
              if target is not None}
    found: dict[str, OptionalPackage] = {}
    for node, came_from in everything.items():
        top = _top(node.identifier)
        if top in at_start or top in found or not _third_party(node) \
                or came_from is None or not _is_name(came_from.identifier):
            continue
        through = _top(came_from.identifier)
        comes_with = through not in at_start and through != top
        found[top] = OptionalPackage(
            top, 0, through if comes_with else came_from.identifier, comes_with,
            direct=not comes_with and came_from.identifier in direct)
    sizes = package_sizes(files, archived, set(found))
    optional = [OptionalPackage(p.name, sizes.get(p.name, 0), p.importer, p.comes_with,
                                p.direct) for p in found.values()]
    return Report(optional, walk.left_out(everything, eager))


class _Walk:
    """Walks of one graph: which imports run at start-up, and where modules left out are
    imported."""

    def __init__(self, graph: Any, own: tuple[str, ...]) -> None:
        self.graph = graph
        self.own = own
        self._never: dict[Any, frozenset[str]] = {}

    def reach(self, start: list[Any], *, delayed: bool) -> dict[Any, Any]:
        """Modules reached from `start` (each with the module it was reached from),
        following the imports that may never run only with `delayed`."""
        came_from: dict[Any, Any] = {node: None for node in start}
        queue = deque(start)
        while queue:
            node = queue.popleft()
            for target in self.graph.get_edges(node)[0]:
                if target in came_from or not _is_module(target):
                    continue
                if not delayed and not self.at_load(node, target):
                    continue
                came_from[target] = node
                queue.append(target)
        return came_from

    def at_load(self, node: Any, target: Any) -> bool:
        """Whether `node` imports `target` as it loads (or is code whose every import
        counts: a script, the app's runtime, the author's own)."""
        if type(node).__name__ == "Script" or _top(node.identifier) in FOLLOWED_WHOLE \
                or _is_own(node, self.own):
            return True
        how = self.graph.edgeData(node, target)
        if getattr(how, "function", False):
            return False
        if not getattr(how, "conditional", False):
            return True
        name = str(target.identifier).strip("'")  # a left-out package's module: in quotes
        return not any(never == name or never.startswith(name + ".")
                       for never in self._never_at_load(node))

    def left_out(self, reached: dict[Any, Any], eager: dict[Any, Any]) -> list[LeftOut]:
        """The packages left out or missing that reached modules import, one importer each
        (one that imports it as it loads first, one the app loads at start first of those).
        Importing a module of a left-out package gives a missing node named in quotes."""
        found: dict[str, LeftOut] = {}
        for node in reached:
            if not _is_name(node.identifier):
                continue
            for target in self.graph.get_edges(node)[0]:
                if type(target).__name__ not in ("ExcludedModule", "MissingModule"):
                    continue
                name = _top(str(target.identifier).strip("'"))
                gone = LeftOut(name, str(node.identifier), self.at_load(node, target),
                               at_start=node in eager)
                if name not in found or (gone.at_load, gone.at_start) > (
                        found[name].at_load, found[name].at_start):
                    found[name] = gone
        return list(found.values())

    def _never_at_load(self, node: Any) -> frozenset[str]:
        if node not in self._never:
            self._never[node] = _guarded_names(node)
        return self._never[node]


def _guarded_names(node: Any) -> frozenset[str]:
    """The modules `node`'s source imports only under `if TYPE_CHECKING:` or `if __name__
    == "__main__":`, which never run as it loads (relative names made absolute)."""
    filename = getattr(node, "filename", None)
    if not filename or not str(filename).endswith(".py"):
        return frozenset()
    try:
        tree = ast.parse(Path(filename).read_bytes())
    except (OSError, SyntaxError, ValueError):
        return frozenset()
    is_package = Path(filename).name == "__init__.py"
    package = str(node.identifier) if is_package else str(node.identifier).rpartition(".")[0]
    guarded: set[str] = set()
    loaded: set[str] = set()

    def visit(item: ast.AST, never: bool) -> None:
        if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            return
        if isinstance(item, ast.If) and _never_runs(item.test):
            for statement in item.body:
                visit(statement, True)
            for statement in item.orelse:
                visit(statement, never)
            return
        if isinstance(item, (ast.Import, ast.ImportFrom)):
            (guarded if never else loaded).update(imported_names(item, package))
        for child in ast.iter_child_nodes(item):
            visit(child, never)

    visit(tree, False)
    return frozenset(guarded - loaded)


def _never_runs(test: ast.expr) -> bool:
    """`TYPE_CHECKING` (or `typing.TYPE_CHECKING`), or `__name__ == "__main__"`."""
    if getattr(test, "id", getattr(test, "attr", None)) == "TYPE_CHECKING":
        return True
    return (isinstance(test, ast.Compare) and getattr(test.left, "id", None) == "__name__"
            and any(getattr(c, "value", None) == "__main__" for c in test.comparators))


def advice(report: Report, command: str, left_out: Sequence[str] = (), *,
           onefile: bool = False) -> list[str]:
    """The build's closing lines: what `--exclude` left out that a kept module loads (the
    app fails there), what it left out that nothing imports (a typo?), and the large
    optional packages with the command that leaves them out."""
    lines = []
    for gone in report.left_out:
        if gone.name in left_out and gone.at_load:
            when = "as it starts" if gone.at_start else f"if it ever loads {gone.importer}"
            lines.append(f"warning: --exclude {gone.name}: {gone.importer}, which the app "
                         f"keeps, imports it as it loads, so the app fails {when}")
    named = {gone.name for gone in report.left_out}
    lines += [f"note: --exclude {name} changed nothing: nothing in the app imports it"
              for name in left_out if name.split(".")[0] not in named]
    worth = [p for p in report.optional if p.size >= WORTH_SAYING]
    if not worth:
        return lines
    total = sum(p.size for p in worth)
    unpacked = " (unpacked; the one file holds them compressed)" if onefile else ""
    lines.append(f"{total / 1e6:.0f} MB of the app{unpacked} is packages imported only "
                 "where the app may never go (in a function, say):")
    for package in worth:
        how = (f"comes with {package.importer}" if package.comes_with
               else f"imported by {package.importer}"
               + (", which the script imports itself" if package.direct else ""))
        lines.append(f"  {package.name} {package.size / 1e6:.1f} MB ({how})")
    roots = dict.fromkeys(root.name for p in worth if (root := _chain_root(p, report)))
    if roots:
        flags = " ".join(f"--exclude {name}" for name in roots)
        lines.append(f"if the app never uses them, build it without them: {command} {flags}")
    return lines


def _chain_root(package: OptionalPackage, report: Report) -> OptionalPackage | None:
    """The optional package whose exclusion leaves `package` out: itself, or the one it
    comes with, however small (mako, 0.1 MB, brings Pygments, Pillow and numpy); None
    when what it comes with is not optional."""
    by_name = {p.name: p for p in report.optional}
    seen = set()
    while package.comes_with and package.name not in seen:
        seen.add(package.name)
        importer = by_name.get(package.importer)
        if importer is None:
            return None
        package = importer
    return package


def _is_module(node: Any) -> bool:
    return node is not None and type(node).__name__ not in (
        "MissingModule", "ExcludedModule", "InvalidRelativeImport", "InvalidSourceModule")


def _is_own(node: Any, own: tuple[str, ...]) -> bool:
    """A module of the author's, beside the script (a virtual environment kept in the
    project's folder holds installed packages, not the author's)."""
    filename = getattr(node, "filename", None)
    if not own or not filename:
        return False
    path = os.path.realpath(filename)
    return path.startswith(own) and not path.startswith(_SITE) and not {
        "site-packages", "dist-packages"} & set(Path(path).parts)


def _is_name(identifier: str) -> bool:
    """A module's dotted name (not a runtime hook's path)."""
    return all(part.isidentifier() for part in str(identifier).split("."))


def _top(identifier: str) -> str:
    return str(identifier).split(".", 1)[0]


_STANDARD = tuple(os.path.realpath(sysconfig.get_paths()[key]) + os.sep
                  for key in ("stdlib", "platstdlib"))
_SITE = tuple(os.path.realpath(sysconfig.get_paths()[key]) + os.sep
              for key in ("purelib", "platlib"))


def _third_party(node: Any) -> bool:
    """A module from an installed package (the standard library's and built-ins are not)."""
    filename = getattr(node, "filename", None)
    if not filename or type(node).__name__ == "Script":
        return False
    path = os.path.realpath(filename)
    return path.startswith(_SITE) or not path.startswith(_STANDARD)
