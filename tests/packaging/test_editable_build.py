"""`desklaunch build` from an editable install, as the README's `make setup` makes one: the
build finds desklaunch in its source folder (PyInstaller cannot follow pip's editable-mode
import hook), and the app it makes runs.

The other real builds (tests/packaging/test_frozen.py) come from a regular install.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import BrowserContext, expect

BUILD_GUARD = 900
RUN_GUARD = 90
SCRIPT = """
import sys
from desklaunch.ui import put_text
put_text("Built from the source folder")
sys.exit(3)
"""


def test_an_editable_install_builds_an_app_that_runs(tmp_path: Path,
                                                    context: BrowserContext) -> None:
    record = subprocess.run(  # from another folder: a checkout's own egg-info says nothing
        [sys.executable, "-c", "import importlib.metadata as m; "
         "print(m.distribution('desklaunch').read_text('direct_url.json') or '{}')"],
        capture_output=True, text=True, check=True, cwd=tmp_path).stdout
    assert json.loads(record).get("dir_info", {}).get("editable"), \
        "this test needs desklaunch installed in editable mode, as `make setup` installs it"
    script = tmp_path / "from_source.py"
    script.write_text(SCRIPT, encoding="utf-8")
    built = subprocess.run(
        [sys.executable, "-m", "desklaunch", "build", str(script), "--gui", "gtk",
         "--system-gtk", "--dist", str(tmp_path / "dist"), "--work", str(tmp_path / "work")],
        capture_output=True, text=True, timeout=BUILD_GUARD, cwd=tmp_path)
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-3000:]
    app = subprocess.Popen(
        [str(tmp_path / "dist" / "from_source" / "from_source")],
        env={**os.environ, "DESKLAUNCH_NO_OPEN": "1", "DESKLAUNCH_CLOSE_ON_EXIT": "1",
             "DESKLAUNCH_DATA_DIR": str(tmp_path / "data")},
        cwd="/", stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert app.stdout is not None
        url = app.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:"), app.stderr.read() if app.stderr else ""
        page = context.new_page()
        page.goto(url)
        expect(page.get_by_text("Built from the source folder")).to_be_visible()
        assert app.wait(RUN_GUARD) == 3
    finally:
        app.kill()
        app.communicate(timeout=RUN_GUARD)
