"""A shell whose completer takes its time (a network lookup, say): as many seconds as its
argument says, 30 by default."""

import readline
import sys
import time

HOSTS = ["example.org", "example.net"]
DELAY = float(sys.argv[1]) if len(sys.argv) > 1 else 30


def completer(text, state):
    if not text:
        return None
    if state == 0:  # the hosts whose names start so, looked up far away
        time.sleep(DELAY)
    found = [host for host in HOSTS if host.startswith(text)]
    return found[state] if state < len(found) else None


readline.set_completer(completer)
print("got", input("Host: "))
