"""`desklaunch build`: its options, the script's imports it finds, the files it writes.

Real builds (PyInstaller running) are in tests/packaging/test_frozen.py.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

from desklaunch.errors import UsageError
from desklaunch.packaging import build, buildfiles
from desklaunch.packaging.build import Plan, parse_add_data, plan_from
from desklaunch.packaging.scriptimports import (
    missing_imports,
    script_imports,
    script_metadata,
    start_up_imports,
)

ICON = Path(build.__file__).resolve().parent / "templates" / "icons" / "icon-64.png"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- the script's imports ----------------------------------------------------------------

def test_imports_at_any_depth_and_in_any_branch_are_found(tmp_path: Path) -> None:
    script = write(tmp_path / "app.py", (
        "from __future__ import annotations\n"
        "import json, xml.dom as dom\n"
        "try:\n"
        "    import tomllib\n"
        "except ImportError:\n"
        "    tomllib = None\n"
        "def later():\n"
        "    import csv\n"
        "    from email import message_from_string\n"
        "from . import sibling\n"
    ))
    found = script_imports(script)
    assert {"json", "xml.dom", "tomllib", "csv", "email"} <= set(found)
    assert "__future__" not in found
    assert "email.message_from_string" not in found  # a function, not a module
    assert not any(name.startswith(".") or name == "sibling" for name in found)


def test_from_package_import_submodule_adds_the_submodule_found_on_disk(tmp_path: Path) -> None:
    write(tmp_path / "helpers" / "__init__.py", "")
    write(tmp_path / "helpers" / "maths.py", "")
    write(tmp_path / "helpers" / "run.py", "raise SystemExit('imported at build time!')\n")
    script = write(tmp_path / "app.py", "from helpers import maths, VERSION\nimport helpers.run\n")
    found = script_imports(script)
    assert {"helpers", "helpers.maths", "helpers.run"} <= set(found)
    assert "helpers.VERSION" not in found


def test_a_script_with_a_syntax_error_is_one_line_and_exit_code_2(tmp_path: Path,
                                                                 capsys) -> None:
    script = write(tmp_path / "broken.py", "def (:\n")
    assert build.main([str(script)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("desklaunch: error: ") and "broken.py:1" in err
    assert err.count("\n") == 1


# -- options -------------------------------------------------------------------------------

def test_defaults_are_onedir_windowed_named_after_the_script(tmp_path: Path) -> None:
    script = write(tmp_path / "unit_converter.py", "import json\n")
    plan = plan_from([str(script)])
    assert (plan.name, plan.onefile, plan.windowed, plan.icon) == ("unit_converter", False,
                                                                   True, None)
    assert "json" in plan.hidden_imports
    assert plan.dist == Path("dist").resolve()


def test_options_pass_through(tmp_path: Path) -> None:
    script = write(tmp_path / "app.py", "")
    data = write(tmp_path / "data" / "table.csv", "a,b\n")
    plan = plan_from([str(script), "--name", "My App", "--onefile", "--console",
                      "--icon", str(ICON), "--add-data", f"{data}:tables",
                      "--hidden-import", "decimal", "--dist", str(tmp_path / "out")])
    assert (plan.name, plan.title, plan.onefile, plan.windowed) == ("My App", "My App", True,
                                                                    False)
    assert plan.icon == ICON
    assert plan.datas == [(str(data.resolve()), "tables")]
    assert "decimal" in plan.hidden_imports
    assert plan.dist == tmp_path / "out"


@pytest.mark.parametrize(("argv", "message"), [
    (["missing.py"], "no such script: missing.py"),
    (["{script}:main"], r"build takes a whole script, not one function of it: give .*app\.py, "
                        r"which must call main\(\) itself when run"),
    (["/dev/null"], "/dev/null is not a script file"),
    (["{folder}"], "is a folder; give the script file inside it"),
    (["-m", "math"], "'math' has no Python source file to build"),
    (["{script}", "--name", "a/b"], "cannot be an app name"),
    (["{script}", "--name", ".."], "cannot be an app name"),
    (["{script}", "--name", "."], "cannot be an app name"),
    (["{script}", "--icon", "{script}"], "not a PNG image"),
    (["{script}", "--icon", "nowhere.png"], "cannot read the icon nowhere.png"),
    (["{script}", "--hidden-import", "not a module"], "is not a module name"),
    (["{script}", "--exclude", "numpy/"], "--exclude 'numpy/' is not a module name"),
    (["{script}", "--add-data", "nowhere.csv:."], "no such file or folder: nowhere.csv"),
    (["{script}", "--installer", "deb", "--maintainer", "nobody"],
     "--maintainer 'nobody' is not a name and an email address like 'Ada Lovelace "
     "<ada@example.org>'"),
    (["{script}", "--maintainer", "Ada <ada>"], "--maintainer 'Ada <ada>' is not a name"),
    (["{script}", "--hidden-import", "plugin_nowhere.sub"],
     "--hidden-import plugin_nowhere: this Python cannot import it, so the app could not "
     "have it; install it here first"),
    (["{script}", "--hidden-import", "json.nowhere"],
     "--hidden-import json.nowhere: its package has no such module here"),
])
def test_bad_options_are_usage_errors(tmp_path: Path, monkeypatch, argv, message) -> None:
    monkeypatch.chdir(tmp_path)
    script = write(tmp_path / "app.py", "")
    (tmp_path / "tools").mkdir()
    with pytest.raises(UsageError, match=message):
        plan_from([a.format(script=script, folder=tmp_path / "tools") for a in argv])


def test_an_icon_that_is_not_square_is_refused(tmp_path: Path) -> None:
    script = write(tmp_path / "app.py", "")
    wide = tmp_path / "wide.png"
    data = bytearray(ICON.read_bytes())
    data[16:24] = (64).to_bytes(4, "big") + (32).to_bytes(4, "big")  # its header's size
    wide.write_bytes(bytes(data))
    with pytest.raises(UsageError, match="an icon must be square, not 64x32"):
        plan_from([str(script), "--icon", str(wide)])


def test_a_bad_option_is_one_line_and_exit_code_2(tmp_path: Path, capsys) -> None:
    assert build.main([str(tmp_path / "missing.py")]) == 2
    assert capsys.readouterr().err == f"desklaunch: error: no such script: {tmp_path}/missing.py\n"


@pytest.mark.parametrize(("spec", "dest"), [("{data}", "."), ("{data}:assets", "assets"),
                                            ("{data}:assets/csv", "assets/csv")])
def test_add_data_destination_defaults_to_beside_the_script(tmp_path: Path, spec, dest) -> None:
    data = write(tmp_path / "with space ü.csv", "")
    assert parse_add_data(spec.format(data=data)) == (str(data), dest)


@pytest.mark.parametrize("dest", ["/etc", "../outside"])
def test_add_data_cannot_point_outside_the_app(tmp_path: Path, dest: str) -> None:
    data = write(tmp_path / "a.csv", "")
    with pytest.raises(UsageError, match="must be a folder inside the app"):
        parse_add_data(f"{data}:{dest}")


def test_a_place_holding_something_else_is_never_built_over(tmp_path: Path, capsys) -> None:
    """PyInstaller deletes the app's place before writing it: `--dist ~ --name Documents`
    would take the person's folder. An earlier build's app is replaced as before."""
    script = write(tmp_path / "app.py", "")
    mine = write(tmp_path / "home" / "Documents" / "thesis.txt", "years of work")
    assert build.main([str(script), "--dist", str(tmp_path / "home"), "--name",
                       "Documents", "--work", str(tmp_path / "work")]) == 2
    assert capsys.readouterr().err.endswith(
        "is not an app an earlier build made, and building would delete it; choose another "
        "--dist or --name\n")
    assert mine.read_text() == "years of work"
    (tmp_path / "home" / "Documents" / "_internal").mkdir()  # an earlier build's
    assert build._not_ours_to_replace(plan_from(
        [str(script), "--dist", str(tmp_path / "home"), "--name", "Documents"])) is None


def test_without_pyinstaller_it_says_how_to_install_it(tmp_path: Path, monkeypatch,
                                                       capsys) -> None:
    monkeypatch.setitem(sys.modules, "PyInstaller", None)  # as if it were not installed
    script = write(tmp_path / "app.py", "")
    assert build.main([str(script)]) == 2
    assert capsys.readouterr().err == (
        'desklaunch: PyInstaller is not installed; to build apps: '
        'pip install "desklaunch[build]"\n')


# -- what it writes ------------------------------------------------------------------------

def _plan(tmp_path: Path, **changes) -> Plan:
    script = write(tmp_path / "my scripts" / "hello app.py", "import json\n")
    return Plan(**{"script": script, "name": "Hello App", "dist": tmp_path / "dist ü",
                   "work": tmp_path / "work", "hidden_imports": ["json"], **changes})


@pytest.mark.parametrize("onefile", [False, True])
def test_the_spec_is_python_that_names_the_script_imports_and_data(tmp_path: Path,
                                                                   onefile: bool) -> None:
    plan = _plan(tmp_path, onefile=onefile, datas=[("/x/table.csv", "tables")])
    spec = buildfiles.write_spec(plan)
    values = {node.targets[0].id: ast.literal_eval(node.value)
              for node in ast.parse(spec.read_text(encoding="utf-8")).body
              if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)
              and node.targets[0].id.isupper()}
    assert values["NAME"] == "Hello App"
    assert values["ONEFILE"] is onefile and values["CONSOLE"] is False
    assert (str(plan.script), ".") in values["DATAS"]
    assert ("/x/table.csv", "tables") in values["DATAS"]
    assert {"json", "desklaunch", "desklaunch.startup"} <= set(values["HIDDEN_IMPORTS"])
    entry = Path(values["ENTRY"]).read_text(encoding="utf-8")
    # Linux's executables have no icon: the window is given the app's, from the bundle.
    assert "run_bundled('hello app.py', title=None, gui=None, " \
        "icon='desklaunch-window-icon.png')" in entry
    icon = Path(values["ENTRY"]).with_name("desklaunch-window-icon.png")
    assert (str(icon), ".") in values["DATAS"]
    assert icon.read_bytes().startswith(b"\x89PNG")


def test_linux_desktop_entry_points_at_the_app_and_its_icon(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    plan.dist.mkdir(parents=True)
    entry = buildfiles.write_desktop_entry(plan).read_text(encoding="utf-8")
    assert f'Exec="{plan.dist}/Hello App/Hello App"' in entry
    assert f"Icon={plan.dist}/Hello App.png" in entry
    assert "Name=Hello App" in entry and "Terminal=false" in entry
    assert (plan.dist / "Hello App.png").read_bytes().startswith(b"\x89PNG")


def test_desktop_exec_quotes_reserved_characters() -> None:
    assert buildfiles._desktop_quote('/a b/$x "q" 100%') == '"/a b/\\$x \\"q\\" 100%%"'


def test_unused_qt_parts_are_left_out_unless_the_script_imports_them(tmp_path: Path) -> None:
    def excludes(plan: Plan) -> list[str]:
        spec = buildfiles.write_spec(plan).read_text(encoding="utf-8")
        line = next(line for line in spec.splitlines() if line.startswith("EXCLUDES = "))
        return ast.literal_eval(line.removeprefix("EXCLUDES = "))

    plain = excludes(_plan(tmp_path))
    assert {"PyQt6.QtQuick", "PyQt6.QtQml", "desklaunch.packaging", "PyInstaller"} <= set(plain)
    assert not any("WebEngine" in name or name == "PyQt6.QtWidgets" for name in plain)
    with_qml = excludes(_plan(tmp_path, hidden_imports=["PyQt6.QtQml", "PyQt6.QtQuick.x"]))
    assert "PyQt6.QtQml" not in with_qml and "PyQt6.QtQuick" not in with_qml
    assert "PyQt6.QtQuick3D" in with_qml


def _excludes(plan: Plan) -> set[str]:
    spec = buildfiles.write_spec(plan).read_text(encoding="utf-8")
    line = next(line for line in spec.splitlines() if line.startswith("EXCLUDES = "))
    return set(ast.literal_eval(line.removeprefix("EXCLUDES = ")))


def test_a_gtk_build_leaves_qt_out_and_a_qt_build_leaves_gtk_out(tmp_path: Path) -> None:
    gtk = _excludes(_plan(tmp_path, gui="gtk"))
    assert {"PyQt6", "PySide6", "qtpy", "webview.platforms.qt"} <= gtk
    assert not gtk & {"gi", "webview.platforms.gtk"}
    qt = _excludes(_plan(tmp_path, gui="qt"))
    assert {"gi", "webview.platforms.gtk", "PyQt6.QtQml"} <= qt
    assert "desklaunch.testing" in gtk and "desklaunch.testing" in qt  # pytest, Playwright
    assert "PyQt6" not in qt
    entry = (tmp_path / "work" / "Hello App" / "desklaunch_entry.py").read_text()
    assert "gui='qt'" in entry  # the app runs the one backend it bundles


def test_a_pywebio_script_builds_on_desklaunchs_own_pywebio(tmp_path: Path, capsys) -> None:
    """The app answers `import pywebio` with desklaunch's modules, as the command does: a
    PyWebIO installed here is never bundled (it would run its own server, on every
    address), and one not installed is not said to be missing."""
    script = write(tmp_path / "bmi.py", "from pywebio.input import input\n"
                                        "from pywebio.output import put_text\n"
                                        "put_text(input('Height'))\n")
    plan = plan_from([str(script), "--work", str(tmp_path / "work"),
                      "--dist", str(tmp_path / "dist")])
    assert plan.needed_at_start == ["pywebio.input", "pywebio.output"]
    assert {"pywebio", "tornado"} <= _excludes(plan)  # tornado: Bottle's adapters name it
    tornado_app = write(tmp_path / "server.py", "import tornado.web\n")
    assert "tornado" not in _excludes(plan_from([str(tornado_app), "--work",
                                                 str(tmp_path / "work2")]))
    build._say_missing(plan)
    assert "pywebio" not in capsys.readouterr().err


def test_gui_and_lang_options_reach_the_plan(tmp_path: Path) -> None:
    script = write(tmp_path / "app.py", "print('hi')\n")
    plan = build.plan_from([str(script), "--gui", "gtk", "--lang", "de", "--lang", "pt-BR"])
    assert plan.gui == "gtk" and plan.languages == ["de", "pt_BR"]
    with pytest.raises(UsageError, match="not a language code"):
        build.plan_from([str(script), "--lang", "../x"])


def test_system_gtk_goes_with_gtk_only(tmp_path: Path) -> None:
    script = write(tmp_path / "app.py", "print('hi')\n")
    with pytest.raises(UsageError, match="--system-gtk goes with --gui gtk"):
        build.plan_from([str(script), "--gui", "qt", "--system-gtk"])
    with pytest.raises(UsageError, match="leave out --onefile"):
        build.plan_from([str(script), "--installer", "deb", "--onefile"])
    plan = build.plan_from([str(script), "--gui", "gtk", "--system-gtk", "--installer", "deb",
                            "--app-version", "2.1.0"])
    assert plan.system_gtk and plan.installer == "deb" and plan.version == "2.1.0"


def test_tkinter_is_left_out_unless_the_script_imports_it(tmp_path: Path) -> None:
    assert "tkinter" in _excludes(_plan(tmp_path))  # matplotlib names it, never needs it
    assert "tkinter" not in _excludes(_plan(tmp_path, hidden_imports=["tkinter.filedialog"]))


def test_exclude_leaves_a_package_out_and_the_app_knows_it_did(tmp_path: Path) -> None:
    """`--exclude` reaches PyInstaller's excludes, and the app's entry, so that its note for
    the module, should the app import it after all, names the option, not --hidden-import."""
    script = write(tmp_path / "tq.py", "from tqdm import tqdm\n")
    plan = plan_from([str(script), "--exclude", "matplotlib", "--exclude", "numpy",
                      "--work", str(tmp_path / "work")])
    assert plan.left_out == ["matplotlib", "numpy"]
    assert {"matplotlib", "numpy"} <= _excludes(plan)
    entry = (plan.work / plan.name / "desklaunch_entry.py").read_text(encoding="utf-8")
    assert "left_out=['matplotlib', 'numpy']" in entry


def test_excluding_what_the_script_imports_itself_is_said(tmp_path: Path, monkeypatch,
                                                          capsys) -> None:
    """A note, not an error: the import may sit in a `try` that does without it."""
    monkeypatch.setitem(sys.modules, "PyInstaller", None)  # the build stops after the note
    script = write(tmp_path / "app.py", "try:\n    import numpy.linalg\nexcept ImportError:"
                   "\n    numpy = None\n")
    assert build.main([str(script), "--exclude", "numpy"]) == 2
    assert ("desklaunch: note: the script itself imports numpy; left out as asked, so that "
            "import fails in the app if it runs\n") in capsys.readouterr().err


def test_the_build_finds_what_the_script_imports_and_this_python_lacks(tmp_path: Path) -> None:
    write(tmp_path / "helpers.py", "X = 1\n")
    script = write(tmp_path / "app.py", "import json, helpers\nimport yaml_nowhere.loader\n"
                   "try:\n    import winreg\nexcept ImportError:\n    pass\n"
                   "from desklaunch.ui import put_text\n")
    assert missing_imports(script_imports(script), script.parent) == ["yaml_nowhere"]


def test_imports_the_script_can_do_without_are_told_apart_from_those_it_needs(
        tmp_path: Path, capsys) -> None:
    """An import in a function, a `try` that catches ImportError or a platform's branch
    is optional: a missing one is counted in a note, not named in the warning (`build -m
    pip` named 40 modules, Python 2's among them)."""
    script = write(tmp_path / "app.py", (
        "import json, yaml_nowhere\n"
        "import sys\n"
        "try:\n    import ujson_nowhere as fast\nexcept ImportError:\n    fast = None\n"
        "try:\n    import toml_nowhere\nexcept ValueError:\n    pass\n"
        "if sys.platform == 'win32':\n    import winthing_nowhere\n"
        "else:\n    import posixthing_nowhere\n"
        "def plot():\n    import plots_nowhere\n"
    ))
    assert start_up_imports(script) == {"json", "yaml_nowhere", "sys", "toml_nowhere"}
    plan = plan_from([str(script), "--work", str(tmp_path / "work")])
    plan.not_installed = build._say_missing(plan)
    assert capsys.readouterr().err.splitlines() == [
        "desklaunch: warning: the app needs toml_nowhere, yaml_nowhere, which this Python "
        "cannot import, so the app will not have them: install them here, or build with the "
        "Python that runs the script",
        "desklaunch: note: 4 optional import(s) this Python cannot import are left out "
        "(inside a function, a try or a platform's branch): plots_nowhere, "
        "posixthing_nowhere, ujson_nowhere, winthing_nowhere"]
    # The app knows them, to say "install it where you build" should one be imported
    buildfiles.write_spec(plan)
    entry = (plan.work / plan.name / "desklaunch_entry.py").read_text(encoding="utf-8")
    assert ("not_installed=['plots_nowhere', 'posixthing_nowhere', 'toml_nowhere', "
            "'ujson_nowhere', 'winthing_nowhere', 'yaml_nowhere']") in entry


def test_files_the_script_names_beside_itself_are_warned_of_until_added(tmp_path: Path,
                                                                        capsys) -> None:
    """The app has none of them unless built with --add-data; the warning gives the option
    that puts each where the script looks (as the app's own note would, once it failed)."""
    (tmp_path / "data").mkdir()
    (tmp_path / "images").mkdir()
    for name in ("data.csv", "data/rates.csv", "images/logo.png", "helpers.py", "notes.txt"):
        write(tmp_path / name, "x\n")
    script = write(tmp_path / "reads.py", (
        "from pathlib import Path\n"
        "here = Path(__file__).parent\n"
        "rows = (here / 'data.csv').read_text()\n"
        "rates = (here / 'data/rates.csv').read_text()\n"
        "logo = here / 'images' / 'logo.png'\n"
        "import helpers\n"
        "print('notes.txt says hello', 'absent.csv')\n"))

    def warned(*options: str) -> list[str]:
        build._say_unbundled(plan_from([str(script), *options]))
        return capsys.readouterr().err.splitlines()

    assert warned() == [
        "desklaunch: warning: the script names data.csv, data/rates.csv and images/, beside "
        "it, which the app will not have; if it reads them, build with --add-data data.csv "
        "--add-data data/rates.csv:data --add-data images:images"]
    assert warned("--add-data", str(tmp_path / "data.csv"), "--add-data",
                  f"{tmp_path / 'images'}:images") == [
        "desklaunch: warning: the script names data/rates.csv, beside it, which the app will "
        "not have; if it reads it, build with --add-data data/rates.csv:data"]
    assert warned("--add-data", str(tmp_path / "data.csv"), "--add-data",
                  f"{tmp_path / 'images'}:images", "--add-data", f"{tmp_path / 'data'}:data") \
        == []


def test_the_app_carries_the_package_records_the_script_reads_by_name(tmp_path: Path) -> None:
    script = write(tmp_path / "about.py", "from importlib.metadata import version\n"
                   "import importlib.metadata as md, pkg_resources\n"
                   "print(version('rich'), md.metadata('Pillow'))\n"
                   "print(pkg_resources.get_distribution('click').version, version(NAME))\n"
                   "print('3.1'.split('.'), max(version('not a name'), '1'))\n")
    assert script_metadata(script) == ["Pillow", "click", "desklaunch", "rich"]
    plan = build.plan_from([str(script), "--work", str(tmp_path / "work"),
                            "--dist", str(tmp_path / "dist")])
    spec = buildfiles.write_spec(plan).read_text(encoding="utf-8")
    assert "METADATA = ['Pillow', 'click', 'desklaunch', 'rich']" in spec


def test_build_dash_m_bundles_the_package_whole_and_reads_all_its_imports(
        tmp_path: Path, monkeypatch) -> None:
    """A program laid out as a package: its files travel as they are, so its `__main__`
    runs as `desklaunch -m` runs it, relative imports and all; what its modules import from
    elsewhere is found in every one of them."""
    write(tmp_path / "shop" / "__init__.py", "")
    write(tmp_path / "shop" / "__main__.py", "from .screens import run\nrun()\n")
    write(tmp_path / "shop" / "screens.py",
          "import shop.prices\nfrom desklaunch.ui import put_text\nimport csv\n"
          "from importlib.metadata import version\nVERSION = version('rich')\n")
    write(tmp_path / "shop" / "prices.py", "import decimal\n")
    monkeypatch.chdir(tmp_path)
    plan = plan_from(["-m", "shop", "--work", str(tmp_path / "work")])
    assert (plan.name, plan.module, plan.script) == ("shop", "shop",
                                                     tmp_path / "shop" / "__main__.py")
    assert {"desklaunch.ui", "csv", "decimal"} <= set(plan.hidden_imports)
    assert not [name for name in plan.hidden_imports if name.startswith("shop")]
    assert "rich" in plan.metadata
    spec = buildfiles.write_spec(plan)
    values = {node.targets[0].id: ast.literal_eval(node.value)
              for node in ast.parse(spec.read_text(encoding="utf-8")).body
              if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)
              and node.targets[0].id.isupper()}
    assert (str(tmp_path / "shop"), "shop") in values["DATAS"]
    assert values["PATHEX"] == [str(tmp_path), str(buildfiles.own_source_folder())]
    entry = Path(values["ENTRY"]).read_text(encoding="utf-8")
    assert "run_bundled('shop', title=None, gui=" in entry and "module=True" in entry


