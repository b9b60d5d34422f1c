"""What a Linux installer puts on the target, the same for the .deb and the .rpm.

The app folder goes to /opt/<package> (self-contained, as third-party apps ship), a two-line
shell script to /usr/bin/<package> puts a command on PATH, and a desktop entry with its icon
puts the app in the menu. `stage_linux_files` lays these out under a root folder that the
package tool then packs as it is; `installed_paths` names what it laid out, for the package's
file list, so removing the package removes every file.
"""

from __future__ import annotations

import shutil
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from desklaunch.packaging.icons import png_size
from desklaunch.packaging.runpaths import clear_runpaths

if TYPE_CHECKING:
    from desklaunch.packaging.plan import Plan

def backend_key(plan: Plan) -> str:
    """Which set of system packages the app needs: "gtk", "gtk-system" or "qt"."""
    return "gtk-system" if plan.system_gtk else plan.gui or "qt"


def template(name: str) -> str:
    """One of the package's templates (desklaunch/packaging/templates/), as text."""
    return (files("desklaunch.packaging") / "templates" / name).read_text(encoding="utf-8")


def summary(plan: Plan) -> str:
    """The one-line description both package formats show."""
    return f"Desktop app made with desklaunch: {plan.title or plan.name}"


def stage_linux_files(plan: Plan, root: Path, package: str, icon_png: bytes) -> list[str]:
    """Lay out the app, its command, desktop entry and icon under `root` (emptied first);
    the installed paths, as `installed_paths` gives them."""
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(plan.app_path, root / "opt" / package, symlinks=True)
    clear_runpaths(root / "opt" / package)
    write(root / "usr" / "bin" / package,
          f'#!/bin/sh\nexec "/opt/{package}/{plan.name}" "$@"\n', mode=0o755)
    write(root / icon_path(package, icon_png).lstrip("/"), icon_png)
    write(root / "usr" / "share" / "applications" / f"{package}.desktop",
          desktop_entry(plan, package))
    return installed_paths(package, icon_png)


def installed_paths(package: str, icon_png: bytes) -> list[str]:
    """What `stage_linux_files` installs: the app's own folder (all of it) and three files."""
    return [f"/opt/{package}", f"/usr/bin/{package}",
            f"/usr/share/applications/{package}.desktop", icon_path(package, icon_png)]


def icon_path(package: str, icon_png: bytes) -> str:
    """Where the icon goes in the hicolor theme, by its size in pixels."""
    width, height = png_size(icon_png)
    return f"/usr/share/icons/hicolor/{width}x{height}/apps/{package}.png"


def desktop_entry(plan: Plan, package: str) -> str:
    """The installed menu entry: it runs the command on PATH and names the themed icon."""
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={plan.title or plan.name}\n"
        f"Comment={summary(plan)}\n"
        f"Exec={package}\n"
        f"Icon={package}\n"
        f"Terminal={'false' if plan.windowed else 'true'}\n"
        "Categories=Utility;\n"
        "StartupNotify=true\n"
        # The app's windows are named after its executable (desktop/window.py
        # `program_name`): this is how the desktop finds this entry and icon for them.
        f"StartupWMClass={plan.name}\n"
    )


def write(path: Path, content: str | bytes, mode: int = 0o644) -> None:
    """Write a file (and its folders) with the given permission bits."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    path.chmod(mode)


def normalise_modes(root: Path) -> None:
    """Folders 0755, files 0644 unless executable (then 0755), as packages expect; shared
    libraries 0644 (they are loaded, never run)."""
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        elif path.name.endswith(".so") or ".so." in path.name:
            path.chmod(0o644)
        else:
            path.chmod(0o755 if path.stat().st_mode & 0o111 else 0o644)


def kibibytes(root: Path) -> int:
    """The size of the files under `root`, in KiB (rounded up)."""
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file()
               and not p.is_symlink()) // 1024 + 1
