"""`desklaunch build --installer deb`: the built app folder as a Debian package.

The app goes to /opt/<package> (a self-contained folder, as third-party apps ship), with a
command on PATH (/usr/bin/<package>, a two-line shell script), a menu entry and its icon,
the copyright and changelog files Debian asks for, and lintian overrides for what a
self-contained app is by design (a folder in /opt, bundled libraries). `Depends:` names what
the window backend takes from the system. dpkg-deb builds it; `dpkg -r` removes every file,
and the package's postrm what the app wrote into its folder as it ran.
"""

from __future__ import annotations

import gzip
import shutil
import subprocess
import time
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING

from desklaunch.errors import UsageError
from desklaunch.packaging.installfiles import (
    backend_key,
    kibibytes,
    normalise_modes,
    stage_linux_files,
    summary,
    template,
    write,
)
from desklaunch.packaging.packagenames import linux_package

if TYPE_CHECKING:
    from desklaunch.packaging.plan import Plan

BASE_GTK = ("libx11-6, libxcb1, libwayland-client0, libwayland-cursor0, libwayland-egl1, "
            "libfontconfig1, libfreetype6, libharfbuzz0b, libfribidi0, libstdc++6, libgcc-s1, "
            "libexpat1, zlib1g, libuuid1, libgpg-error0, libgmp10, libxml2")
"""The base-system libraries (baselibs.BASE) the bundled GTK links, and WebKitGTK's libxml2."""
PYTHONS = ("libffi8, libssl3, libsqlite3-0, liblzma5, libbz2-1.0, libreadline8, libncursesw6, "
           "libtinfo6, zlib1g, libuuid1, libcrypt1")
"""What Python's extension modules link; bundled except with --system-gtk."""
DEPENDS = {
    "gtk": f"libc6, gir1.2-webkit2-4.1, python3-gi, {BASE_GTK}",
    "gtk-system": ("libc6, gir1.2-webkit2-4.1, python3-gi, libgtk-3-0, libglib2.0-0, "
                   f"libgirepository-1.0-1, libcairo2, libcairo-gobject2, {PYTHONS}"),
    "qt": ("libc6, libglib2.0-0, libdbus-1-3, libfontconfig1, libfreetype6, libxkbcommon0, "
           "libegl1, libgl1, libgbm1, libdrm2, libnss3, libasound2, libx11-6, libx11-xcb1, "
           "libxcb1, libxcb-dri3-0, libxcomposite1, libxdamage1, libxrandr2, libxtst6, "
           "libxkbcommon-x11-0, libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, "
           "libxcb-render-util0, libxcb-shape0, libxcb-xinerama0 | libxcb1, libwayland-client0, "
           "libwayland-cursor0, libwayland-egl1, libwayland-server0, libstdc++6, libgcc-s1, "
           "libexpat1, zlib1g, libuuid1, libgpg-error0, libcom-err2, fonts-dejavu-core"),
}
"""What each backend takes from the target system: WebKitGTK always; the base-system
libraries no app bundles (baselibs.BASE) that the backend links; every bundled program and
library links the C library. A test reads the built apps' libraries and checks each
library they need but do not hold is named here."""
LINTIAN_OVERRIDES = (
    "dir-or-file-in-opt",  # a self-contained app lives in /opt/<package>, by design
    "embedded-library",  # PyInstaller bundles the libraries the app was built with
    "shared-library-lacks-prerequisites",
    "unstripped-binary-or-object",
    "binary-without-manpage",
    "executable-not-elf-or-script",
    "library-not-linked-against-libc",  # a few of Python's extension modules need no libc
    # GLib's bundled libmount/libblkid name sensible-pager in code an app never runs.
    "missing-depends-on-sensible-utils",
    # assets/js/jquery-lite.js is desklaunch's own few-line stand-in, not jQuery: lintian
    # goes by the file's name.
    "embedded-javascript-library",
)

def build_deb(plan: Plan, icon_png: bytes) -> Path:
    """Build `<package>_<version>_<arch>.deb` in plan.dist from the built app folder."""
    if plan.onefile:
        raise UsageError("--installer deb packs an app folder; leave out --onefile")
    if shutil.which("dpkg-deb") is None:
        raise UsageError("dpkg-deb is missing (Debian/Ubuntu: sudo apt-get install dpkg)")
    package = linux_package(plan)
    root = plan.work / plan.name / "deb" / package
    stage_linux_files(plan, root, package, icon_png)
    doc = root / "usr" / "share" / "doc" / package
    write(doc / "copyright", _copyright(plan))
    write(doc / "changelog.gz", _changelog(plan, package))
    write(root / "usr" / "share" / "lintian" / "overrides" / package,
          "".join(f"{package}: {tag}\n" for tag in LINTIAN_OVERRIDES))
    normalise_modes(root)
    control = Template(template("control.in")).substitute(
        package=package, version=plan.version, architecture=_architecture(),
        maintainer=plan.maintainer, installed_size=kibibytes(root), name=plan.name,
        depends=DEPENDS[backend_key(plan)], summary=summary(plan))
    write(root / "DEBIAN" / "control", control)
    write(root / "DEBIAN" / "postrm",
          Template(template("postrm.in")).substitute(package=package), mode=0o755)
    target = plan.dist / f"{package}_{plan.version}_{_architecture()}.deb"
    try:
        subprocess.run(["dpkg-deb", "--build", "--root-owner-group", "-Zgzip", str(root),
                        str(target)], check=True, capture_output=True, text=True)
    finally:
        shutil.rmtree(root, ignore_errors=True)  # a copy of the whole app, in the package now
    return target


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


def _architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], check=True, capture_output=True,
                          text=True).stdout.strip()
