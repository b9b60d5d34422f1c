"""A binary filter: reads bytes from a file or standard input, writes them upper-cased."""

import argparse
import sys

parser = argparse.ArgumentParser(prog="upper")
parser.add_argument("infile", nargs="?", type=argparse.FileType("rb"), default=sys.stdin.buffer)
args = parser.parse_args()
data = args.infile.read()
sys.stdout.buffer.write(data.upper())
sys.stdout.buffer.write(f"{len(data)} bytes\n".encode())
