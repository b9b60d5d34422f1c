"""Questions written to stderr, each answer read from stdin: how cleo (poetry) asks."""

import sys

answers = []
for question in ("Package name [demo]: ", "Version [0.1.0]: "):
    sys.stderr.write(question)
    sys.stderr.flush()
    answers.append(sys.stdin.readline().strip())
print("answers:", answers)