def test_build_dash_m_needs_at_start_what_the_modules_it_starts_with_import(
        tmp_path: Path, monkeypatch) -> None:
    """Followed from `__main__` through the package's own imports, relative ones included
    (and `from . import module`); a module nobody imports at start, such as an optional
    integration, adds nothing (`build -m pip` named its vendored pyOpenSSL support's
    imports before)."""
    write(tmp_path / "shop" / "__init__.py", "import json_nowhere\n")
    write(tmp_path / "shop" / "__main__.py", "from . import screens\nfrom .tax import rate\n")
    write(tmp_path / "shop" / "screens.py", "from .parts import table\nimport csv_nowhere\n")
    write(tmp_path / "shop" / "parts" / "__init__.py", "import parts_nowhere\n")
    write(tmp_path / "shop" / "parts" / "table.py", "from .. import tax\nimport table_nowhere\n")
    write(tmp_path / "shop" / "tax.py", "import decimal\ndef rate():\n    import tax_nowhere\n")
    write(tmp_path / "shop" / "slack.py", "import slack_nowhere\n")
    monkeypatch.chdir(tmp_path)
    plan = plan_from(["-m", "shop", "--work", str(tmp_path / "work")])
    assert set(plan.needed_at_start) == {"json_nowhere", "csv_nowhere", "parts_nowhere",
                                         "table_nowhere", "decimal"}
    assert {"slack_nowhere", "tax_nowhere"} <= set(plan.hidden_imports)  # still bundled


