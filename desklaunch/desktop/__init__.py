"""The desktop side: pywebview windows, displays, native dialogs, remembered geometry, one
running copy, rerun on save, and `desklaunch doctor`. pywebview is imported only here, and
only when a window opens."""
