"""`python -m desklaunch` does what the `desklaunch` command does."""

import os
import sys

# `-m` puts the current folder first on sys.path, where the `desklaunch` command has its own
# folder: a file there named like a module desklaunch imports (`calendar.py`) would stand in
# for it. The script's folder is put there later, as `python script.py` does.
if sys.path and sys.path[0] in ("", os.getcwd()):
    del sys.path[0]

from desklaunch.cli import main

main()
