"""One session's console: the output area, the input line, the status bar and Stop.

A `Terminal` is what the stand-in streams (streams.py) find in `session.data["console"]`.
It sends the page the `console` widget once, batches writes (output.py), asks for lines
of input with a `console_input` command, and shows the run's state with `console_status`.
Those two are coalesced commands: a reloaded page gets only their newest form.
Stop raises `KeyboardInterrupt` in the script thread (desklaunch.core.interrupt), or wakes the
input line or `time.sleep` it is blocked in, as Ctrl+C would in a terminal; a program that
set its own Ctrl+C handler gets that handler called instead (ctrlc.py).
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from typing import Any

from desklaunch.console import ctrlc, readlinehook, waits
from desklaunch.console.atexits import ExitHandlers
from desklaunch.console.childinput import ChildInput
from desklaunch.console.children import Children
from desklaunch.console.completions import (
    Completer,
    complete,
    completer_set,
    numbered_buttons,
    offered_words,
    yes_no_buttons,
)
from desklaunch.console.fdcapture import FdCapture
from desklaunch.console.output import ConsoleOutput
from desklaunch.console.runstreams import RunStreams
from desklaunch.console.streams import real_fileno
from desklaunch.core.interrupt import raise_in_thread
from desklaunch.core.mailbox import Mailbox
from desklaunch.core.messages import ROOT_SCOPE
from desklaunch.core.session import Session
from desklaunch.errors import SessionClosed

MAX_LINE = 1_000_000
RECENT = 40
"""Complete lines of output kept, to find the numbered menu a question asks from."""
TAIL = 200
"""Characters of the unfinished last line kept, to label the input field with the prompt."""
CHECK = 0.1
"""Seconds between checks that a child still reads, while its question is asked."""
_SECRET = re.compile(r"\b(?:pass ?(?:word|phrase)|PIN|secret)\b", re.IGNORECASE)
"""A child's question for something nobody should see typed."""
GETPASS_WARNING = "Warning: Password input may be echoed."
"""What Python's getpass prints before it reads a password from a stdin that is not a
terminal (a child's, here): that read is a password question."""
_NOT_TEXT = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[ -~]|"
                       r"[\x00-\x08\x0b-\x1f\x7f]")
"""Terminal escape sequences (colours, cursor moves, titles) and control characters: a
prompt in colour labels the field with its words only."""


STOP_NOTICE = 2.0
"""Seconds a run may go on after Stop before the status line says why it has not stopped."""
STOP_UNHEARD = ("Stopping… the program waits where Stop cannot reach it (a lock, a socket or "
                "select()); it stops when that wait ends.")
THREADS_RUNNING = ("The program's main part has ended; its other threads still run, as after "
                   "Ctrl+C in a terminal. Stop again to stop waiting for them.")
STOP_IGNORED = ("The program ignores Ctrl+C (it set SIGINT to SIG_IGN), as it would in a "
                "terminal; it goes on. Closing the window ends it.")


