"""Output from forked children: a bare os.fork() and multiprocessing's fork workers, also
through streams kept from before the fork (a logging handler, a saved sys.stderr)."""

import logging
import multiprocessing
import os
import sys

logging.basicConfig(level=logging.INFO, format="%(processName)s logs: %(message)s")
log = logging.getLogger("workers")
errors = sys.stderr


def square(number):
    print(f"worker squares {number}", flush=True)
    log.info("squared %d", number)
    errors.write(f"saved stderr {number}\n")
    errors.flush()
    return number * number


if __name__ == "__main__":
    pid = os.fork()
    if pid == 0:
        print("hello from the child")
        sys.stdout.write(f"the child reads {sys.stdin.name}\n")
        os._exit(3)
    _, status = os.waitpid(pid, 0)
    print("the child exited with", os.waitstatus_to_exitcode(status))
    with multiprocessing.get_context("fork").Pool(2) as pool:
        print("results:", pool.map(square, range(4)))
