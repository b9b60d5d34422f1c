"""resolve(): what `desklaunch SCRIPT[:FUNCTION]` will run, checked before anything starts."""

from __future__ import annotations

import asyncio
import concurrent.futures
import re
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from desklaunch.core.target import ScriptSyntaxError, resolve, resolve_module
from desklaunch.errors import UsageError


@pytest.fixture
def script(tmp_path: Path):
    """Write a script file (dedented) and return its path as text."""

    def write(source: str, name: str = "app.py") -> str:
        path = tmp_path / name
        path.write_text(textwrap.dedent(source), encoding="utf-8")
        return str(path)

    return write


MAIN_BLOCK_FAILS = """
    if __name__ == "__main__":
        raise SystemExit("the __main__ block ran")
"""


def run_on_own_loop(coroutine: Any) -> Any:
    """Run a coroutine on a fresh loop in its own thread (a browser test may own this one's)."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result(timeout=10)


def refusal(spec: str) -> str:
    with pytest.raises(UsageError) as refused:
        resolve(spec)
    assert refused.value.exit_code == 2
    assert "\n" not in str(refused.value).strip() or isinstance(refused.value, ScriptSyntaxError)
    return str(refused.value)


def test_a_missing_file_is_named_in_the_error(tmp_path):
    assert refusal(str(tmp_path / "nope.py")) == f"no such file: {tmp_path / 'nope.py'}"


def test_a_folder_is_refused_with_a_hint(tmp_path):
    assert "is a folder" in refusal(str(tmp_path))


def test_a_function_the_script_does_not_define_is_refused(script):
    message = refusal(script("def main():\n    pass\n") + ":start")
    assert message == "app.py defines no function named 'start'"


@pytest.mark.parametrize("source", [
    "class main:\n    pass\n",
    "main = 3\n",
    "main = ['a', 'b']\n",
], ids=["class", "number", "list"])
def test_a_name_that_is_not_a_function_is_refused(script, source):
    assert refusal(script(source) + ":main") == "'main' in app.py is not a function"


def test_a_colon_without_a_name_is_refused(script):
    assert "missing function name" in refusal(script("x = 1\n") + ":")


def test_a_syntax_error_reads_like_pythons_own_with_the_caret_line(script):
    path = script("x = 1\ndef f(:\n    pass\n", name="bad.py")
    message = refusal(path)
    lines = message.splitlines()
    assert lines[0] == f'  File "{path}", line 2'
    assert lines[1] == "    def f(:"
    assert re.fullmatch(r" +\^+", lines[2])
    assert lines[-1].startswith("SyntaxError: ")


def test_a_file_with_null_bytes_is_refused_as_not_python(tmp_path):
    path = tmp_path / "data.py"
    path.write_bytes(b"x = 1\x00\n")
    assert refusal(str(path)).endswith("data.py is not a Python script (it holds binary data)")


def test_a_damaged_zipapp_is_named_as_one(tmp_path):
    import zipfile

    archive = tmp_path / "tool.pyz"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("__main__.py", "print('hi')\n" * 200)
    archive.write_bytes(archive.read_bytes()[:-40])  # cut short: no central directory
    assert refusal(str(archive)).endswith("a damaged zip archive?)")


def test_a_plain_script_runs_top_to_bottom_as_main(script, monkeypatch):
    monkeypatch.setitem(sys.modules, "__main__", sys.modules["__main__"])
    target = resolve(script("""
        name = __name__
        if __name__ == "__main__":
            main_block = True
    """))
    assert target.kind == "thread" and target.function is None
    module = target.runner(as_main=True)()
    assert module.name == "__main__"
    assert module.main_block is True
    assert sys.modules["__main__"] is module, "pickle and friends find the script's classes"


def test_script_colon_main_calls_main_without_the_main_block(script):
    target = resolve(script("def main():\n    return 'main was called'\n" + MAIN_BLOCK_FAILS)
                     + ":main")
    assert target.kind == "thread"
    assert target.runner()() == "main was called"


def test_a_function_defined_inside_an_if_block_is_found(script):
    target = resolve(script("""
        import sys
        if sys.platform:
            def main():
                return 'found'
    """) + ":main")
    assert target.runner()() == "found"


def test_the_binding_last_in_source_order_decides_even_after_a_block(script):
    """A placeholder inside an earlier `if` does not hide the function defined after it."""
    target = resolve(script("""
        import sys
        if sys.version_info < (3, 8):
            main = None
        def main():
            return 'found'
    """) + ":main")
    assert target.runner()() == "found"


def test_a_top_level_async_main_makes_a_coroutine_target(script):
    target = resolve(script("async def main():\n    return 'awaited'\n" + MAIN_BLOCK_FAILS))
    assert (target.kind, target.function) == ("coroutine", "main")
    assert run_on_own_loop(target.runner()()) == "awaited"


def test_script_colon_an_async_function_makes_a_coroutine_target(script):
    target = resolve(script("async def serve():\n    return 'served'\n") + ":serve")
    assert target.kind == "coroutine"
    assert run_on_own_loop(target.runner()()) == "served"


def test_a_main_nothing_calls_is_called(script):
    """A file of PyWebIO's `path_deploy` (its index.py) only defines `main()`: run top to
    bottom it would show nothing, so desklaunch calls `main()` as PyWebIO's server does."""
    target = resolve(script("""
        "The index."
        from pathlib import Path
        def main():
            return 'the index'
    """))
    assert (target.kind, target.function) == ("thread", "main")
    assert target.runner()() == "the index"


