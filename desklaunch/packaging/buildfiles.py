"""The files a build writes: the entry script, the filled-in spec, the icon, the .desktop file.

Templates and default icons are data files of the package (desklaunch/packaging/templates/),
so an installed desklaunch can build without its source tree.
"""

from __future__ import annotations

import sys
from importlib.resources import files
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING

from desklaunch.packaging.baselibs import BASE_SONAMES
from desklaunch.packaging.icons import write_icns, write_ico
from desklaunch.packaging.packagenames import bundle_identifier

if TYPE_CHECKING:
    from desklaunch.packaging.plan import Plan

TEMPLATES = files("desklaunch.packaging") / "templates"
"""The spec and desktop-entry templates and the default icons, shipped in the package."""

DEFAULT_ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)
SERVED_BY_DESKLAUNCH = ("pywebio",)
"""What desklaunch's own modules answer in an app (`import pywebio`, desklaunch/compat): a
copy installed here is never bundled, and one not installed is not missing."""
BUILD_ONLY = ("desklaunch.packaging", "desklaunch.testing", "PyInstaller",
              *SERVED_BY_DESKLAUNCH)
"""Never in an app: the build itself, the test kit (it brings pytest and Playwright), and
`SERVED_BY_DESKLAUNCH`."""
UNUSED = ("tkinter", "tornado")
"""Left out unless the script imports them: libraries the app bundles name them without
needing them (matplotlib and Pillow tkinter, which brings Tcl/Tk's files; Bottle, in server
adapters desklaunch never runs, tornado, there wherever PyWebIO is installed)."""
UNUSED_QT = ("PyQt6.QtQuick3D", "PyQt6.QtQuick", "PyQt6.QtQuickWidgets", "PyQt6.QtQml",
             "PyQt6.QtMultimedia", "PyQt6.QtPdf", "PyQt6.QtPdfWidgets")
"""Qt modules QtWebEngine does not need from Python: excluding them drops their QML plugins."""
BACKEND_MODULES = {
    "qt": ("PyQt6", "PyQt5", "PySide6", "PySide2", "qtpy", "webview.platforms.qt"),
    "gtk": ("gi", "webview.platforms.gtk"),
}
"""What each window backend brings in; a build leaves out every backend but its own."""


def bundled_source(plan: Plan) -> tuple[str, str]:
    """The script's (source, destination) in the app: the file at its root, or for
    `build -m` the module's top package as a folder of its name."""
    source = plan.module_source
    if source is None or source.is_file():
        return str(source or plan.script), "."
    return str(source), source.name


WINDOW_ICON = "desklaunch-window-icon.png"
"""The app's icon in the bundle, for its window (Qt and GTK on Linux)."""


def write_spec(plan: Plan) -> Path:
    """Write the entry script, the icon and the filled-in spec into the work folder."""
    work = plan.work / plan.name
    work.mkdir(parents=True, exist_ok=True)
    entry = work / "desklaunch_entry.py"
    window_icon = []  # Linux: the executable has no icon, so the window is given one
    if sys.platform.startswith("linux"):
        png = work / WINDOW_ICON
        png.write_bytes(app_icon_png(plan))
        window_icon.append((str(png), "."))
    entry.write_text(
        "# Written by `desklaunch build`: starts the bundled script as `desklaunch` would.\n"
        "from desklaunch.startup import run_bundled\n\n"
        f"run_bundled({plan.module or plan.script.name!r}, title={plan.title!r}, "
        f"gui={plan.gui!r}{', module=True' if plan.module else ''}"
        f"{f', left_out={plan.left_out!r}' if plan.left_out else ''}"
        f"{f', not_installed={plan.not_installed!r}' if plan.not_installed else ''}"
        f"{f', icon={WINDOW_ICON!r}' if window_icon else ''})\n",
        encoding="utf-8",
    )
    template = Template((TEMPLATES / "desklaunch.spec.in")
                        .read_text(encoding="utf-8"))
    spec = work / f"{plan.name}.spec"
    spec.write_text(template.substitute(
        entry=repr(str(entry)),
        name=repr(plan.name),
        script=repr(str(plan.script)),
        pathex=repr([str(plan.script.parent if plan.module_source is None
                         else plan.module_source.parent), str(own_source_folder())]),
        datas=repr([bundled_source(plan), *window_icon, *plan.datas]),
        hiddenimports=repr(["desklaunch", "desklaunch.startup", *plan.hidden_imports]),
        excludes=repr([*excludes(plan.hidden_imports, plan.gui), *plan.left_out]),
        languages=repr(plan.languages),
        metadata=repr(plan.metadata),
        system_gtk=repr(plan.system_gtk),
        left_to_the_target=repr(BASE_SONAMES if sys.platform.startswith("linux") else ()),
        hooksconfig=repr({"gi": {"icons": ["Adwaita", "hicolor"], "themes": ["Adwaita"],
                                 "languages": ["en_US", "en_GB", *plan.languages],
                                 "module-versions": {"Gtk": "3.0"}}}),
        gui=repr(plan.gui),
        strip=repr(sys.platform.startswith("linux")),
        onefile=repr(plan.onefile),
        console=repr(not plan.windowed),
        icon=repr(platform_icon(plan, work)),
        bundle=repr(sys.platform == "darwin" and plan.windowed),
        bundle_id=repr(bundle_identifier(plan.name, plan.package)),
    ), encoding="utf-8")
    return spec


