"""The peer's isolated virtual environment: PyWebIO 1.8.4 with Flask, in bench/.peer-venv.

Created on first use with the standard library's `venv` and installed with its own pip,
so the project's environment never sees PyWebIO, Flask or Tornado.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PEER_VENV = Path(__file__).resolve().parent / ".peer-venv"
REQUIREMENTS = ["pywebio==1.8.4", "flask"]


def peer_python(venv: Path = PEER_VENV) -> Path:
    """The peer venv's interpreter, creating the venv and installing PyWebIO when needed."""
    python = venv / "bin" / "python"
    probe = [str(python), "-c", "import pywebio, flask, tornado"]
    if python.exists() and subprocess.run(probe, capture_output=True).returncode == 0:
        return python
    print(f"bench: installing {' '.join(REQUIREMENTS)} into {venv}", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    *REQUIREMENTS], check=True)
    return python


def versions(python: Path | None) -> dict[str, str]:
    """Installed versions of the peer's packages (empty without a peer venv)."""
    if python is None:
        return {}
    code = ("import importlib.metadata as m, json; print(json.dumps({n: m.version(n) for n in "
            "('pywebio', 'flask', 'tornado', 'werkzeug')}))")
    out = subprocess.run([str(python), "-c", code], capture_output=True, text=True, check=True)
    import json

    return dict(json.loads(out.stdout))
