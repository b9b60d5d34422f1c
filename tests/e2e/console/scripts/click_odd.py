"""A click command made in a way no form can read (its help cannot even be asked for)."""

import click


class Odd(click.Command):
    @property
    def help(self):
        raise RuntimeError("no help today")

    @help.setter  # noqa: A003 - click names it so
    def help(self, value):
        pass


@click.command(cls=Odd)
@click.argument("word")
def shout(word):
    click.echo(word.upper())


if __name__ == "__main__":
    shout()
