"""Write desklaunch/assets/bundle.js: the page's script modules (assets/js/) as one file.

    python scripts/bundle_js.py            # rewrite desklaunch/assets/bundle.js
    python scripts/bundle_js.py --check    # exit 1 if it is out of date

A browser pays for every module it loads (the page's two dozen cost it about 60 ms more
than one file of the same size, BENCHMARKS.md), so the page loads this one file. The
modules under assets/js/ stay the sources: the server serves them instead whenever the
bundle was not made from exactly them, so an edit not yet bundled still shows.

No Node toolchain: this script knows only the module forms the page uses and names the
file and line of any other:

    import "./x.js";               import { a, b as c } from "./x.js";
    export function f / async function f / class C / const K
    export { a, b as c };          (of names the module declares or imports)

Each module becomes a block, in the order the browser evaluates modules (depth first,
imports in source order), so its private names stay its own; it starts by copying what it
imports from the modules evaluated before it, and ends by publishing what it exports.
Copies are exact because the modules import each other in no circle (tests/
test_architecture.py) and export no `let` that could change later.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desklaunch.web.static import BUNDLE, ENTRY, sources_digest  # noqa: E402

ASSETS = ROOT / "desklaunch" / "assets"
SOURCES = ASSETS / "js"
COMMAND = "python scripts/bundle_js.py"

_IMPORT = re.compile(r'import\s*(?:\{([^}]*)\}\s*from\s*)?"\./([\w.-]+\.js)"\s*;\s*\Z')
_EXPORT_DECLARATION = re.compile(
    r"export\s+((?:async\s+)?function\*?|class|const)\s+([A-Za-z_$][\w$]*)")
_EXPORT_LIST = re.compile(r"export\s*\{([^}]*)\}\s*;\s*\Z")
_NAME = re.compile(r"[A-Za-z_$][\w$]*\Z")
_STRAY = re.compile(r"\bimport\s*\(|\bimport\.meta\b|^\s+(import|export)\s*[{\"*]")


class BundleError(Exception):
    """A module this script cannot bundle; the message names the file and line."""


@dataclass
class Module:
    """One source module, split into what it imports, what it exports and the rest."""

    file: str
    imports: list[tuple[str, list[tuple[str, str]]]] = field(default_factory=list)
    """(file, [(exported name, local name)]) in source order."""
    exports: list[tuple[str, str]] = field(default_factory=list)
    """(exported name, local name)."""
    body: list[str] = field(default_factory=list)


def _names(text: str, where: str) -> list[tuple[str, str]]:
    """`a, b as c` → [("a", "a"), ("b", "c")]."""
    pairs = []
    for part in text.split(","):
        words = part.split()
        if not words:
            continue
        if len(words) == 1:
            words = [words[0], "as", words[0]]
        if len(words) != 3 or words[1] != "as" or not all(_NAME.match(w) for w in words[::2]):
            raise BundleError(f"{where}: cannot read {part.strip()!r}")
        pairs.append((words[0], words[2]))
    return pairs


def _statement(lines: list[str], i: int, where: str) -> tuple[str, int]:
    """An `import` or `export {` statement starting at line i, up to its `;`."""
    statement = lines[i]
    while not statement.rstrip().endswith(";"):
        i += 1
        if i == len(lines):
            raise BundleError(f"{where}: the statement never ends with `;`")
        statement += " " + lines[i].strip()
    return statement, i


def parse(file: str, text: str) -> Module:
    """Split one module into its imports, its exports and its body (`export ` removed)."""
    module = Module(file)
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        where = f"desklaunch/assets/js/{file}:{i + 1}"
        keyword = re.match(r"(import|export)\b", line)
        if keyword is None:
            if _STRAY.search(line):
                raise BundleError(f"{where}: imports and exports start a line, and "
                                  f"import() / import.meta are not bundled")
            module.body.append(line)
        elif keyword.group(1) == "import":
            statement, i = _statement(lines, i, where)
            found = _IMPORT.match(statement)
            if found is None:
                raise BundleError(f'{where}: only `import {{ ... }} from "./x.js";` and '
                                  f'`import "./x.js";` are bundled')
            names = _names(found.group(1), where) if found.group(1) is not None else []
            module.imports.append((found.group(2), names))
        elif re.match(r"export\s*\{", line):
            statement, i = _statement(lines, i, where)
            listed = _EXPORT_LIST.match(statement)
            if listed is None:
                raise BundleError(f"{where}: only `export {{ a, b }};` lists are bundled")
            module.exports.extend((exported, local)
                                  for local, exported in _names(listed.group(1), where))
        elif (declared := _EXPORT_DECLARATION.match(line)) is not None:
            module.exports.append((declared.group(2), declared.group(2)))
            module.body.append(line[len("export"):].lstrip())
        else:
            raise BundleError(f"{where}: export a function, class or const by name (an "
                              f"exported `let` or default is not bundled)")
        i += 1
    return module


def evaluation_order(modules: dict[str, Module], entry: str) -> list[str]:
    """The order the browser evaluates modules in: depth first, imports in source order."""
    done: list[str] = []
    path: list[str] = []

    def visit(file: str, importer: str) -> None:
        if file in done:
            return
        if file in path:
            circle = " → ".join([*path[path.index(file):], file])
            raise BundleError(f"the modules import each other in a circle: {circle}")
        if file not in modules:
            raise BundleError(f"desklaunch/assets/js/{importer} imports ./{file}, "
                              f"which does not exist")
        path.append(file)
        for dependency, _ in modules[file].imports:
            visit(dependency, file)
        path.pop()
        done.append(file)

    visit(entry, entry)
    return done


def render(module: Module, modules: dict[str, Module]) -> str:
    """One module as a block: its imports copied in, its body, its exports published."""
    lines = [f"// ---- {module.file}", "{"]
    for dependency, names in module.imports:
        offered = {exported for exported, _ in modules[dependency].exports}
        for exported, _ in names:
            if exported not in offered:
                raise BundleError(f"desklaunch/assets/js/{module.file} imports {exported} "
                                  f"from ./{dependency}, which does not export it")
        if names:
            listed = ", ".join(e if e == local else f"{e}: {local}" for e, local in names)
            lines.append(f'const {{ {listed} }} = $$modules.get("{dependency}");')
    lines.extend(module.body)
    published = ", ".join(e if e == local else f"{e}: {local}" for e, local in module.exports)
    lines.append(f'$$modules.set("{module.file}", {{ {published} }});')
    lines.append("}")
    return "\n".join(lines) + "\n"


def bundle(sources: Path = SOURCES) -> str:
    """The bundle's text for the modules in `sources`."""
    texts = {path.name: path.read_bytes() for path in sorted(sources.glob("*.js"))}
    modules = {name: parse(name, text.decode("utf-8")) for name, text in texts.items()}
    files = evaluation_order(modules, ENTRY)
    head = [f"// Generated by `{COMMAND}` from desklaunch/assets/js/ (entry {ENTRY}); "
            f"do not edit.",
            f"// sources: {sources_digest(texts)}"]
    left_out = sorted(set(modules) - set(files))
    if left_out:
        head.append(f"// not imported from {ENTRY}, left out: {', '.join(left_out)}")
    head.append("const $$modules = new Map();")
    return "\n".join(head) + "\n" + "".join(render(modules[f], modules) for f in files)


def main(argv: list[str], sources: Path = SOURCES, target: Path = ASSETS / BUNDLE) -> int:
    """Write (or with `--check`, compare) the bundle; the exit code."""
    try:
        text = bundle(sources)
    except BundleError as exc:
        print(f"bundle_js: {exc}", file=sys.stderr)
        return 2
    current = target.read_text(encoding="utf-8") if target.exists() else None
    if "--check" in argv:
        if current != text:
            print(f"{target.name} is out of date with the modules in {sources.name}/: "
                  f"run `{COMMAND}`", file=sys.stderr)
            return 1
        return 0
    if current != text:
        target.write_text(text, encoding="utf-8")
        print(f"bundle_js: wrote {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
