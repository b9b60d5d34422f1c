"""Writes bytes to a detached stdout, as pyfiglet does for its banners."""

import sys

sys.stdout = sys.stdout.detach()
sys.stdout.write("bytes through a detached stdout: ✓\n".encode())
sys.stdout.flush()
