"""What a regular install ships: every package folder, the hook, the build templates and icons.

A package missing from pyproject.toml's list works in the editable checkout and breaks every
wheel and every frozen app (found here in a second, rather than after a build).
"""

from __future__ import annotations

from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_package_folder_is_listed() -> None:
    found = {".".join(init.parent.relative_to(ROOT).parts)
             for init in (ROOT / "desklaunch").rglob("__init__.py")
             if "__pycache__" not in init.parts}
    assert found <= set(PYPROJECT["tool"]["setuptools"]["packages"])


def test_pyinstaller_finds_the_hook_through_its_entry_point() -> None:
    entry = PYPROJECT["project"]["entry-points"]["pyinstaller40"]["hook-dirs"]
    assert entry == "desklaunch.packaging.hooks:get_hook_dirs"
    from desklaunch.packaging.hooks import get_hook_dirs

    assert all((Path(d) / "hook-desklaunch.py").is_file() for d in get_hook_dirs())


def test_the_build_extra_and_the_test_extra_bring_pyinstaller() -> None:
    extras = PYPROJECT["project"]["optional-dependencies"]
    assert any(dep.startswith("pyinstaller>=6") for dep in extras["build"])
    assert any(dep.startswith("pyinstaller>=6") for dep in extras["test"])
