"""Packages an app carries only because some library imports them inside a function.

PyInstaller bundles every module any bundled code could import, including imports inside
functions that run only when called: `tqdm` names matplotlib in `tqdm.gui` and numpy in
`tqdm.contrib`, so a progress-bar script built where those are installed carries 70 MB it
never loads. Leaving them out by default would break the app that does call such a
function (pandas' `df.plot()` imports matplotlib in one), so the build only says which
packages these are and how large, and `--exclude` leaves out the ones the author knows the
app never uses.

The spec calls `write_report` after PyInstaller's analysis (the import graph knows which
imports sit in a function); the build command reads the report with `read_report`.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import sysconfig
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
    """Bytes of its modules, extensions, data and vendored libraries, before stripping."""
    importer: str
    """The bundled module whose import brings it in (the first one found)."""


def write_report(analysis: Any, pyz: Any, work: str | os.PathLike[str],
                 own: Sequence[str] = ()) -> None:
    """From inside the spec, after `PYZ`: write what `optional_packages` finds (advice
    only: where PyInstaller's graph is not as expected, the build goes on without it)."""
    try:
        found = optional_packages(analysis.graph, [*analysis.binaries, *analysis.datas],
                                  _archived_sizes(pyz.name), own)
    except Exception as exc:  # noqa: BLE001 - another PyInstaller's graph: no advice
        print(f"desklaunch: could not read the import graph for the size advice ({exc!r})")
        return
    Path(work, REPORT_NAME).write_text(json.dumps(
        [{"name": p.name, "size": p.size, "importer": p.importer} for p in found]),
        encoding="utf-8")


def read_report(work: Path) -> list[OptionalPackage]:
    """The report a build's spec wrote, largest first; empty if it wrote none."""
    try:
        entries = json.loads((work / REPORT_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    found = [OptionalPackage(e["name"], int(e["size"]), e["importer"]) for e in entries]
    return sorted(found, key=lambda p: -p.size)


def optional_packages(graph: Any, files: list[tuple[str, str, str]],
                      archived: dict[str, int], own: Sequence[str] = ()
                      ) -> list[OptionalPackage]:
    """Third-party top-level packages in `graph` that only imports inside functions reach.

    Start-up is every import outside a function (in a `try` or an `if` too: those run),
    followed from the scripts and the build's hidden imports (which hold the script's own
    imports, in functions or not), and every import of the app's runtime and of the
    author's own modules (those in the `own` folders, beside the script). `files` are the
    app's (destination, source, kind) binaries and data; `archived` the bytes of each module
    in its archive.
    """
    roots = [node for node in graph.nodes() if type(node).__name__ == "Script"]
    mine = tuple(os.path.join(os.path.realpath(folder), "") for folder in own)
    eager = _reached(graph, roots, delayed=False, own=mine)
    everything = _reached(graph, list(eager), delayed=True, own=mine)
    at_start = {_top(node.identifier) for node in eager}
    importers: dict[str, str] = {}
    for node, came_from in everything.items():
        top = _top(node.identifier)
        if top in at_start or top in importers or not _third_party(node):
            continue
        if came_from is not None and _is_name(came_from.identifier):
            importers[top] = came_from.identifier
    sizes = _sizes(files, archived, set(importers))
    return [OptionalPackage(name, sizes.get(name, 0), importer)
            for name, importer in importers.items()]


def advice(found: list[OptionalPackage], command: str) -> list[str]:
    """The build's closing lines about `found` (none when it all weighs little)."""
    worth = [p for p in found if p.size >= WORTH_SAYING]
    if not worth:
        return []
    total = sum(p.size for p in worth)
    lines = [f"{total / 1e6:.0f} MB of the app is packages imported only inside functions, "
             "which load them only if the app calls them:"]
    lines += [f"  {p.name} {p.size / 1e6:.1f} MB (imported by {p.importer})" for p in worth]
    flags = " ".join(f"--exclude {p.name}" for p in worth)
    lines.append(f"if the app never uses them, build it without them: {command} {flags}")
    return lines


def _reached(graph: Any, start: list[Any], *, delayed: bool,
             own: tuple[str, ...] = ()) -> dict[Any, Any]:
    """Modules reached from `start` (each with the module it was reached from), following
    imports inside functions only with `delayed`, or out of a script, the app's runtime or
    the author's own modules."""
    came_from: dict[Any, Any] = {node: None for node in start}
    queue = deque(start)
    while queue:
        node = queue.popleft()
        whole = delayed or type(node).__name__ == "Script" \
            or _top(node.identifier) in FOLLOWED_WHOLE or _is_own(node, own)
        outgoing, _ = graph.get_edges(node)
        for target in outgoing:
            if target in came_from or not _is_module(target):
                continue
            if not whole and getattr(graph.edgeData(node, target), "function", False):
                continue
            came_from[target] = node
            queue.append(target)
    return came_from


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


def _sizes(files: list[tuple[str, str, str]], archived: dict[str, int],
           names: set[str]) -> dict[str, int]:
    """Bytes each of `names` adds: its archived modules, and the files bundled under its
    folder, its distribution's vendored-library folder (`numpy.libs`, `pillow.libs`) and its
    records."""
    owners = _folder_owners(names)
    sizes = dict.fromkeys(names, 0)
    for module, size in archived.items():
        if _top(module) in names:
            sizes[_top(module)] += size
    for dest, source, _kind in files:
        first = dest.replace("\\", "/").split("/", 1)[0]
        owner = first if first in names else owners.get(first.lower())
        if owner is not None and source and os.path.isfile(source):
            sizes[owner] += os.path.getsize(source)
    return sizes


def _archived_sizes(archive: str) -> dict[str, int]:
    """Compressed bytes of each module in the app's module archive (PyInstaller's PYZ)."""
    try:
        from PyInstaller.loader.pyimod01_archive import ZlibArchiveReader

        return {name: entry[2] for name, entry in ZlibArchiveReader(archive).toc.items()}
    except Exception:  # noqa: BLE001 - another PyInstaller's layout: sizes leave modules out
        return {}


def _folder_owners(names: set[str]) -> dict[str, str]:
    """Folder names (lower case) at the app's root that belong to one of `names`' packages."""
    by_package = importlib.metadata.packages_distributions()
    owners: dict[str, str] = {}
    for name in names:
        for distribution in by_package.get(name, []):
            base = distribution.lower().replace("-", "_")
            owners[f"{base}.libs"] = name
            owners[f"{distribution.lower()}.libs"] = name
            try:
                version = importlib.metadata.version(distribution)
            except importlib.metadata.PackageNotFoundError:
                continue
            for spelling in {base, distribution.lower()}:
                owners[f"{spelling}-{version}.dist-info"] = name
    return owners
