"""Hello: ask a name, greet, and keep a button working after the script's last line."""

from desklaunch.ui import input, put_buttons, put_text

name = input("Your name")
put_text(f"Hello, {name}!")
put_buttons(["Again"], onclick=lambda label: put_text("Clicked " + label))
