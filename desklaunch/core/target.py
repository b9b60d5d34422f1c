"""What to run: a script file, or a function in it, checked before anything starts.

`resolve("app.py")` runs the file top to bottom as `__main__`; `resolve("app.py:main")` loads
the file as a module and calls `main()`; `resolve_module("tool")` finds a module (a
package's `__main__`) on `sys.path` and runs it as `python -m tool` does; a zip archive
with a `__main__.py` (a zipapp, `app.pyz`) runs as `python app.pyz` runs it. A file whose top
level defines `async def main()` is run that way by default unless it uses `main` itself
outside its `__main__` block, or that block hands it to PyWebIO's `start_server` (which
applies its `@config`), and so is
one that defines `def main()`, never uses it and has no `__main__` block (a file of
PyWebIO's `path_deploy`, whose server calls `main()`). Every mistake a user can make here
is a `UsageError` with one line saying what is wrong; a syntax error is a
`ScriptSyntaxError` that prints as Python's.
"""

from __future__ import annotations

import ast
import functools
import importlib
import importlib.machinery
import inspect
import sys
import traceback
import types
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from desklaunch.errors import UsageError
from desklaunch.modulefind import find_spec, name_hint, source_file

if TYPE_CHECKING:
    from desklaunch.core.session import SessionKind


class ScriptSyntaxError(UsageError):
    """The script does not compile; `str()` is the error as Python itself would show it."""

    def __init__(self, error: SyntaxError) -> None:
        super().__init__("".join(traceback.format_exception_only(SyntaxError, error)).rstrip())


