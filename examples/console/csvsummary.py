#!/usr/bin/env python3
"""Summarise a CSV file: its columns, the statistics of a numeric column, or grouped totals.

    python csvsummary.py columns sales.csv
    python csvsummary.py stats sales.csv amount
    python csvsummary.py group sales.csv region amount --top 5
"""

import argparse
import csv
import statistics
import sys
from collections import defaultdict


def read_rows(path, delimiter):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))


def numbers(rows, column):
    values = []
    for row in rows:
        try:
            values.append(float(row[column]))
        except (KeyError, TypeError, ValueError):
            continue
    return values


def cmd_columns(args):
    rows = read_rows(args.file, args.delimiter)
    if not rows:
        print("the file has no rows")
        return 1
    print(f"{len(rows)} rows")
    for name in rows[0]:
        filled = sum(1 for row in rows if row[name])
        print(f"  {name:<20} {filled} filled")
    return 0


def cmd_stats(args):
    values = numbers(read_rows(args.file, args.delimiter), args.column)
    if not values:
        print(f"error: no numbers in column {args.column!r}", file=sys.stderr)
        return 1
    print(f"count  {len(values)}")
    print(f"min    {min(values):.{args.digits}f}")
    print(f"max    {max(values):.{args.digits}f}")
    print(f"mean   {statistics.mean(values):.{args.digits}f}")
    print(f"median {statistics.median(values):.{args.digits}f}")
    return 0


def cmd_group(args):
    totals = defaultdict(float)
    for row in read_rows(args.file, args.delimiter):
        try:
            totals[row[args.by]] += float(row[args.column])
        except (KeyError, ValueError):
            continue
    ranked = sorted(totals.items(), key=lambda item: item[1], reverse=True)
    for key, total in ranked[: args.top]:
        print(f"{key:<20} {total:>12.2f}")
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(prog="csvsummary", description="Summarise a CSV file.")
    parser.add_argument("--delimiter", default=",", help="the field separator")
    sub = parser.add_subparsers(dest="command", required=True)

    columns = sub.add_parser("columns", help="list the columns and how full they are")
    columns.add_argument("file", help="the CSV file")
    columns.set_defaults(func=cmd_columns)

    stats = sub.add_parser("stats", help="statistics of one numeric column")
    stats.add_argument("file", help="the CSV file")
    stats.add_argument("column", help="the column to summarise")
    stats.add_argument("--digits", type=int, default=2, help="decimals to show")
    stats.set_defaults(func=cmd_stats)

    group = sub.add_parser("group", help="total a column per value of another")
    group.add_argument("file", help="the CSV file")
    group.add_argument("by", help="the column to group by")
    group.add_argument("column", help="the column to total")
    group.add_argument("--top", type=int, default=10, help="how many groups to show")
    group.set_defaults(func=cmd_group)

    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
