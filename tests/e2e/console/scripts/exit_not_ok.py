"""Ends as `unittest.main()` does: `sys.exit(not ok)`, which exits with True."""

import sys

print("2 checks failed")
sys.exit(not False)
