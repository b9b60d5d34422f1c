import argparse

parser = argparse.ArgumentParser(prog="notes")
parser.add_argument("--user", default="ada")
commands = parser.add_subparsers(dest="command", required=True)
add = commands.add_parser("add", help="add a note")
add.add_argument("text")
remove = commands.add_parser("remove", help="remove a note")
remove.add_argument("number", type=int)
args = parser.parse_args()
print(f"{args.command} by {args.user}: {vars(args)}")
