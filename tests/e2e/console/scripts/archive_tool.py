"""An archive tool: argument groups, a required exclusive choice, nargs, FileType, count."""

import argparse
import sys

parser = argparse.ArgumentParser(
    prog="archive_tool", description="Lists, packs or checks an archive.",
    epilog="Exit status is 0 when all went well.")
action = parser.add_mutually_exclusive_group(required=True)
action.add_argument("-l", "--list", action="store_true", help="list the members")
action.add_argument("-c", "--create", nargs="+", metavar="FILE", help="pack these files")
action.add_argument("-t", "--test", action="store_true", help="check the archive")
parser.add_argument("archive", help="the archive file")
parser.add_argument("-v", "--verbose", action="count", default=0, help="say more")
output = parser.add_argument_group("Output", "Where the report goes.")
output.add_argument("--report", type=argparse.FileType("w"), default="-",
                    help="the report file")
output.add_argument("--json-lines", action="store_true", help="one JSON object per line")
limits = parser.add_argument_group("Limits")
limits.add_argument("--size", nargs=2, type=int, metavar=("MIN", "MAX"), help="in bytes")
limits.add_argument("--exclude", action="append", default=[], help="a pattern to skip")
limits.add_argument("--http2", action="store_true", help="fetch with HTTP2")
args = parser.parse_args()
what = "list" if args.list else "test" if args.test else "create"
print(f"{what} {args.archive}", file=args.report)
for name in args.create or []:
    print(f"  + {name}", file=args.report)
print(f"verbose={args.verbose} size={args.size} exclude={args.exclude} "
      f"json_lines={args.json_lines} http2={args.http2}", file=args.report)
print("done", file=sys.stderr)
