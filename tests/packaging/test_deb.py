"""`desklaunch build --installer deb`'s packaging step on a small stand-in app folder: what
the package holds, its control fields, and lintian's verdict (real dpkg-deb and lintian).
The real app, installed and removed with dpkg, is in test_frozen.py."""

from __future__ import annotations

import subprocess
from pathlib import Path

from standins import stand_in_app

from desklaunch.packaging.buildfiles import app_icon_png
from desklaunch.packaging.deb import build_deb

GUARD = 300


def test_the_package_holds_the_app_its_command_menu_entry_and_icon(tmp_path: Path) -> None:
    plan = stand_in_app(tmp_path)
    deb = build_deb(plan, app_icon_png(plan))
    assert deb.name == "unit-converter_1.0.0_amd64.deb" or deb.name.startswith(
        "unit-converter_1.0.0_")
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True,
                             check=True, timeout=GUARD).stdout
    for path in ("./opt/unit-converter/Unit Converter", "./opt/unit-converter/_internal/data.txt",
                 "./usr/bin/unit-converter", "./usr/share/applications/unit-converter.desktop",
                 "./usr/share/icons/hicolor/512x512/apps/unit-converter.png",
                 "./usr/share/doc/unit-converter/copyright"):
        assert path in listing
    assert "root/root" in listing and "-rwxr-xr-x" in listing
    control = subprocess.run(["dpkg-deb", "-f", str(deb)], capture_output=True, text=True,
                             check=True, timeout=GUARD).stdout
    assert "Package: unit-converter\n" in control
    assert "Depends: libc6, gir1.2-webkit2-4.1, python3-gi, libx11-6, libxcb1, " in control
    assert "Maintainer: Ada <ada@example.org>\n" in control
    # the copy of the app the package was made from is gone: the app is not kept twice
    assert not (plan.work / plan.name / "deb").exists() or not any(
        (plan.work / plan.name / "deb").iterdir())


def test_removing_it_also_removes_what_the_app_wrote_into_its_folder(tmp_path: Path) -> None:
    plan = stand_in_app(tmp_path)
    deb = build_deb(plan, app_icon_png(plan))
    postrm = subprocess.run(["dpkg-deb", "-I", str(deb), "postrm"], capture_output=True,
                            text=True, check=True, timeout=GUARD).stdout
    assert postrm.startswith("#!/bin/sh\n")
    assert 'remove|purge)\n        rm -rf "/opt/unit-converter"' in postrm


def test_lintian_finds_no_errors(tmp_path: Path) -> None:
    plan = stand_in_app(tmp_path)
    deb = build_deb(plan, app_icon_png(plan))
    result = subprocess.run(["lintian", "--no-tag-display-limit", str(deb)],
                            capture_output=True, text=True, timeout=GUARD)
    errors = [line for line in result.stdout.splitlines() if line.startswith("E:")]
    assert errors == [], result.stdout


def test_each_backend_depends_on_what_it_takes_from_the_system(tmp_path: Path) -> None:
    qt = stand_in_app(tmp_path / "qt", gui="qt")
    control = subprocess.run(["dpkg-deb", "-f", str(build_deb(qt, app_icon_png(qt))),
                              "Depends"], capture_output=True, text=True, check=True,
                             timeout=GUARD).stdout
    assert "libnss3" in control and "webkit" not in control
    system = stand_in_app(tmp_path / "sys", system_gtk=True)
    control = subprocess.run(["dpkg-deb", "-f", str(build_deb(system, app_icon_png(system))),
                              "Depends"], capture_output=True, text=True, check=True,
                             timeout=GUARD).stdout
    assert "libgtk-3-0" in control and "gir1.2-webkit2-4.1" in control
