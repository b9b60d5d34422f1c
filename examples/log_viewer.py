"""Log viewer: read a log into a scrolling view that follows its end, with a progress bar,
a count of lines per level, and buttons to show only the errors or save them.

    desklaunch examples/log_viewer.py [LOGFILE]

Without a file it makes up a sample log (slowly, so there is something to watch).
"""

import random
import sys
import time
from collections import Counter
from pathlib import Path

from desklaunch.ui import (
    clear,
    put_buttons,
    put_file,
    put_markdown,
    put_progressbar,
    put_scope,
    put_scrollable,
    put_table,
    put_text,
    set_progressbar,
)

LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
RED = "color: var(--danger-fg)"


def sample_log(count: int = 400) -> list[str]:
    """A made-up service log: mostly INFO, some DEBUG and WARNING, a few ERRORs."""
    rng = random.Random(7)
    events = ["request served in {} ms", "cache refreshed ({} entries)", "user {} signed in",
              "disk usage at {}%", "retrying upstream call #{}", "worker {} restarted"]
    lines = []
    for n in range(count):
        level = rng.choices(LEVELS, weights=(2, 12, 3, 1))[0]
        message = rng.choice(events).format(rng.randint(1, 500))
        lines.append(f"2026-03-01 09:{n // 60 % 60:02d}:{n % 60:02d} {level:<7} {message}")
    return lines


def level_of(line: str) -> str:
    words = line.split()
    return words[2] if len(words) > 2 and words[2] in LEVELS else "OTHER"


def show(line: str) -> None:
    shown = put_text(line, scope="log")
    if level_of(line) == "ERROR":
        shown.style(RED)


given = Path(sys.argv[1]) if len(sys.argv) > 1 else None
lines = given.read_text(errors="replace").splitlines() if given else sample_log()

put_markdown(f"## {given.name if given else 'Sample log'}")
put_progressbar("read", label="Reading…")
put_scrollable(put_scope("log"), height=320, keep_bottom=True)

counts: Counter[str] = Counter()
for n, line in enumerate(lines, 1):
    counts[level_of(line)] += 1
    show(line)
    set_progressbar("read", n / max(len(lines), 1), label=f"{n} of {len(lines)} lines")
    if given is None:
        time.sleep(0.002)  # a live log arrives a line at a time
if not lines:
    set_progressbar("read", 1, label="The log is empty")

errors = [line for line in lines if level_of(line) == "ERROR"]
put_table([[level, counts[level]] for level in (*LEVELS, "OTHER") if counts[level]],
          header=["Level", "Lines"])


def only_errors() -> None:
    clear("log")
    for line in errors:
        show(line)


def everything() -> None:
    clear("log")
    for line in lines:
        show(line)


put_buttons(["Errors only", "Everything"], onclick=[only_errors, everything])
put_file("errors.log", "\n".join(errors) + "\n", label=f"Save the {len(errors)} errors")
