"""Which scripts run in console mode (desklaunch/console/detect.py)."""

from __future__ import annotations

import ast

import pytest

from desklaunch.console.detect import terminal_notice, wants_console


@pytest.mark.parametrize("source", [
    "print('hi')",
    "import argparse\nimport sys\n",
    "def main():\n    import desklaunchers\n",
    "from . import desklaunch\n",  # a relative import of a sibling module, not the package
])
def test_a_plain_script_runs_in_console_mode(source):
    assert wants_console(source)


@pytest.mark.parametrize("source", [
    "from desklaunch.ui import input",
    "import desklaunch.ui as ui",
    "import desklaunch",
    "from pywebio.input import input",
    "def main():\n    from desklaunch import ui\n",
    "if True:\n    import pywebio\n",
])
def test_a_script_that_imports_desklaunch_or_pywebio_does_not(source):
    assert not wants_console(source)


def test_console_is_forced_by_the_option_and_a_broken_script_is_left_to_the_core():
    assert wants_console("from desklaunch.ui import input", forced=True)
    assert not wants_console("def (:")


@pytest.mark.parametrize(("source", "names"), [
    ("import curses", "curses"),
    ("import questionary, inquirer, pick\nfrom InquirerPy import inquirer", ""),  # asked in
    # the console (questionhook.py, ...)
    ("from prompt_toolkit import prompt", ""),  # a full-screen app is told when it runs
    ("import argparse\nimport rich.progress", ""),
    ("try:\n    import msvcrt\nexcept ImportError:\n    import termios", "msvcrt, termios"),
    ("def pager():\n    import tty\n", ""),  # pydoc's: a function that may never run
    ("if True:\n    class Keys:\n        import readchar\n", ""),
])
def test_a_script_that_needs_a_real_terminal_is_told_so_before_it_runs(source, names):
    notice = terminal_notice(ast.parse(source))
    if names:
        assert notice.startswith(f"desklaunch: this script uses {names}, which needs a real")
    else:
        assert notice == ""


def _files(folder, files: dict[str, str]):
    for name, source in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
    return folder


@pytest.mark.parametrize("files", [
    {"gui.py": "from desklaunch.ui import input\n", "main.py": "import gui\ngui.run()\n"},
    {"app/__init__.py": "", "app/screens.py": "from pywebio.output import put_text\n",
     "main.py": "from app import screens\n"},
    {"app/__init__.py": "", "app/screens.py": "import desklaunch.ui\n",
     "main.py": "from app.screens import first\n"},
    {"a.py": "import b\n", "b.py": "import a\nimport c\n", "c.py": "import desklaunch\n",
     "main.py": "import a\n"},  # through a cycle, two modules deep
], ids=["beside-it", "in-a-package", "from-a-module", "deeper"])
def test_a_script_whose_own_modules_use_the_window_is_not_a_console_program(tmp_path, files):
    folder = _files(tmp_path, files)
    source = (folder / "main.py").read_text()
    assert wants_console(source)  # its own imports alone say nothing
    assert not wants_console(source, path=folder / "main.py")


def test_a_package_run_as_a_module_follows_its_relative_imports(tmp_path):
    folder = _files(tmp_path, {"tool/__init__.py": "",
                               "tool/__main__.py": "from .gui import run\n",
                               "tool/gui.py": "from ..shared import look\n",
                               "shared/__init__.py": "", "shared/look.py": "import pywebio\n"})
    main = folder / "tool" / "__main__.py"
    assert wants_console(main.read_text(), path=main, package="tool")
    (folder / "tool" / "gui.py").write_text("from . import pages\n")
    (folder / "tool" / "pages.py").write_text("import desklaunch.ui\n")
    assert not wants_console(main.read_text(), path=main, package="tool")


def test_modules_elsewhere_are_not_read(tmp_path):
    """A local file named like a standard module, or one that no longer parses, decides
    nothing; neither does a module the script never imports."""
    folder = _files(tmp_path, {"json.py": "import desklaunch\n", "broken.py": "def (:\n",
                               "unused.py": "import desklaunch\n",
                               "main.py": "import json\nimport broken\nimport os.path\n"})
    assert wants_console((folder / "main.py").read_text(), path=folder / "main.py")


def test_a_module_found_among_installed_ones_reads_only_its_own_package(tmp_path):
    """A tool in site-packages imports its neighbours (its dependencies), which are not
    its own code: one offering an optional PyWebIO view does not make it a window app."""
    site = _files(tmp_path / "site-packages", {
        "tool/__init__.py": "", "tool/__main__.py": "import helperlib\nfrom . import cli\n",
        "tool/cli.py": "print(input('Name? '))\n",
        "helperlib/__init__.py": "import pywebio\n"})
    main = site / "tool" / "__main__.py"
    assert wants_console(main.read_text(), path=main, package="tool")
    (site / "tool" / "cli.py").write_text("from desklaunch.ui import input\n")
    assert not wants_console(main.read_text(), path=main, package="tool")


def test_an_import_inside_a_function_of_a_module_it_uses_decides_nothing(tmp_path):
    folder = _files(tmp_path, {
        "fancy.py": "def show_in_browser(x):\n    from pywebio.output import put_text\n",
        "main.py": "import fancy\nprint(input('Name? '))\n"})
    assert wants_console((folder / "main.py").read_text(), path=folder / "main.py")


def test_a_zipapp_whose_window_code_is_in_the_archive_is_not_a_console_program(tmp_path):
    import zipapp

    from desklaunch.console.detect import target_wants_console
    from desklaunch.core.target import resolve

    _files(tmp_path / "src", {"__main__.py": "from calc.gui import main\nmain()\n",
                              "calc/__init__.py": "",
                              "calc/gui.py": "from desklaunch.ui import put_text\n"})
    zipapp.create_archive(tmp_path / "src", tmp_path / "calc.pyz")
    assert not target_wants_console(resolve(str(tmp_path / "calc.pyz")))
    (tmp_path / "src" / "calc" / "gui.py").write_text("def main():\n    print('sum')\n")
    zipapp.create_archive(tmp_path / "src", tmp_path / "plain.pyz")
    assert target_wants_console(resolve(str(tmp_path / "plain.pyz")))


def test_the_statements_of_a_module_at_any_depth_and_no_expression() -> None:
    """Deciding a script's mode reads its statements only (a 200,000-line script's
    expressions took seconds to walk)."""
    import ast

    from desklaunch.console.detect import statements

    tree = ast.parse("import a\nclass K:\n    def f(self):\n        try:\n            import b\n"
                     "        except E:\n            import c\n        finally:\n"
                     "            import d\nmatch x:\n    case 1:\n        import e\n"
                     "x = [i for i in range(3)]\n")
    imported = [alias.name for node in statements(tree) if isinstance(node, ast.Import)
                for alias in node.names]
    assert imported == ["a", "b", "c", "d", "e"]
    assert not any(isinstance(node, (ast.expr, ast.comprehension)) for node in statements(tree))
