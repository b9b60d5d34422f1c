"""A program that shows its own message for an uncaught error (as `rich.traceback.install()`
replaces Python's traceback with its own)."""

import sys


def friendly(kind, error, traceback):
    print(f"Oops: {error}. Please report this.", file=sys.stderr)


sys.excepthook = friendly
raise RuntimeError("config missing")
