"""Two functions to run with `file:function`: a plain one and an `async def` one."""

from desklaunch.ui import input, put_text


def main() -> None:
    put_text(f"Hi, {input('Your name')}!")


async def amain() -> None:
    name = await input("Your name")
    put_text(f"Hi, {name}!")
