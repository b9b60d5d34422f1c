"""Small stand-in app folders for the installer tests: what a build leaves in dist/, without
running PyInstaller (the real build is packaged in test_frozen.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

from desklaunch.packaging.plan import Plan


def stand_in_app(tmp_path: Path, gui: str = "gtk", **changes: object) -> Plan:
    """A Plan whose Linux app folder exists already: an executable, a real ELF program
    (/bin/true, for rpm's library scanning) and a bundled file."""
    fields: dict = {"script": tmp_path / "unit.py", "name": "Unit Converter",
                    "dist": tmp_path / "dist", "work": tmp_path / "work", "gui": gui,
                    "maintainer": "Ada <ada@example.org>", **changes}
    plan = Plan(**fields)
    folder = plan.app_path
    (folder / "_internal").mkdir(parents=True)
    (folder / plan.name).write_text("#!/bin/sh\necho converting\n")
    (folder / plan.name).chmod(0o755)
    (folder / "_internal" / "data.txt").write_text("bundled\n")
    shutil.copy2("/bin/true", folder / "_internal" / "helper")
    return plan


def stand_in_windows_app(folder: Path, name: str = "Unit Converter") -> Path:
    """A Windows app folder as PyInstaller makes one: `<name>.exe` (a fake one: "MZ" and
    text), a DLL and data in _internal, one file name with a $ in it."""
    (folder / "_internal" / "data files").mkdir(parents=True)
    (folder / f"{name}.exe").write_bytes(b"MZ not really a program\n")
    (folder / "_internal" / "python311.dll").write_bytes(b"MZ" + bytes(4000))
    (folder / "_internal" / "data files" / "price$list.csv").write_text("a,b\n")
    (folder / "_internal" / "data files" / "notes.txt").write_text("hello\n")
    return folder
