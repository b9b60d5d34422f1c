"""A worker thread that is still printing when the script's last line has run."""

import sys
import threading
import time

STEPS = int(sys.argv[2]) if sys.argv[1:2] == ["--steps"] else 3


def work():
    for step in range(STEPS):
        time.sleep(0.3)
        print("worker step", step)


threading.Thread(target=work, name="outliving-worker").start()
print("main done")
