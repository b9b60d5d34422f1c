"""The files beside a script that it names, read from its source without running it.

A built app has the script but none of the files beside it, unless the build is told
(`--add-data`): `Path(__file__).parent / "rates.csv"` then finds nothing, and the app stops
at its first read. The build looks for names in the script's strings that are files or
folders beside it, and says which `--add-data` each needs before building, where the app
would say it only when it fails (core/buildhint.py).
"""

from __future__ import annotations

import ast
from pathlib import Path, PurePosixPath

LONGEST = 200
"""A string longer than this is text, not a file's name."""


def files_named(script: Path) -> list[str]:
    """The files and folders beside `script` that a string in it names (`"rates.csv"`,
    `"data/rates.csv"`, `"images"`), as paths relative to its folder. Python files and
    packages are left out: the build finds those by their imports."""
    folder = script.parent
    found: set[str] = set()
    for node in ast.walk(ast.parse(script.read_bytes(), filename=str(script))):
        if not isinstance(node, ast.Constant) or not isinstance(node.value, str):
            continue
        text = node.value.strip()
        if not text or len(text) > LONGEST or text[0] in "/~\\" or any(
                char in text for char in "\n\0*?"):
            continue
        relative = PurePosixPath(text.replace("\\", "/"))
        if ".." in relative.parts or relative.name.startswith(".") or \
                relative.name == "__pycache__":
            continue
        path = folder / relative
        try:
            if not path.exists() or path.suffix == ".py" or (path / "__init__.py").exists():
                continue
        except OSError:  # a name too long for the file system, and the like
            continue
        found.add(relative.as_posix())
    return sorted(found)


def add_data_option(name: str, folder: bool) -> str:
    """The `--add-data` that puts `name` (relative to the script's folder) where the app's
    script looks for it, as the app's own note says it."""
    parent = PurePosixPath(name).parent.as_posix()
    if folder:
        return f"--add-data {name}:{name}"
    return f"--add-data {name}" + ("" if parent == "." else f":{parent}")