class Terminal:
    """The console of one session; create it on the script thread."""

    def __init__(self, session: Session, stdin_terminal: bool = True) -> None:
        self.session = session
        self._stdin_terminal = stdin_terminal
        """Whether the runs' stdin says it is a terminal (runstreams.py)."""
        self.thread: threading.Thread | None = threading.current_thread()
        self.wake = threading.Event()
        self.output = ConsoleOutput(session.send, f"desklaunch-console-{session.number}")
        self._tail = ""
        self._tail_stream = "out"
        """The stream that wrote `_tail`: an answer is shown after it, on its line."""
        self._redrawn = False
        """Whether the unfinished last line was redrawn in place (`\r`, a progress bar's way)."""
        self._recent: deque[str] = deque(maxlen=RECENT)
        """The last complete lines written (escape codes and all): a menu printed before a
        question (flit's licences, numbered)."""
        self._lock = threading.Lock()
        self._running = False
        self._input: Mailbox | None = None
        self._unheard_shown = False
        """Whether the note that Stop cannot reach the program is showing."""
        self._answers: list[list[str]] | None = None
        self._suggested: list[str] | None = None
        self._topic = ""
        self._action: list[str] | None = None
        self._outlived: set[threading.Thread] = set()
        """Threads an ended run left running, which a process's end would have ended."""
        self._typed_ahead: deque[str] = deque()
        """Lines of a paste of several, each read by a later `read_line` without asking."""
        self.streams = self._fresh_streams()
        self.children = Children(f"desklaunch-console-children-{session.number}")
        if ChildInput.supported():
            self.children.input = ChildInput(self.read_for_child,
                                             f"desklaunch-console-childinput-{session.number}")
        self._child_box: Mailbox | None = None
        """The mailbox of the question asked for a child (childinput.py), while one is."""
        self._completing = False
        """Whether the program's completer runs for a Tab (Stop then raises in it)."""
        self.capture: FdCapture | None = None
        """The run's capture of fds 1 and 2, while one is on."""
        self.exit_handlers = ExitHandlers()
        """The functions the run's program gave `atexit.register` (atexits.py)."""
        self.handlers = ctrlc.Handlers()
        """The signal handlers the run's program set (streams.py `console_signal`)."""
        self.wakeup_fd = -1
        """The descriptor the run's `signal.set_wakeup_fd` gave (asyncio's loop), or -1."""
        self._handler_points = 0
        """How deep the program's thread is in waits where it calls a handler itself."""
        self._handler_due: tuple[Callable[[int, Any], Any], int] | None = None
        """A signal's handler, and the signal, for the program's thread to call."""
        self._ctrlc: threading.Thread | None = None
        self._runs = 0
        self._stop_notice: threading.Timer | None = None
        """After Stop, until the run ends: the timer that says why it has not (waits.py)."""
        self.stop_id = session.register_callback(lambda _value: self.stop())
        session.data["console"] = self
        session.defer(self.close)
        session.send({"cmd": "output", "scope": ROOT_SCOPE, "position": -1,
                      "widget": {"type": "console", "oid": session.new_id("o")}})

    # -- output -----------------------------------------------------------------------------

    def write(self, stream: str, text: str) -> None:
        """Show `text` on `stream`: "out", "err", "in" (echoed input, after the prompt on
        whichever stream wrote it) or "cmd" (a command line)."""
        if stream in ("out", "err"):  # a prompt may go to either (click's err=True, cleo's)
            line_break, back = text.rfind("\n"), text.rfind("\r")
            if back > line_break:  # a line redrawn in place (a progress bar) asks nothing
                before = text[line_break + 1:back] if line_break >= 0 else self._tail + text[:back]
                self._redrawn = self._redrawn or bool(_NOT_TEXT.sub("", before).strip())
            elif line_break >= 0:
                self._redrawn = False
            if line_break >= 0:  # the lines it ended, the last RECENT of them split off
                done = text[:line_break].rsplit("\n", RECENT)
                if len(done) > RECENT:
                    del done[0]  # older lines, never looked at
                else:
                    done[0] = self._tail + done[0]
                self._recent.extend(done)
            cut = max(line_break, back)
            self._tail = (text[cut + 1:] if cut >= 0 else self._tail + text)[-TAIL:]
            self._tail_stream = stream
        elif stream in ("in", "cmd"):
            if stream == "in":  # the question answered: a line of the output too
                self._recent.append(self._tail + text.rstrip("\n"))
            if stream == "in" and self._tail and self._tail_stream == "err":
                stream = "in-err"  # on stderr's line, which the page keeps apart from stdout's
            self._tail, self._redrawn = "", False
        self.output.write(stream, text)

    def recent_lines(self) -> list[str]:
        """The last complete lines written, as they read (no escape codes; a line redrawn
        with `\r`, its last drawing)."""
        return [_NOT_TEXT.sub("", line.rsplit("\r", 1)[-1]) for line in self._recent]

    def _tail_label(self) -> str:
        """What was printed last, to label a field asked for without a prompt ("Name:"
        printed, then `sys.stdin.readline()`); not a line redrawn in place (a progress bar)
        unless it ends as a question does, with ":", "?" or ">" ("Loading…\\rName: ")."""
        text = _NOT_TEXT.sub("", self._tail)
        return "" if self._redrawn and not text.rstrip().endswith((":", "?", ">")) else text

    def show_image(self, key: str, src: str, alt: str, size: tuple[int, int], *,
                   again: bool = False) -> None:
        """A picture of `size` pixels on a line of its own after the text so far (a figure
        from `plt.show()`); `again` with the same `key` replaces it where it first showed,
        as a redrawn window."""
        self.output.flush()
        command: dict[str, Any] = {"cmd": "console_image", "key": key, "src": src, "alt": alt,
                                   "width": size[0], "height": size[1]}
        if again:  # a figure redrawn faster than the page reads sends its newest picture
            command["coalesce"] = f"console-image:{key}"
        self.session.send(command)

    def offer(self, answers: list[list[str]] | None, topic: str = "") -> None:
        """Buttons beside the input field while a question is asked: `[label, line]` pairs
        (click.confirm's Yes and No); None takes them away. Typing still works. `topic`
        goes before the field's label: the question's first line when it is printed on
        several, the last of which alone would label the field ("Choose from [1/2/3]")."""
        self._answers = answers
        self._topic = topic if answers else ""

    def suggest(self, words: list[str] | None) -> None:
        """Words offered as the person types while a line is read (a cmd2 shell's commands,
        which it completes at Tab without readline); None offers the readline completer's."""
        self._suggested = words

    def offer_action(self, label: str | None = None, key: str | None = None) -> None:
        """A button `label` beside Stop while the run goes on, sending `click` to the
        callback `key` (matplotlib's Stop animation while `plt.show()` plays one); no label
        takes it away."""
        self._action = [label, key] if label is not None and key is not None else None
        if self._running:
            self.show_running()

    # -- input ------------------------------------------------------------------------------

    def read_line(self, *, password: bool = False, prompt: str | None = None,
                  label: str | None = None, answers: list[list[Any]] | None = None,
                  many: bool = False, value: str | None = None,
                  suggestions: list[str] | None = None, echo: bool = True,
                  flush: bool = True, completer: Completer | None = None) -> str:
        """One line typed in the console's field (with its "\\n"); "" when input ended.

        `prompt` is shown before the line once it is read; the field is labelled `label`
        (else the prompt, else what was printed last) and starts with `value` in it.
        `answers` are buttons beside it (`[label, line]` or `[label, line, {"disabled":,
        "checked":}]`; else those offered with `offer`), or boxes with `many`, whose ticked
        lines fill the field, joined with ", "; `suggestions` are offered as the person types,
        and Tab asks `completer` (else the program's readline completer, if it set one).
        Without `echo` the caller shows the answer; without `flush` a password question
        takes the lines typed ahead, as a prompt library's does (getpass flushes them)."""
        session = self.session
        if session.closed:
            raise SessionClosed
        if self._outlived and threading.current_thread() in self._outlived:
            raise SystemExit  # asking after its program ended: ended, as with the process
        if password and flush:
            # getpass flushes what was typed ahead (TCSAFLUSH): a pasted password meant
            # for this question never becomes the answer to the next one, in the clear
            self._typed_ahead.clear()
        elif self._typed_ahead:
            line = self._typed_ahead.popleft()
            return self._echo(line, prompt, password) if echo else line
        # getpass("") or getpass(" "): the question was printed before it (click's and
        # typer's hidden prompts, rich's), as input()'s prompt is
        label = _NOT_TEXT.sub("", label or prompt or "").strip() \
            or " ".join(f"{self._topic} {self._tail_label()}".split())
        if answers is None and not password:
            answers = self._offered(label)
        try:
            lines = self._ask(label, password, answers, many, value, suggestions,
                              flush=flush, completer=completer) or [""]
        except SessionClosed:
            if threading.current_thread() is not self.thread:
                # Another of the program's threads, asking as the window closed: it ends
                # without a word, as a process's threads do when it is gone.
                raise SystemExit from None
            raise
        except BaseException:
            if prompt is not None and echo and not session.closed:
                self.write("out", prompt)  # Stop at the question: its prompt stays shown
            raise
        if not (password and flush):
            self._typed_ahead.extend(lines[1:])
        return self._echo(lines[0], prompt, password) if echo else lines[0]

    def input_ready(self, timeout: float | None) -> bool:
        """Whether a line of stdin can be read now, after waiting up to `timeout` s (None:
        as long as it takes) for the person to enter one: `select()` on stdin, a timed
        question. The field shows meanwhile, as for `input()`; the line entered waits for
        the read that follows, and the field goes when the time is up."""
        if self.session.closed:
            raise SessionClosed
        if self._typed_ahead:
            return True
        if timeout is not None and timeout <= 0:
            return False
        label = " ".join(f"{self._topic} {self._tail_label()}".split())
        recent = self.recent_lines()
        if not label and recent:  # the question was printed on a line of its own
            label = recent[-1].strip()
        lines = self._ask(label, False, self._offered(label), False, None, None,
                          within=timeout)
        if lines is None:
            return False
        self._typed_ahead.extend(lines)
        return True

    def read_for_child(self, reading: Callable[[], bool]) -> str | None:
        """A line for a child process that reads the console (childinput.py), asked while
        `reading()` holds and the program itself does not ask: the line, "" at end of
        input, or None when the question went first (the child stopped reading)."""
        if self.session.closed or not self._running or self._input is not None:
            return None
        capture = self.capture
        if capture is not None:
            capture.drain()  # the child's prompt, which labels the field
        recent = self.recent_lines()
        label = " ".join(f"{self._topic} {self._tail_label()}".split())
        # A child cannot turn the echo off on a pipe, as it would on a terminal: a Python
        # child's getpass says so and reads on, and so do bash's `read -s`, C's getpass(3)
        # and openssl, asking for a password, a passphrase or a PIN.
        offered = self._offered(label)
        password = (bool(recent) and _NOT_TEXT.sub("", recent[-1]).strip() == GETPASS_WARNING
                    ) or (bool(_SECRET.search(label)) and not offered)
        if password:
            self._typed_ahead.clear()  # as getpass flushes what was typed ahead
        elif self._typed_ahead:
            return self._echo(self._typed_ahead.popleft(), None, False)
        try:
            lines = self._ask(label, password, None if password else offered,
                              False, None, None, still=reading)
        except (SessionClosed, KeyboardInterrupt):
            return None
        if lines is None:
            return None
        if not password:
            self._typed_ahead.extend(lines[1:])
        return self._echo(lines[0], None, password)

    def _offered(self, label: str) -> list[list[Any]] | None:
        """The buttons beside a field labelled `label`: those offered with `offer`, else
        Yes and No or numbered ones its question asks for (pip's "Proceed (Y/n)?", flit's
        licence menu)."""
        if self._answers is not None:
            return self._answers
        return yes_no_buttons(label) or numbered_buttons(label, self.recent_lines())

    def _ask(self, label: str, password: bool, answers: list[list[Any]] | None, many: bool,
             value: str | None, suggestions: list[str] | None, *,
             within: float | None = None, flush: bool = True,
             still: Callable[[], bool] | None = None,
             completer: Completer | None = None) -> list[str] | None:
        """Show the console's field and wait for what the person enters: its lines, or
        None when `within` seconds passed first, or `still()` turned false. A question
        with `still` is a child's (`read_for_child`): None too when the program asks."""
        session = self.session
        self.output.flush()
        for_child = still is not None
        if not for_child:
            self.stop_heard()
        key = session.new_id("i")
        box = session.open_mailbox(key)
        with self._lock:
            if for_child:
                if self._input is not None:
                    session.drop_mailbox(key)
                    return None
                self._child_box = box
            elif self._child_box is not None:  # the program asks: the child's question goes
                self._child_box.put({"seq": 0, "type": "withdraw", "id": ""})  # type: ignore[typeddict-item]
            self._input = box
        try:
            ask: dict[str, Any] = {"cmd": "console_input", "id": key, "prompt": label or "Input",
                                   "password": password, "coalesce": "console-input"}
            if password and not flush:
                ask["flush"] = False  # a prompt library's password takes lines typed ahead
            if answers and not password:
                ask["answers"] = answers
                if many:
                    ask["many"] = True
            if value and not password:
                ask["value"] = value
            if suggestions is None and not password:  # a cmd.Cmd shell's commands
                if completer is None and self._suggested is None and not for_child \
                        and completer_set():
                    completer = complete
                suggestions = offered_words() if self._suggested is None else self._suggested
            if suggestions and not password:
                ask["suggestions"] = suggestions
            if completer is not None and not password:
                ask["complete"] = True  # Tab completes
            session.send(ask)
            return self._wait_for_lines(box, within, still, None if completer is None or password
                                        else functools.partial(self._complete, key, completer))
        finally:
            with self._lock:
                if self._child_box is box:
                    self._child_box = None
                mine = self._input is box  # not when the program asked over a child's
                if mine:
                    self._input = None
                    with contextlib.suppress(SessionClosed):
                        session.send({"cmd": "console_input", "id": None,
                                      "coalesce": "console-input"})
            session.drop_mailbox(key)

    def _echo(self, line: str, prompt: str | None, password: bool) -> str:
        """Show the line read after its prompt, as a terminal echoes it; returns the line."""
        if prompt is not None:
            self.write("out", prompt)
        if line or password:  # end of input (Ctrl+D) shows nothing, as in a terminal
            self.write("in", (line.rstrip("\n") if not password else "") + "\n")
        return line

    def _complete(self, key: str, completer: Completer, asked: Any) -> None:
        """Answer the Tab pressed in question `key`'s field (`asked`: its line and caret)
        with what `completer` makes of it; on the program's thread, which waits for the
        line, as readline calls the completer while `input()` reads."""
        line, cursor = (asked.get("line"), asked.get("cursor")) if isinstance(asked, dict) \
            else (None, None)
        if not isinstance(line, str):
            return  # not from the page, which always sends its line
        found = None
        if len(line) <= MAX_LINE and type(cursor) is int:
            with self._lock:
                self._completing = True
            try:
                found = completer(line, cursor)
            finally:
                with self._lock:
                    self._completing = False
        # Always answered, so that the page's Tabs pressed meanwhile do not wait forever.
        done = found or {"line": line, "cursor": len(line), "matches": [], "more": False}
        self.session.send({"cmd": "console_complete", "id": key, "from": line, **done})

    @staticmethod
    def _wait_for_lines(box: Mailbox, within: float | None = None,
                        still: Callable[[], bool] | None = None,
                        complete: Callable[[Any], None] | None = None) -> list[str] | None:
        """The lines sent (each with its "\n": several when pasted), or [""] at end of input
        (after the text typed and not entered, without a "\n", when there was some); None
        when `within` seconds passed first, or `still()` (checked every `CHECK` s) turned
        false, or the question was withdrawn. A Tab pressed meanwhile goes to `complete`."""
        deadline = None if within is None else time.monotonic() + within
        while True:
            if deadline is None and still is None:
                event = box.get()
            else:
                left = CHECK if deadline is None else deadline - time.monotonic()
                got = box.get_within(left if still is None else min(left, CHECK))
                if got is None:
                    if deadline is not None and time.monotonic() >= deadline:
                        return None
                    if still is not None and not still():
                        return None
                    continue
                event = got
            kind = event["type"]
            if kind == "interrupt":  # type: ignore[comparison-overlap]  # from stop()
                raise event.get("raise") or KeyboardInterrupt
            if kind == "withdraw":  # type: ignore[comparison-overlap]  # the program asks
                return None
            value = event.get("value")
            if kind == "complete":
                if complete is not None:
                    complete(value)
                continue
            if kind == "cancel":  # End input; what was typed and not entered comes first
                typed = value if isinstance(value, str) and len(value) <= MAX_LINE else ""
                return [typed.replace("\r", ""), ""] if typed else [""]
            if kind == "submit" and isinstance(value, str) and len(value) <= MAX_LINE:
                return [line + "\n" for line in value.replace("\r", "").split("\n")]

    # -- runs and Stop ----------------------------------------------------------------------

    def _fresh_streams(self) -> RunStreams:
        readlinehook.new_run()

        def read_line() -> str:  # a line of stdin, starting with readline's default
            return readlinehook.remember(self.read_line(value=readlinehook.starting_text()))

        return RunStreams(self._from_script, read_line, real_fileno, self._stdin_terminal)

    def _from_script(self, stream: str, text: str) -> None:
        """What the script writes: after what its children, or its own raw descriptor
        writes, wrote before it (fdcapture.py); only once there were any, as reading the
        pipes on every write costs time."""
        if self._outlived and threading.current_thread() in self._outlived:
            return  # a thread its program left running: the process's end ended it
        capture = self.capture
        if capture is not None and (self.children.started or capture.written):
            capture.drain()
        self.write(stream, text)

    def command(self, run: int, text: str) -> None:
        """Show run number `run` as starting with the command line `text`: a separator
        and the command; sent again, it changes that run's command line."""
        self.output.flush()
        self._tail, self._redrawn = "", False
        self._recent.clear()
        self.session.send({"cmd": "console_run", "run": run, "command": text})

    def begin_run(self) -> None:
        self.streams = self._fresh_streams()  # what the last run closed stays closed there
        self._typed_ahead.clear()
        self.handlers.clear()  # a run is a fresh process
        self.wakeup_fd = -1
        self._handler_due = None
        self.exit_handlers.clear()
        self._action = None
        self._suggested = None
        self.children.started = 0
        if self.children.input is not None:
            self.children.input.begin()
        with self._lock:
            self._running = True
            self._runs += 1
            if self.thread is not None and self.thread.ident is not None:
                waits.running(self.thread.ident, True)
            self.wake.clear()
        ctrlc.receive(self.signal_arrived, on=True)
        self.show_running()

    def show_running(self) -> None:
        fields: dict[str, Any] = {"state": "running", "stop": self.stop_id}
        if self._action is not None:
            fields["action"] = self._action
        self.status(fields)

    def outlive(self, threads: set[threading.Thread]) -> None:
        """The threads a run left running as it ended (daemons, or those Stop stopped waiting
        for): a terminal's process ends them with it, so what they write from now on is not
        shown, and a question they ask ends them."""
        self._outlived = {thread for thread in self._outlived | threads if thread.is_alive()}

    def end_run(self) -> None:
        ctrlc.receive(self.signal_arrived, on=False)
        self._end_stop_notice()
        if self.children.input is not None:
            self.children.input.stop()  # a child still reading gets end of input
        with self._lock:
            self._running = False
            self._unheard_shown = False
            if self.thread is not None and self.thread.ident is not None:
                waits.running(self.thread.ident, False)

    def stop(self) -> None:
        """Ctrl+C: `KeyboardInterrupt` in the script, however it is waiting (or the Ctrl+C
        handler it set, called), and SIGINT to the child processes it started (children.py):
        the script first, so that a script waiting for a child meets the interrupt as soon
        as that child ends."""
        handler = self.handlers.get(signal.SIGINT)
        program = self.thread
        if self.children.waiting_for_command and self._running:
            self.children.interrupt()  # the program ignores it meanwhile, as C's system()
            return
        if handler == signal.SIG_IGN and self._running:
            self.children.interrupt()  # each child has its own say
            self.status({"state": "running", "stop": self.stop_id, "note": STOP_IGNORED})
            return
        if self._running:  # the work Stop sets off lasts until the program asks or ends
            self.session.reactions.start(by_script=True)
        self._watch_stop()  # first: a program may hear Stop (`stop_heard`) at once
        if callable(handler) and self._running and program is not None:
            self._wake(signal.SIGINT)
            if not self._hand_over(handler, signal.SIGINT):
                self._ctrlc = ctrlc.call_handler(handler, self.session, program, self._raise,
                                                 returned=self.stop_heard)
        else:
            self._raise(KeyboardInterrupt)
        self.children.interrupt()

    def _watch_stop(self) -> None:
        """Say, if the run is still going `STOP_NOTICE` s after Stop, why it is."""
        with self._lock:
            if not self._running or self._stop_notice is not None:
                return
            timer = threading.Timer(STOP_NOTICE, self._stop_unheard, args=(self._runs,))
            timer.name = f"desklaunch-console-stopwatch-{self.session.number}"
            self._stop_notice = timer
            timer.start()  # under the lock: `_end_stop_notice` joins only a started one

    def _stop_unheard(self, run: int) -> None:
        with self._lock:
            if not self._running or run != self._runs or self.session.closed:
                return
            self._unheard_shown = True
        self.status({"state": "running", "stop": self.stop_id, "note": STOP_UNHEARD})

    def stop_heard(self) -> None:
        """The program asks again after Stop (it caught the interrupt and went on, as a
        shell or a debugger does): Stop was heard, so no note says it waits, or none stays."""
        if self._stop_notice is None and not self._unheard_shown:
            return
        self._end_stop_notice()
        with self._lock:
            shown, self._unheard_shown = self._unheard_shown, False
            running = self._running
        if shown and running:
            self.status({"state": "running", "stop": self.stop_id})

    def threads_still_running(self) -> None:
        """Stop ended the program's main part, and the run waits for its other threads, as
        Python waits for them before a process ends: the status says so, and that a second
        Stop ends the wait (not that the program waits where Stop cannot reach it)."""
        self._end_stop_notice()
        with self._lock:
            self._unheard_shown = False
            running = self._running
        if running:
            self.status({"state": "running", "stop": self.stop_id, "note": THREADS_RUNNING})

    def _end_stop_notice(self) -> None:
        with self._lock:
            timer, self._stop_notice = self._stop_notice, None
        if timer is not None:
            timer.cancel()
            if timer is not threading.current_thread():
                timer.join()

    def signal_arrived(self, signum: int) -> None:
        """A signal for the program, from the OS (ctrlc.py `forward_signals`) or itself
        (ownprocess.py): the handler it set is called, or it ends the run as it would end
        a process (`KeyboardInterrupt` for SIGINT, else exit code 128 + N)."""
        handler = self.handlers.get(signum)
        program = self.thread
        if not self._running or program is None or handler == signal.SIG_IGN:
            return
        if callable(handler):
            self._wake(signum)
            if not self._hand_over(handler, signum):
                self._ctrlc = ctrlc.call_handler(handler, self.session, program, self._raise,
                                                 signum)
        elif signum == signal.SIGINT:
            self._raise(KeyboardInterrupt)
        else:
            self._raise(ctrlc.carrier(SystemExit(128 + signum)))

    @contextlib.contextmanager
    def handler_point(self) -> Iterator[None]:
        """The program's thread waits here (its `time.sleep`) where it can call a signal's
        handler itself, as Python calls it on the thread it interrupts: `handler_due` then
        has it. A handler that works on its own thread (pdb's, which traces it) needs that."""
        with self._lock:
            self._handler_points += 1
        try:
            yield
        finally:
            with self._lock:
                self._handler_points -= 1

    def handler_due(self) -> tuple[Callable[[int, Any], Any], int] | None:
        """The handler (and its signal) handed to the program's thread, taken; or None."""
        with self._lock:
            due, self._handler_due = self._handler_due, None
        return due

    def _hand_over(self, handler: Callable[[int, Any], Any], signum: int) -> bool:
        """Give `handler` to the program's thread if it waits at a handler point (it is
        woken, calls it and goes on waiting); False when it does not: it runs its own code,
        and a thread of ours calls the handler (ctrlc.py)."""
        with self._lock:
            if not self._handler_points or self._handler_due is not None:
                return False
            self._handler_due = (handler, signum)
        self.wake.set()
        return True

    def _wake(self, signum: int) -> None:
        """Write `signum` to the run's wakeup descriptor, as CPython's C handler does before
        the Python one runs: an asyncio loop's `add_signal_handler` callback runs then."""
        if self.wakeup_fd >= 0:
            with contextlib.suppress(OSError):  # full, or closed since: as CPython ignores it
                os.write(self.wakeup_fd, bytes([signum]))

    def exit_program(self, code: int) -> None:
        """End the program with exit code `code` (`os._exit` called in another of its
        threads), however it is waiting."""
        self._raise(ctrlc.carrier(SystemExit(code)))

    def _raise(self, kind: type[BaseException]) -> None:
        """Raise `kind` in the running program, however it is waiting."""
        with self._lock:
            if not self._running or self.thread is None or self.thread.ident is None:
                return
            if self._input is not None and self._input is not self._child_box \
                    and not self._completing:
                # waiting for a line: that wait raises it itself (a child's question goes
                # when Stop's SIGINT ends the child)
                self._input.put({"seq": 0, "type": "interrupt", "id": "",  # type: ignore[typeddict-item]
                                 "raise": kind})
            else:
                # The interrupt first, then the wake: a console `time.sleep` returns and the
                # interrupt lands at once; woken first, the script could be asleep again (in
                # C, where nothing lands) before the interrupt is set.
                raise_in_thread(self.thread.ident, kind)
                self.wake.set()

    def status(self, fields: dict[str, Any]) -> None:
        """Show the state of the run (running with Stop, or ended with Run again)."""
        self.output.flush()
        self.session.send({"cmd": "console_status", "coalesce": "console-status", **fields})

    def close(self) -> None:
        """The session closed: stop the flusher, wake a sleeping script so it can end.

        The streams see the closed session and fall back to the real ones."""
        # The script first: one waiting for a child (`subprocess.run`, `Process.join`) must
        # stop as that child ends below, not run its next lines, as a closed terminal's
        # program does not.
        if not self.session.on_script_thread():
            self.session.interrupt()
        self.wake.set()
        self._end_stop_notice()
        if self.thread is not None and self.thread.ident is not None:
            # Also when no run ended in order: a thread made later may get this id.
            waits.running(self.thread.ident, False)
        if self.children.input is not None:
            self.children.input.stop()
        self.children.end()
        if self._ctrlc is not None:
            self._ctrlc.join(1.0)  # its UI calls and sleeps end with the session
        self.output.close()
