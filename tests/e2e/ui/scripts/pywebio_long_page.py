"""A PyWebIO app whose page is longer than the window: it opens at its top, as in PyWebIO,
until it asks to follow new output (set_env(auto_scroll_bottom=True))."""

from pywebio import start_server
from pywebio.output import put_buttons, put_markdown, put_text
from pywebio.session import set_env


def follow():
    set_env(auto_scroll_bottom=True)
    for n in range(120):
        put_text(f"more {n}")


def main():
    put_markdown("# Top of the page")
    for n in range(120):
        put_text(f"line {n}")
    put_buttons(["Follow"], onclick=lambda _: follow())


start_server(main)
