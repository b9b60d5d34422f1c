"""A script installed for another Python: its `#!` line names that environment's interpreter
(pip writes it so for every command it installs), whose packages the script imports.

desklaunch runs a script in its own interpreter, so `desklaunch $(which sqlite-utils)` for a
tool installed in another virtual environment (pipx, a project's venv) would not find the
tool's own package. `adopt_environment` asks that interpreter where its packages are and
puts those folders after desklaunch's own on `sys.path`: desklaunch's packages stay the ones
it runs on, the script finds the rest.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

ASK_TIMEOUT = 10.0
"""Seconds the other interpreter may take to say where its packages are."""

_PYTHON = re.compile(r"python(\d+(\.\d+)?)?")
_ASK = "import json, sys; print(json.dumps([list(sys.version_info[:2]), sys.path]))"


def shebang_python(script: Path) -> Path | None:
    """The interpreter the script's `#!` line names by path, when it is another environment's
    Python (not `/usr/bin/env python3`, which names none in particular, nor this one's)."""
    try:
        with script.open("rb") as file:
            first = file.readline(512)
    except OSError:
        return None
    if not first.startswith(b"#!"):
        return None
    words = first[2:].decode(errors="replace").split()
    if not words or not _PYTHON.fullmatch(Path(words[0]).name):
        return None
    python = Path(words[0])
    if not python.is_absolute():
        return None
    try:
        # A virtual environment's python links to the one it was made from: compare the
        # folders, which differ from one environment to the next.
        if python.parent.samefile(Path(sys.executable).parent):
            return None
    except OSError:
        return None  # it is not there: nothing to adopt
    return python if os.access(python, os.X_OK) else None


def adopt_environment(script: Path) -> str | None:
    """Put the package folders of the Python the script's `#!` line names after ours on
    `sys.path`. Returns a note for the person when that Python's version is not this one's
    (pure-Python packages still load; compiled ones made for it do not), else None."""
    python = shebang_python(script)
    if python is None:
        return None
    import json
    import subprocess

    try:
        done = subprocess.run([str(python), "-E", "-c", _ASK], capture_output=True,
                              text=True, timeout=ASK_TIMEOUT, check=False)
        version, paths = json.loads(done.stdout)
    except (OSError, subprocess.SubprocessError, ValueError):
        return f"{script.name} names {python} in its first line, which did not answer"
    for folder in paths:
        if (isinstance(folder, str) and Path(folder).name in ("site-packages", "dist-packages")
                and folder not in sys.path and Path(folder).is_dir()):
            sys.path.append(folder)
    theirs = ".".join(str(part) for part in version)
    if tuple(version) != tuple(sys.version_info[:2]):
        mine = f"{sys.version_info[0]}.{sys.version_info[1]}"
        return (f"{script.name} is installed for Python {theirs} ({python}); desklaunch runs "
                f"it with Python {mine} and that environment's packages (to run it with its "
                f"own, install desklaunch there: {python} -m pip install desklaunch)")
    return None
