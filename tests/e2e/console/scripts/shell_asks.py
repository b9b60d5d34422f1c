"""A shell command that asks yes or no, as an installer's confirmation does."""

import os

code = os.system("printf 'Delete 3 files? [y/N] '; read answer; echo \"answered $answer\"")
print(f"the shell exited with {code}")
