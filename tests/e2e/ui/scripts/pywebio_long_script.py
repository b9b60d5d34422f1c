"""A script written for PyWebIO, run top to bottom (no start_server), longer than the window:
it opens at its top, as PyWebIO shows it."""

from pywebio.output import put_markdown, put_text

put_markdown("# Top of the script")
for n in range(120):
    put_text(f"line {n}")
