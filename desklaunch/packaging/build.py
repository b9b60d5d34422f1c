"""`desklaunch build SCRIPT`: freeze a script into a double-click app with PyInstaller.

The script itself is bundled as a data file beside a small generated entry that starts it
the way the `desklaunch` command would, so PyInstaller never sees the script's imports: they
are found by reading the script (`scriptimports.py`) and handed over as hidden imports. The
spec file is `desklaunch/packaging/templates/desklaunch.spec.in`, filled in and kept in the
work folder for rebuilding.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.metadata
import importlib.util
import os
import re
import shlex
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from desklaunch.errors import UsageError
from desklaunch.modulefind import find_spec, name_hint, source_file
from desklaunch.packaging.buildcache import pyinstaller_environment
from desklaunch.packaging.buildfiles import (
    SERVED_BY_DESKLAUNCH,
    app_icon_png,
    write_desktop_entry,
    write_spec,
)
from desklaunch.packaging.icons import IconError, icns_bytes, ico_bytes, png_size
from desklaunch.packaging.installers import CHOICES as INSTALLER_CHOICES
from desklaunch.packaging.optional import advice, read_report
from desklaunch.packaging.plan import Plan
from desklaunch.packaging.scriptimports import (
    missing_imports,
    package_start_up_imports,
    python_files,
    script_imports,
    script_metadata,
    start_up_imports,
)

INSTALL_HINT = 'pip install "desklaunch[build]"'
GUIS = ("qt", "gtk")

STAGES = (
    ("Analyzing", "reading the imports"),
    ("Looking for dynamic libraries", "collecting libraries"),
    ("Building PYZ", "packing Python modules"),
    ("Building PKG", "packing the archive"),
    ("Building EXE", "building the executable"),
    ("Building COLLECT", "assembling the app folder"),
    ("Building BUNDLE", "making the .app bundle"),
)
"""PyInstaller log markers → what the progress line says, in the order they appear."""
HOOK_LINE = re.compile(r"hook '(?:hook-)?([\w.]+?)(?:\.py)?'")
OPTIONAL_SHOWN = 6
MAINTAINER = re.compile(r"[^<>@,\n]*[^<>@,\s][^<>@,\n]* <[^<>@\s]+@[^<>@\s]+>")
"""`--maintainer`: a name and an address, as the installers' formats (Debian's first)
want it: lintian calls anything else an error."""
"""How many optional imports that are missing the build names before "and N more"."""
HEARTBEAT = 10.0
"""Seconds between "still working" lines naming the package being read."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        if message.startswith("argument --installer: invalid choice") and ".py" in message:
            message += "; a bare --installer goes after SCRIPT"  # it took the script's name
        _say(f"error: {message} (see desklaunch build --help)")
        sys.exit(2)


