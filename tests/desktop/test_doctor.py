"""`desklaunch doctor` on this machine: with Qt, without a display, without Qt, with Qt broken."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from xserver import refusing_x_display, x_display

from desklaunch.desktop.qt import APT_QT

HANG_GUARD = 60
REPO = Path(__file__).parents[2]
QT_DISTRIBUTIONS = re.compile(r"^(pyqt|pyside|qtpy|gi$|pygobject)", re.IGNORECASE)


def doctor(env_changes: dict[str, str | None], python: str = sys.executable,
           cwd: Path | None = None, args: tuple[str, ...] = ()
           ) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    for name, value in env_changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    env.pop("PYWEBVIEW_GUI", None)
    return subprocess.run([python, "-m", "desklaunch", "doctor", *args], capture_output=True,
                          text=True, env=env, timeout=HANG_GUARD, cwd=cwd)


OFFSCREEN = {"QT_QPA_PLATFORM": "offscreen", "DISPLAY": None, "WAYLAND_DISPLAY": None}
NO_DISPLAY = {"QT_QPA_PLATFORM": None, "DISPLAY": None, "WAYLAND_DISPLAY": None}


def test_with_qt_a_window_can_open(tmp_path: Path) -> None:
    result = doctor(OFFSCREEN, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert re.search(r"^Python: +3\.\d+", out, re.MULTILINE)
    assert re.search(r"^pywebview: +\d+\.\d+", out, re.MULTILINE)
    assert re.search(r"^backend qt: +available$", out, re.MULTILINE)
    assert "chosen:    qt (automatic)" in out
    assert "verdict:   a window can open here, offscreen (QT_QPA_PLATFORM=offscreen): Qt " \
        "draws it in memory and nothing shows on a screen" in out


def test_qts_minimal_platform_is_said_to_show_nothing_on_a_screen(tmp_path: Path) -> None:
    result = doctor({**OFFSCREEN, "QT_QPA_PLATFORM": "minimal"}, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "verdict:   a window can open here, offscreen (QT_QPA_PLATFORM=minimal): Qt " \
        "draws it in memory and nothing shows on a screen" in result.stdout


def test_without_a_display_it_says_how_to_get_one(tmp_path: Path) -> None:
    result = doctor(NO_DISPLAY, cwd=tmp_path)
    assert result.returncode == 1
    out = result.stdout
    assert "verdict:   no window can open: no display to open a window on" in out
    assert 'xvfb-run -a -s "-screen 0 1280x800x24" desklaunch SCRIPT.py' in out
    assert "sudo apt-get install -y xvfb xauth" in out
    assert "desklaunch --browser SCRIPT.py" in out


def test_a_display_that_does_not_answer_is_caught(tmp_path: Path) -> None:
    result = doctor({**NO_DISPLAY, "DISPLAY": ":97"}, cwd=tmp_path)
    assert result.returncode == 1
    assert "no window can open: the X display :97 does not answer" in result.stdout


def test_the_launch_says_the_same_line_as_doctor(tmp_path: Path) -> None:
    """Without a display, `desklaunch script.py` prints doctor's verdict in one line."""
    script = tmp_path / "app.py"
    script.write_text("print('hi')\n")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY",
                                                              "QT_QPA_PLATFORM")}
    proc = subprocess.Popen([sys.executable, "-m", "desklaunch", str(script)], env=env,
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            bufsize=0)
    assert proc.stderr is not None
    first_line = proc.stderr.readline().decode()
    second_line = proc.stderr.readline().decode()  # nothing opens: says so, not "opening"
    proc.terminate()
    proc.communicate(timeout=HANG_GUARD)
    verdict = doctor(NO_DISPLAY, cwd=tmp_path).stdout
    problem = re.search(r"no window can open: (.*)", verdict)
    assert problem is not None
    assert first_line == f"desklaunch: {problem[1]}; serving it for a browser instead.\n"
    assert second_line == ("desklaunch: open the URL above in a browser on this machine (or "
                           "through an SSH tunnel to it); press Ctrl+C to stop.\n")


