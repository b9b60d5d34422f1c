"""Real frozen apps: one made by `desklaunch build`, one by a plain `pyinstaller app.py`.

Both are built once per test run (in parallel, from a regular install of this checkout:
PyInstaller cannot see an editable one) into a folder whose path has spaces and non-ASCII
letters, and run from another folder. Each is driven in the browser (real Chromium) and in a
real Qt window rendering offscreen. A third, `desklaunch build --gui gtk`, bundles GTK and
WebKitGTK instead of Qt and is answered in a real GTK window on Xvfb; it is built from the
same script laid out as a package (`build -m`, its `__main__.py` importing it relatively).
"""

from __future__ import annotations

import json
import os
import queue
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, expect
from xserver import x_display

from bench.frozen import regular_install
from desklaunch.packaging.baselibs import BASE_SONAMES, package_of
from desklaunch.packaging.deb import DEPENDS
from desklaunch.packaging.packagenames import check_free

ROOT = Path(__file__).resolve().parents[2]
APPS = Path(__file__).with_name("apps")
BUILD_GUARD = 900
RUN_GUARD = 90
SHOWN = "Rendered in a frozen window"


@dataclass
class Frozen:
    executable: Path
    dist: Path
    output: str
    """What the build printed."""


@pytest.fixture(scope="session")
def frozen(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Frozen]:
    """The apps, built once: {"built": desklaunch build's, "own": the plain PyInstaller one,
    "gtk": a GTK app with its .deb, "menus": a console program with menus}."""
    if shutil.which("chromium") is None and not Path("/usr/bin/chromium").exists():
        pytest.fail("Chromium is missing: run `make test`", pytrace=False)
    base = tmp_path_factory.mktemp("frozen")
    site = regular_install(base)
    env = {**os.environ, "PYTHONPATH": str(site)}
    dist = base / "dist ünïcode"
    work = base / "work"
    sources = base / "my scripts ü"
    sources.mkdir()
    for app in ("frozen_hello.py", "own_build.py", "frozen_menus.py"):
        shutil.copy(APPS / app, sources / app)
    package = sources / "hello_pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    # tqdm imports matplotlib only in a function the app never calls (tqdm.gui), and numpy
    # and Pillow come with it; the build leaves it out as its own advice says.
    (package / "__main__.py").write_text("import tqdm  # noqa: F401\n\n"
                                         "from . import greeting  # noqa: F401\n")
    shutil.copy(APPS / "frozen_hello.py", package / "greeting.py")
    builds = {
        "built": subprocess.Popen(
            [sys.executable, "-m", "desklaunch", "build", str(sources / "frozen_hello.py"),
             "--name", "Frozen Hello", "--dist", str(dist / "built"), "--work", str(work)],
            cwd=base, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True),
        "own": subprocess.Popen(
            [sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath",
             str(dist / "own"), "--workpath", str(work / "own"), "--specpath", str(work),
             str(sources / "own_build.py")],
            cwd=base, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True),
        "gtk": subprocess.Popen(
            [sys.executable, "-m", "desklaunch", "build", "-m", "hello_pkg",
             "--name", "Frozen GTK", "--gui", "gtk", "--dist", str(dist / "gtk"),
             "--work", str(work / "gtk"), "--installer", "deb",
             "--exclude", "matplotlib"],
            cwd=sources, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True),
    }
    # A console program with menus (questionary, python-inquirer), with the system's GTK:
    # the smallest and quickest build.
    builds["menus"] = subprocess.Popen(
        [sys.executable, "-m", "desklaunch", "build", str(sources / "frozen_menus.py"),
         "--name", "Frozen Menus", "--gui", "gtk", "--system-gtk", "--dist", str(dist / "menus"),
         "--work", str(work / "menus")],
        cwd=base, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    outputs = {name: proc.communicate(timeout=BUILD_GUARD)[0] for name, proc in builds.items()}
    for name, proc in builds.items():
        assert proc.returncode == 0, f"{name} build failed:\n{outputs[name][-4000:]}"
    built_dir = dist / "built"
    return {
        "built": Frozen(built_dir / "Frozen Hello" / "Frozen Hello", built_dir, outputs["built"]),
        "own": Frozen(dist / "own" / "own_build" / "own_build", dist / "own", outputs["own"]),
        "gtk": Frozen(dist / "gtk" / "Frozen GTK" / "Frozen GTK", dist / "gtk", outputs["gtk"]),
        "menus": Frozen(dist / "menus" / "Frozen Menus" / "Frozen Menus", dist / "menus",
                        outputs["menus"]),
    }


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """A working folder that is neither the app's nor the script's."""
    folder = tmp_path / "somewhere else"
    folder.mkdir()
    return folder


def _run_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("DESKLAUNCH_") and k != "PYTHONPATH"}
    return {**env, **extra}


