"""Every kind of argparse argument, printed back as the script received it."""

import argparse

print("top-level code runs")


def main():
    parser = argparse.ArgumentParser(prog="every_action", description="Shows its arguments.")
    parser.add_argument("name", help="who to greet")
    parser.add_argument("--count", type=int, default=2, help="how many times (%(default)s)")
    parser.add_argument("--ratio", type=float, help="a fraction")
    parser.add_argument("--mode", choices=["fast", "slow"], default="fast")
    parser.add_argument("--shout", action="store_true", help="use capitals")
    parser.add_argument("--no-color", dest="color", action="store_false")
    parser.add_argument("--tag", action="append", help="a tag; may repeat")
    parser.add_argument("--items", nargs="+", type=int)
    parser.add_argument("-v", "--verbose", action="count", default=0)
    parser.add_argument("--input-file", help="a file to read")
    args = parser.parse_args()
    for key, value in sorted(vars(args).items()):
        print(f"{key}={value!r}")


if __name__ == "__main__":
    main()
