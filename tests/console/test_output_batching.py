"""Console output is batched into few commands (desklaunch/console/output.py)."""

from __future__ import annotations

import threading

from desklaunch.console.output import ConsoleOutput


class Recorder:
    def __init__(self):
        self.commands = []
        self.arrived = threading.Event()

    def __call__(self, command):
        self.commands.append(command)
        self.arrived.set()

    def text(self, stream="out"):
        return "".join(text for c in self.commands for s, text in c["chunks"] if s == stream)


def test_a_burst_of_writes_becomes_few_commands_in_order():
    sent = Recorder()
    output = ConsoleOutput(sent, "test-console-flush")
    for i in range(10_000):
        output.write("out", f"line {i}\n")
    output.write("err", "oops\n")
    output.close()
    assert sent.text() == "".join(f"line {i}\n" for i in range(10_000))
    assert sent.text("err") == "oops\n"
    assert len(sent.commands) < 20


def test_a_lone_write_is_sent_without_waiting_for_more():
    sent = Recorder()
    output = ConsoleOutput(sent, "test-console-flush")
    try:
        output.write("out", "one line\n")
        assert sent.arrived.wait(10), "a single line was never sent"
        assert sent.text() == "one line\n"
    finally:
        output.close()


def test_the_programs_writes_never_send_so_a_stop_cannot_lose_text_being_sent():
    """Stop interrupts the writing thread anywhere; text is only taken out of the buffer on
    the flusher's thread, which nothing interrupts."""
    senders: list[str] = []
    sent = Recorder()

    def send(command):
        senders.append(threading.current_thread().name)
        sent(command)

    output = ConsoleOutput(send, "test-console-flush")
    for i in range(20_000):  # well past the size that sends at once
        output.write("out", f"line {i}\n")
    output.close()
    assert sent.text() == "".join(f"line {i}\n" for i in range(20_000))
    assert set(senders) == {"test-console-flush"}


def test_an_escape_code_written_in_pieces_is_sent_whole():
    """A "slow print" writes one character at a time, colour codes too: no batch ends in
    the middle of one, so the page never shows `[31m` as text."""
    sent = Recorder()
    output = ConsoleOutput(sent, "test-console-flush")
    try:
        output.write("out", "Hi \x1b[3")
        output.flush(whole=False)
        assert sent.text() == "Hi "
        output.write("out", "1mred\x1b]0;a ti")
        output.flush(whole=False)
        output.write("out", "tle\x07\x1b")
        output.flush(whole=False)
        output.write("out", "[0m done\n")
        output.flush(whole=False)
        assert sent.text() == "Hi \x1b[31mred\x1b]0;a title\x07\x1b[0m done\n"
        assert all(not text.endswith(("\x1b", "\x1b[3", "a ti"))
                   for c in sent.commands for _, text in c["chunks"])
        output.write("out", "\x1b[")  # at the end of a run it is sent as it is
    finally:
        output.close()
    assert sent.text().endswith("done\n\x1b[")
