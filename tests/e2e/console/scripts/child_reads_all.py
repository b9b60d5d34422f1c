"""A child that reads every line until end of input, as `sort` or `wc` do."""

import subprocess
import sys

COUNT = "import sys; print(f'child read {len(sys.stdin.readlines())} lines')"
subprocess.run([sys.executable, "-c", COUNT], check=False)
print("parent goes on")
