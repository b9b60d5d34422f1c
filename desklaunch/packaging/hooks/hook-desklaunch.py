# ruff: noqa: N999 - PyInstaller finds hooks by this file name
"""PyInstaller hook for desklaunch: the page's files and every lazily imported module.

desklaunch imports its server, window and UI modules inside functions, and finds the page's
files with importlib.resources; static analysis alone can miss both.
"""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

# Never in an app: the packaging layer (the build command, this hook, the templates), and the
# test kit, which imports pytest and Playwright (with its Node driver, about 230 MB in all).
_LEFT_OUT = ("desklaunch.packaging", "desklaunch.__main__", "desklaunch.testing")

datas = collect_data_files("desklaunch.assets")
hiddenimports = collect_submodules(
    "desklaunch", filter=lambda name: not name.startswith(_LEFT_OUT)
)
