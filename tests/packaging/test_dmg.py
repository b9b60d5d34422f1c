"""`--installer dmg`: the disk image's staging folder and the hdiutil command. hdiutil exists
only on macOS, so a stand-in on PATH records what it is given and writes the image file;
everything on our side of that call is real."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from desklaunch.errors import UsageError
from desklaunch.packaging import build
from desklaunch.packaging.dmg import dmg_name, make_dmg

STAND_IN = """#!{python}
import json, os, sys
args = sys.argv[1:]
source = args[args.index("-srcfolder") + 1]
seen = {{name: os.readlink(os.path.join(source, name))
         if os.path.islink(os.path.join(source, name)) else "file or folder"
         for name in os.listdir(source)}}
seen["program"] = os.path.isfile(os.path.join(
    source, "Unit Converter.app", "Contents", "MacOS", "Unit Converter"))
with open({record!r}, "w") as f:
    json.dump({{"args": args, "staging": seen}}, f)
with open(args[-1], "wb") as f:
    f.write(b"a disk image")
"""


def stand_in_hdiutil(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Put the recording hdiutil first on PATH; the file its record goes to."""
    tools = tmp_path / "tools"
    tools.mkdir()
    record = tmp_path / "hdiutil.json"
    hdiutil = tools / "hdiutil"
    hdiutil.write_text(STAND_IN.format(python=sys.executable, record=str(record)))
    hdiutil.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tools}{os.pathsep}{os.environ['PATH']}")
    return record


def stand_in_bundle(folder: Path) -> Path:
    app = folder / "Unit Converter.app"
    (app / "Contents" / "MacOS").mkdir(parents=True)
    (app / "Contents" / "MacOS" / "Unit Converter").write_text("#!/bin/sh\n")
    (app / "Contents" / "Info.plist").write_text("<plist/>\n")
    return app


def test_the_image_holds_the_app_and_a_link_to_applications(tmp_path: Path,
                                                            monkeypatch) -> None:
    record = stand_in_hdiutil(tmp_path, monkeypatch)
    app = stand_in_bundle(tmp_path / "dist")
    staging = tmp_path / "work" / "dmg"
    out = tmp_path / "dist" / dmg_name("Unit Converter", "1.2.0")
    assert make_dmg(app, "Unit Converter", staging, out) == out
    assert out.name == "Unit Converter-1.2.0.dmg" and out.read_bytes() == b"a disk image"
    seen = json.loads(record.read_text())
    assert seen["args"] == ["create", "-volname", "Unit Converter", "-srcfolder", str(staging),
                            "-ov", "-format", "UDZO", str(out)]
    assert seen["staging"] == {"Unit Converter.app": "file or folder",
                               "Applications": "/Applications", "program": True}


def test_only_an_app_bundle_goes_in_an_image(tmp_path: Path, monkeypatch) -> None:
    stand_in_hdiutil(tmp_path, monkeypatch)
    folder = tmp_path / "dist" / "Unit Converter"
    folder.mkdir(parents=True)
    with pytest.raises(UsageError, match=r"no \.app bundle"):
        make_dmg(folder, "Unit Converter", tmp_path / "staging", tmp_path / "x.dmg")


def test_on_linux_the_build_refuses_dmg_in_one_line_before_pyinstaller(
        tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setattr(build, "run_pyinstaller", lambda *_: pytest.fail("it built"))
    script = tmp_path / "app.py"
    script.write_text("print('hi')\n")
    assert build.main([str(script), "--installer", "dmg",
                       "--work", str(tmp_path / "work")]) == 2
    assert capsys.readouterr().err == (
        "desklaunch: error: --installer dmg: a .dmg needs macOS (hdiutil), from a macOS "
        "build\n")
    assert not (tmp_path / "work").exists()