def build_parser() -> argparse.ArgumentParser:
    """The `desklaunch build` options."""
    parser = _Parser(prog="desklaunch build",
                     description="Freeze SCRIPT into a double-click app with PyInstaller.")
    parser.add_argument("script", metavar="SCRIPT", help="the script to freeze")
    parser.add_argument("-m", dest="module", action="store_true",
                        help="SCRIPT is a module or package, found as `desklaunch -m` finds "
                             "it (in the current folder first); its top package is bundled "
                             "whole")
    parser.add_argument("--name", help="the app's name (default: from the script's name)")
    parser.add_argument("--onefile", action="store_true",
                        help="one executable file (slower start: it unpacks every time)")
    parser.add_argument("--console", action="store_true",
                        help="keep a console window (default: windowed, no console)")
    parser.add_argument("--icon", type=Path, metavar="PNG",
                        help="a square PNG; converted to .ico on Windows, .icns on macOS")
    parser.add_argument("--add-data", action="append", default=[], metavar="SRC[:DEST]",
                        help="a file or folder to bundle, at DEST beside the script "
                             "(default DEST: .); repeatable")
    parser.add_argument("--hidden-import", action="append", default=[], metavar="MODULE",
                        help="a module to bundle that no import statement names; repeatable")
    parser.add_argument("--exclude", action="append", default=[], metavar="MODULE",
                        help="a package to leave out of the app although some library "
                             "imports it (the build names the large ones that only imports "
                             "inside functions bring in); repeatable")
    parser.add_argument("--copy-metadata", action="append", default=[], metavar="DIST",
                        help="an installed distribution whose records (version, entry "
                             "points) the app reads by a name the build cannot see; "
                             "repeatable")
    parser.add_argument("--gui", choices=GUIS, help="the one window backend to bundle (Linux; "
                        "default: Qt when PyQt6 is installed, else GTK)")
    parser.add_argument("--system-gtk", action="store_true",
                        help="with --gui gtk: use the target's own GTK and GLib instead of "
                             "bundling them (a much smaller app; the target needs "
                             "gir1.2-webkit2-4.1 / webkit2gtk4.1 and python3-gi's GLib)")
    parser.add_argument("--installer", nargs="?", const="auto", choices=INSTALLER_CHOICES,
                        help="also make an installer of the app: deb (dpkg-deb) or rpm "
                             "(rpmbuild) on Linux, nsis (a setup.exe, makensis) on Windows, "
                             "dmg (hdiutil) on macOS; auto or no value: this platform's own")
    parser.add_argument("--package-name", metavar="NAME",
                        help="with --installer deb or rpm: the package's name and its command "
                             "on PATH, in a-z, 0-9 and -+. (default: from the app's name, "
                             "which stays its name in the menu)")
    parser.add_argument("--app-version", default="1.0.0", metavar="X.Y.Z",
                        help="the installer's version (default: 1.0.0)")
    parser.add_argument("--maintainer", default="desklaunch app <nobody@example.invalid>",
                        metavar="'NAME <EMAIL>'", help="who the installer names as its maker")
    parser.add_argument("--lang", action="append", default=[], metavar="CODE",
                        help="a language to keep translations for, like de or pt_BR "
                             "(repeatable; default: English only, so the window's own "
                             "words, such as a field's check or a menu, are English "
                             "elsewhere)")
    parser.add_argument("--dist", type=Path, default=Path("dist"), metavar="DIR",
                        help="where the app goes (default: ./dist)")
    parser.add_argument("--work", type=Path, default=Path("build"), metavar="DIR",
                        help="PyInstaller's work folder (default: ./build)")
    return parser