@pytest.mark.parametrize("use", [
    "main()\n",
    "if __name__ == '__main__':\n    main()\n",
    "if __name__ == '__main__':\n    start_server(main, port=8080)\n",
    "apps = [main]\n",
    # A terminal program that calls its main() through its module (pdb.py does)
    "if __name__ == '__main__':\n    import app\n    app.main()\n",
])
def test_a_main_the_file_uses_itself_is_left_to_it(script, use):
    target = resolve(script("def main():\n    return 'mine'\n" + use))
    assert target.function is None


@pytest.mark.parametrize("use", [
    "start_server(main, port=8080)\n",  # PyWebIO's copied examples: unguarded
    "apps = {'index': main}\n",
    # PyWebIO's demos: its start_server applies the app's @config and docstring title
    "if __name__ == '__main__':\n    start_server(main, port=8080, debug=True)\n",
    "if __name__ == '__main__':\n    pywebio.start_server([main], port=8080)\n",
])
def test_an_async_main_the_file_uses_itself_is_left_to_it(script, use):
    """Called by the file itself as well, `main()` would be a coroutine nobody awaits."""
    target = resolve(script("async def main():\n    return 'mine'\n" + use))
    assert (target.kind, target.function) == ("thread", None)


def test_an_async_main_run_only_under_the_main_guard_is_awaited_by_desklaunch(script):
    target = resolve(script("import asyncio\nasync def main():\n    return 'awaited'\n"
                            "if __name__ == '__main__':\n    asyncio.run(main())\n"))
    assert (target.kind, target.function) == ("coroutine", "main")
    # a terminal program runs its block, asyncio.run and all (console mode asks for it)
    assert (target.as_whole().kind, target.as_whole().function) == ("thread", None)


def test_a_later_sync_main_wins_over_an_earlier_async_one(script):
    target = resolve(script("async def main():\n    pass\n\ndef main():\n    return 1\n"))
    assert target.kind == "thread"
    assert target.runner()() == 1


@pytest.mark.parametrize(("name", "title"), [
    ("unit_converter.py", "Unit converter"),
    ("my-app.py", "My app"),
    ("hello.py", "Hello"),
])
def test_the_title_comes_from_the_file_name(script, name, title):
    assert resolve(script("x = 1\n", name=name)).title == title


