"""Pagers in the console: text a program pages for a person is printed into its output.

The console's stdin and stdout say they are a terminal (runstreams.py), so a library that
pages long text would start `less` and wait for keys on a terminal nobody sees, its text
going to whichever run holds the process's descriptors. The console scrolls instead: while
a console run is on, pydoc's pager (`help()`, rich's `Console.pager()`) and python-fire's
print the text on the run's stdout, as each does where stdin is no terminal (click's is
adjusted in clickhook.py). Elsewhere each is the library's own.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any

from desklaunch.console import loadhook
from desklaunch.console.questions import reading_console

WATCHED = ("pydoc", "fire.console.console_io")
"""pydoc's `pager` (what `help()` and rich page with) and python-fire's `More`."""


def adjust(module: ModuleType) -> None:
    """Print instead of paging, in `module` (one of `WATCHED`), while a console run is on."""
    if module.__name__ == "pydoc":
        plain = getattr(module, "plainpager", None)
        if callable(plain):
            loadhook.replace(module, "pager", _printing(plain))
    else:
        loadhook.replace(module, "More", _printing(_write_more))


def _printing(plain: Callable[..., Any]) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """A wrapper for a pager that calls `plain` instead in a console run."""
    def wrap(original: Callable[..., Any]) -> Callable[..., Any]:
        def pager(*args: Any, **kwargs: Any) -> Any:
            return (original if reading_console() is None else plain)(*args, **kwargs)

        pager.__wrapped__ = original  # type: ignore[attr-defined]
        return pager

    return wrap


def _write_more(contents: str, out: Any = None, *_: Any, **__: Any) -> None:
    """python-fire's `More` where stdin is no terminal: the text, written."""
    (out or sys.stdout).write(contents)