def plan_from(argv: Sequence[str]) -> Plan:
    """Check the command line and turn it into a `Plan`, or raise a one-line `UsageError`."""
    args = build_parser().parse_args(list(argv))
    module, source = None, None
    if args.module:
        script, source = module_files(args.script)
        module, sources = args.script, sorted(python_files(source))
    else:
        script = Path(args.script).expanduser()
        if (script / "__main__.py").is_file():
            raise UsageError(f"{args.script} is a folder; build its program with "
                             f"-m {script.resolve().name} from the folder above it, or "
                             f"build {script / '__main__.py'}")
        if script.is_dir():
            raise UsageError(f"{args.script} is a folder; give the script file inside it")
        file, colon, function = args.script.rpartition(":")
        if not script.exists() and colon and function.isidentifier() and Path(file).is_file():
            raise UsageError(f"build takes a whole script, not one function of it: give "
                             f"{file}, which must call {function}() itself when run")
        if not script.exists():
            raise UsageError(f"no such script: {args.script}")
        if not script.is_file():
            raise UsageError(f"{args.script} is not a script file")
        if zipfile.is_zipfile(script):
            raise UsageError(f"{args.script} is a zip archive (a zipapp); build the folder "
                             "it was made from instead, with -m")
        script = script.resolve()
        sources = [script]
    name = args.name or (module.split(".")[-1] if module else script.stem)
    if not name.strip() or name.startswith(".") or any(c in name for c in '/\\:*?"<>|'):
        raise UsageError(f"{name!r} cannot be an app name (no / \\ : * ? \" < > |, and "
                         "no . first)")
    icon = args.icon.expanduser().resolve() if args.icon else None
    if icon is not None:
        try:
            _check_icon(icon.read_bytes())
        except OSError as exc:
            raise UsageError(f"cannot read the icon {args.icon}: {exc.strerror}") from None
        except IconError as exc:
            raise UsageError(f"{args.icon}: {exc}") from None
    own = module.split(".")[0] if module else None  # bundled as files, not analysed
    hidden = [*(imported for path in sources for imported in script_imports(path)
                if imported.split(".")[0] != own), *args.hidden_import]
    for distribution in args.copy_metadata:
        try:
            importlib.metadata.distribution(distribution)
        except (importlib.metadata.PackageNotFoundError, ValueError):
            raise UsageError(f"--copy-metadata {distribution!r}: no such distribution is "
                             "installed here") from None
    for option, names in (("--hidden-import", args.hidden_import),
                          ("--exclude", args.exclude)):
        for wrong in (n for n in names if not all(p.isidentifier() for p in n.split("."))):
            raise UsageError(f"{option} {wrong!r} is not a module name")
    others = [n for n in args.hidden_import if n.split(".")[0] != own]  # own: bundled as files
    for absent in missing_imports(others, script.parent):  # the script's own modules count
        raise UsageError(f"--hidden-import {absent}: this Python cannot import it, so the "
                         "app could not have it; install it here first")
    for absent in (n for n in others
                   if "." in n and find_spec(n, [str(script.parent)]) is None):
        raise UsageError(f"--hidden-import {absent}: its package has no such module here")
    for code in args.lang:
        if not code.replace("_", "").replace("-", "").isalnum() or len(code) > 12:
            raise UsageError(f"--lang {code!r} is not a language code like de or pt_BR")
    if not re.fullmatch(r"[0-9][A-Za-z0-9.+~-]*", args.app_version):
        raise UsageError(f"--app-version {args.app_version!r} is not a version like 1.2.0")
    if args.installer and args.onefile:
        raise UsageError("--installer packs an app folder; leave out --onefile")
    if not MAINTAINER.fullmatch(args.maintainer):
        raise UsageError(f"--maintainer {args.maintainer!r} is not a name and an email "
                         "address like 'Ada Lovelace <ada@example.org>'")
    gui = args.gui or default_gui()
    if args.system_gtk and gui != "gtk":
        raise UsageError("--system-gtk goes with --gui gtk")
    installer = _installer(args.installer, name.strip(), args.app_version, args.console,
                           args.package_name)
    return Plan(script=script, name=name.strip(), module=module, module_source=source,
                title=args.name, onefile=args.onefile,
                windowed=not args.console, icon=icon,
                datas=[parse_add_data(spec) for spec in args.add_data],
                hidden_imports=sorted(set(hidden)), dist=args.dist.resolve(),
                left_out=sorted(set(args.exclude)),
                needed_at_start=sorted(package_start_up_imports(source, script)
                                       if source is not None else start_up_imports(script)),
                work=args.work.resolve(), gui=gui, system_gtk=args.system_gtk,
                installer=installer, package=args.package_name, version=args.app_version,
                metadata=sorted({*(read for path in sources for read in script_metadata(path)),
                                 *(owning_distributions(own) if own else []),
                                 *args.copy_metadata}),
                maintainer=args.maintainer,
                languages=[code.replace("-", "_") for code in args.lang])


def _installer(requested: str | None, name: str, version: str, console: bool,
               package: str | None) -> str | None:
    """The installer kind to make, checked now so that what cannot be made is refused
    before PyInstaller runs; None without --installer."""
    if requested is None:
        if package is not None:
            raise UsageError("--package-name names a Linux installer's package; it goes with "
                             "--installer deb or rpm")
        return None
    from desklaunch.packaging.installers import choose
    from desklaunch.packaging.packagenames import check_free, chosen_package
    from desklaunch.packaging.rpm import rpm_version_problem

    kind = choose(requested)
    if kind in ("deb", "rpm"):
        check_free(chosen_package(name, package), name)
    elif package is not None:
        raise UsageError(f"--package-name names a Linux installer's package; --installer "
                         f"{kind} has none")
    problem = rpm_version_problem(version) if kind == "rpm" else None
    if problem is not None:
        raise UsageError(problem)
    if kind == "dmg" and console:
        raise UsageError("--installer dmg holds a windowed .app; leave out --console")
    return kind


