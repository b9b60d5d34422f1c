"""`desklaunch build --installer deb`: the built app folder as a Debian package.

The app goes to /opt/<package> (a self-contained folder, as third-party apps ship), with a
command on PATH (/usr/bin/<package>, a two-line shell script), a menu entry and its icon,
the copyright and changelog files Debian asks for, and lintian overrides for what a
self-contained app is by design (a folder in /opt, bundled libraries). `Depends:` names what
the window backend takes from the system. dpkg-deb builds it; `dpkg -r` removes every file.
"""

from __future__ import annotations

import gzip
import re
import shutil
import subprocess
import time
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING

from desklaunch.errors import UsageError
from desklaunch.packaging.icons import png_size

if TYPE_CHECKING:
    from desklaunch.packaging.plan import Plan

TEMPLATES_PACKAGE = "desklaunch.packaging"
DEPENDS = {
    "gtk": "gir1.2-webkit2-4.1, python3-gi",
    "gtk-system": "gir1.2-webkit2-4.1, python3-gi, libgtk-3-0, libglib2.0-0",
    "qt": ("libglib2.0-0, libdbus-1-3, libfontconfig1, libfreetype6, libxkbcommon0, libegl1, "
           "libgl1, libgbm1, libnss3, libasound2, libx11-xcb1, libxcomposite1, libxdamage1, "
           "libxrandr2, libxtst6, libxkbcommon-x11-0, libxcb-cursor0, libxcb-icccm4, "
           "libxcb-keysyms1, libxcb-render-util0, libxcb-shape0, libxcb-xinerama0 | libxcb1, "
           "fonts-dejavu-core"),
}
"""What each backend takes from the target system (WebKitGTK always comes from it)."""
LINTIAN_OVERRIDES = (
    "dir-or-file-in-opt",  # a self-contained app lives in /opt/<package>, by design
    "embedded-library",  # PyInstaller bundles the libraries the app was built with
    "shared-library-lacks-prerequisites",
    "unstripped-binary-or-object",
    "binary-without-manpage",
    "executable-not-elf-or-script",
)
PACKAGE_NAME = re.compile(r"[a-z0-9][a-z0-9+.-]+")


def package_name(app_name: str) -> str:
    """A Debian package name from the app's name: lower case, dashes for the rest."""
    name = re.sub(r"[^a-z0-9+.-]+", "-", app_name.lower()).strip("-.+")
    if not PACKAGE_NAME.fullmatch(name):
        raise UsageError(f"{app_name!r} gives no Debian package name; use --name")
    return name


def build_deb(plan: Plan, icon_png: bytes) -> Path:
    """Build `<package>_<version>_<arch>.deb` in plan.dist from the built app folder."""
    if plan.onefile:
        raise UsageError("--installer deb packs an app folder; leave out --onefile")
    if shutil.which("dpkg-deb") is None:
        raise UsageError("dpkg-deb is missing (Debian/Ubuntu: sudo apt-get install dpkg)")
    package = package_name(plan.name)
    root = plan.work / plan.name / "deb" / package
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(plan.app_path, root / "opt" / package, symlinks=True)
    executable = f"/opt/{package}/{plan.name}"
    _write(root / "usr" / "bin" / package,
           f'#!/bin/sh\nexec "{executable}" "$@"\n', mode=0o755)
    width, height = png_size(icon_png)
    _write(root / "usr" / "share" / "icons" / "hicolor" / f"{width}x{height}" / "apps"
           / f"{package}.png", icon_png)
    _write(root / "usr" / "share" / "applications" / f"{package}.desktop",
           _desktop_entry(plan, package))
    doc = root / "usr" / "share" / "doc" / package
    _write(doc / "copyright", _copyright(plan))
    _write(doc / "changelog.gz", _changelog(plan, package))
    _write(root / "usr" / "share" / "lintian" / "overrides" / package,
           "".join(f"{package}: {tag}\n" for tag in LINTIAN_OVERRIDES))
    _normalise_modes(root)
    control = Template(_template("control.in")).substitute(
        package=package, version=plan.version, architecture=_architecture(),
        maintainer=plan.maintainer, installed_size=_kibibytes(root), name=plan.name,
        depends=DEPENDS["gtk-system" if plan.system_gtk else plan.gui or "qt"],
        summary=f"{plan.title or plan.name} (made with desklaunch)")
    _write(root / "DEBIAN" / "control", control)
    target = plan.dist / f"{package}_{plan.version}_{_architecture()}.deb"
    subprocess.run(["dpkg-deb", "--build", "--root-owner-group", "-Zgzip", str(root),
                    str(target)], check=True, capture_output=True, text=True)
    return target


def _template(name: str) -> str:
    from importlib.resources import files

    return (files(TEMPLATES_PACKAGE) / "templates" / name).read_text(encoding="utf-8")


def _desktop_entry(plan: Plan, package: str) -> str:
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={plan.title or plan.name}\n"
        f"Comment={plan.title or plan.name} (made with desklaunch)\n"
        f"Exec={package}\n"
        f"Icon={package}\n"
        f"Terminal={'false' if plan.windowed else 'true'}\n"
        "Categories=Utility;\n"
        "StartupNotify=true\n"
    )


def _copyright(plan: Plan) -> str:
    return (
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        f"Upstream-Name: {plan.name}\n\n"
        "Files: *\n"
        f"Copyright: {time.gmtime().tm_year} {plan.maintainer}\n"
        "License: other\n"
        " The app's own terms, as its author gives them. It bundles Python, desklaunch\n"
        " (MIT), pywebview (BSD-3-Clause) and the libraries of its window backend under\n"
        " their own licenses.\n"
    )


def _changelog(plan: Plan, package: str) -> bytes:
    stamp = time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime())
    text = (f"{package} ({plan.version}) unstable; urgency=low\n\n"
            "  * Built with desklaunch build --installer deb.\n\n"
            f" -- {plan.maintainer}  {stamp}\n")
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def _write(path: Path, content: str | bytes, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    path.chmod(mode)


def _normalise_modes(root: Path) -> None:
    """Folders 0755, files 0644 unless executable (then 0755), as Debian expects."""
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            path.chmod(0o755 if path.stat().st_mode & 0o111 else 0o644)


def _kibibytes(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file()
               and not p.is_symlink()) // 1024 + 1


def _architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], check=True, capture_output=True,
                          text=True).stdout.strip()
