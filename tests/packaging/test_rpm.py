"""`desklaunch build --installer rpm`'s packaging step on a stand-in app folder, with the
real rpmbuild (Debian's `rpm`), read back with `rpm -qp`. Installing an rpm needs an
rpm-based system (Fedora), which these machines are not: what it would install is read
from the package instead."""

from __future__ import annotations

import hashlib
import io
import subprocess
import tarfile
from pathlib import Path

import pytest
from standins import stand_in_app

from desklaunch.errors import UsageError
from desklaunch.packaging import build
from desklaunch.packaging.buildfiles import app_icon_png
from desklaunch.packaging.rpm import build_rpm

GUARD = 300


def rpm_query(package: Path, *options: str) -> str:
    return subprocess.run(["rpm", "-qp", *options, str(package)], capture_output=True,
                          text=True, check=True, timeout=GUARD).stdout


def test_the_rpm_installs_the_app_its_command_menu_entry_and_icon_and_nothing_else(
        tmp_path: Path) -> None:
    plan = stand_in_app(tmp_path)
    rpm = build_rpm(plan, app_icon_png(plan))
    assert rpm.parent == plan.dist
    assert rpm.name.startswith("unit-converter-1.0.0-1.") and rpm.name.endswith(".rpm")
    assert rpm_query(rpm, "-l").splitlines() == [
        "/opt/unit-converter",
        "/opt/unit-converter/Unit Converter",
        "/opt/unit-converter/_internal",
        "/opt/unit-converter/_internal/data.txt",
        "/opt/unit-converter/_internal/helper",
        "/usr/bin/unit-converter",
        "/usr/share/applications/unit-converter.desktop",
        "/usr/share/icons/hicolor/512x512/apps/unit-converter.png",
    ]
    listing = rpm_query(rpm, "-lv")
    assert all(" root     root " in line for line in listing.splitlines()), listing
    assert "-rwxr-xr-x" in listing and "drwxr-xr-x" in listing
    assert not (plan.work / plan.name / "rpm").exists()  # its copies of the app, made for it


def test_removing_it_also_removes_what_the_app_wrote_into_its_folder(tmp_path: Path) -> None:
    """Only on removal: rpm runs %postun with 1 on an upgrade, which keeps the folder."""
    plan = stand_in_app(tmp_path)
    scripts = rpm_query(build_rpm(plan, app_icon_png(plan)), "--scripts")
    assert "postuninstall scriptlet" in scripts
    assert 'if [ "$1" = 0 ]; then rm -rf "/opt/unit-converter"; fi' in scripts


def test_the_bundled_files_go_in_unchanged(tmp_path: Path) -> None:
    """rpm's build steps would strip and byte-compile: a frozen app must arrive as built."""
    plan = stand_in_app(tmp_path)
    rpm = build_rpm(plan, app_icon_png(plan))
    digests = {line.split(" ")[0]: line.split(" ")[3]
               for line in rpm_query(rpm, "--dump").splitlines()}
    helper = plan.app_path / "_internal" / "helper"
    assert digests["/opt/unit-converter/_internal/helper"] == hashlib.sha256(
        helper.read_bytes()).hexdigest()


def test_the_command_and_menu_entry_start_the_installed_app(tmp_path: Path) -> None:
    plan = stand_in_app(tmp_path)
    rpm = build_rpm(plan, app_icon_png(plan))
    with rpm.open("rb") as package:
        payload = subprocess.run(["rpm2archive", "-"], stdin=package, capture_output=True,
                                 check=True, timeout=GUARD).stdout
    with tarfile.open(fileobj=io.BytesIO(payload)) as archive:
        def text(path: str) -> str:
            member = archive.extractfile(path)
            assert member is not None
            return member.read().decode()

        assert text("./usr/bin/unit-converter") == (
            '#!/bin/sh\nexec "/opt/unit-converter/Unit Converter" "$@"\n')
        entry = text("./usr/share/applications/unit-converter.desktop")
    assert "Exec=unit-converter\n" in entry and "Icon=unit-converter\n" in entry


def test_name_version_and_summary(tmp_path: Path) -> None:
    plan = stand_in_app(tmp_path, title="100% Converter", version="2.1~beta1")
    info = rpm_query(build_rpm(plan, app_icon_png(plan)), "-i")
    assert "Name        : unit-converter\n" in info
    assert "Version     : 2.1~beta1\n" in info
    assert "Summary     : Desktop app made with desklaunch: 100% Converter\n" in info
    assert "Packager    : Ada <ada@example.org>\n" in info


@pytest.mark.parametrize(("gui", "system_gtk", "wanted", "not_wanted"), [
    ("gtk", False, {"webkit2gtk4.1", "gobject-introspection"}, {"gtk3", "nss"}),
    ("gtk", True, {"webkit2gtk4.1", "gtk3", "glib2", "gobject-introspection"}, {"nss"}),
    ("qt", False, {"nss", "mesa-libgbm", "libxkbcommon-x11", "xcb-util-cursor"},
     {"webkit2gtk4.1"}),
])
def test_each_backend_requires_what_it_takes_from_fedora_and_no_bundled_library(
        tmp_path: Path, gui: str, system_gtk: bool, wanted: set[str],
        not_wanted: set[str]) -> None:
    plan = stand_in_app(tmp_path, gui=gui, system_gtk=system_gtk)
    rpm = build_rpm(plan, app_icon_png(plan))
    requires = {line.strip() for line in rpm_query(rpm, "-R").splitlines()
                if not line.startswith("rpmlib(")}
    assert wanted <= requires and not requires & not_wanted
    assert not any(".so" in line for line in requires), requires  # no scanned sonames
    assert not any(".so" in line for line in rpm_query(rpm, "--provides").splitlines())


def test_a_version_rpm_cannot_take_is_refused_before_the_build(tmp_path: Path,
                                                               capsys) -> None:
    script = tmp_path / "app.py"
    script.write_text("print('hi')\n")
    code = build.main([str(script), "--gui", "gtk", "--installer", "rpm",
                       "--app-version", "1.0-beta", "--work", str(tmp_path / "work")])
    assert code == 2
    assert capsys.readouterr().err == (
        "desklaunch: error: --app-version '1.0-beta' is no rpm version (no '-'; a "
        "pre-release is written 1.0~beta)\n")
    assert not (tmp_path / "work").exists()


def test_without_rpmbuild_it_says_where_to_get_it(tmp_path: Path, monkeypatch) -> None:
    plan = stand_in_app(tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(UsageError, match="sudo apt-get install rpm"):
        build_rpm(plan, app_icon_png(plan))