@pytest.fixture
def started() -> Iterator[list[subprocess.Popen[str]]]:
    """Processes a test starts; each is stopped (and reaped) when the test ends."""
    processes: list[subprocess.Popen[str]] = []
    yield processes
    for proc in processes:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()


def _first_line(proc: subprocess.Popen[str]) -> str:
    """The first line the process prints on stdout (bounded by a hang guard)."""
    lines: queue.Queue[str] = queue.Queue()
    assert proc.stdout is not None
    stdout = proc.stdout
    threading.Thread(target=lambda: lines.put(stdout.readline()), name="frozen-url-reader",
                     daemon=True).start()
    try:
        return lines.get(timeout=RUN_GUARD).strip()
    except queue.Empty:
        pytest.fail("the frozen app printed no URL", pytrace=False)


def _answers_in_the_browser(app: Frozen, command: list[str], env: dict[str, str], cwd: Path,
                            context: BrowserContext, started: list) -> None:
    errors = cwd / "stderr.txt"
    with open(errors, "w", encoding="utf-8") as stderr:
        proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE,
                                stderr=stderr, text=True)
    started.append(proc)
    url = _first_line(proc)
    assert url.startswith("http://127.0.0.1:"), errors.read_text(encoding="utf-8")[-3000:]
    page = context.new_page()
    page.goto(url)
    field = page.get_by_label("Your name", exact=True)
    field.fill("Ada")
    field.press("Enter")
    expect(page.get_by_text("Hello, Ada!")).to_be_visible()
    expect(page.get_by_text("Finished (exit code 3)")).to_be_visible()


