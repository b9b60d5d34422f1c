"""A python-fire program: its commands are a class's methods, its arguments come from
`sys.argv` (fire parses only its own flags, after a `--`, with argparse)."""

import fire


class Calc:
    """A tiny calculator."""

    def add(self, a, b=1):
        """Add a and b."""
        return a + b

    def greet(self, name="World"):
        """Say hello."""
        return f"Hello {name}"


if __name__ == "__main__":
    fire.Fire(Calc)
