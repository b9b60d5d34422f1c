"""Shows one line, then divides by zero two frames down."""

from desklaunch.ui import put_text


def ratio(a: int, b: int) -> float:
    return a / b


put_text("About to divide")
ratio(1, 0)