@dataclass(frozen=True)
class Target:
    """A compiled script and, optionally, the name of the function in it to call."""

    path: Path
    code: types.CodeType
    function: str | None = None
    is_async: bool = False
    spec: importlib.machinery.ModuleSpec | None = None
    """How it was found when run as a module (`desklaunch -m tool`), else None."""
    archive: bool = False
    """A zipapp: `path` is the archive, whose `__main__.py` is the script."""
    main_block: bool = False
    """`async def main` is awaited in place of the file's `__main__` block (which runs it
    with `asyncio.run`); a terminal program runs the file whole instead (`as_whole`)."""

    @property
    def kind(self) -> SessionKind:
        return "coroutine" if self.is_async else "thread"

    @property
    def module(self) -> str | None:
        """The module's name as given to `-m` (`tool` for `tool/__main__.py`), else None."""
        if self.spec is None:
            return None
        return self.spec.name.removesuffix(".__main__")

    @property
    def search_first(self) -> Path:
        """What goes first on `sys.path` for a script run as a file: its folder, or the
        archive itself for a zipapp (as `python app.pyz` has it)."""
        return self.path if self.archive else self.path.parent

    def command_line(self, words: list[str]) -> list[str]:
        """`sys.orig_argv` as Python has it when it runs this program itself (`python
        tool.py ARGS`, `python -m tool ARGS`): what a program that starts itself again reads
        (werkzeug's reloader), which must not start desklaunch again."""
        python = sys.orig_argv[0] if sys.orig_argv else sys.executable
        name = self.module
        return [python, *(["-m", name] if name else [str(self.path)]), *words]

    def source(self) -> bytes:
        """The script's source as it is now (a zipapp's `__main__.py`)."""
        if self.archive:
            try:
                return _archive_main(self.path)
            except (zipfile.BadZipFile, KeyError) as exc:  # changed since it was resolved
                raise OSError(f"{self.path}: {exc}") from None
        return self.path.read_bytes()

    @property
    def folder(self) -> Path:
        """The folder of the program's own code: the script's, or a module's top package."""
        if self.spec is None or "." not in self.spec.name:
            return self.path.parent
        return self.path.parents[self.spec.name.count(".") - 1]

    @property
    def title(self) -> str:
        """A window title made from the file name: `unit_converter.py` → "Unit converter"
        (from the module's name for a module: `json.tool` → "Json tool")."""
        if self.module is not None:
            name = self.module.replace(".", " ")
        else:  # `python folder` and `python folder/__main__.py` run the folder's program
            name = self.path.parent.name if self.path.name == "__main__.py" else self.path.stem
        words = name.replace("_", " ").replace("-", " ").strip()
        return words[:1].upper() + words[1:] if words else "desklaunch"

    def runner(self, *, as_main: bool = False) -> Callable[[], Any]:
        """The callable a session runs: plain for a thread, a coroutine function for a loop."""
        if self.function is None:
            return lambda: self._execute("__main__", as_main)
        if self.is_async:

            async def run_coroutine() -> Any:
                return await self._function()()

            return run_coroutine
        return lambda: self._function()()

    def as_whole(self) -> Target:
        """This target run top to bottom, `__main__` block and all, when desklaunch chose to
        await its `async def main` (a terminal program's `asyncio.run(main())` is its own)."""
        return replace(self, function=None, is_async=False, main_block=False) \
            if self.main_block else self

    def reread(self) -> Target:
        """This target with the script's code as the file holds it now (it may have been
        edited since); raises `ScriptSyntaxError` or `UsageError` as `resolve` does."""
        if self.archive:
            return replace(self, code=_zipapp(self.path, str(self.path)).code)
        return replace(self, code=_compile(self.path, str(self.path))[1])

    @functools.cached_property
    def imports_pywebio(self) -> bool:
        """The script imports pywebio somewhere: written for PyWebIO, its page starts as
        PyWebIO's does, not following new output down (`auto_scroll_bottom` off; a
        desklaunch script's follows)."""
        return _imports(self.code, "pywebio")

    def _execute(self, name: str, as_main: bool) -> types.ModuleType:
        if self.imports_pywebio:
            # Imported here: the launcher resolves the script before its server starts, and the
            # session module brings in the App's core (asyncio, ssl, logging), which can wait.
            from desklaunch.core.session import bound_session

            if (session := bound_session()) is not None:
                session.send({"cmd": "env", "auto_scroll_bottom": False})
                session.pywebio_way = True  # PyWebIO's way: see Session.pywebio_way
        module = types.ModuleType(name)
        module.__file__ = str(self.path / "__main__.py" if self.archive else self.path)
        module.__dict__["__builtins__"] = __builtins__
        if self.spec is not None:
            # As runpy does: its package imported first and its spec kept, so relative
            # imports work and multiprocessing's spawned children find it by name.
            if self.spec.parent:
                importlib.import_module(self.spec.parent)
            module.__spec__ = self.spec
            module.__package__ = self.spec.parent
            module.__loader__ = self.spec.loader
        if as_main:
            sys.modules["__main__"] = module
        elif getattr(sys.modules.get(name), "__file__", module.__file__) == module.__file__:
            # Loaded for `app.py:main`, the file is the module `app`, as `import app` makes it:
            # pickle, and multiprocessing's spawned children, find its classes by that name.
            # A module of that name from elsewhere (the standard `json`) is left in place.
            sys.modules[name] = module
        exec(self.code, module.__dict__)
        return module

    def _function(self) -> Callable[[], Any]:
        assert self.function is not None
        module = self._execute(self.path.stem, as_main=False)
        function = getattr(module, self.function, None)
        if not callable(function):
            raise UsageError(f"{self.function!r} in {self.path.name} is not a function")
        if self.is_async != inspect.iscoroutinefunction(function):
            raise UsageError(f"{self.function!r} in {self.path.name} changed kind at run time")
        return cast("Callable[[], Any]", function)


def nested_code(code: types.CodeType) -> Iterator[types.CodeType]:
    """`code` and the code of every function and class within it, however deep."""
    pending = [code]
    while pending:
        current = pending.pop()
        yield current
        pending.extend(const for const in current.co_consts
                       if isinstance(const, types.CodeType))


def _imports(code: types.CodeType, package: str) -> bool:
    """Whether `code` (its functions' too) names `package` or one of its modules: an
    import statement's module is among the names its code object uses."""
    return any(name == package or name.startswith(package + ".")
               for current in nested_code(code) for name in current.co_names)