def default_gui() -> str | None:
    """The backend a build bundles when `--gui` is not given: on Linux Qt when a Qt binding
    is installed, else GTK when PyGObject is; elsewhere the platform's own (None)."""
    if not sys.platform.startswith("linux"):
        return None
    if any(importlib.util.find_spec(name) is not None for name in ("PyQt6", "PyQt5", "PySide6")):
        return "qt"
    return "gtk" if importlib.util.find_spec("gi") is not None else "qt"


def _check_icon(data: bytes) -> None:
    """Fail now, not after PyInstaller ran, if this platform cannot use the icon."""
    if sys.platform == "darwin":
        icns_bytes([data])
    elif sys.platform == "win32":
        ico_bytes([data])
    else:  # the desktop entry's icon: a menu shows it square
        width, height = png_size(data)
        if width != height:
            raise IconError(f"an icon must be square, not {width}x{height}")


def parse_add_data(spec: str) -> tuple[str, str]:
    """`SRC[:DEST]` (or `SRC;DEST` as on Windows) → (absolute source, destination)."""
    if os.pathsep in spec and os.pathsep != ":":
        source, _, dest = spec.rpartition(os.pathsep)
    else:
        source, sep, dest = spec.rpartition(":")
        if not sep or len(source) <= 1:  # no DEST, or only a drive letter before the colon
            source, dest = spec, "."
    path = Path(source).expanduser()
    if not path.exists():
        raise UsageError(f"--add-data: no such file or folder: {source}")
    dest = dest.strip() or "."
    if Path(dest).is_absolute() or ".." in Path(dest).parts:
        raise UsageError(f"--add-data: {dest!r} must be a folder inside the app")
    return str(path.resolve()), dest


def module_files(name: str) -> tuple[Path, Path]:
    """`build -m name`: the module's file, and what the app must carry for it to run as a
    module: its top package's folder (or, for a top-level module, its file)."""
    if not name or not all(part.isidentifier() for part in name.split(".")):
        raise UsageError(f"{name!r} is not a module name (give it as `-m package.module`)"
                         f"{name_hint(name)}")
    here = [str(Path.cwd())]
    spec = find_spec(name, here)
    if spec is not None and spec.submodule_search_locations is not None:
        name = f"{name}.__main__"
        spec = find_spec(name, here)
        if spec is None:
            raise UsageError(f"{name.removesuffix('.__main__')!r} is a package without a "
                             "__main__.py to run")
    if spec is None:
        raise UsageError(f"no Python module named {name!r} here or on this Python's path"
                         f"{name_hint(name)}")
    source = source_file(spec)
    if source is None:
        where = f" (in {spec.origin})" if spec.origin and spec.has_location else ""
        raise UsageError(f"{name!r} has no Python source file to build{where}")
    path = source.resolve()
    depth = name.count(".")
    return path, path.parents[depth - 1] if depth else path


def owning_distributions(package: str) -> list[str]:
    """The installed distributions that hold the top package `package` (`wordle_helper`
    → `wordle-helper`), whose records its own `version(__name__)` reads."""
    found = set(importlib.metadata.packages_distributions().get(package, []))
    with contextlib.suppress(importlib.metadata.PackageNotFoundError):
        found.add(importlib.metadata.distribution(package).metadata["Name"])
    return sorted(name for name in found if name)


