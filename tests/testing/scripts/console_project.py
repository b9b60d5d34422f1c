"""A click command whose option is asked for when not given, offering a default."""

import click


@click.command()
@click.option("--name", prompt="Project name", default="demo", help="What to call it.")
def new(name: str) -> None:
    click.echo(f"created {name}")


if __name__ == "__main__":
    new()