def resolve(spec: str) -> Target:
    """Check `path[:function]` and compile it, or raise a one-line `UsageError`."""
    path_text, function = _split(spec)
    path = Path(path_text).expanduser()
    if path.is_dir():
        raise UsageError(f"{path_text} is a folder; give the script file inside it")
    if path.is_file() and zipfile.is_zipfile(path):
        if function is not None:
            raise UsageError(f"{path_text} is a zip archive; it runs whole, not a function")
        return _zipapp(path, path_text)
    tree, code = _compile(path, path_text)
    path = path.resolve()
    if function is None:
        main = _top_level(tree).get("main")
        guards = _main_guards(tree)
        if isinstance(main, ast.AsyncFunctionDef) and not _uses_name(
                tree, "main", besides=(main, *guards)) and not _serves(guards, "main"):
            return Target(path, code, "main", is_async=True, main_block=bool(guards))
        if isinstance(main, ast.FunctionDef) and not guards and not _uses_name(
                tree, "main", besides=(main,)):
            return Target(path, code, "main")
        return Target(path, code)
    node = _top_level(tree).get(function)
    if node is None:
        raise UsageError(f"{path.name} defines no function named {function!r}")
    if isinstance(node, ast.ClassDef) or _is_literal_assignment(node):
        raise UsageError(f"{function!r} in {path.name} is not a function")
    return Target(path, code, function, is_async=isinstance(node, ast.AsyncFunctionDef))


def resolve_module(name: str) -> Target:
    """Find the module `name` as `python -m name` does (the finders of `sys.meta_path`
    over `sys.path`, so editable installs too), without running any of it (its packages
    are imported when it runs), or raise a one-line `UsageError`."""
    if not name or not all(part.isidentifier() for part in name.split(".")):
        raise UsageError(f"{name!r} is not a module name (give it as `-m package.module`)"
                         f"{name_hint(name)}")
    spec = find_spec(name)
    if spec is not None and spec.submodule_search_locations is not None:
        package = name
        spec = find_spec(f"{name}.__main__")
        if spec is None:
            raise UsageError(f"no module named {package}.__main__; {package!r} is a package "
                             "and cannot be run directly")
    if spec is None:
        raise UsageError(f"no module named {name!r}{name_hint(name)}")
    source = source_file(spec)
    if source is None:
        where = f" (in {spec.origin})" if spec.origin and spec.has_location else ""
        raise UsageError(f"{name!r} has no Python source file to run{where}")
    _, code = _compile(source, str(source))
    return Target(source.resolve(), code, spec=spec)


def _zipapp(path: Path, path_text: str) -> Target:
    """A zip archive run as `python app.pyz` runs it: its `__main__.py`, compiled."""
    try:
        source = _archive_main(path)
    except KeyError:
        raise UsageError(f"{path_text} is a zip archive with no __main__.py to run") from None
    except (zipfile.BadZipFile, OSError) as exc:
        raise UsageError(f"cannot read {path_text}: {exc}") from None
    name = str(path.resolve() / "__main__.py")
    try:
        code = compile(source, name, "exec")
    except SyntaxError as exc:
        raise ScriptSyntaxError(exc) from None
    return Target(path.resolve(), code, archive=True)


def _archive_main(path: Path) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read("__main__.py")


def _compile(path: Path, path_text: str) -> tuple[ast.Module, types.CodeType]:
    if not path.exists():
        raise UsageError(f"no such file: {path_text}")
    try:
        source = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {path_text}: {exc.strerror}") from None
    if b"\0" in source:
        damaged = "; a damaged zip archive?" if source.startswith(b"PK") else ""
        raise UsageError(f"{path_text} is not a Python script (it holds binary data{damaged})")
    _check_encoding(source, path)
    try:
        tree = syntax_tree(source, str(path))
        # Its full path, as Python gives a script's code: tracebacks still find its lines
        # after the script changes folder.
        return tree, compile(tree, str(path.resolve()), "exec")
    except SyntaxError as exc:
        raise ScriptSyntaxError(exc) from None
    except ValueError as exc:  # null bytes, bad encoding declaration
        raise UsageError(f"{path_text} is not a Python script ({exc})") from None


_last_tree: list[tuple[bytes, ast.Module]] = []
"""The last script parsed: deciding its mode reads it again right after (a 200,000-line
script took 3 s a parse)."""


def syntax_tree(source: bytes, filename: str = "<unknown>") -> ast.Module:
    """`ast.parse(source)`, the last script's tree kept for the readers that follow: every
    caller only reads it. Raises as `ast.parse` does."""
    if _last_tree and _last_tree[0][0] == source:
        return _last_tree[0][1]
    tree = ast.parse(source, filename=filename)
    _last_tree[:] = [(source, tree)]
    return tree


