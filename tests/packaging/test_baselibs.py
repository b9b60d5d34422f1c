"""The base-system libraries no Linux app bundles: their Debian packages are this Debian's,
and every package is in the .deb's and .rpm's dependencies, and in a frozen Qt app's advice."""

from __future__ import annotations

import subprocess
from pathlib import Path

from desklaunch.desktop import qt
from desklaunch.packaging.baselibs import BASE, OTHER
from desklaunch.packaging.deb import DEPENDS
from desklaunch.packaging.rpm import REQUIRES

LIBRARY_DIRS = (Path("/usr/lib/x86_64-linux-gnu"), Path("/lib/x86_64-linux-gnu"),
                Path("/usr/lib/aarch64-linux-gnu"), Path("/lib/aarch64-linux-gnu"))


def _names(depends: str) -> set[str]:
    return {name.strip() for part in depends.split(",") for name in part.split("|")}


def test_each_debian_package_is_the_one_dpkg_says_provides_the_library() -> None:
    checked = 0
    for library in (*BASE, *OTHER):
        found = [folder / library.soname for folder in LIBRARY_DIRS
                 if (folder / library.soname).exists()]
        if not found:
            continue  # not installed here (libOpenGL, the other architecture's loader)
        owners = {subprocess.run(["dpkg", "-S", str(path)], capture_output=True, text=True,
                                 timeout=60).stdout.split(":", 1)[0] for path in found}
        assert library.debian in owners, library.soname  # (merged /usr: dpkg knows one path)
        checked += 1
    assert checked >= 30


def test_the_packages_a_frozen_qt_app_names_are_its_dependencies() -> None:
    assert set(qt.APT_BASE.split()) <= _names(DEPENDS["qt"])
    assert set(qt.DNF_BASE.split()) <= _names(REQUIRES["qt"])


def test_the_rpm_requires_the_fedora_package_of_each_debian_dependency() -> None:
    """REQUIRES says for Fedora what DEPENDS says for Debian, library by library."""
    for backend in ("qt", "gtk", "gtk-system"):
        debian, fedora = _names(DEPENDS[backend]), _names(REQUIRES[backend])
        for library in (*BASE, *OTHER):
            if library.debian in debian and library.debian != "libc6":
                assert library.fedora in fedora, (backend, library.soname)