def test_build_dash_m_of_a_module_that_cannot_run_is_a_usage_error(tmp_path: Path,
                                                                   monkeypatch) -> None:
    write(tmp_path / "shop" / "__init__.py", "")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UsageError, match=r"'shop' is a package without a __main__\.py to run"):
        plan_from(["-m", "shop"])
    with pytest.raises(UsageError, match="no Python module named 'shops' here"):
        plan_from(["-m", "shops"])


def test_build_dash_m_carries_the_records_of_the_distribution_that_holds_the_package(
        tmp_path: Path, monkeypatch) -> None:
    """`__version__ = version(__name__)` in an installed package's `__init__.py`: the name
    is not written out, so only knowing which distribution holds the package brings its
    records along. Here: pytest's own `_pytest` package, held by pytest."""
    import _pytest

    monkeypatch.chdir(tmp_path)
    plan = plan_from(["-m", "_pytest.timing", "--copy-metadata", "pluggy"])
    assert {"pytest", "pluggy"} <= set(plan.metadata)
    assert plan.module_source == Path(_pytest.__file__).parent
    assert plan.name == "timing"  # the module's own name, not its top package's


@pytest.mark.parametrize(("argv", "message"), [
    (["--copy-metadata", "no-such-distribution-here", "app.py"],
     "--copy-metadata 'no-such-distribution-here': no such distribution is installed here"),
    (["tool"], "tool is a folder; build its program with -m tool from the folder above it"),
    (["tool.pyz"], "tool.pyz is a zip archive (a zipapp); build the folder it was made "
                   "from instead, with -m"),
])
def test_what_build_cannot_take_is_one_line_saying_what_to_do(tmp_path: Path, monkeypatch,
                                                              argv, message) -> None:
    import zipapp

    write(tmp_path / "app.py", "print(1)\n")
    write(tmp_path / "tool" / "__main__.py", "print(1)\n")
    zipapp.create_archive(tmp_path / "tool", tmp_path / "tool.pyz")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UsageError, match=re.escape(message)):
        plan_from(argv)


@pytest.mark.parametrize("option", ["--dist", "--work"])
def test_a_folder_the_build_cannot_write_to_is_one_line_and_exit_code_2(
        tmp_path: Path, capsys, option: str) -> None:
    script = write(tmp_path / "app.py", "print('hi')\n")
    blocker = write(tmp_path / "words.txt", "a file, not a folder\n")
    assert build.main([str(script), option, str(blocker / "dist")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"desklaunch: error: cannot write to {blocker}") and \
        err.count("\n") == 1, err
