"""`desklaunch build --installer rpm`: the built app folder as an rpm package (Fedora & co).

The same files as the .deb (installfiles.py: /opt/<package>, /usr/bin/<package>, the menu
entry and its icon), packed by rpmbuild from our spec template (templates/app.spec.in).
`Requires:` gives Fedora's names for what the window backend takes from the system. Debian
has rpmbuild in its `rpm` package, so the rpm is built and inspected here; installing it
needs an rpm-based system.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import time
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING

from desklaunch.errors import UsageError
from desklaunch.packaging.installfiles import (
    backend_key,
    normalise_modes,
    stage_linux_files,
    summary,
    template,
    write,
)
from desklaunch.packaging.packagenames import linux_package

if TYPE_CHECKING:
    from desklaunch.packaging.plan import Plan

REQUIRES = {
    "gtk": ("webkit2gtk4.1, gobject-introspection, libX11, libxcb, libwayland-client, "
            "libwayland-cursor, libwayland-egl, fontconfig, freetype, harfbuzz, fribidi, "
            "libstdc++, libgcc, expat, zlib, libuuid, libgpg-error, gmp, libxml2"),
    "gtk-system": ("webkit2gtk4.1, gtk3, glib2, gobject-introspection, cairo, cairo-gobject, "
                   "libffi, openssl-libs, sqlite-libs, xz-libs, bzip2-libs, readline, "
                   "ncurses-libs, zlib, libuuid, libxcrypt"),
    "qt": ("glib2, dbus-libs, fontconfig, freetype, libxkbcommon, libxkbcommon-x11, "
           "libglvnd-egl, libglvnd-glx, mesa-libgbm, libdrm, nss, alsa-lib, libX11, libX11-xcb, "
           "libXcomposite, libXdamage, libXrandr, libXtst, libxcb, xcb-util-cursor, "
           "xcb-util-wm, xcb-util-keysyms, xcb-util-renderutil, libwayland-client, "
           "libwayland-cursor, libwayland-egl, libwayland-server, libstdc++, libgcc, expat, "
           "zlib, libuuid, libgpg-error, libcom_err, dejavu-sans-fonts"),
}
"""Fedora's packages for what each backend takes from the system (as deb.DEPENDS for Debian):
WebKitGTK with its typelib, and GObject's typelibs, always come from it, and the base-system
libraries no app bundles (baselibs.BASE) that the backend links."""
VERSION = re.compile(r"[0-9][A-Za-z0-9.+~^_]*")
"""What rpm takes as a version: no dash (it separates the release)."""


def rpm_version_problem(version: str) -> str | None:
    """Why rpm cannot take this version, or None."""
    if VERSION.fullmatch(version):
        return None
    return (f"--app-version {version!r} is no rpm version (no '-'; a pre-release is "
            f"written {version.replace('-', '~')})")


def build_rpm(plan: Plan, icon_png: bytes) -> Path:
    """Build `<package>-<version>-1.<arch>.rpm` in plan.dist from the built app folder."""
    if plan.onefile:
        raise UsageError("--installer rpm packs an app folder; leave out --onefile")
    if shutil.which("rpmbuild") is None:
        raise UsageError("rpmbuild is missing (Fedora: sudo dnf install rpm-build; "
                         "Debian/Ubuntu: sudo apt-get install rpm)")
    problem = rpm_version_problem(plan.version)
    if problem is not None:
        raise UsageError(problem)
    package = linux_package(plan)
    top = plan.work / plan.name / "rpm"
    if top.exists():
        shutil.rmtree(top)
    staged = top / "staged"
    paths = stage_linux_files(plan, staged, package, icon_png)
    normalise_modes(staged)
    spec = top / f"{package}.spec"
    write(spec, Template(template("app.spec.in")).substitute(
        package=package, version=plan.version, summary=_literal(summary(plan)),
        packager=_literal(plan.maintainer), requires=REQUIRES[backend_key(plan)],
        name=_literal(plan.name), staged=_literal(shlex.quote(f"{staged}/.")),
        files="\n".join(f'"{path}"' for path in paths),
        date=time.strftime("%a %b %d %Y", time.gmtime())))
    try:
        subprocess.run(["rpmbuild", "-bb", "--quiet", "--define",
                        f"_topdir {_literal(str(top))}", str(spec)],
                       check=True, capture_output=True, text=True)
        built = next((top / "RPMS").glob("*/*.rpm"))
        plan.dist.mkdir(parents=True, exist_ok=True)
        return Path(shutil.move(str(built), plan.dist / built.name))
    finally:
        shutil.rmtree(top, ignore_errors=True)  # the app staged twice over, in the rpm now


def _literal(text: str) -> str:
    """Text as the spec file shows it: rpm expands every % (macros), so each is doubled."""
    return text.replace("%", "%%")