def test_the_code_carries_the_scripts_full_path_as_pythons_does(script, monkeypatch):
    """A traceback finds the script's lines even after the script changed folder."""
    path = Path(script("x = 1\n"))
    monkeypatch.chdir(path.parent)
    target = resolve(path.name)
    assert target.code.co_filename == str(path.resolve())


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A package `greet` in a folder first on `sys.path`, as `python -m` finds one in the
    current folder; its modules are forgotten afterwards."""
    (tmp_path / "greet").mkdir()
    files = {
        "__init__.py": "import sys\nsys.modules[__name__].ORDER = ['package']\n",
        "core.py": "def hello(name):\n    return 'Hello, ' + name\n",
        "__main__.py": """\
            import sys
            from . import ORDER
            from .core import hello
            ORDER.append('main')
            RESULT = (__name__, __package__, __spec__.name, hello('Ada'), ORDER)
        """,
    }
    for name, source in files.items():
        (tmp_path / "greet" / name).write_text(textwrap.dedent(source), encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path / "greet"
    for name in [n for n in sys.modules if n == "greet" or n.startswith("greet.")]:
        del sys.modules[name]


def test_a_package_runs_its_main_module_with_relative_imports_as_python_m_does(package):
    target = resolve_module("greet")
    assert "greet" not in sys.modules  # nothing of it ran to find it
    assert (target.path, target.module, target.title) == (
        package / "__main__.py", "greet", "Greet")
    module = target._execute("__main__", as_main=False)
    assert module.RESULT == ("__main__", "greet", "greet.__main__", "Hello, Ada",
                             ["package", "main"])


def test_a_module_inside_a_package_runs_by_its_dotted_name(package):
    (package / "tool.py").write_text("from .core import hello\nRESULT = hello('Bo')\n")
    target = resolve_module("greet.tool")
    assert (target.path.name, target.title) == ("tool.py", "Greet tool")
    assert target._execute("__main__", as_main=False).RESULT == "Hello, Bo"


@pytest.mark.parametrize(("name", "error"), [
    ("nosuch_module_here", "no module named 'nosuch_module_here'"),
    ("greet.nothere", "no module named 'greet.nothere'"),
    ("json", "no module named json.__main__; 'json' is a package and cannot be run "
             "directly"),
    ("math" if "math" not in sys.builtin_module_names else "_json",
     "has no Python source file to run (in "),
    ("1up", "'1up' is not a module name (give it as `-m package.module`)"),
    ("greet..core", "is not a module name"),
    ("greet.py", "no module named 'greet.py'; try -m greet"),  # as Python suggests
    ("greet/", "'greet/' is not a module name (give it as `-m package.module`); try -m greet"),
])
def test_a_module_that_cannot_run_is_one_line_saying_why(package, name, error):
    with pytest.raises(UsageError, match=re.escape(error)):
        resolve_module(name)
    assert "greet" not in sys.modules


def test_a_folders_main_file_is_titled_after_the_folder(package):
    assert resolve(str(package / "__main__.py")).title == "Greet"


class _EditableFinder:
    """What an editable install (`pip install -e .`) puts on `sys.meta_path`: a finder that
    knows where one package's folder is, with nothing on `sys.path`."""

    def __init__(self, name: str, folder: Path) -> None:
        self.name, self.folder = name, folder

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> Any:
        import importlib.util

        if name != self.name:
            return None
        return importlib.util.spec_from_file_location(
            name, self.folder / "__init__.py", submodule_search_locations=[str(self.folder)])


def test_a_package_installed_in_editable_mode_is_found_as_python_m_finds_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    folder = tmp_path / "project" / "edited"
    folder.mkdir(parents=True)
    (folder / "__init__.py").write_text("")
    (folder / "__main__.py").write_text("RESULT = __spec__.name\n")
    monkeypatch.setattr(sys, "meta_path", [*sys.meta_path, _EditableFinder("edited", folder)])
    target = resolve_module("edited")
    assert target.path == folder / "__main__.py"
    assert target._execute("__main__", as_main=False).RESULT == "edited.__main__"
    del sys.modules["edited"]