def main(argv: Sequence[str]) -> int:
    """Entry point of `desklaunch build`; returns the exit code."""
    try:
        plan = plan_from(argv)
    except UsageError as exc:
        _say(f"error: {exc}")
        return exc.exit_code
    except SyntaxError as exc:
        _say(f"error: {exc.filename}:{exc.lineno}: {exc.msg}")
        return 2
    own = sorted({n for n in plan.left_out for h in plan.hidden_imports
                  if h == n or h.startswith(n + ".")})
    if own:
        _say(f"note: the script itself imports {', '.join(own)}; left out as asked, so that "
             "import fails in the app if it runs")
    if importlib.util.find_spec("PyInstaller") is None:
        _say(f"PyInstaller is not installed; to build apps: {INSTALL_HINT}")
        return 2
    plan.not_installed = _say_missing(plan)
    _say_unbundled(plan)
    problem = _not_ours_to_replace(plan)
    if problem is not None:
        _say(f"error: {problem}")
        return 2
    for folder in (plan.work, plan.dist):
        problem = _cannot_write(folder)
        if problem is not None:
            _say(f"error: {problem}")
            return 2
    try:
        spec = write_spec(plan)
    except OSError as exc:
        _say(f"error: cannot write to {exc.filename or plan.work}: {exc.strerror}")
        return 1
    started = time.monotonic()
    code = run_pyinstaller(spec, plan)
    if code != 0:
        return code
    if sys.platform.startswith("linux"):
        write_desktop_entry(plan)
    size = folder_size(plan.app_path)
    kind = "one file" if plan.onefile else "app folder"
    _say(f"built {plan.app_path} ({kind}, {size / 1e6:.1f} MB) "
         f"in {time.monotonic() - started:.0f} s")
    if sys.platform.startswith("linux"):
        _say(f"desktop entry: {plan.dist / (plan.name + '.desktop')}")
    for line in advice(read_report(plan.work / plan.name / plan.name),
                       shlex.join(["desklaunch", "build", *argv]), plan.left_out,
                       onefile=plan.onefile):
        _say(line)
    if plan.installer is not None:
        return _make_installer(plan, plan.installer)
    return 0


