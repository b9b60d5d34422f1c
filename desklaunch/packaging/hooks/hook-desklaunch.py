# ruff: noqa: N999 - PyInstaller finds hooks by this file name
"""PyInstaller hook for desklaunch: the page's files and every lazily imported module.

desklaunch imports its server, window and UI modules inside functions, and finds the page's
files with importlib.resources; static analysis alone can miss both.
"""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

# Build-time only: the whole packaging layer (the build command, this hook, the templates),
# and the test kit, which no running part imports (it would bring pytest and Playwright).
_BUILD_ONLY = ("desklaunch.packaging", "desklaunch.__main__", "desklaunch.testing")

datas = collect_data_files("desklaunch.assets")
hiddenimports = collect_submodules(
    "desklaunch", filter=lambda name: not name.startswith(_BUILD_ONLY)
)
