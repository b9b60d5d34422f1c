"""What a terminal never shows: a title (OSC), readline's prompt markers, a colour reset
written after a line break (Django's errors) before a question."""

import sys

sys.stdout.write("\x1b]0;Shop\x07Welcome\n")
name = input("\x01\x1b[1m\x02Name:\x01\x1b[0m\x02 ")
sys.stderr.write("\x1b[31mNo such user\n\x1b[0m")
sys.stderr.flush()
password = input("Password: ")
print(f"bye {name}")