def excludes(wanted: list[str], gui: str | None = "qt") -> list[str]:
    """What the app leaves out: build-time modules, the window backends it does not use, and
    unused Qt parts; a module the script imports itself is always kept."""
    left_out = [*UNUSED, *(UNUSED_QT if gui != "gtk" else ())]
    for backend, modules in BACKEND_MODULES.items():
        if backend != gui and (gui is not None or backend == "gtk"):  # None: Qt may serve
            left_out.extend(modules)
    return [*BUILD_ONLY, *(name for name in left_out
                           if not any(w == name or w.startswith(name + ".") for w in wanted))]


def platform_icon(plan: Plan, work: Path) -> str | None:
    """The icon in the format this platform's executable takes (None on Linux: no such thing)."""
    if sys.platform == "win32":
        ico = work / f"{plan.name}.ico"
        write_ico(_icon_pngs(plan), ico)
        return str(ico)
    if sys.platform == "darwin":
        icns = work / f"{plan.name}.icns"
        write_icns(_icon_pngs(plan), icns)
        return str(icns)
    return None


def app_icon_png(plan: Plan) -> bytes:
    """The app's largest PNG icon (the one given, or the default's 512 px one)."""
    return _icon_pngs(plan)[-1]


def _icon_pngs(plan: Plan) -> list[bytes]:
    if plan.icon is not None:
        return [plan.icon.read_bytes()]
    icons = TEMPLATES / "icons"
    return [icons.joinpath(f"icon-{size}.png").read_bytes() for size in DEFAULT_ICON_SIZES]


def write_desktop_entry(plan: Plan) -> Path:
    """Linux: `<name>.desktop` and `<name>.png` beside the app, pointing at it by path."""
    icon = plan.dist / f"{plan.name}.png"
    icon.write_bytes(_icon_pngs(plan)[-1])
    executable = plan.app_path if plan.onefile else plan.app_path / plan.name
    template = Template((TEMPLATES / "app.desktop.in")
                        .read_text(encoding="utf-8"))
    entry = plan.dist / f"{plan.name}.desktop"
    entry.write_text(template.substitute(
        name=plan.name, exec=_desktop_quote(str(executable)), icon=str(icon),
        comment=f"{plan.title or plan.name} (made with desklaunch)",
        terminal="false" if plan.windowed else "true",
    ), encoding="utf-8")
    entry.chmod(0o755)
    return entry


def _desktop_quote(path: str) -> str:
    """Quote a path for a .desktop `Exec=` line (the spec's rules for reserved characters)."""
    escaped = path.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`")
    escaped = escaped.replace("$", "\\$").replace("%", "%%")
    return f'"{escaped}"'


def own_source_folder() -> Path:
    """The folder holding the `desklaunch` package, put on the build's path: an editable
    install (`pip install -e`, as `make setup` makes) is found through an import hook
    PyInstaller cannot follow; a regular one's folder is on the path already."""
    return Path(__file__).resolve().parents[2]  # desklaunch/packaging/buildfiles.py
