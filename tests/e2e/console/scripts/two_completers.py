"""Two questions, each completing with its own words, and work between them."""

import readline
import time


def completing(words):
    def complete(text, state):
        found = [word for word in words if word.startswith(text)]
        return found[state] if state < len(found) else None
    return complete


readline.set_completer(completing(["apple", "apricot"]))
first = input("first> ")
time.sleep(0.5)  # working: what is typed now is the next question's
readline.set_completer(completing(["banana", "bandana", "berry"]))
second = input("second> ")
print("got", repr(first), repr(second))
