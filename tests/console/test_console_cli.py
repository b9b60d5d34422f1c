"""`desklaunch script.py` on a plain script, as a user runs it: console mode, end to end."""

from __future__ import annotations

import json

from test_cli import WAIT, Client, desklaunch, run_attached, url_line, write


def test_a_plain_script_runs_in_console_mode_and_exits_with_its_code(tmp_path):
    script = write(tmp_path, "plain.py", """\
        import os, sys
        print("to the console")
        os.system("echo child output")
        sys.exit(3)
    """)
    result = run_attached(tmp_path, script)
    assert result.returncode == 3
    # The script's output went to the window, not to the terminal.
    assert "to the console" not in result.stdout + result.stderr
    assert "child output" not in result.stdout + result.stderr


def test_an_exception_in_console_mode_is_also_reported_on_stderr(tmp_path):
    script = write(tmp_path, "boom.py", "raise ValueError('boom')\n")
    result = run_attached(tmp_path, "--console", script)
    assert result.returncode == 1
    assert "ValueError: boom" in result.stderr


def test_an_alarm_the_script_set_calls_its_handler(tmp_path):
    script = write(tmp_path, "alarm.py", """\
        import signal, sys, time

        def too_slow(signum, frame):
            raise TimeoutError(f"signal {signum}")

        signal.signal(signal.SIGALRM, too_slow)
        signal.alarm(1)
        try:
            time.sleep(20)
        except TimeoutError as exc:
            sys.exit(7 if str(exc) == f"signal {int(signal.SIGALRM)}" else 1)
    """)
    assert run_attached(tmp_path, script).returncode == 7


def test_an_alarm_with_no_handler_ends_the_run_as_it_ends_a_process(tmp_path):
    script = write(tmp_path, "alarm.py", "import signal, time\nsignal.alarm(1)\ntime.sleep(20)\n")
    assert run_attached(tmp_path, script).returncode == 128 + 14  # the shell's code for it


def test_a_screen_switch_written_to_the_descriptor_comes_before_what_follows(tmp_path):
    """textual and curses switch to their own screen and back by writing to the descriptor
    itself: what the program prints after the switch back comes after it, as written.
    Before it, the console would drop it with the screen the switch took away."""
    script = write(tmp_path, "screens.py", """\
        import os, time
        print("before", flush=True)
        os.write(2, b"\\x1b[?1049h\\x1b[2J\\x1b[1;1HFRAME")
        time.sleep(0.3)
        os.write(2, b"\\x1b[?1049l")
        print("after")
    """)
    with desklaunch("--no-open", script, cwd=tmp_path) as proc:
        try:
            client = Client(url_line(proc))
            assert client.enter() == 303
            answer = client.poll()
            session, view = answer["session"], answer["view"]
            written = ""
            while "Exited with code" not in json.dumps(answer["commands"]):
                written += "".join(text for command in answer["commands"]
                                   if command["cmd"] == "console_write"
                                   for _, text, *_ in command["chunks"])
                answer = client.poll(session, view, answer["seq"])
            written += "".join(text for command in answer["commands"]
                               if command["cmd"] == "console_write"
                               for _, text, *_ in command["chunks"])
        finally:
            proc.terminate()
            proc.wait(WAIT)
    assert written.index("after") > written.index("\x1b[?1049l") > written.index("FRAME")
