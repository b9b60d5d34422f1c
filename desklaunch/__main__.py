"""`python -m desklaunch` does what the `desklaunch` command does."""

from desklaunch.cli import main

main()
