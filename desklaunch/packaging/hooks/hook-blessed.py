# ruff: noqa: N999 - PyInstaller finds hooks by this file name
"""blessed (python-inquirer's terminal) looks its capabilities up in every module of
`jinxed.terminfo`, imported by name at run time: without them all in the app it warns of an
"unknown terminal capability" in the program's output."""

from PyInstaller.utils.hooks import collect_submodules

hiddenimports = collect_submodules("jinxed.terminfo")