def test_a_file_in_the_current_folder_wins_over_a_module_desklaunch_imported(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """As under `python -m calendar` in a folder holding a calendar.py of the person's."""
    assert "calendar" in sys.modules
    (tmp_path / "calendar.py").write_text("print('my own calendar')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert resolve_module("calendar").path == tmp_path / "calendar.py"


@pytest.mark.parametrize(("name", "file"), [("site", "site.py"), ("os.path", "posixpath.py")])
def test_a_standard_module_built_into_the_interpreter_runs_from_its_source(name, file):
    """`site` and `os` are frozen into Python 3.11's own binary; their source is beside the
    rest of the standard library."""
    target = resolve_module(name)
    assert target.path.name == file and target.path.is_file()


def _zipapp(folder: Path, files: dict[str, str]) -> Path:
    import zipfile

    archive = folder / "tool.pyz"
    with zipfile.ZipFile(archive, "w") as out:
        for name, source in files.items():
            out.writestr(name, textwrap.dedent(source))
    return archive


def test_a_zipapp_runs_its_main_file_with_its_modules_beside_it(tmp_path, monkeypatch):
    """As `python tool.pyz`: the archive first on the path, its `__main__.py` run."""
    archive = _zipapp(tmp_path, {"__main__.py": "import zhelper\nRESULT = zhelper.VALUE\n",
                                 "zhelper.py": "VALUE = 'from the archive'\n"})
    target = resolve(str(archive))
    assert (target.archive, target.search_first, target.title) == (True, archive, "Tool")
    assert target.source() == b"import zhelper\nRESULT = zhelper.VALUE\n"
    monkeypatch.syspath_prepend(str(target.search_first))
    try:
        module = target._execute("__main__", as_main=False)
        assert module.RESULT == "from the archive"
        assert module.__file__ == str(archive / "__main__.py")
    finally:
        sys.modules.pop("zhelper", None)


@pytest.mark.parametrize(("files", "spec", "error"), [
    ({"other.py": "x = 1\n"}, "", "is a zip archive with no __main__.py to run"),
    ({"__main__.py": "def (:\n"}, "", "SyntaxError"),
    ({"__main__.py": "def main(): pass\n"}, ":main", "it runs whole, not a function"),
])
def test_a_zip_that_cannot_run_is_one_line_saying_why(tmp_path, files, spec, error):
    archive = _zipapp(tmp_path, files)
    with pytest.raises(UsageError, match=re.escape(error)):
        resolve(f"{archive}{spec}")


def test_a_script_in_another_encoding_without_a_declaration_gets_pythons_words(tmp_path):
    script = tmp_path / "latin.py"
    script.write_bytes(b'print("ok")\nx = "caf\xe9"\n')
    with pytest.raises(ScriptSyntaxError) as error:
        resolve(str(script))
    assert str(error.value) == (
        f"SyntaxError: Non-UTF-8 code starting with '\\xe9' in file {script} on line 2, "
        "but no encoding declared; see https://peps.python.org/pep-0263/ for details")
    declared = tmp_path / "declared.py"
    declared.write_bytes(b'# -*- coding: latin-1 -*-\nx = "caf\xe9"\n')
    assert resolve(str(declared)).function is None


def test_a_file_and_a_name_that_is_no_function_name_says_so(tmp_path):
    script = tmp_path / "funcs.py"
    script.write_text("def main():\n    pass\n")
    with pytest.raises(UsageError, match=r"^'ma in' is not a function name \(give it as "):
        resolve(f"{script}:ma in")


@pytest.mark.parametrize(("source", "written_for_pywebio"), [
    ("from pywebio.output import put_text\n", True),
    ("import pywebio\n", True),
    ("def main():\n    from pywebio import input\n", True),
    ("from desklaunch.ui import put_text\nprint('pywebio')\n", False),
])
def test_a_script_written_for_pywebio_is_told_by_its_imports(tmp_path, source,
                                                             written_for_pywebio) -> None:
    script = tmp_path / "app.py"
    script.write_text(source)
    assert resolve(str(script)).imports_pywebio is written_for_pywebio


def test_a_function_targets_file_is_the_module_of_its_name_as_import_makes_it(
        script, monkeypatch):
    """`desklaunch pointer.py:main` loads the file as the module `pointer`, so pickle (and
    multiprocessing's spawned children) find its classes; a standard module of the same
    name is left alone."""
    monkeypatch.delitem(sys.modules, "pointer", raising=False)
    target = resolve(script("""
        import pickle

        class Point:
            def __init__(self, x):
                self.x = x

        def main():
            return pickle.loads(pickle.dumps(Point(3))).x
    """, name="pointer.py") + ":main")
    try:
        assert target.runner()() == 3
        assert sys.modules["pointer"].__file__.endswith("pointer.py")
    finally:
        sys.modules.pop("pointer", None)
    shadow = resolve(script("def main():\n    return 'mine'\n", name="json.py") + ":main")
    standard = sys.modules["json"]
    assert shadow.runner()() == "mine"
    assert sys.modules["json"] is standard