def _renders_in_a_window(command: list[str], env: dict[str, str], cwd: Path) -> None:
    result = cwd / "shown.json"
    env = {**env, "QT_QPA_PLATFORM": "offscreen", "PYWEBVIEW_GUI": "qt"}
    env.pop("DISPLAY", None)
    proc = subprocess.run([*command, "check", str(result)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=RUN_GUARD)
    assert result.exists(), f"the window never ran the script:\n{proc.stderr[-3000:]}"
    assert SHOWN in json.loads(result.read_text(encoding="utf-8"))["text"]
    assert proc.returncode == 3, proc.stderr[-3000:]


def test_built_app_answers_in_the_browser(frozen, elsewhere, context, started) -> None:
    """`desklaunch build`'s app with --no-open: Chromium opens its URL, asks, greets."""
    app = frozen["built"]
    _answers_in_the_browser(app, [str(app.executable), "--no-open"], _run_env(), elsewhere,
                            context, started)


def test_built_console_app_asks_its_menus_questions_in_the_browser(frozen, elsewhere, context,
                                                                    started) -> None:
    """A frozen terminal program's questionary, inquirer and prompt_toolkit questions (met by
    the console's import hook through PyInstaller's own importer) are buttons, boxes and a
    field, and its output is its own (inquirer's readchar and blessed have all they read at
    run time)."""
    app = frozen["menus"]
    with open(elsewhere / "stderr.txt", "w", encoding="utf-8") as stderr:
        proc = subprocess.Popen([str(app.executable), "--no-open"], cwd=elsewhere,
                                env=_run_env(), stdout=subprocess.PIPE, stderr=stderr, text=True)
    started.append(proc)
    page = context.new_page()
    page.goto(_first_line(proc))
    page.get_by_role("button", name="Large", exact=True).click()
    page.get_by_role("checkbox", name="Basil", exact=True).check()
    page.get_by_role("button", name="Enter", exact=True).click()
    expect(page.get_by_role("textbox", name="Note:", exact=True)).to_have_value("none")
    page.get_by_role("textbox", name="Note:", exact=True).fill("no onions")
    page.get_by_role("button", name="Enter", exact=True).click()
    expect(page.get_by_text("Exited with code 3")).to_be_visible()
    lines = page.get_by_role("log", name="Output").inner_text().splitlines()
    assert lines[1:] == ["? Size? Large", "[?] Extras?: Basil", "Note: no onions",
                         "order: Large ['Basil'] no onions"]


def test_built_app_renders_in_a_window_and_exits_with_the_scripts_code(frozen,
                                                                        elsewhere) -> None:
    app = frozen["built"]
    _renders_in_a_window([str(app.executable), "--close-on-exit"], _run_env(), elsewhere)


def test_built_app_has_a_desktop_entry_and_icon_beside_it(frozen) -> None:
    app = frozen["built"]
    entry = (app.dist / "Frozen Hello.desktop").read_text(encoding="utf-8")
    assert f'Exec="{app.executable}"' in entry
    assert f"Icon={app.dist / 'Frozen Hello.png'}" in entry
    assert "StartupWMClass=Frozen Hello" in entry.splitlines()
    assert (app.dist / "Frozen Hello.png").read_bytes().startswith(b"\x89PNG")
    window_icon = list(app.executable.parent.rglob("desklaunch-window-icon.png"))
    assert window_icon and window_icon[0].read_bytes() == \
        (app.dist / "Frozen Hello.png").read_bytes()  # its window's icon, too
    assert "reading the imports" in app.output  # progress while PyInstaller runs
    assert f"built {app.executable.parent} (app folder, " in app.output


def test_own_pyinstaller_build_answers_in_the_browser(frozen, elsewhere, context,
                                                      started) -> None:
    """A plain `pyinstaller own_build.py`, switched to the browser by DESKLAUNCH_NO_OPEN."""
    app = frozen["own"]
    _answers_in_the_browser(app, [str(app.executable)], _run_env(DESKLAUNCH_NO_OPEN="1"),
                            elsewhere, context, started)


def test_own_pyinstaller_build_renders_in_a_window_and_exits_with_the_scripts_code(
        frozen, elsewhere) -> None:
    app = frozen["own"]
    _renders_in_a_window([str(app.executable)], _run_env(DESKLAUNCH_CLOSE_ON_EXIT="1"),
                         elsewhere)


def test_gtk_app_answers_in_a_gtk_window_and_exits_with_the_scripts_code(frozen,
                                                                         elsewhere) -> None:
    """`desklaunch build --gui gtk`: the app opens a GTK window (on Xvfb), the person's
    answer reaches the script, the greeting shows, and the exit code is the script's."""
    app = frozen["gtk"]
    result = elsewhere / "answered.json"
    env = _run_env(DISPLAY=x_display(), NO_AT_BRIDGE="1")
    env.pop("QT_QPA_PLATFORM", None)
    env.pop("PYWEBVIEW_GUI", None)
    with subprocess.Popen([str(app.executable), "--close-on-exit", "answer", str(result)],
                          cwd=elsewhere, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True) as proc:
        classes = _window_classes_while_running(proc, env)
        _, stderr = proc.communicate(timeout=RUN_GUARD)
    assert result.exists(), f"the window never got an answer:\n{stderr[-3000:]}"
    assert "Hello, Ada!" in json.loads(result.read_text(encoding="utf-8"))["text"]
    assert proc.returncode == 3, stderr[-3000:]
    # named after the app, as its menu entry's StartupWMClass, not after its script
    assert (app.executable.name, app.executable.name) in classes, classes


def _window_classes_while_running(proc: subprocess.Popen[str], env: dict[str, str]
                                  ) -> set[tuple[str, str]]:
    """The X11 classes (WM_CLASS: instance, class) of the windows shown while `proc` runs."""
    seen: set[tuple[str, str]] = set()
    deadline = time.monotonic() + RUN_GUARD
    while proc.poll() is None and time.monotonic() < deadline:
        tree = subprocess.run(["xwininfo", "-root", "-tree"], env=env, capture_output=True,
                              text=True, timeout=RUN_GUARD).stdout
        seen.update(re.findall(r'\("([^"]*)" "([^"]*)"\)', tree))
        time.sleep(0.05)
    return seen


def test_gtk_app_bundles_gtk_and_not_qt(frozen) -> None:
    """Each build carries its one backend: no Qt in the GTK app, no GTK in the Qt app."""
    gtk_files = {p.name for p in frozen["gtk"].executable.parent.rglob("*")}
    qt_files = {p.name for p in frozen["built"].executable.parent.rglob("*")}
    assert any(name.startswith("libgtk-3") for name in gtk_files)  # WebKitGTK: the system's
    assert any(name.startswith("_gi.") for name in gtk_files)
    assert not any(name.startswith(("libQt6", "PyQt6")) for name in gtk_files)
    assert any(name.startswith("libQt6WebEngineCore") for name in qt_files)
    assert not any(name.startswith("_gi.") for name in qt_files)  # PyGObject left out


def test_built_apps_leave_out_what_they_never_use(frozen) -> None:
    """The size trims: no test kit or matplotlib, stripped binaries, no ICU or cursors in the
    GTK app (the target's WebKitGTK brings them), no GTK look, printing or devtools in the Qt
    app, and Qt's ICU data trimmed to English (the wheel's is 32 MB; the app answers in its window
    with it, in the tests above)."""
    gtk_dir, qt_dir = frozen["gtk"].executable.parent, frozen["built"].executable.parent
    gtk_files = {p.name for p in gtk_dir.rglob("*")}
    qt_files = {p.name for p in qt_dir.rglob("*")}
    for files in (gtk_files, qt_files):
        # matplotlib is installed here, and desklaunch's backend for it must not pull it in
        assert not {"playwright", "pytest", "_pytest", "testing", "matplotlib"} & files
    # the GTK app imports tqdm (and answers in its window below), built with --exclude
    # matplotlib: numpy and Pillow stay out with it, and the build has nothing more to say
    assert not {"numpy", "PIL", "numpy.libs"} & gtk_files
    assert "imported only where" not in frozen["gtk"].output
    assert "--exclude" not in frozen["gtk"].output.replace("--exclude matplotlib", "")
    assert not any(name.startswith(("libicudata", "libxml2")) for name in gtk_files)
    assert "cursors" not in gtk_files and "scalable" in gtk_files  # Adwaita's icons stay
    assert not {"libqgtk3.so", "libcupsprintersupport.so", "libgtk-3.so.0",
                "qtwebengine_devtools_resources.pak"} & qt_files
    assert "libqxcb.so" in qt_files and "libqoffscreen.so" in qt_files
    icudata = [path for path in qt_dir.rglob("libicudata.so*") if not path.is_symlink()]
    assert len(icudata) == 1 and icudata[0].stat().st_size < 8_000_000
    assert b"icudt" in icudata[0].read_bytes()[:0x1000]  # still ICU's data library
    python = next(gtk_dir.rglob("libpython3*.so*")).read_bytes()
    assert b".symtab" not in python  # stripped: its symbol table is gone


def _needed_but_not_held(folder: Path) -> set[str]:
    """The libraries (sonames) the app's programs and libraries link that the app does not
    hold: what the target system must provide."""
    held, needed = set(), set()
    for path in folder.rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        held.add(path.name)
        with open(path, "rb") as file:
            if file.read(4) != b"\x7fELF":
                continue
        dynamic = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True,
                                 timeout=RUN_GUARD).stdout
        needed.update(line.rsplit("[", 1)[1].rstrip("]") for line in dynamic.splitlines()
                      if "(NEEDED)" in line)
    return needed - held


