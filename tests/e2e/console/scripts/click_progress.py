"""A click command with a progress bar."""

import click


@click.command()
@click.option("--count", default=40, help="How many files.")
def copy(count):
    with click.progressbar(range(count), label="Copying") as bar:
        for _ in bar:
            pass
    click.echo(f"copied {count} files")


if __name__ == "__main__":
    copy()
