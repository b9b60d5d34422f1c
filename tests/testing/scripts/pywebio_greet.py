"""A script written for PyWebIO: it runs on desklaunch's stand-ins."""

from pywebio.input import input
from pywebio.output import put_text
from pywebio.platform import start_server


def main():
    put_text(f"Hi, {input('Your name')}!")


if __name__ == "__main__":
    start_server(main, port=8080)
