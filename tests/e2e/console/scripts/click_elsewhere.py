"""A program whose click command is built in another module and started under a name."""

import click_notes

click_notes.cli(prog_name="notes")
