"""Starts a long child process (through a shell, so it has a child of its own) and waits."""

import subprocess
import sys

child = subprocess.Popen(
    ["/bin/sh", "-c", f"{sys.executable} -c 'import time; time.sleep(600)' & wait"])
print(f"child {child.pid}", flush=True)
child.wait()
