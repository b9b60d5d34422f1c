"""`--installer nsis`: the NSIS script written from our template for a stand-in Windows app
folder, compiled by the real makensis (Debian's `nsis`) into a setup.exe. Running it needs
Windows; what it installs and what its uninstaller deletes are read from the script."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from standins import stand_in_windows_app

from desklaunch.errors import UsageError
from desklaunch.packaging import build
from desklaunch.packaging.buildfiles import app_icon_png
from desklaunch.packaging.nsis import (
    compile_nsis,
    find_makensis,
    publisher,
    setup_name,
    write_nsis_script,
)
from desklaunch.packaging.plan import Plan

KEY = r"Software\Microsoft\Windows\CurrentVersion\Uninstall\Unit Converter"


def written(tmp_path: Path) -> tuple[Path, Path, str]:
    """The stand-in app folder, the setup.exe it is to become, and the script's text."""
    folder = stand_in_windows_app(tmp_path / "dist" / "Unit Converter")
    out = tmp_path / "dist" / setup_name("Unit Converter", "1.2.0")
    icon = app_icon_png(Plan(script=tmp_path / "x.py", name="Unit Converter"))
    script = write_nsis_script(folder, "Unit Converter", "1.2.0", "Ada", icon,
                               tmp_path / "work" / "Unit Converter.nsi", out)
    return folder, out, script.read_text(encoding="utf-8")


def test_makensis_compiles_the_script_into_a_windows_setup_exe(tmp_path: Path) -> None:
    _, out, _ = written(tmp_path)
    compile_nsis(tmp_path / "work" / "Unit Converter.nsi")
    assert out.name == "Unit Converter-1.2.0-setup.exe"
    assert out.read_bytes()[:2] == b"MZ"  # a Windows (PE) program
    assert out.stat().st_size > 30_000  # NSIS's stub, the pages and the packed files


def test_it_installs_to_program_files_with_shortcuts_and_an_add_remove_programs_entry(
        tmp_path: Path) -> None:
    _, _, script = written(tmp_path)
    assert 'InstallDir "$PROGRAMFILES64\\${APP_NAME}"' in script
    assert 'CreateShortCut "$SMPROGRAMS\\${APP_NAME}.lnk" "$INSTDIR\\${APP_EXE}"' in script
    desktop = script[script.index('Section /o "Desktop shortcut"'):]
    assert desktop.index("$DESKTOP\\${APP_NAME}.lnk") < desktop.index("SectionEnd")
    assert f'!define UNINSTALL_KEY "{KEY}"' in script
    for value in ('"DisplayName" "${APP_NAME}"', '"DisplayVersion" "1.2.0"',
                  '"Publisher" "Ada"', '"UninstallString" \'"$INSTDIR\\Uninstall.exe"\''):
        assert f'WriteRegStr HKLM "${{UNINSTALL_KEY}}" {value}' in script
    assert 'DeleteRegKey HKLM "${UNINSTALL_KEY}"' in script


def test_the_uninstaller_deletes_each_file_the_installer_wrote_and_then_its_folders(
        tmp_path: Path) -> None:
    folder, _, script = written(tmp_path)
    installed = []
    target = ""
    for line in script.splitlines():
        if match := re.fullmatch(r'\s*SetOutPath "(.*)"', line):
            target = match.group(1)
        elif match := re.fullmatch(r'\s*File "(.*)"', line):
            installed.append(f"{target}\\{Path(match.group(1)).name}".replace("$", "$$")
                             .replace("$$INSTDIR", "$INSTDIR"))
    deleted = re.findall(r'\n\s*Delete "(\$INSTDIR\\.*)"', script)
    assert len(installed) == len(list(p for p in folder.rglob("*") if p.is_file())) == 4
    assert sorted(deleted) == sorted([*installed, "$INSTDIR\\Uninstall.exe"])
    assert "price$$list.csv" in script  # NSIS's $ escaped in the names it writes
    removed = re.findall(r'RMDir "(.*)"', script)
    assert removed == ["$INSTDIR\\_internal\\data files", "$INSTDIR\\_internal", "$INSTDIR"]
    assert "/r" not in " ".join(removed)  # never a recursive delete of the person's folder


def test_a_folder_without_the_apps_exe_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"holds no Unit Converter\.exe"):
        write_nsis_script(tmp_path, "Unit Converter", "1.0.0", "Ada", b"", tmp_path / "s.nsi",
                          tmp_path / "setup.exe")


def test_the_publisher_is_the_maintainers_name() -> None:
    assert publisher("Ada Lovelace <ada@example.org>") == "Ada Lovelace"
    assert publisher("Ada") == "Ada"


def test_on_linux_the_build_refuses_nsis_in_one_line_before_pyinstaller(
        tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setattr(build, "run_pyinstaller", lambda *_: pytest.fail("it built"))
    script = tmp_path / "app.py"
    script.write_text("print('hi')\n")
    assert build.main([str(script), "--installer", "nsis",
                       "--work", str(tmp_path / "work")]) == 2
    assert capsys.readouterr().err == (
        "desklaunch: error: --installer nsis: a setup.exe is made on Windows, from a Windows "
        "build (PyInstaller does not cross-compile)\n")
    assert not (tmp_path / "work").exists()


def test_makensis_is_found_where_nsis_installs_itself_on_windows(tmp_path: Path,
                                                                 monkeypatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setenv("ProgramFiles(x86)", str(tmp_path / "Program Files (x86)"))
    assert find_makensis() is None
    makensis = tmp_path / "Program Files (x86)" / "NSIS" / "makensis.exe"
    makensis.parent.mkdir(parents=True)
    makensis.write_bytes(b"MZ")
    assert find_makensis() == str(makensis)
