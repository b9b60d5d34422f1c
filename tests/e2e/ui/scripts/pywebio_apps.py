"""Two PyWebIO apps served together, switching with go_app (tests/e2e/ui/test_apps.py)."""

from pywebio import start_server
from pywebio.input import NUMBER, input
from pywebio.output import clear, put_buttons, put_text
from pywebio.session import go_app


def adder():
    """Add numbers

    Adds two numbers you type, with `input()` <b>twice</b>.
    """
    a = input("First number", type=NUMBER)
    b = input("Second number", type=NUMBER)
    put_text(f"{a} + {b} = {a + b}")
    put_buttons(["Go to greeter"], onclick=lambda _: go_app("greeter"))


def greeter():
    """Say hello"""
    clear()  # the whole output: the bar above it stays, after a reload too
    put_buttons(["Go to adder"], onclick=lambda _: go_app("adder"))
    name = input("Your name")
    put_text(f"Hello, {name}!")


if __name__ == "__main__":
    start_server({"adder": adder, "greeter": greeter}, port=8080)
