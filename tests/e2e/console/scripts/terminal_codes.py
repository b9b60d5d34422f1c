"""What terminal programs print beyond 16 colours: 256 colours, true colour, reverse
video, backspaces (a spinner, an overwrite), a bell, and a key mode escape (vim's)."""

import sys
import time

print("\033[38;5;208morange\033[0m \033[38;2;10;200;30mtrue green\033[0m \033[7mreversed\033[0m")
print("abc\b\bX")
print("ding\a!")
print("\033[>4;2mno key mode")
sys.stdout.write("working |")
for mark in "/-\\|":
    sys.stdout.write("\b" + mark)
    sys.stdout.flush()
    time.sleep(0.05)
print("\bdone")
