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
