"""The stand-in streams (desklaunch/console/streams.py) outside any console session."""

from __future__ import annotations

import contextlib
import getpass
import io
import sys
import time
from collections.abc import Iterator

from desklaunch.console import streams


@contextlib.contextmanager
def installed_over(out: io.StringIO, err: io.StringIO, inp: io.StringIO) -> Iterator[None]:
    saved = sys.stdout, sys.stderr, sys.stdin
    sys.stdout, sys.stderr, sys.stdin = out, err, inp
    streams.install()
    try:
        yield
    finally:
        streams.uninstall()
        sys.stdout, sys.stderr, sys.stdin = saved


def test_without_a_console_the_real_streams_are_used():
    out, err, inp = io.StringIO(), io.StringIO(), io.StringIO("typed\n")
    with installed_over(out, err, inp):
        assert isinstance(sys.stdout, streams.ConsoleText)
        print("to stdout")
        print("to stderr", file=sys.stderr)
        assert sys.stdin.readline() == "typed\n"
        assert time.sleep is streams.console_sleep
        assert getpass.getpass is streams.console_getpass
    assert (out.getvalue(), err.getvalue()) == ("to stdout\n", "to stderr\n")


def test_overlapping_installs_are_undone_by_the_last_uninstall():
    out = io.StringIO()
    with installed_over(out, io.StringIO(), io.StringIO()):
        streams.install()
        streams.uninstall()
        assert isinstance(sys.stdout, streams.ConsoleText)
        streams.uninstall()
        assert sys.stdout is out
        assert time.sleep is not streams.console_sleep
        streams.install()