def test_built_apps_leave_the_base_system_to_the_target_and_depend_on_it(frozen) -> None:
    """No app folder holds a library every desktop has and that must be the target's own (the
    graphics stack, libxcb/libX11, ALSA, the font libraries, the C++ runtime...), and every
    library an app needs but does not hold is in a package its .deb depends on."""
    deb = next(frozen["gtk"].dist.glob("frozen-gtk_*.deb"))
    gtk_depends = subprocess.run(["dpkg-deb", "-f", str(deb), "Depends"], capture_output=True,
                                 text=True, check=True, timeout=RUN_GUARD).stdout
    for app, depends in ((frozen["gtk"], gtk_depends), (frozen["built"], DEPENDS["qt"])):
        folder = app.executable.parent
        held = {path.name for path in folder.rglob("*")}
        assert not held & set(BASE_SONAMES), sorted(held & set(BASE_SONAMES))
        named = {name.strip() for part in depends.split(",") for name in part.split("|")}
        left = _needed_but_not_held(folder)
        assert {"libc.so.6", "libxcb.so.1"} <= left
        unnamed = {soname: package_of(soname) for soname in left
                   if package_of(soname) not in named}
        assert unnamed == {}, f"{folder.name} needs libraries no Depends names: {unnamed}"


def test_gtk_app_deb_installs_runs_from_its_menu_entry_and_removes_cleanly(frozen,
                                                                          elsewhere) -> None:
    """`--installer deb` on a real app: lintian finds no errors; `dpkg -i` puts the app in /opt
    with a menu entry and a command; the entry's Exec line starts it (its libraries no longer
    name the build machine's Python folder); `dpkg -r` leaves none of its files behind."""
    deb = next(frozen["gtk"].dist.glob("frozen-gtk_*.deb"))
    lintian = subprocess.run(["lintian", "--tag-display-limit", "0", str(deb)],
                             capture_output=True, text=True, timeout=RUN_GUARD)
    errors = [line for line in lintian.stdout.splitlines() if line.startswith("E:")]
    assert errors == [], "\n".join(errors)
    # desklaunch's own jquery-lite.js is not jQuery (overridden: lintian goes by the name)
    assert "embedded-javascript-library" not in lintian.stdout
    installed = subprocess.run(["dpkg", "-i", str(deb)], capture_output=True, text=True,
                               timeout=RUN_GUARD)
    try:
        assert installed.returncode == 0, installed.stderr
        check_free("frozen-gtk", "Frozen GTK")  # installed, it is the app's to build again
        files = subprocess.run(["dpkg", "-L", "frozen-gtk"], capture_output=True, text=True,
                               check=True, timeout=RUN_GUARD).stdout.splitlines()
        entry = Path("/usr/share/applications/frozen-gtk.desktop").read_text(encoding="utf-8")
        command = next(line for line in entry.splitlines() if line.startswith("Exec="))[5:]
        assert command == "frozen-gtk"
        assert f"StartupWMClass={frozen['gtk'].executable.name}" in entry.splitlines()
        result = elsewhere / "answered.json"
        env = _run_env(DISPLAY=x_display(), NO_AT_BRIDGE="1")
        env.pop("QT_QPA_PLATFORM", None)
        run = subprocess.run([command, "--close-on-exit", "answer", str(result)], cwd=elsewhere,
                             env=env, capture_output=True, text=True, timeout=RUN_GUARD)
        assert result.exists(), run.stderr[-3000:]
        assert "Hello, Ada!" in json.loads(result.read_text(encoding="utf-8"))["text"]
        assert run.returncode == 3
        # What an app writes into its own folder as it runs (a Qt app run as root does)
        Path("/opt/frozen-gtk/_internal/written-while-running").write_text("x")
    finally:
        removed = subprocess.run(["dpkg", "-r", "frozen-gtk"], capture_output=True, text=True,
                                 timeout=RUN_GUARD)
    assert removed.returncode == 0, removed.stderr
    assert "/opt/frozen-gtk/Frozen GTK" in files and "/usr/bin/frozen-gtk" in files
    left = [path for path in files if Path(path).is_file() or Path(path).is_symlink()]
    assert left == []
    assert not Path("/opt/frozen-gtk").exists()
