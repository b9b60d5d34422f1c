# ruff: noqa: N999 - PyInstaller finds hooks by this file name
"""readchar (python-inquirer's key reader) reads its own version from its installed records
as it is imported: without them in the app, `import inquirer` fails at once."""

from PyInstaller.utils.hooks import copy_metadata

datas = copy_metadata("readchar")
