"""`desklaunch doctor`: can a window open here, and if not, the exact commands that fix it.

It reports the Python, the platform, pywebview and its GUI backends (which are installed,
which would be chosen), the display and the scripts no font covers (fonts.py), then one
verdict line: the same line a launch
prints when its window cannot start (`window.window_problem()`). It exits 1 when no window
can open, so scripts and CI can check a machine with it.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import importlib.util
import os
import platform
import sys
from collections.abc import Sequence

from desklaunch.desktop import fonts, gtk, qt
from desklaunch.desktop.display import HEADLESS_PLATFORMS, probe
from desklaunch.desktop.options import gui_name, guis
from desklaunch.desktop.qt import APT_QT, DNF_QT
from desklaunch.desktop.window import choose_gui, display_problem, window_problem
from desklaunch.version import __version__

APT_XVFB = "xvfb xauth"
DNF_XVFB = "xorg-x11-server-Xvfb xorg-x11-xauth"
XVFB_RUN = 'xvfb-run -a -s "-screen 0 1280x800x24" desklaunch SCRIPT.py'


def _version(distribution: str) -> str | None:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None


def _qt_binding() -> str | None:
    for name in ("PyQt6", "PySide6", "PyQt5"):
        if importlib.util.find_spec(name) is not None:
            return f"{name} {_version(name) or ''}".strip()
    return None


def _gtk_state() -> str | None:
    """None when pywebview's GTK backend can load here, otherwise why not."""
    what = gtk.missing()
    if what is None:
        return None
    return "not installed (no PyGObject)" if "not installed" in what else what


def backends() -> dict[str, str | None]:
    """Each pywebview backend for this platform → None when usable, else why not."""
    if sys.platform == "win32":
        return {"edgechromium": None}  # pywebview brings pythonnet; WebView2 comes with Windows
    if sys.platform == "darwin":
        return {"cocoa": None}  # pywebview brings PyObjC on macOS
    found: dict[str, str | None] = {}
    binding = _qt_binding()
    found["qt"] = qt.problem() if binding and qt.installed() else "not installed (no PyQt6)"
    found["gtk"] = _gtk_state()
    return found


def advice(problems: dict[str, str | None], display_ok: bool, chosen: str | None = None,
           problem: str = "") -> list[str]:
    """The commands that would give this machine a window, most likely first; `problem`
    is the verdict's reason."""
    tips: list[str] = []
    qt_install = f'{sys.executable} -m pip install "desklaunch[qt]"'
    if importlib.util.find_spec("webview") is None:
        return [f"install pywebview with a GUI backend: {qt_install}"]
    if not sys.platform.startswith("linux"):
        return tips
    if "refused this program" in problem:
        tips.append(
            "the display refused this program: run it as the user whose desktop it is, or "
            "set XAUTHORITY to that session's authority file (often ~/.Xauthority; xvfb-run "
            "sets it for the Xvfb it starts)")
    if not display_ok:
        tips.append(
            "no screen: run it inside a desktop session, or on a server under Xvfb: "
            f"{XVFB_RUN} (Debian/Ubuntu: sudo apt-get install -y {APT_XVFB}; "
            f"Fedora: sudo dnf install -y {DNF_XVFB}); or show it in a browser: "
            "desklaunch --browser SCRIPT.py")
    qt_state, gtk_state = problems.get("qt"), problems.get("gtk")
    if chosen == "gtk" and gtk_state is not None:
        tips.extend(gtk.advice(gtk_state, sys.executable))
    elif qt_state is not None and (chosen in (None, "qt")
                                   or all(state is not None for state in problems.values())):
        if qt_state.startswith("not installed") or "No module named" in qt_state:
            tips.append(f"Qt backend: {qt_install}")
        else:
            tips.append("Qt backend: install the Qt runtime libraries: "
                        f"Debian/Ubuntu: sudo apt-get install -y {APT_QT}; "
                        f"Fedora: sudo dnf install -y {DNF_QT}")
        if gtk_state is not None:
            tips.extend(["or " + tip if not tip.startswith("or ") else tip
                         for tip in gtk.advice(gtk_state, sys.executable)])
    return tips


def report(gui: str | None = None) -> tuple[list[str], int]:
    """The lines `desklaunch doctor` prints, and its exit code."""
    chosen = gui or choose_gui()
    display = probe(offscreen_counts=chosen != "gtk")  # Qt's offscreen is no display for GTK
    webview_version = _version("pywebview")
    lines = [
        f"desklaunch {__version__}",
        f"Python:    {platform.python_version()} ({sys.executable})",
        f"Platform:  {platform.platform()}",
        f"pywebview: {webview_version or 'not installed'}",
    ]
    problems = backends() if webview_version else {}
    for name, problem in problems.items():
        lines.append(f"backend {name + ':':<5} {'available' if problem is None else problem}")
    source = "--gui" if gui else "PYWEBVIEW_GUI" if chosen and _env_gui() else "automatic"
    lines.append(f"chosen:    {chosen or 'none'} ({source})")
    problem = window_problem(gui, pointer=False)  # this is doctor
    if problem is None and display.usable:  # a launch finds this only as its window starts
        problem = display_problem(chosen)
    # Its socket answers, but the toolkit was refused: the display line says so too.
    refused = problem is not None and "cannot open the display" in problem
    lines.append(f"display:   {display.text}" + (", but it refused this program" if refused
                                                 else ""))
    lacking = fonts.missing()
    if lacking is not None:
        lines.append("fonts:     " + (fonts.advice(lacking) if lacking else
                                      "one for each common script (Chinese, Japanese, Korean, "
                                      "Arabic, Hebrew, Hindi, Thai)"))
    if problem is None:
        qpa = os.environ.get("QT_QPA_PLATFORM", "")
        offscreen = chosen == "qt" and qpa in HEADLESS_PLATFORMS
        lines.append("verdict:   a window can open here" + (
            f", offscreen (QT_QPA_PLATFORM={qpa}): Qt draws it in memory and nothing "
            "shows on a screen; unset QT_QPA_PLATFORM to see it" if offscreen else ""))
        return lines, 0
    with_gui = f" with --gui {gui}" if gui else ""  # another backend may still work
    lines.append(f"verdict:   no window can open{with_gui}: {problem}")
    tips = advice(problems, display.usable, chosen, problem)
    if tips:
        lines.append("to fix:")
        lines.extend(f"  - {tip}" for tip in tips)
    return lines, 1


def _env_gui() -> bool:
    return bool(os.environ.get("PYWEBVIEW_GUI"))


def main(argv: Sequence[str]) -> int:
    """`desklaunch doctor [--gui NAME]`."""
    parser = argparse.ArgumentParser(
        prog="desklaunch doctor",
        description="Check whether desklaunch can open a window here, and say how to fix it.")
    parser.add_argument("--gui", metavar="NAME", type=gui_name,
                        help=f"check this pywebview backend: {' or '.join(guis())}")
    args = parser.parse_args(list(argv))
    lines, code = report(args.gui)
    print("\n".join(lines))
    return code
