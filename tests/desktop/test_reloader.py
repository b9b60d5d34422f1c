"""The reloader's parts: which modules count as the script's, and the watching thread."""

from __future__ import annotations

import sys
import threading
import types
from pathlib import Path

import pytest

from desklaunch.core.outcome import script_traceback
from desklaunch.desktop.reloader import (
    Watcher,
    forget_local_modules,
    local_modules,
    reloading_runner,
)

HANG_GUARD = 10.0


def fake_module(monkeypatch: pytest.MonkeyPatch, name: str, file: Path) -> None:
    module = types.ModuleType(name)
    module.__file__ = str(file)
    monkeypatch.setitem(sys.modules, name, module)


def test_only_modules_from_the_scripts_folder_are_its_own(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "helper.py").write_text("")
    fake_module(monkeypatch, "helper_for_test", tmp_path / "helper.py")
    fake_module(monkeypatch, "elsewhere_for_test", tmp_path.parent / "other.py")
    found = local_modules(tmp_path)
    assert found == {"helper_for_test": (tmp_path / "helper.py").resolve()}
    assert not any(name.startswith("desklaunch") for name in local_modules(
        Path(__file__).parents[2]))


def test_forgetting_makes_the_next_import_read_the_file_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_module(monkeypatch, "helper_for_test", tmp_path / "helper.py")
    assert forget_local_modules(tmp_path) == ["helper_for_test"]
    assert "helper_for_test" not in sys.modules


def saving_is_noticed(watched: Path, saved: Path, text: str, folder: Path | None = None
                      ) -> bool:
    """Whether a Watcher of `watched` (and `folder`) notices `saved` being saved."""
    changed = threading.Event()
    watcher = Watcher(watched, changed.set, interval=0.02, folder=folder)
    watcher.start()
    try:
        saved.write_text(text)
        return changed.wait(HANG_GUARD)
    finally:
        watcher.stop()


def test_a_saved_script_is_noticed(tmp_path: Path) -> None:
    script = tmp_path / "app.py"
    script.write_text("x = 1\n")
    assert saving_is_noticed(script, script, "x = 22\n")
    assert not any(t.name == "desklaunch-reloader" for t in threading.enumerate())


def test_each_run_reads_the_script_afresh_and_raises_its_syntax_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", sys.dont_write_bytecode)  # it sets it
    monkeypatch.setitem(sys.modules, "__main__", sys.modules["__main__"])  # runs as __main__
    script = tmp_path / "app.py"
    out = tmp_path / "out.txt"
    write = f"import pathlib\npathlib.Path({str(out)!r}).write_text"
    script.write_text(f"{write}('one')\n")
    run = reloading_runner(str(script))
    run()
    assert out.read_text() == "one"
    script.write_text("def broken(:\n")
    with pytest.raises(SyntaxError) as caught:
        run()
    error = caught.value.with_traceback(caught.tb.tb_next)  # from run() on, as in a session
    shown = script_traceback(error)  # as the page shows it: as Python prints it
    assert shown.startswith(f'  File "{script.resolve()}", line 1\n'), shown
    assert "desklaunch" not in shown
    script.write_text(f"{write}('two')\n")
    run()
    assert out.read_text() == "two"


def test_a_function_target_is_reloaded_too(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", sys.dont_write_bytecode)
    script = tmp_path / "app.py"
    script.write_text("def main():\n    return 'first'\n")
    run = reloading_runner(f"{script}:main")
    assert run() == "first"
    script.write_text("def main():\n    return 'second'\n")
    assert run() == "second"


def test_a_module_run_with_dash_m_reloads_its_whole_top_package(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`--reload -m shopapp.tools.report`: a save anywhere in `shopapp/` reruns it, and the
    rerun reads the saved module, not only the one run."""
    monkeypatch.setattr(sys, "dont_write_bytecode", sys.dont_write_bytecode)
    monkeypatch.setitem(sys.modules, "__main__", sys.modules["__main__"])
    monkeypatch.syspath_prepend(str(tmp_path))
    tools = tmp_path / "shopapp" / "tools"
    tools.mkdir(parents=True)
    for folder in (tools.parent, tools):
        (folder / "__init__.py").write_text("")
    core = tools.parent / "core.py"
    core.write_text("GREETING = 'Hello'\n")
    out = tmp_path / "out.txt"
    (tools / "report.py").write_text(
        f"import pathlib\nfrom ..core import GREETING\n"
        f"pathlib.Path({str(out)!r}).write_text(GREETING)\n")
    run = reloading_runner("shopapp.tools.report", module=True)
    try:
        run()
        assert out.read_text() == "Hello"
        assert saving_is_noticed(tools / "report.py", core, "GREETING = 'Bonjour'\n",
                                 folder=tools.parent)
        run()
        assert out.read_text() == "Bonjour"
    finally:
        for name in [n for n in sys.modules if n.partition(".")[0] == "shopapp"]:
            del sys.modules[name]
