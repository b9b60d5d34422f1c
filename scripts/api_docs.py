"""Write docs/api.md, the API reference, from the docstrings of what `desklaunch.ui` exports.

    python scripts/api_docs.py            # rewrite docs/api.md
    python scripts/api_docs.py --check    # exit 1 if docs/api.md is out of date

Calls are grouped by the module that defines them, in the order they appear there; an
indented block in a docstring becomes a Python example. Calls whose docstring has no
example are listed on stderr (the reference promises one per call).
"""

from __future__ import annotations

import enum
import importlib
import inspect
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "docs" / "api.md"
PACKAGE = "desklaunch.ui"
ORDER = ("inputs", "choices", "controls", "files", "form", "outputs", "content", "table", "images",
         "downloads", "progress", "layout", "scopes", "popup", "pin", "pin_widgets", "env",
         "session")
"""Sections in this order first (by module name); any other module follows, by name."""

HEADER = """# API reference: `desklaunch.ui`

Generated from the docstrings by `scripts/api_docs.py`; do not edit by hand (run
`python scripts/api_docs.py` after changing a docstring). Names and arguments follow
PyWebIO's where they overlap; deliberate differences are noted under each call.

"""


def load_exports() -> tuple[Any, list[str]]:
    sys.path.insert(0, str(ROOT))
    module = importlib.import_module(PACKAGE)
    return module, sorted(set(module.__all__), key=str.lower)


def signature(obj: Any, name: str) -> str:
    """`name(a, b=1, *, c=None)`, without annotations (the prose says what each takes)."""
    try:
        sig = inspect.signature(obj)
    except (TypeError, ValueError):
        return name
    params = [p.replace(annotation=inspect.Parameter.empty) for p in sig.parameters.values()
              if p.name != "self"]
    plain = sig.replace(parameters=params, return_annotation=inspect.Signature.empty)
    return name + re.sub(r" at 0x[0-9a-f]+", "", str(plain))


def clean(doc: str | None) -> str:
    """A raw docstring without its common indentation, keeping the examples' own.

    `inspect.cleandoc` measures the indentation from the lines after the first, so a
    docstring whose only later line is an example would lose it; the whitespace before
    the closing quotes says what the docstring's own indentation is.
    """
    if not doc:
        return ""
    lines = doc.expandtabs().split("\n")
    if len(lines) > 1 and not lines[-1].strip():
        margin = len(lines[-1])
        body = [line[margin:] if line[:margin].isspace() else line.lstrip()
                for line in lines[1:]]
        return "\n".join([lines[0].strip(), *body]).strip("\n")
    return inspect.cleandoc(doc)


def render_doc(doc: str | None) -> str:
    """A docstring as Markdown: indented blocks become Python examples."""
    if not doc:
        return "*(no description)*\n"
    out: list[str] = []
    for block in re.split(r"\n\s*\n", clean(doc)):
        lines = block.splitlines()
        if all(line.startswith("    ") or not line.strip() for line in lines):
            code = "\n".join(line[4:] for line in lines)
            out.append(f"```python\n{code}\n```")
        else:
            out.append(" ".join(line.strip() for line in lines))
    return "\n\n".join(out) + "\n"


def has_example(doc: str | None) -> bool:
    return bool(doc) and any(
        all(line.startswith("    ") for line in block.splitlines() if line.strip())
        for block in re.split(r"\n\s*\n", clean(doc)) if block.strip())


def home(obj: Any) -> str:
    """The short name of the desklaunch.ui module that defines `obj` ('' for none)."""
    module = getattr(obj, "__module__", "") or ""
    if module.startswith(PACKAGE + "."):
        return module[len(PACKAGE) + 1:].split(".")[0]
    return ""


def source_line(obj: Any) -> float:
    if isinstance(obj, _Instance):
        return obj.line
    try:
        return inspect.getsourcelines(obj)[1]
    except (OSError, TypeError):
        return 0


def section_title(short: str) -> tuple[str, str]:
    """A section's heading and lead-in, from its module's docstring."""
    doc = inspect.getdoc(importlib.import_module(f"{PACKAGE}.{short}")) or short
    first = doc.split("\n\n")[0].replace("\n", " ")
    if ":" in first.split(".")[0]:
        title, lead = first.split(":", 1)
        return title.strip(), lead.strip()
    return short.replace("_", " ").capitalize(), first


def member_docs(cls: type) -> list[str]:
    """The public methods and properties of an exported class."""
    parts = []
    for name, member in vars(cls).items():
        if name.startswith("_") or not (callable(member) or isinstance(member, property)):
            continue
        doc = member.__doc__
        if isinstance(member, property):
            parts.append(f"#### `{cls.__name__}.{name}`\n\n{render_doc(doc)}")
        else:
            parts.append(f"#### `{cls.__name__}.{signature(member, name)}`\n\n"
                         f"{render_doc(doc)}")
    return parts


