"""A typer app with two commands."""

from enum import Enum

import typer

app = typer.Typer(help="Greet people and count things.", add_completion=False)


class Style(str, Enum):
    plain = "plain"
    fancy = "fancy"


@app.command()
def hello(name: str, count: int = typer.Option(1, help="How many greetings."),
          style: Style = Style.plain, shout: bool = False):
    """Say hello to NAME."""
    for _ in range(count):
        text = f"Hello {name}!"
        typer.secho(text.upper() if shout else text,
                    fg=typer.colors.MAGENTA if style is Style.fancy else None)


@app.command()
def total(numbers: list[float], precision: int = 2):
    """Add up NUMBERS."""
    typer.echo(f"total = {round(sum(numbers), precision)}")
    if typer.confirm("Show the average?"):
        typer.echo(f"average = {round(sum(numbers) / len(numbers), precision)}")


if __name__ == "__main__":
    app()
