"""The reloader's parts: which modules count as the script's, and the watching thread."""

from __future__ import annotations

import sys
import threading
import types
from pathlib import Path

import pytest

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


def test_a_saved_script_is_noticed(tmp_path: Path) -> None:
    script = tmp_path / "app.py"
    script.write_text("x = 1\n")
    changed = threading.Event()
    watcher = Watcher(script, changed.set, interval=0.02)
    watcher.start()
    try:
        script.write_text("x = 22\n")
        assert changed.wait(HANG_GUARD)
    finally:
        watcher.stop()
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
    with pytest.raises(SyntaxError):
        run()
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
