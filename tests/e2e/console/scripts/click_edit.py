"""click.edit, as a note-taking tool asks for a message."""

import click

message = click.edit("Subject\n# Lines starting with # are dropped\n")
if message is None:
    click.echo("kept as it was")
else:
    kept = [line for line in message.splitlines() if not line.startswith("#")]
    click.echo(f"saved: {' | '.join(kept)}")
