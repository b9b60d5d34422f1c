"""A shell whose completer takes its time (a network lookup, say)."""

import readline
import time


def completer(text, state):
    if text:  # the hosts whose names start so, looked up far away
        time.sleep(30)
    return None


readline.set_completer(completer)
print("got", input("Host: "))
