"""A terminal tool with every kind of argparse field: rows, boxes, a choice, a section."""

import argparse

parser = argparse.ArgumentParser(prog="pack")
parser.add_argument("names", nargs="+", help="What to pack.")
parser.add_argument("--size", nargs=2, metavar=("WIDTH", "HEIGHT"))
parser.add_argument("--colour", nargs="*", choices=["red", "green", "blue"], default=[])
mode = parser.add_mutually_exclusive_group(required=True)
mode.add_argument("--zip", action="store_true")
mode.add_argument("--level", type=int)
extra = parser.add_argument_group("Extra", "Seldom needed.")
extra.add_argument("--note")
args = parser.parse_args()
print(f"names={args.names} size={args.size} colour={args.colour} zip={args.zip} "
      f"level={args.level} note={args.note}")
