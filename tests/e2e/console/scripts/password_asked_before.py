"""Passwords asked the way rich's and click's (typer's) hidden prompts ask them: the
question printed first, then `getpass("")`, or `getpass(" ")` after a question without its
space."""

import getpass
import sys

print("Passphrase: ", end="", flush=True)
secret = getpass.getpass("")
sys.stdout.write("PIN:")
pin = getpass.getpass(" ")
print(f"{len(secret)} characters, PIN of {len(pin)}")
