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
