"""`desklaunch build --installer KIND`: which installer a platform can make, the checks done
before the build starts, and the call that makes it from the built app.

Each kind needs its platform's tool and a build for that platform: deb (dpkg-deb) and rpm
(rpmbuild) on Linux, nsis (makensis) on Windows, dmg (hdiutil) on macOS. `auto` (also a
bare `--installer`) picks the platform's own: deb where dpkg-deb is, else rpm where rpmbuild
is, nsis on Windows, dmg on macOS. Anything that cannot work is refused in one line before
PyInstaller runs, never after minutes of building.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from desklaunch.errors import UsageError

if TYPE_CHECKING:
    from desklaunch.packaging.plan import Plan

KINDS = ("deb", "rpm", "nsis", "dmg")
CHOICES = ("auto", *KINDS)
TOOLS = {"deb": "dpkg-deb", "rpm": "rpmbuild", "nsis": "makensis", "dmg": "hdiutil"}
PLATFORMS = {"deb": "linux", "rpm": "linux", "nsis": "win32", "dmg": "darwin"}
WHERE = {
    "deb": "a .deb is made on Linux, from a Linux build",
    "rpm": "an .rpm is made on Linux, from a Linux build",
    "nsis": "a setup.exe is made on Windows, from a Windows build (PyInstaller does not "
            "cross-compile)",
    "dmg": "a .dmg needs macOS (hdiutil), from a macOS build",
}
INSTALL_TOOL = {
    "deb": "dpkg-deb is missing (Debian/Ubuntu: sudo apt-get install dpkg)",
    "rpm": "rpmbuild is missing (Fedora: sudo dnf install rpm-build; "
           "Debian/Ubuntu: sudo apt-get install rpm)",
    "nsis": "makensis is missing (install NSIS 3 from https://nsis.sourceforge.io)",
    "dmg": "hdiutil is missing (it comes with macOS)",
}


def find_tool(name: str) -> str | None:
    """A tool's path: on PATH, or for makensis also where NSIS's own installer puts it."""
    if name == "makensis":
        from desklaunch.packaging.nsis import find_makensis

        return find_makensis()
    return shutil.which(name)


def choose(requested: str, platform: str = sys.platform,
           which: Callable[[str], str | None] = find_tool) -> str:
    """The installer kind to make for `requested` (a kind or "auto") on `platform`, or a
    one-line UsageError saying why none can be made here."""
    kind = _auto(platform, which) if requested == "auto" else requested
    if kind is None:
        raise UsageError("--installer: no installer tool here (Linux: dpkg-deb for a .deb or "
                         "rpmbuild for an .rpm)")
    if not platform.startswith(PLATFORMS[kind]):
        raise UsageError(f"--installer {kind}: {WHERE[kind]}")
    if which(TOOLS[kind]) is None:
        raise UsageError(f"--installer {kind}: {INSTALL_TOOL[kind]}")
    return kind


def _auto(platform: str, which: Callable[[str], str | None]) -> str | None:
    if platform == "win32":
        return "nsis"
    if platform == "darwin":
        return "dmg"
    for kind in ("deb", "rpm"):
        if which(TOOLS[kind]) is not None:
            return kind
    return None


def make(plan: Plan, icon_png: bytes) -> Path:
    """Make plan.installer's installer from the built app; its path."""
    if plan.installer == "deb":
        from desklaunch.packaging.deb import build_deb

        return build_deb(plan, icon_png)
    if plan.installer == "rpm":
        from desklaunch.packaging.rpm import build_rpm

        return build_rpm(plan, icon_png)
    if plan.installer == "nsis":
        from desklaunch.packaging.nsis import build_nsis

        return build_nsis(plan, icon_png)
    if plan.installer == "dmg":
        from desklaunch.packaging.dmg import build_dmg

        return build_dmg(plan)
    raise UsageError(f"no installer kind {plan.installer!r}")


def note(kind: str, plan: Plan) -> str | None:
    """Something the person should know about the installer just made, or None."""
    if PLATFORMS[kind] == "linux":
        from desklaunch.packaging.runpaths import patchelf_advice

        return patchelf_advice(plan.app_path)
    return None


def next_step(kind: str, installer: Path, plan: Plan) -> str:
    """What to do with the installer, and what it installs, said after it is made."""
    where = _typed_path(installer)
    if kind in ("deb", "rpm"):
        from desklaunch.packaging.packagenames import linux_package

        gives = f"; it puts {plan.name!r} in the menu and the command {linux_package(plan)}"
    return {
        "deb": f"install it with sudo apt-get install {where}{gives}",
        "rpm": f"install it with sudo dnf install {where} (Fedora){gives}",
        "nsis": "run it on Windows; it installs to Program Files with a Start-menu entry",
        "dmg": "open it and drag the app onto Applications",
    }[kind]


def _typed_path(path: Path) -> str:
    """`path` as the person types it from where they are: `./dist/app.deb` (a package manager
    takes a file only when its path has a slash), quoted for the shell."""
    try:
        shown = "./" + path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        shown = str(path.resolve())
    return shlex.quote(shown)


def run_failure(kind: str, exc: subprocess.CalledProcessError) -> str:
    """One line for a failed tool run: the tool and the last line it printed."""
    text = (exc.stderr or exc.stdout or "").strip().splitlines()
    return f"{TOOLS[kind]} failed: {text[-1] if text else f'exit code {exc.returncode}'}"
