"""An option that is on, off, or left to the program's own setting (None)."""

import argparse

parser = argparse.ArgumentParser()
parser.add_argument("--warn", action=argparse.BooleanOptionalAction,
                    help="Warn before a destructive query (default: as configured).")
print(f"warn={parser.parse_args().warn}")
