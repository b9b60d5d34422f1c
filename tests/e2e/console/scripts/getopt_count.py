"""A getopt program: count words of files, as old tools parse their arguments."""

import getopt
import sys


def main(argv):
    try:
        opts, files = getopt.getopt(argv, "ln:", ["lines", "top="])
    except getopt.GetoptError as err:
        print(f"getopt_count: {err}", file=sys.stderr)
        return 2
    if not files:
        print("usage: getopt_count.py [-l] [-n TOP] FILE...", file=sys.stderr)
        return 2
    lines = any(o in ("-l", "--lines") for o, _ in opts)
    top = next((int(v) for o, v in opts if o in ("-n", "--top")), 3)
    for name in files:
        print(f"{name}: {len(name.split())} word(s), top {top}, lines={lines}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
