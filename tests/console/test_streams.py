"""The stand-in streams (desklaunch/console/streams.py) outside any console session."""

from __future__ import annotations

import atexit
import contextlib
import getpass
import io
import os
import sys
import time
from collections.abc import Iterator

import pytest

from desklaunch.console import streams
from desklaunch.console.runstreams import RunStreams


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
        assert isinstance(sys.stdout, streams.ConsoleStream)
        print("to stdout")
        print("to stderr", file=sys.stderr)
        assert sys.stdin.readline() == "typed\n"
        assert time.sleep is streams.console_sleep
        assert getpass.getpass is streams.console_getpass
    assert (out.getvalue(), err.getvalue()) == ("to stdout\n", "to stderr\n")


def test_without_a_console_descriptors_get_their_real_answers():
    read, write = os.pipe()
    try:
        with installed_over(io.StringIO(), io.StringIO(), io.StringIO()):
            assert os.isatty is streams.console_isatty
            assert not os.isatty(write)
            with pytest.raises(OSError):
                os.get_terminal_size(write)
            assert os.isatty(1) == streams._real_isatty(1)  # no console: fd 1 as it is
    finally:
        os.close(read)
        os.close(write)
    assert (os.isatty, os.get_terminal_size) == (streams._real_isatty,
                                                 streams._real_terminal_size)


def test_without_a_console_atexit_is_pythons_own():
    def note():
        pass

    real, kept = atexit.register, atexit._ncallbacks()
    with installed_over(io.StringIO(), io.StringIO(), io.StringIO()):
        assert atexit.register is streams.console_atexit_register
        assert atexit.register(note) is note
        assert atexit._ncallbacks() == kept + 1  # no console: Python keeps it for the exit
        atexit.unregister(note)
    assert atexit.register is real


def test_overlapping_installs_are_undone_by_the_last_uninstall():
    out = io.StringIO()
    with installed_over(out, io.StringIO(), io.StringIO()):
        streams.install()
        streams.uninstall()
        assert isinstance(sys.stdout, streams.ConsoleStream)
        streams.uninstall()
        assert sys.stdout is out
        assert time.sleep is not streams.console_sleep
        streams.install()


class Recorder:
    """A console that records what a run shows and answers reads from a list of lines."""

    def __init__(self, lines=()):
        self.shown = []
        self.lines = list(lines)

    def show(self, stream, text):
        self.shown.append((stream, text))

    def read_line(self):
        return self.lines.pop(0) if self.lines else ""


def test_a_run_has_text_streams_with_bytes_underneath():
    console = Recorder(["héllo\n", "more\n", "end\n"])
    run = RunStreams(console.show, console.read_line, lambda fd: fd)
    assert (run.stdout.encoding, run.stdout.isatty(), run.stdout.fileno()) == ("utf-8", True, 1)
    assert run.stdin.isatty()  # as a terminal: programs ask (Django, litecli, poetry)
    assert run.stderr.errors == "backslashreplace"
    run.stdout.write("text, ")
    run.stdout.buffer.write("é".encode()[:1])  # half a character: kept for the next write
    run.stdout.buffer.write("é\n".encode()[1:])
    assert "".join(text for _, text in console.shown) == "text, é\n"
    assert run.stdin.buffer.readline() == "héllo\n".encode()
    assert run.stdin.read() == "more\nend\n"
    with pytest.raises(io.UnsupportedOperation):
        run.stdin.fileno()


def test_closing_a_run_stream_closes_only_that_run():
    console = Recorder()
    first = RunStreams(console.show, console.read_line, lambda fd: fd)
    with first.stdout as out:
        out.write("last words\n")
    with pytest.raises(ValueError, match="closed file"):
        print("more", file=first.stdout)
    second = RunStreams(console.show, console.read_line, lambda fd: fd)
    print("a new run", file=second.stdout)
    assert "".join(text for _, text in console.shown) == "last words\na new run\n"
