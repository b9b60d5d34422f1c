"""click's "press a key" helpers: getchar and pause."""

import click

click.echo("Press a key to choose (a/b)")
key = click.getchar()
click.echo(f"chose {key!r}")
click.pause("Press any key to finish...")
click.echo("finished")
