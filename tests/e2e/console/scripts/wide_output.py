"""Wide output: a long line, stderr lines, a logged error and a handled traceback."""

import logging
import sys
import traceback

print("|" + "-" * 400 + "|")
print("a calm note on stderr", file=sys.stderr)
logging.basicConfig(format="%(levelname)s %(message)s")
logging.error("a logged error")
try:
    {}["missing"]
except KeyError:
    traceback.print_exc()
print("after the traceback", file=sys.stderr)
for n in range(300):
    print(f"row {n}")
