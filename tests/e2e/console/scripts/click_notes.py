"""A small click tool: a group with options, prompts, flags, choices and subcommands."""

import click


@click.group(help="Keep a list of notes in a text file.")
@click.option("--file", "path", type=click.Path(dir_okay=False), default="notes.txt",
              show_default=True, help="The notes file.")
@click.option("-v", "--verbose", count=True, help="Say more.")
@click.pass_context
def cli(ctx, path, verbose):
    ctx.obj = {"path": path, "verbose": verbose}
    if verbose:
        click.secho(f"using {path}", fg="cyan")


@cli.command(help="Add a note.")
@click.argument("text", nargs=-1, required=True)
@click.option("--priority", type=click.Choice(["low", "normal", "high"]), default="normal")
@click.option("--times", type=click.IntRange(1, 5), default=1, help="How many copies.")
@click.option("--tag", multiple=True, help="Tags, as many as you like.")
@click.option("--urgent/--not-urgent", default=False, help="Mark it urgent.")
@click.pass_obj
def add(obj, text, priority, times, tag, urgent):
    for _ in range(times):
        click.echo(f"added: {' '.join(text)} [{priority}] tags={list(tag)} urgent={urgent}")
    click.secho("done", fg="green", bold=True)


@cli.command(help="Remove notes, after asking.")
@click.option("--name", prompt="Whose notes", help="The owner.")
@click.option("--password", prompt=True, hide_input=True, help="The owner's password.")
@click.argument("number", type=int)
@click.pass_obj
def remove(obj, name, password, number):
    if click.confirm(f"Remove note {number} of {name}?", default=True):
        click.echo(f"removed {number} for {name} ({len(password)} characters of password)")
    else:
        click.echo("kept", err=True)
    color = click.prompt("Favourite colour", type=click.Choice(["red", "blue"]), default="red")
    click.secho(f"colour: {color}", fg=color)


if __name__ == "__main__":
    cli()
