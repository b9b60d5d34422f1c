#!/usr/bin/env python3
"""Rename files in a folder: add a prefix, number them, change the case.

    python renamer.py photos --prefix trip_ --number --dry-run
"""

import argparse
import logging
import sys
from pathlib import Path

log = logging.getLogger("renamer")


def parse_args():
    parser = argparse.ArgumentParser(description="Rename the files of a folder in bulk.")
    parser.add_argument("folder", help="the folder whose files to rename")
    parser.add_argument("--pattern", default="*", help="which files, as a glob (default: *)")
    parser.add_argument("--prefix", default="", help="text to put in front of each name")
    parser.add_argument("--case", choices=["keep", "lower", "upper"], default="keep",
                        help="change the case of the names")
    parser.add_argument("--number", action="store_true", help="number the files 001, 002, ...")
    parser.add_argument("-n", "--dry-run", action="store_true",
                        help="only show what would be renamed")
    parser.add_argument("-v", "--verbose", action="store_true", help="say more")
    return parser.parse_args()


def new_name(path, index, args):
    stem = path.stem
    if args.case == "lower":
        stem = stem.lower()
    elif args.case == "upper":
        stem = stem.upper()
    if args.number:
        stem = f"{index:03d}_{stem}"
    return f"{args.prefix}{stem}{path.suffix}"


def main():
    args = parse_args()
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(asctime)s %(levelname)-8s %(message)s", datefmt="%H:%M:%S")
    folder = Path(args.folder)
    if not folder.is_dir():
        log.error("%s is not a folder", folder)
        return 2
    files = sorted(p for p in folder.glob(args.pattern) if p.is_file())
    if not files:
        log.warning("no files match %r in %s", args.pattern, folder)
        return 1
    log.info("%d file(s) to rename%s", len(files), " (dry run)" if args.dry_run else "")
    renamed = 0
    for index, path in enumerate(files, 1):
        target = path.with_name(new_name(path, index, args))
        if target == path:
            log.debug("skipping %s: name unchanged", path.name)
            continue
        if target.exists():
            log.warning("skipping %s: %s already exists", path.name, target.name)
            continue
        print(f"{path.name} -> {target.name}")
        if not args.dry_run:
            path.rename(target)
        renamed += 1
    log.info("done: %d %s", renamed, "would be renamed" if args.dry_run else "renamed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
