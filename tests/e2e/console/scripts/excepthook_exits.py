"""A program whose own excepthook says what went wrong and exits with a code of its own
(as commitizen's does: "No files added to staging!", exit code 11)."""

import sys


def hook(kind, error, traceback):
    print(f"{error}", file=sys.stderr)
    sys.exit(11)


sys.excepthook = hook
raise RuntimeError("No files added to staging!")