def forget_syntax_tree() -> None:
    """Let the last tree go (a big script's is large) once its readers are done."""
    _last_tree.clear()


def _check_encoding(source: bytes, path: Path) -> None:
    """Raise Python's own error for a script in another encoding than UTF-8 that declares
    none (parsing the bytes gives a "(unicode error)" about a string instead)."""
    first_lines = b"\n".join(source.splitlines()[:2])
    if b"coding" in first_lines:
        return
    try:
        source.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        offset = exc.start + (3 if source.startswith(b"\xef\xbb\xbf") else 0)
        line = source[:offset].count(b"\n") + 1
        byte = source[offset:offset + 1]
        raise ScriptSyntaxError(SyntaxError(
            f"Non-UTF-8 code starting with '\\x{byte.hex()}' in file {path.resolve()} on "
            f"line {line}, but no encoding declared; see https://peps.python.org/pep-0263/ "
            "for details"
        )) from None


def _split(spec: str) -> tuple[str, str | None]:
    head, sep, tail = spec.rpartition(":")
    if sep and head and tail.isidentifier():
        return head, tail
    if sep and head and not tail:
        raise UsageError(f"missing function name after ':' in {spec}")
    if sep and head and not Path(spec).expanduser().exists() \
            and Path(head).expanduser().is_file():
        raise UsageError(f"{tail!r} is not a function name (give it as {head}:NAME)")
    return spec, None


def _top_level(tree: ast.Module) -> dict[str, ast.AST]:
    """The last module-level statement that binds each name (inside `if`/`try` blocks too)."""
    names: dict[str, ast.AST] = {}
    pending: list[ast.stmt] = tree.body[::-1]  # a stack, so statements come in source order
    while pending:
        node = pending.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names[node.name] = node
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    names[target.id] = node
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign)) and isinstance(
            node.target, ast.Name
        ):
            names[node.target.id] = node
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                names[(alias.asname or alias.name).split(".")[0]] = node
        elif isinstance(node, (ast.If, ast.Try, ast.With, ast.For, ast.While)):
            nested = [*node.body]
            for handler in getattr(node, "handlers", []):
                nested.extend(handler.body)
            nested.extend([*getattr(node, "orelse", []), *getattr(node, "finalbody", [])])
            pending.extend(reversed(nested))
    return names


def _main_guards(tree: ast.Module) -> tuple[ast.If, ...]:
    """The module's `if __name__ == "__main__":` blocks: a file that has one is a script."""
    def is_guard(node: ast.If) -> bool:
        test = node.test
        return (isinstance(test, ast.Compare) and isinstance(test.left, ast.Name)
                and test.left.id == "__name__" and len(test.comparators) == 1
                and isinstance(test.comparators[0], ast.Constant)
                and test.comparators[0].value == "__main__")
    return tuple(node for node in tree.body if isinstance(node, ast.If) and is_guard(node))


def _serves(guards: tuple[ast.If, ...], name: str) -> bool:
    """Whether a `__main__` block hands `name` to PyWebIO's `start_server`, which applies
    the app's `@config` and docstring title before running it (`asyncio.run(main())`,
    the other way to start an `async def main`, applies nothing)."""
    for node in (n for guard in guards for n in ast.walk(guard)):
        if isinstance(node, ast.Call) and (
                getattr(node.func, "id", None) == "start_server"
                or getattr(node.func, "attr", None) == "start_server"):
            arguments = [*node.args, *(keyword.value for keyword in node.keywords)]
            if any(isinstance(n, ast.Name) and n.id == name
                   for argument in arguments for n in ast.walk(argument)):
                return True
    return False


def _uses_name(tree: ast.Module, name: str, besides: tuple[ast.AST, ...]) -> bool:
    """Whether code outside the statements `besides` reads `name` (calls it, passes it on)."""
    pending: list[ast.AST] = [node for node in tree.body if node not in besides]
    while pending:
        node = pending.pop()
        if isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, ast.Load):
            return True
        pending.extend(ast.iter_child_nodes(node))
    return False


def _is_literal_assignment(node: ast.AST) -> bool:
    value = getattr(node, "value", None)
    return isinstance(node, (ast.Assign, ast.AnnAssign)) and isinstance(
        value, (ast.Constant, ast.List, ast.Dict, ast.Tuple, ast.Set)
    )
