"""docs/api.md is generated from the docstrings; the committed one must be up to date."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "api_docs.py"


def test_the_committed_api_reference_matches_the_docstrings() -> None:
    proc = subprocess.run([sys.executable, str(SCRIPT), "--check"], capture_output=True,
                          text=True, timeout=60, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr


def test_every_exported_call_is_in_the_reference_with_an_example() -> None:
    import desklaunch.ui as ui

    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    for name in ui.__all__:
        assert f"`{name}" in text, f"{name} is missing from docs/api.md"
    assert "```python\nput_text(" in text


def _arguments(call: str) -> list[str]:
    """The argument names a README call such as `toast(content, duration=2, *, onclick=)`
    uses: each top-level part's name, before any `=`."""
    inner = call[call.index("(") + 1:call.rindex(")")]
    parts, depth, current = [], 0, ""
    for char in inner:
        depth += (char in "([{") - (char in ")]}")
        if char == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    names = [part.split("=")[0].strip().lstrip("*") for part in parts]
    return [name for name in names if name.isidentifier()]


def test_the_readmes_calls_use_the_argument_names_the_functions_take() -> None:
    """A user copies `toast(content, …)` from the README's tables: every name it shows is
    one the function takes (`toast(text=…)` was a TypeError)."""
    import inspect
    import re

    import desklaunch.ui as ui

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    checked = 0
    for call in re.findall(r"`([a-z_]+\([^`]*\))`", text):
        name = call[:call.index("(")]
        if name not in ui.__all__:
            continue
        parameters = inspect.signature(getattr(ui, name)).parameters
        if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values()):
            continue
        for argument in _arguments(call):
            assert argument in parameters, f"README: {call} — {name}() takes no {argument!r}"
        checked += 1
    assert checked > 20
