"""`desklaunch build --installer nsis`: a Windows `<App>-<version>-setup.exe` made with NSIS.

The script comes from our template (templates/installer.nsi.in): install to Program
Files\\<App> for every user, a Start-menu shortcut, an optional desktop shortcut, an entry in
Add/Remove Programs (the Uninstall registry key) and an uninstaller that deletes, by name,
each file the installer wrote. The app must be a Windows build (built on Windows), so the
build command offers it only there; the script is written and compiled by functions that
take any app folder, which is how it is checked on Linux (Debian's `nsis` has makensis).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING

from desklaunch.errors import UsageError
from desklaunch.packaging.icons import ico_bytes
from desklaunch.packaging.installfiles import kibibytes, template

if TYPE_CHECKING:
    from desklaunch.packaging.plan import Plan


class _NsisTemplate(Template):
    delimiter = "@"  # NSIS's own variables start with $


def setup_name(name: str, version: str) -> str:
    """The installer's file name, as Windows users know it: `<App>-<version>-setup.exe`."""
    return f"{name}-{version}-setup.exe"


def find_makensis() -> str | None:
    """makensis on PATH, or where NSIS's Windows installer puts it."""
    found = shutil.which("makensis")
    if found is not None:
        return found
    for variable in ("ProgramFiles(x86)", "ProgramFiles"):
        base = os.environ.get(variable)
        if base and (Path(base) / "NSIS" / "makensis.exe").is_file():
            return str(Path(base) / "NSIS" / "makensis.exe")
    return None


def write_nsis_script(folder: Path, name: str, version: str, publisher: str, icon_png: bytes,
                      script: Path, out: Path) -> Path:
    """Write the NSIS script installing `folder` (holding `<name>.exe`) as `name`; it makes
    the installer `out`. Returns `script`."""
    if not (folder / f"{name}.exe").is_file():
        raise UsageError(f"{folder} holds no {name}.exe to install")
    script.parent.mkdir(parents=True, exist_ok=True)
    icon = script.with_name(f"{name}.ico")
    icon.write_bytes(ico_bytes([icon_png]))
    install, uninstall = _file_lines(folder)
    script.write_text(_NsisTemplate(template("installer.nsi.in")).substitute(
        name=_text(name), exe=_text(f"{name}.exe"), key=_text(name), version=_text(version),
        publisher=_text(publisher), outfile=_text(str(out)), icon=_text(str(icon)),
        size_kb=kibibytes(folder), install="\n".join(install),
        uninstall="\n".join(uninstall)), encoding="utf-8")
    return script


def compile_nsis(script: Path, makensis: str = "makensis") -> None:
    """Run makensis on `script`; CalledProcessError when it fails."""
    subprocess.run([makensis, "-V2", "-INPUTCHARSET", "UTF8", str(script)], check=True,
                   capture_output=True, text=True)


def build_nsis(plan: Plan, icon_png: bytes) -> Path:
    """Windows: `<App>-<version>-setup.exe` in plan.dist from the built app folder."""
    makensis = find_makensis()
    if makensis is None:
        raise UsageError("makensis is missing (install NSIS from https://nsis.sourceforge.io)")
    out = plan.dist / setup_name(plan.name, plan.version)
    script = write_nsis_script(plan.app_path, plan.name, plan.version,
                               publisher(plan.maintainer), icon_png,
                               plan.work / plan.name / "nsis" / f"{plan.name}.nsi", out)
    compile_nsis(script, makensis)
    return out


def publisher(maintainer: str) -> str:
    """The name part of `NAME <EMAIL>`, as Add/Remove Programs shows a publisher."""
    return maintainer.split("<", 1)[0].strip() or maintainer


def _file_lines(folder: Path) -> tuple[list[str], list[str]]:
    """NSIS lines writing every file of `folder` under $INSTDIR, and the uninstaller's lines
    deleting each of them, then each folder (deepest first; RMDir leaves one not empty)."""
    install: list[str] = []
    deletes: list[str] = []
    folders: list[str] = []
    for directory, subdirs, names in os.walk(folder):
        subdirs.sort()
        relative = Path(directory).relative_to(folder)
        target = "$INSTDIR" + "".join(f"\\{part}" for part in relative.parts)
        if relative.parts:
            folders.append(target)
        if names:
            install.append(f'    SetOutPath "{_text(target)}"')
        for file in sorted(names):
            install.append(f'    File "{Path(directory) / file}"')  # read as written
            deletes.append(f'    Delete "{_text(target)}\\{_text(file)}"')
    rmdirs = [f'    RMDir "{_text(target)}"' for target in reversed(folders)]
    return install, deletes + rmdirs


def _text(value: str) -> str:
    """A value inside an NSIS "..." string: $ (but not our own $INSTDIR) and " escaped."""
    if value.startswith("$INSTDIR"):
        return "$INSTDIR" + _text(value[len("$INSTDIR"):])
    return value.replace("$", "$$").replace('"', '$\\"')
