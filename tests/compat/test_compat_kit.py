"""A PyWebIO coroutine app runs unchanged, tested with the kit in process (the kit puts the
alias in place for a script that imports pywebio, as the `desklaunch` command does)."""

from __future__ import annotations

from pathlib import Path

from desklaunch.compat import pywebio_installed

SCRIPT = Path(__file__).parents[1] / "e2e" / "ui" / "scripts" / "pywebio_async.py"


def test_a_coroutine_pywebio_app_runs_unchanged(desklaunch_app) -> None:
    app = desklaunch_app(SCRIPT)
    app.fill("Your name", "Ada")
    app.submit()
    assert "Hello, Ada" in app.text
    assert app.text.endswith("Finished")
    app.close()
    assert not pywebio_installed()  # the alias is gone again
