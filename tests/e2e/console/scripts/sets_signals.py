"""Sets signal handlers at start, as csvkit (SIGPIPE) and many tools (Ctrl+C) do."""

import signal
import sys

signal.signal(signal.SIGPIPE, signal.SIG_DFL)
signal.signal(signal.SIGINT, lambda number, frame: sys.exit("interrupted"))
print("handlers set")
