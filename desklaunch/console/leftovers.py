"""What a console run leaves in its globals, ended as the end of a process ends it.

In a terminal a program's process ends with it, and with the process its open files (what
was written reaches the disk), its sockets and servers (the port is free again) and its Tcl
interpreters. A console run ends in desklaunch's process, and its `__main__` stays until the
next run; so `end` closes what the run left open in it, on the run's own thread: Tcl aborts
the whole process when an interpreter (`tkinter.Tk()`) is deleted from a thread other than
the one that made it, as desklaunch's exit would have.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import socket
import sys
from pathlib import Path
from typing import Any

from desklaunch.console import streams


def end(module: Any, path: Path) -> None:
    """Close the files a run left open in its globals (`args.report` of a `FileType`), as
    the end of the process does in a terminal, so what was written reaches the disk; its
    sockets and servers, so Run again can listen on the same port; and its Tcl
    interpreters (on the run's thread: call it there)."""
    if module is None or getattr(module, "__file__", None) != str(path):
        return
    found: list[Any] = []
    inside: list[Any] = []  # one step in: a dict's values, a list's items, the script's objects
    for value in list(vars(module).values()):
        found.append(value)
        if isinstance(value, argparse.Namespace):
            found.extend(vars(value).values())
        elif isinstance(value, dict):
            inside.extend(list(value.values()))
        elif isinstance(value, (list, tuple, set)):
            inside.extend(list(value))
        elif getattr(type(value), "__module__", None) == module.__name__:
            inside.extend(list(getattr(value, "__dict__", {}).values()))
    servers = getattr(sys.modules.get("socketserver"), "BaseServer", ())
    for value in found:
        left_file = isinstance(value, io.IOBase) and not value.closed \
            and not isinstance(value, streams.ConsoleStream) \
            and value not in (sys.__stdout__, sys.__stderr__, sys.__stdin__)
        if left_file:
            with contextlib.suppress(Exception):
                value.close()
    for value in found + inside:
        if isinstance(value, socket.socket):
            with contextlib.suppress(Exception):
                value.close()
        elif servers and isinstance(value, servers):  # http.server's, socketserver's
            with contextlib.suppress(Exception):
                value.server_close()
    _delete_tcl(module)


def _delete_tcl(module: Any) -> None:
    """Delete the Tcl interpreters the run's globals hold (a `tkinter.Tk`, its widgets and
    variables, directly or one step in), here: the names that hold them go, as a process's
    end takes them."""
    tkapp = getattr(sys.modules.get("_tkinter"), "TkappType", None)
    if tkapp is None:
        return
    namespace = vars(module)

    def tcl(value: Any) -> bool:
        return isinstance(getattr(value, "tk", None), tkapp) or \
            isinstance(getattr(value, "_tk", None), tkapp)

    def holds(value: Any) -> bool:
        if tcl(value):
            return True
        if isinstance(value, dict):
            inside = list(value.values())
        elif isinstance(value, (list, tuple, set)):
            inside = list(value)
        elif getattr(type(value), "__module__", None) == module.__name__:
            inside = list(getattr(value, "__dict__", {}).values())
        else:
            return False
        return any(tcl(item) for item in inside[:1000])  # one step in, as `end` looks

    held = [name for name, value in list(namespace.items())
            if not name.startswith("__") and holds(value)]
    if not held:
        return
    tkinter = sys.modules.get("tkinter")
    for name in held:
        value = namespace.pop(name)
        if tkinter is not None and isinstance(value, tkinter.Tk):
            with contextlib.suppress(Exception):  # destroyed already, as most are
                value.destroy()
        del value
    root = getattr(tkinter, "_default_root", None)
    if root is not None:
        with contextlib.suppress(Exception):
            root.destroy()
        setattr(tkinter, "_default_root", None)  # noqa: B010 - not in the stubs
        del root
    gc.collect()  # a Tk's own cycles (its commands' callbacks) go here too
