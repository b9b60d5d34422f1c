"""The name of a Linux installer's package and command: made from the app's name or given
with `--package-name`, and refused before the build when this machine's own package manager
(real dpkg and apt here) or /usr/bin already has it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from standins import stand_in_app

from desklaunch.errors import UsageError
from desklaunch.packaging import build
from desklaunch.packaging.buildfiles import app_icon_png
from desklaunch.packaging.deb import build_deb
from desklaunch.packaging.packagenames import bundle_identifier, check_free, package_name

GUARD = 300


@pytest.fixture
def script(tmp_path: Path) -> Path:
    path = tmp_path / "calc.py"
    path.write_text("print('2 + 2 = 4')\n")
    return path


def refusal(*args: str) -> str:
    with pytest.raises(UsageError) as caught:
        build.plan_from(list(args))
    return str(caught.value)


def test_names_that_make_no_package_name_are_refused() -> None:
    assert package_name("My App 2") == "my-app-2"
    with pytest.raises(UsageError, match=r"no Latin letters or digits.*--package-name"):
        package_name("日本語")


def test_accented_latin_letters_keep_their_letter_in_the_package_name() -> None:
    assert [package_name(name) for name in ("Grüße App", "Über", "Ça va", "Ænima")] == [
        "grusse-app", "uber", "ca-va", "aenima"]


def test_a_script_named_like_an_installed_package_is_refused_before_the_build(
        tmp_path: Path) -> None:
    """`dpkg.py` would make a package `dpkg`, which installing the app would replace."""
    script = tmp_path / "dpkg.py"
    script.write_text("print('packages')\n")
    message = refusal(str(script), "--installer", "deb", "--work", str(tmp_path / "work"))
    assert re.fullmatch(
        r"'dpkg' is the name of a package installed here \(dpkg [^:]+: Debian package "
        r"management system\), which installing the app would replace; name the app's "
        r"package with --package-name \(the app keeps 'dpkg' as its name in the menu\)",
        message), message
    assert not (tmp_path / "work").exists()


def test_a_name_the_distribution_has_is_refused_though_not_installed(script: Path) -> None:
    """The README's own hello.py: Debian's `hello` would replace the app at an upgrade."""
    status = subprocess.run(["dpkg-query", "-W", "-f", "${db:Status-Abbrev}", "hello"],
                            capture_output=True, text=True, timeout=GUARD).stdout
    assert not status.startswith("ii"), "Debian's hello is installed here"
    known = subprocess.run(["apt-cache", "show", "hello"], capture_output=True, text=True,
                           timeout=GUARD)
    assert known.returncode == 0, "apt's lists are missing: the test setup runs apt-get update"
    message = refusal(str(script), "--installer", "rpm", "--package-name", "hello")
    assert message.startswith("'hello' is the name of a package of this machine's "
                              "distribution (hello ")
    assert "which an upgrade would install over the app" in message


def test_a_command_already_on_path_is_refused(script: Path) -> None:
    assert refusal(str(script), "--installer", "deb", "--package-name", "ls") == (
        "'ls' is already a command here (/usr/bin/ls, from coreutils), which the app's command "
        "would clash with; name the app's package with --package-name (the app keeps 'calc' "
        "as its name in the menu)")


def test_package_name_names_the_package_and_command_the_app_keeps_its_name(
        tmp_path: Path) -> None:
    plan = stand_in_app(tmp_path, name="计算器", package="jisuanqi")
    deb = build_deb(plan, app_icon_png(plan))
    assert deb.name.startswith("jisuanqi_1.0.0_")
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True,
                             check=True, timeout=GUARD).stdout
    assert "./usr/bin/jisuanqi" in listing and "./opt/jisuanqi/计算器" in listing
    entry = subprocess.run(["dpkg-deb", "--fsys-tarfile", str(deb)], capture_output=True,
                           check=True, timeout=GUARD).stdout
    assert b"Name=\xe8\xae\xa1\xe7\xae\x97\xe5\x99\xa8" in entry  # the menu keeps 计算器


@pytest.mark.parametrize(("args", "message"), [
    (["--package-name", "Calc", "--installer", "deb"],
     "--package-name 'Calc': a package name is two or more of a-z, 0-9, '+', '-' and '.', "
     "starting with a letter or digit"),
    (["--package-name", "calc"],
     "--package-name names a Linux installer's package; it goes with --installer deb or rpm"),
])
def test_a_package_name_that_cannot_be_is_refused_in_one_line(script: Path, args: list[str],
                                                              message: str) -> None:
    assert refusal(str(script), *args) == message


def test_an_earlier_build_of_the_app_itself_is_no_clash(tmp_path: Path) -> None:
    """Installed, the app's package and command are its own: a new version replaces them."""
    plan = stand_in_app(tmp_path, package="dl-clash-check")
    deb = build_deb(plan, app_icon_png(plan))
    subprocess.run(["dpkg", "-i", str(deb)], capture_output=True, check=True, timeout=GUARD)
    try:
        assert Path("/usr/bin/dl-clash-check").exists()
        check_free("dl-clash-check", plan.name)
    finally:
        subprocess.run(["dpkg", "-P", "dl-clash-check"], capture_output=True, check=True,
                       timeout=GUARD)
    assert not Path("/usr/bin/dl-clash-check").exists()


@pytest.mark.parametrize(("app", "package", "identifier"), [
    ("Hello App", None, "org.desklaunch.Hello-App"),
    ("Café Grüße", None, "org.desklaunch.Cafe-Grusse"),
    ("天気 Weather", None, "org.desklaunch.Weather"),
    ("计算器", "jisuanqi", "org.desklaunch.jisuanqi"),
    ("Notes", "notes+", "org.desklaunch.notes"),
])
def test_a_mac_bundle_identifier_holds_only_what_apple_allows(app, package, identifier) -> None:
    assert bundle_identifier(app, package) == identifier


def test_a_name_without_latin_letters_gets_an_identifier_of_its_own() -> None:
    first, second = bundle_identifier("计算器"), bundle_identifier("天気")
    assert re.fullmatch(r"org\.desklaunch\.app-[0-9a-f]{10}", first)
    assert first != second
    assert bundle_identifier("计算器") == first
