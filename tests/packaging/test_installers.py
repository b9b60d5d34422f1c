"""`--installer` on each platform: which kind `auto` picks, and what is refused (in one line,
before the build) where the kind's platform or tool is missing. Other platforms are named to
`choose` directly; the tools found are the ones given."""

from __future__ import annotations

from pathlib import Path

import pytest

from desklaunch.errors import UsageError
from desklaunch.packaging import build
from desklaunch.packaging.installers import choose, next_step
from desklaunch.packaging.plan import Plan


def tools(*present: str):
    return lambda name: f"/usr/bin/{name}" if name in present else None


@pytest.mark.parametrize(("platform", "present", "kind"), [
    ("linux", ("dpkg-deb", "rpmbuild"), "deb"),  # Debian with rpm installed: its own .deb
    ("linux", ("rpmbuild",), "rpm"),
    ("win32", ("makensis",), "nsis"),
    ("darwin", ("hdiutil",), "dmg"),
])
def test_auto_picks_the_platforms_own_installer(platform: str, present: tuple[str, ...],
                                                kind: str) -> None:
    assert choose("auto", platform, tools(*present)) == kind


@pytest.mark.parametrize(("requested", "platform", "present", "message"), [
    ("auto", "linux", (), "no installer tool here (Linux: dpkg-deb for a .deb or rpmbuild"),
    ("rpm", "linux", ("dpkg-deb",), "rpmbuild is missing (Fedora: sudo dnf install rpm-build"),
    ("nsis", "win32", (), "makensis is missing (install NSIS 3"),
    ("nsis", "linux", ("makensis",), "a setup.exe is made on Windows"),
    ("dmg", "win32", (), "a .dmg needs macOS"),
    ("deb", "darwin", ("dpkg-deb",), "a .deb is made on Linux"),
])
def test_what_cannot_be_made_here_is_refused(requested: str, platform: str,
                                             present: tuple[str, ...], message: str) -> None:
    with pytest.raises(UsageError, match=message.replace("(", r"\(").replace(".", r"\.")):
        choose(requested, platform, tools(*present))


def test_a_bare_installer_option_means_auto(tmp_path: Path) -> None:
    script = tmp_path / "app.py"
    script.write_text("print('hi')\n")
    assert build.plan_from([str(script), "--installer"]).installer == "deb"  # dpkg-deb here
    assert build.plan_from([str(script), "--installer", "auto"]).installer == "deb"
    assert build.plan_from([str(script), "--installer", "rpm"]).installer == "rpm"


def test_help_lists_the_installer_kinds() -> None:
    text = " ".join(build.build_parser().format_help().split())
    assert "--installer [{auto,deb,rpm,nsis,dmg}]" in text
    assert "nsis (a setup.exe, makensis) on Windows" in text


def test_an_unknown_kind_is_refused_in_one_line(tmp_path: Path, capsys) -> None:
    script = tmp_path / "app.py"
    script.write_text("print('hi')\n")
    with pytest.raises(SystemExit) as stop:
        build.plan_from([str(script), "--installer", "msi"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "invalid choice: 'msi'" in err


def test_a_bare_installer_before_the_script_says_where_it_goes(tmp_path: Path,
                                                               capsys) -> None:
    script = tmp_path / "app.py"
    script.write_text("print('hi')\n")
    with pytest.raises(SystemExit):
        build.plan_from(["--installer", str(script)])
    assert "a bare --installer goes after SCRIPT" in capsys.readouterr().err


def test_the_next_step_names_the_installer_where_it_is(tmp_path, monkeypatch) -> None:
    """The hint after a build is a command that works as typed, from the folder the person
    built in (the installer is in dist/, not beside them)."""
    dist = tmp_path / "my app" / "dist"
    dist.mkdir(parents=True)
    deb = dist / "app_1.0.0_amd64.deb"
    plan = Plan(script=tmp_path / "app.py", name="App")
    gives = "; it puts 'App' in the menu and the command app"
    monkeypatch.chdir(tmp_path / "my app")
    assert next_step("deb", deb, plan) == (
        "install it with sudo apt-get install ./dist/app_1.0.0_amd64.deb" + gives)
    monkeypatch.chdir(tmp_path)
    assert next_step("rpm", deb, plan) == (
        "install it with sudo dnf install './my app/dist/app_1.0.0_amd64.deb' (Fedora)" + gives)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert next_step("deb", deb, plan) == (
        f"install it with sudo apt-get install '{deb.resolve()}'" + gives)


def test_the_next_step_names_the_command_a_package_name_gives(tmp_path: Path) -> None:
    """An app named in Chinese gets its package and command from --package-name."""
    plan = Plan(script=tmp_path / "calc.py", name="计算器", package="jisuanqi")
    assert next_step("deb", tmp_path / "jisuanqi_1.0.0_amd64.deb", plan).endswith(
        "; it puts '计算器' in the menu and the command jisuanqi")