def _cannot_write(folder: Path) -> str | None:
    """Why the build cannot write into `folder` (made if missing), in one line; None if it
    can. Checked before PyInstaller, whose own failure there is a traceback."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        return f"cannot write to {exc.filename or folder}: {exc.strerror or exc}"
    return None


def _say_missing(plan: Plan) -> list[str]:
    """Warn of the modules the script imports that this Python lacks: by name those it
    imports as it starts, and in one line how many of those it can do without (imported in
    a function, a `try` that catches ImportError, or for another platform); all of them."""
    lacking = [name for name in missing_imports([*plan.hidden_imports, *plan.needed_at_start],
                                                plan.script.parent)
               if name not in SERVED_BY_DESKLAUNCH]
    needed = {name.split(".")[0] for name in plan.needed_at_start}
    missing = [name for name in lacking if name in needed]
    if missing:
        them = "it" if len(missing) == 1 else "them"
        _say(f"warning: the app needs {', '.join(missing)}, which this Python cannot "
             f"import, so the app will not have {them}: install {them} here, or build with "
             "the Python that runs the script")
    optional = [name for name in lacking if name not in needed]
    if optional:
        shown = ", ".join(optional[:OPTIONAL_SHOWN]) + (
            f" and {len(optional) - OPTIONAL_SHOWN} more" if len(optional) > OPTIONAL_SHOWN
            else "")
        _say(f"note: {len(optional)} optional import(s) this Python cannot import are left "
             f"out (inside a function, a try or a platform's branch): {shown}")
    return lacking


def _say_unbundled(plan: Plan) -> None:
    """Warn of the files beside the script that it names and the app would not have: no
    `--add-data` brings them (with -m, the package travels whole, files and all)."""
    from desklaunch.packaging.scriptfiles import add_data_option, files_named

    if plan.module is not None:
        return
    folder = plan.script.parent.resolve()
    added = [Path(source).resolve() for source, _ in plan.datas]
    ours = {plan.dist.resolve(), plan.work.resolve(),
            *([plan.icon.resolve()] if plan.icon else [])}
    names: list[str] = []
    options: list[str] = []
    for name in files_named(plan.script):
        path = (folder / name).resolve()
        if path in ours or any(path == given or given in path.parents for given in added):
            continue
        names.append(name + ("/" if path.is_dir() else ""))
        options.append(add_data_option(name, path.is_dir()))
    if names:
        listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
        _say(f"warning: the script names {listed}, beside it, which the app will not have; "
             f"if it reads {'it' if len(names) == 1 else 'them'}, build with "
             f"{' '.join(options)}")


def _make_installer(plan: Plan, kind: str) -> int:
    """The installer of the app just built; the exit code."""
    from desklaunch.packaging import installers

    size = folder_size(plan.app_path) if plan.app_path.is_dir() else 0
    _say(f"making the {kind} installer" + (f" (compressing {size / 1e6:.0f} MB: a minute or "
                                           "so)" if size > 100e6 else "") + "…")
    try:
        made = installers.make(plan, app_icon_png(plan))
    except UsageError as exc:
        _say(f"error: {exc}")
        return exc.exit_code
    except subprocess.CalledProcessError as exc:
        _say(f"error: {installers.run_failure(kind, exc)}")
        return 1
    _say(f"installer: {made} ({made.stat().st_size / 1e6:.1f} MB); "
         f"{installers.next_step(kind, made, plan)}")
    note = installers.note(kind, plan)
    if note is not None:
        _say(f"note: {note}")
    return 0


def _not_ours_to_replace(plan: Plan) -> str | None:
    """Why the app's place holds something PyInstaller must not delete, or None: it removes
    what is there first (`--noconfirm`), and `--dist ~ --name Documents` would be a folder
    of the person's. An earlier build's app is replaced."""
    place = plan.app_path
    if (not place.exists() and not place.is_symlink()) or _is_built_app(place):
        return None
    return (f"{place} exists and is not an app an earlier build made, and building would "
            "delete it; choose another --dist or --name")


def _is_built_app(place: Path) -> bool:
    """An app folder PyInstaller made (its `_internal`, or a macOS bundle), or an
    executable (a one-file app)."""
    if place.is_symlink():
        return False
    if place.is_dir():
        return (place / "_internal").is_dir() or (place / "Contents" / "MacOS").is_dir()
    try:
        with open(place, "rb") as file:
            return file.read(4) in (b"\x7fELF", b"MZ\x90\x00")
    except OSError:
        return False


def run_pyinstaller(spec: Path, plan: Plan) -> int:
    """Run PyInstaller on `spec`, one progress line per stage; the full log stays on disk."""
    log_path = spec.with_name("pyinstaller.log")
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "INFO",
               "--distpath", str(plan.dist), "--workpath", str(plan.work / plan.name),
               str(spec)]
    _say(f"building {plan.name} from {plan.script.name} with PyInstaller "
         f"({'one file' if plan.onefile else 'app folder'}); this takes a while")
    started = time.monotonic()
    stage = -1
    tail: list[str] = []
    with open(log_path, "w", encoding="utf-8") as log, \
            pyinstaller_environment(plan.work / plan.name / "cache") as env, subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        encoding="utf-8", errors="replace", cwd=plan.work / plan.name, env=env,
    ) as proc:
        assert proc.stdout is not None
        said = started
        for line in proc.stdout:
            log.write(line)
            tail = [*tail[-19:], line.rstrip()]
            now = time.monotonic()
            for index, (marker, text) in enumerate(STAGES):
                if index > stage and marker in line:
                    stage, said = index, now
                    _say(f"  {now - started:5.0f} s  {text}")
                    break
            else:
                hook = HOOK_LINE.search(line)
                if hook is not None and now - said >= HEARTBEAT:
                    said = now
                    _say(f"  {now - started:5.0f} s    ... {hook.group(1)}")
        code = proc.wait()
    if code != 0:
        print("\n".join(tail), file=sys.stderr)
        _say(f"error: PyInstaller failed (exit code {code}); full log: {log_path}")
        return 1
    return 0


def folder_size(path: Path) -> int:
    """Bytes in a file, or in every file under a folder."""
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def _say(message: str) -> None:
    print(f"desklaunch: {message}", file=sys.stderr, flush=True)
