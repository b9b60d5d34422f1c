"""A program whose parser is built in another module; it never imports argparse itself."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from cli_helpers import build_parser

args = build_parser().parse_args()
for name in args.names:
    print(f"{args.greeting}, {name}!")
