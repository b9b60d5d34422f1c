"""A tool installed in another virtual environment finds its packages (its `#!` line)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desklaunch.core.script_env import adopt_environment, shebang_python


@pytest.fixture(scope="module")
def other_env(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A virtual environment of its own (no pip: quick to make) with one package in it."""
    env = tmp_path_factory.mktemp("toolenv")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env)], check=True)
    (site,) = (env / "lib").glob("python*/site-packages")
    (site / "tool_only_pkg.py").write_text("WHO = 'the tool'\n")
    return env


@pytest.fixture
def restored_path() -> Iterator[None]:
    before = list(sys.path)
    yield
    sys.path[:] = before
    sys.modules.pop("tool_only_pkg", None)


def tool(tmp_path: Path, first_line: str) -> Path:
    script = tmp_path / "tool"
    script.write_text(f"{first_line}\nimport tool_only_pkg\nprint(tool_only_pkg.WHO)\n")
    return script


def test_an_installed_tools_environment_is_added_after_ours(other_env, tmp_path,
                                                             restored_path) -> None:
    script = tool(tmp_path, f"#!{other_env / 'bin' / 'python'}")
    assert adopt_environment(script) is None  # the same Python version: nothing to say
    import tool_only_pkg

    assert tool_only_pkg.WHO == "the tool"
    added = [i for i, p in enumerate(sys.path) if p.startswith(str(other_env))]
    ours = [i for i, p in enumerate(sys.path) if p.endswith("-packages") and i not in added]
    assert added and ours and min(added) > max(ours)  # desklaunch's own packages come first


@pytest.mark.parametrize("first_line", [
    "#!/usr/bin/env python3",  # names no environment in particular
    "# just a comment",
    "#!/bin/sh",
    "#!/no/such/venv/bin/python3",
])
def test_no_other_environment_is_named(tmp_path, first_line) -> None:
    assert shebang_python(tool(tmp_path, first_line)) is None


def test_our_own_interpreter_is_not_another_environment(tmp_path) -> None:
    assert shebang_python(tool(tmp_path, f"#!{sys.executable}")) is None
