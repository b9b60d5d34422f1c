"""Library search paths a built app must not carry into a package.

A Python built by pyenv (or any Python in a private prefix) links its extension modules
with a RUNPATH naming that prefix on the build machine (`/home/alice/.pyenv/.../lib`). In an
installed package that is a folder of someone else's machine searched for libraries before
the system's; lintian calls it an error (custom-library-search-path). The app never needs
it (its own folder comes first), so the packaged copy loses every such entry, with
`patchelf`, where it is installed.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ELF_MAGIC = b"\x7fELF"


def foreign_runpaths(folder: Path) -> list[Path]:
    """The ELF files under `folder` whose RUNPATH/RPATH names a place outside the app
    (entries relative to the file itself, `$ORIGIN`, are the app's own). Read with binutils'
    readelf, which PyInstaller's own objdump comes with."""
    readelf = shutil.which("readelf")
    if readelf is None:
        return []
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or not path.is_file() or not _is_elf(path):
            continue
        dynamic = subprocess.run([readelf, "-d", str(path)], capture_output=True, text=True)
        for line in dynamic.stdout.splitlines():
            if "(RUNPATH)" in line or "(RPATH)" in line:
                entries = line.partition("[")[2].rstrip("]").split(":")
                if any(e and not e.startswith("$ORIGIN") for e in entries):
                    found.append(path)
                    break
    return found


def clear_runpaths(folder: Path) -> None:
    """Remove the foreign search paths from the ELF files under `folder` (a staged copy).
    Without patchelf nothing changes, and `patchelf_advice` says what to install."""
    patchelf = shutil.which("patchelf")
    if patchelf is None:
        return
    for path in foreign_runpaths(folder):
        subprocess.run([patchelf, "--remove-rpath", str(path)], check=True,
                       capture_output=True, text=True)


def patchelf_advice(folder: Path) -> str | None:
    """One line for the build's output when the app under `folder` names a folder of this
    machine as a library path and no patchelf is here to clear it; else None."""
    if shutil.which("patchelf") is not None:
        return None
    found = foreign_runpaths(folder)
    if not found:
        return None
    return (f"{len(found)} of the app's libraries name a folder of this machine as a library "
            "path (a Python from pyenv does that); install patchelf to leave it out of the "
            "package (Debian/Ubuntu: sudo apt-get install patchelf)")


def _is_elf(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(4) == ELF_MAGIC
