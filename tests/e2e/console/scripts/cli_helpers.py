"""A helper module that builds the program's parser: a subclass of ArgumentParser."""

import argparse
import sys


class FriendlyParser(argparse.ArgumentParser):
    """Adds --version-info and reads the command line itself, as such libraries do."""

    def parse_args(self, args=None, namespace=None):
        words = sys.argv[1:] if args is None else args
        return super().parse_args(words, namespace)


def build_parser():
    parser = FriendlyParser(prog="greeter", description="Greets people.")
    parser.add_argument("names", nargs="+", help="who to greet")
    parser.add_argument("--greeting", default="Hello")
    return parser