def build() -> tuple[str, list[str]]:
    """The reference's text, and the calls that lack an example."""
    module, names = load_exports()
    sections: dict[str, list[tuple[float, str, Any]]] = {}
    constants: list[tuple[str, Any]] = []
    for name in names:
        obj = getattr(module, name)
        if isinstance(obj, (str, int, float)):
            constants.append((name, obj))
            continue
        if not callable(obj) and not inspect.isclass(obj):
            obj = _Instance(name, obj)
        short = home(obj) or ("errors" if inspect.isclass(obj) else "session")
        alias = getattr(obj, "__name__", name) != name
        sections.setdefault(short, []).append((source_line(obj) + alias * 0.5, name, obj))
    known = [s for s in ORDER if s in sections]
    ordered = known + sorted(s for s in sections if s not in known)
    missing: list[str] = []
    toc: list[str] = []
    body: list[str] = []
    for short in ordered:
        if short in ("session", "errors") or not _is_module(short):
            title, lead = ("Session" if short == "session" else "Errors"), ""
        else:
            title, lead = section_title(short)
        toc.append(f"- [{title}](#{_anchor(title)}): " + ", ".join(
            f"`{name}`" for _, name, _ in sorted(sections[short], key=lambda t: t[:2])))
        body.append(f"## {title}\n\n" + (f"{lead}\n\n" if lead else ""))
        for _, name, obj in sorted(sections[short], key=lambda t: t[:2]):
            original = getattr(obj, "__name__", name)
            if original != name and original in names:
                body.append(f"### `{name}`\n\nThe same as [`{original}`](#{original}) "
                            "(PyWebIO's older name).\n\n")
                continue
            doc = obj.__doc__
            if not has_example(doc) and not inspect.isclass(obj):
                missing.append(name)
            if isinstance(obj, _Instance) or (inspect.isclass(obj) and (
                    issubclass(obj, enum.Enum) or obj.__init__ is object.__init__)):
                heading = name
            else:
                heading = signature(obj, name)
            body.append(f'<a id="{name}"></a>\n\n### `{heading}`\n\n{render_doc(doc)}\n')
            if inspect.isclass(obj) and issubclass(obj, enum.Enum):
                body.append("| member | value |\n|---|---|\n" + "".join(
                    f"| `{name}.{m.name}` | `{m.value!r}` |\n" for m in obj) + "\n")
            elif inspect.isclass(obj) and not issubclass(obj, BaseException):
                names_ = [k for k, v in vars(obj).items()
                          if k.isupper() and isinstance(v, (str, int, float))]
                if names_:
                    body.append("| member | value |\n|---|---|\n" + "".join(
                        f"| `{name}.{k}` | `{getattr(obj, k)!r}` |\n" for k in names_) + "\n")
                body.extend(part + "\n" for part in member_docs(obj))
    if constants:
        toc.append("- [Constants](#constants)")
        body.append("## Constants\n\nInput types, for `input(type=...)`.\n\n")
        body.append("| name | value |\n|---|---|\n" + "".join(
            f"| `{name}` | `{value!r}` |\n" for name, value in constants) + "\n")
    toc.append("- [PyWebIO calls desklaunch does not offer]"
               "(#pywebio-calls-desklaunch-does-not-offer)")
    body.append(unsupported_section())
    text = HEADER + "\n".join(toc) + "\n\n" + "".join(body)
    return re.sub(r"\n{3,}", "\n\n", text).rstrip() + "\n", missing


PYWEBIO_MODULES = ("pywebio", "pywebio.input", "pywebio.output", "pywebio.pin",
                   "pywebio.session", "pywebio.platform", "pywebio.platform.tornado",
                   "pywebio.platform.tornado_http",
                   "pywebio.platform.aiohttp", "pywebio.platform.flask",
                   "pywebio.platform.django", "pywebio.platform.fastapi")


def unsupported_section() -> str:
    """Every call of the `pywebio` alias that raises NotImplementedError, and why."""
    from desklaunch.compat import install_pywebio_alias, remove_pywebio_alias

    installed = install_pywebio_alias(force=True)
    rows: dict[str, str] = {}
    try:
        for name in PYWEBIO_MODULES:
            module = importlib.import_module(name)
            for attr in getattr(module, "__all__", ()):
                value = getattr(module, attr, None)
                marker = getattr(value, "desklaunch_unsupported", None) \
                    if inspect.isfunction(value) else None
                if marker:
                    rows[marker[0]] = marker[1]
    finally:
        if installed:
            remove_pywebio_alias()
    table = "".join(f"| `{name}` | {why} |\n" for name, why in sorted(rows.items()))
    return ("## PyWebIO calls desklaunch does not offer\n\n"
            "Under the `pywebio` alias these names exist, and calling one raises\n"
            "`NotImplementedError` with the reason below. Every other name of PyWebIO 1.8's\n"
            "public modules works (tests/compat/test_pywebio_names.py checks them by name).\n\n"
            "| call | why, and what to use instead |\n|---|---|\n" + table + "\n")


class _Instance:
    """An exported object (like `pin`): documented by its class's docstring."""

    def __init__(self, name: str, obj: Any) -> None:
        self.__name__ = name
        self.__module__ = type(obj).__module__
        self.__doc__ = type(obj).__doc__
        self.line = source_line(type(obj))


def _is_module(short: str) -> bool:
    try:
        importlib.import_module(f"{PACKAGE}.{short}")
    except ImportError:
        return False
    return True


def _anchor(title: str) -> str:
    return re.sub(r"[^a-z0-9 _-]", "", title.lower()).replace(" ", "-")


def main(argv: list[str]) -> int:
    text, missing = build()
    if missing:
        print("calls without an example in their docstring: " + ", ".join(missing),
              file=sys.stderr)
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET.relative_to(ROOT)} is out of date: run python scripts/api_docs.py",
                  file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
