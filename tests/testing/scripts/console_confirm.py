"""A click tool that asks before it acts."""

import click


@click.command()
@click.option("--count", type=int, default=1, help="How many.")
@click.option("--tag", multiple=True)
def main(count, tag):
    if click.confirm("Really?"):
        click.echo(f"done {count} {list(tag)}")


main()