@pytest.fixture(scope="module")
def python_without_qt(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A virtual environment with everything this one has except the Qt (and GTK) bindings."""
    venv = tmp_path_factory.mktemp("no-qt") / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True,
                   timeout=HANG_GUARD)
    python = venv / "bin" / "python"
    target = Path(subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        check=True, capture_output=True, text=True, timeout=HANG_GUARD).stdout.strip())
    source = Path(sysconfig.get_path("purelib"))
    for entry in source.iterdir():
        if not QT_DISTRIBUTIONS.match(entry.name):
            (target / entry.name).symlink_to(entry)
    return str(python)


def test_without_qt_it_says_which_package_to_install(python_without_qt: str,
                                                     tmp_path: Path) -> None:
    result = doctor(OFFSCREEN, python=python_without_qt, cwd=tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    out = result.stdout
    assert re.search(r"^backend qt: +not installed \(no PyQt6\)$", out, re.MULTILINE)
    assert "chosen:    none (automatic)" in out
    assert 'no window can open: no GUI toolkit for pywebview is installed ' \
           '(pip install "desklaunch[qt]")' in out
    assert f'Qt backend: {python_without_qt} -m pip install "desklaunch[qt]"' in out  # exact
    assert "sudo apt-get install -y python3-gi gir1.2-webkit2-4.1" in out


def test_with_qt_that_cannot_load_it_lists_the_system_packages(tmp_path: Path) -> None:
    """PyQt6 present but failing to load, as when the Qt runtime libraries are missing."""
    shim = tmp_path / "shim" / "PyQt6"
    shim.mkdir(parents=True)
    (shim / "__init__.py").write_text(
        "raise ImportError('libxkbcommon-x11.so.0: cannot open shared object file')\n")
    result = doctor({**OFFSCREEN, "PYTHONPATH": str(shim.parent)}, cwd=tmp_path)
    assert result.returncode == 1
    out = result.stdout
    assert "no window can open: Qt cannot start (libxkbcommon-x11.so.0" in out
    assert f"Debian/Ubuntu: sudo apt-get install -y {APT_QT}" in out
    assert "Fedora: sudo dnf install -y " in out


def test_a_frozen_qt_app_that_cannot_load_names_the_system_packages(tmp_path: Path) -> None:
    """A frozen app leaves the graphics, X11, sound and font libraries to the system: when
    one is missing, its error names the packages, not pip."""
    shim = tmp_path / "shim" / "PyQt6"
    shim.mkdir(parents=True)
    (shim / "__init__.py").write_text(
        "raise ImportError('libfontconfig.so.1: cannot open shared object file')\n")
    result = subprocess.run(
        [sys.executable, "-c", "import sys; sys.frozen = True\n"
         "from desklaunch.desktop import qt; print(qt.problem())"],
        env={**os.environ, "PYTHONPATH": str(shim.parent), "QT_API": "pyqt6"}, cwd=tmp_path,
        capture_output=True, text=True, timeout=HANG_GUARD)
    assert result.stdout == (
        "Qt cannot start (libfontconfig.so.1: cannot open shared object file); this app needs "
        "the system's graphics, X11, sound and font libraries (Debian/Ubuntu: sudo apt-get "
        "install -y libgl1 libegl1 libgbm1 libx11-6 libx11-xcb1 libxcb1 libasound2 "
        "libfontconfig1 libfreetype6 libstdc++6; Fedora: sudo dnf install -y libglvnd-glx "
        "libglvnd-egl mesa-libgbm libX11 libX11-xcb libxcb alsa-lib fontconfig freetype "
        "libstdc++)\n"), result.stderr


def test_the_apt_packages_are_those_setup_installs() -> None:
    setup = (REPO / "scripts" / "setup.sh").read_text()
    block = re.search(r"^qt_packages=\((.*?)^\)", setup, re.MULTILINE | re.DOTALL)
    assert block is not None
    listed = [word for line in block[1].splitlines()
              for word in line.split("#")[0].split()]
    assert sorted(APT_QT.split()) == sorted(listed)


def test_a_backend_asked_for_that_is_missing_gets_its_own_advice(python_without_qt: str,
                                                                 tmp_path: Path) -> None:
    result = doctor(OFFSCREEN, python=python_without_qt, cwd=tmp_path, args=("--gui", "gtk"))
    assert result.returncode == 1
    out = result.stdout
    assert "chosen:    gtk (--gui)" in out
    assert "no window can open with --gui gtk: no display to open a window on" in out
    assert ("GTK backend with the system's Python: Debian/Ubuntu: sudo apt-get install -y "
            "python3-gi gir1.2-webkit2-4.1; Fedora: sudo dnf install -y python3-gobject "
            "webkit2gtk4.1; then a venv made from the system's Python so it sees them: "
            "/usr/bin/python3 -m venv --system-site-packages .venv") in out
    assert (f'{python_without_qt} -m pip install "PyGObject<3.51"') in out
    assert "Fedora: sudo dnf install -y gcc gobject-introspection-devel" in out


def test_qt_offscreen_is_no_display_for_gtk(tmp_path: Path) -> None:
    """GTK has no offscreen mode: with only `QT_QPA_PLATFORM=offscreen`, no GTK window."""
    result = doctor(OFFSCREEN, cwd=tmp_path, args=("--gui", "gtk"))
    assert result.returncode == 1
    assert re.search(r"^backend gtk: +available$", result.stdout, re.MULTILINE)
    assert ("verdict:   no window can open with --gui gtk: no display to open a window on"
            in result.stdout)


def test_gtk_without_webkit_is_not_a_window(tmp_path: Path) -> None:
    """PyGObject and Gtk present, the WebKit2GTK typelib missing (a stand-in `gi` that
    finds no WebKit2): no window, and the one package to add."""
    shim = tmp_path / "shim" / "gi"
    shim.mkdir(parents=True)
    (shim / "__init__.py").write_text(
        "class _Repository:\n"
        "    def enumerate_versions(self, name):\n"
        "        return ['3.0'] if name == 'Gtk' else []\n"
        "class Repository:\n"
        "    get_default = staticmethod(lambda: _Repository())\n")
    env = {**NO_DISPLAY, "DISPLAY": x_display(), "PYTHONPATH": str(shim.parent)}
    result = doctor(env, cwd=tmp_path, args=("--gui", "gtk"))
    assert result.returncode == 1
    assert ("no window can open with --gui gtk: the GTK backend cannot start: PyGObject is "
            "there, but the WebKit2GTK 4.1 or 4.0 typelib is missing\n") in result.stdout
    assert ("GTK backend: add WebKit2GTK: Debian/Ubuntu: sudo apt-get install -y "
            "gir1.2-webkit2-4.1; Fedora: sudo dnf install -y webkit2gtk4.1") in result.stdout


def test_gtk_with_a_display_can_open_a_window(tmp_path: Path) -> None:
    result = doctor({**NO_DISPLAY, "DISPLAY": x_display()}, cwd=tmp_path, args=("--gui", "gtk"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "verdict:   a window can open here" in result.stdout


def test_an_unknown_backend_is_refused_as_the_launch_refuses_it(tmp_path: Path) -> None:
    result = doctor({}, cwd=tmp_path, args=("--gui", "foo"))
    assert result.returncode == 2
    assert "unknown backend 'foo' (choose qt or gtk)" in result.stderr


def launch_served_instead(env: dict[str, str | None], gui: str, folder: Path) -> str:
    """Launch a script with `--gui gui` in `env`; it must print its URL (shown in a browser
    instead of the window) rather than end. desklaunch's stderr once stopped."""
    script = folder / "app.py"
    script.write_text("from desklaunch.ui import put_text\nput_text('hi')\n")
    proc = subprocess.Popen(
        [sys.executable, "-m", "desklaunch", "--gui", gui, str(script)],
        env={**{k: v for k, v in os.environ.items() if k not in env},
             **{k: v for k, v in env.items() if v is not None}},
        cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    first = proc.stdout.readline()
    proc.terminate()
    _, err = proc.communicate(timeout=HANG_GUARD)
    assert first.startswith("http://127.0.0.1:"), (proc.returncode, err)
    return err


@pytest.mark.parametrize("gui, toolkit", [("gtk", "GTK"), ("qt", "Qt")])
def test_a_display_that_refuses_the_program_is_no_window(tmp_path: Path, gui: str,
                                                          toolkit: str) -> None:
    """An X server that wants a cookie this program lacks: its socket answers, the toolkit
    cannot open it. doctor says so, and a launch shows the app in a browser instead of the
    toolkit ending the process from C (GTK: exit 1, Qt: SIGABRT, no word from desklaunch)."""
    display, server = refusing_x_display(str(tmp_path))
    try:
        env = {**NO_DISPLAY, "DISPLAY": display, "XAUTHORITY": str(tmp_path / "none")}
        result = doctor(env, cwd=tmp_path, args=("--gui", gui))
        assert result.returncode == 1
        assert f"{toolkit} cannot open the display (X11 {display})" in result.stdout
        assert f"display:   X11 {display}, answering, but it refused this program\n" in \
            result.stdout
        assert "to fix:\n  - the display refused this program: run it as the user whose " \
            "desktop it is, or set XAUTHORITY" in result.stdout
        err = launch_served_instead(env, gui, tmp_path)
        assert (f"the window could not start (RuntimeError: {toolkit} cannot open the display"
                in err)
        assert "showing it in a browser instead." in err
    finally:
        server.terminate()
        server.wait(HANG_GUARD)


def test_a_qt_x11_plugin_that_cannot_load_is_no_window(tmp_path: Path) -> None:
    """Qt's X11 plugin failing to load ends the process from C; doctor and the launch say
    so first, naming what is missing. On a bare desktop that is libxcb-cursor0; here it is
    Qt's own X11 library, missing beside a copy of the plugin put first on Qt's path."""
    from PyQt6.QtCore import QLibraryInfo

    plugins = tmp_path / "platforms"
    plugins.mkdir()
    installed = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    shutil.copy(installed / "platforms" / "libqxcb.so", plugins)
    env = {**NO_DISPLAY, "DISPLAY": x_display(), "QT_QPA_PLATFORM_PLUGIN_PATH": str(plugins)}
    result = doctor(env, cwd=tmp_path, args=("--gui", "qt"))
    assert result.returncode == 1
    assert ("no window can open with --gui qt: Qt's X11 plugin cannot load "
            "(libQt6XcbQpa.so.6: cannot open shared object file") in result.stdout
    assert f"Debian/Ubuntu: sudo apt-get install -y {APT_QT}" in result.stdout
    err = launch_served_instead(env, "qt", tmp_path)
    assert "the window could not start (RuntimeError: Qt's X11 plugin cannot load" in err


@pytest.mark.parametrize("platform, said", [
    ("bogus", "Qt has no platform 'bogus' (QT_QPA_PLATFORM=bogus; it has "),
    ("wayland", "Qt cannot open a Wayland display (QT_QPA_PLATFORM=wayland): the Wayland "
                "display wayland-0 does not answer"),
])
def test_a_qt_platform_that_cannot_start_is_no_window(tmp_path: Path, platform: str,
                                                       said: str) -> None:
    """A QT_QPA_PLATFORM Qt has no plugin for, or Wayland with no compositor: Qt would end
    the process from C (SIGABRT) with an X display right there. doctor says so, and a
    launch shows the app in a browser instead."""
    env = {**NO_DISPLAY, "DISPLAY": x_display(), "QT_QPA_PLATFORM": platform,
           "XDG_RUNTIME_DIR": str(tmp_path)}
    result = doctor(env, cwd=tmp_path, args=("--gui", "qt"))
    assert result.returncode == 1, result.stdout
    assert f"no window can open with --gui qt: {said}" in result.stdout
    err = launch_served_instead(env, "qt", tmp_path)
    assert f"the window could not start (RuntimeError: {said}" in err
    assert "showing it in a browser instead." in err


def test_gtk_is_chosen_when_qt_is_told_a_platform_it_cannot_start(tmp_path: Path) -> None:
    """No --gui: with Qt unable to start on the platform QT_QPA_PLATFORM names, the GTK
    window opens, as when Qt itself is broken."""
    env = {**NO_DISPLAY, "DISPLAY": x_display(), "QT_QPA_PLATFORM": "bogus"}
    result = doctor(env, cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert "chosen:    gtk (automatic)" in result.stdout
    assert "verdict:   a window can open here" in result.stdout


def test_qt_going_down_its_platform_list_can_open_a_window(tmp_path: Path) -> None:
    """"wayland;xcb": Qt tries Wayland, then X11, which answers here."""
    env = {**NO_DISPLAY, "DISPLAY": x_display(), "QT_QPA_PLATFORM": "wayland;xcb",
           "XDG_RUNTIME_DIR": str(tmp_path)}
    result = doctor(env, cwd=tmp_path, args=("--gui", "qt"))
    assert result.returncode == 0, result.stdout
    assert "verdict:   a window can open here" in result.stdout


def test_qt_on_a_display_that_takes_it_can_open_a_window(tmp_path: Path) -> None:
    result = doctor({**NO_DISPLAY, "DISPLAY": x_display()}, cwd=tmp_path, args=("--gui", "qt"))
    assert result.returncode == 0, result.stdout
    assert "verdict:   a window can open here" in result.stdout


def _fonts_in(folder: Path, tmp_path: Path) -> dict[str, str | None]:
    """An environment whose fontconfig knows only the fonts in `folder`."""
    config = tmp_path / "fonts.conf"
    config.write_text(f'<?xml version="1.0"?>\n<fontconfig><dir>{folder}</dir>'
                      f"<cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>\n")
    return {**NO_DISPLAY, "FONTCONFIG_FILE": str(config)}


def test_doctor_names_the_scripts_no_font_covers_and_the_packages_that_do(tmp_path) -> None:
    """Text in a script with no font shows as empty boxes in the window, whatever the app
    does: a minimal install is told which packages bring the fonts."""
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    said = doctor(_fonts_in(empty, tmp_path), cwd=tmp_path).stdout
    assert ("fonts:     no font here for Chinese, Japanese, Korean, Arabic, Hebrew, Hindi, "
            "Thai text, which shows as empty boxes: Debian/Ubuntu: sudo apt-get install -y "
            "fonts-noto-cjk fonts-noto-core; Fedora: sudo dnf install -y "
            "google-noto-sans-cjk-fonts google-noto-sans-arabic-fonts ") in said
    dejavu = Path("/usr/share/fonts/truetype/dejavu")  # Latin, Arabic, Hebrew; no CJK
    said = doctor(_fonts_in(dejavu, tmp_path), cwd=tmp_path).stdout
    assert "no font here for Chinese, Japanese, Korean, Hindi, Thai text" in said
