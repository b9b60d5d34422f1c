#!/usr/bin/env python3
"""Download a list of "URLs" with retries and a progress bar.

There is no network here: a URL of the form `local:NAME` is read from the --source folder,
and `gen:SIZE` makes SIZE bytes of data; every few tries fail on purpose (--flaky), the way
a real server sometimes does, so the retry logic has something to do.

    python fetchloop.py urls.txt --out downloads --retries 3
"""

import argparse
import hashlib
import random
import sys
import time
from pathlib import Path

from tqdm import tqdm


class TransientError(Exception):
    pass


def fetch(url, source, rng, flaky):
    if rng.random() < flaky:
        raise TransientError(f"timed out fetching {url}")
    scheme, _, rest = url.partition(":")
    if scheme == "local":
        return (source / rest).read_bytes()
    if scheme == "gen":
        return hashlib.sha256(rest.encode()).digest() * (int(rest) // 32 + 1)
    raise ValueError(f"unsupported URL: {url}")


def fetch_with_retries(url, args, rng):
    delay = args.backoff
    for attempt in range(1, args.retries + 1):
        try:
            return fetch(url, args.source, rng, args.flaky)
        except TransientError as exc:
            tqdm.write(f"attempt {attempt}/{args.retries} failed: {exc}", file=sys.stderr)
            if attempt == args.retries:
                raise
            time.sleep(delay)
            delay *= 2
    return b""


def main():
    parser = argparse.ArgumentParser(description="Fetch URLs listed in a file, with retries.")
    parser.add_argument("url_file", type=argparse.FileType("r"),
                        help="a text file with one URL per line")
    parser.add_argument("--out", default="downloads", help="folder to save into")
    parser.add_argument("--source", type=Path, default=Path("."),
                        help="where local: URLs are read from")
    parser.add_argument("--retries", type=int, default=3, help="tries per URL")
    parser.add_argument("--backoff", type=float, default=0.01,
                        help="seconds to wait before the first retry")
    parser.add_argument("--flaky", type=float, default=0.3,
                        help="chance that a try fails (0 to 1)")
    parser.add_argument("--seed", type=int, default=7, help="random seed, for repeatable runs")
    args = parser.parse_args()

    with args.url_file:
        urls = [line.strip() for line in args.url_file
                if line.strip() and not line.startswith("#")]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    failed = []
    total = 0
    for url in tqdm(urls, desc="Downloading", unit="file"):
        try:
            data = fetch_with_retries(url, args, rng)
        except (TransientError, OSError, ValueError) as exc:
            failed.append(url)
            tqdm.write(f"giving up on {url}: {exc}", file=sys.stderr)
            continue
        name = url.partition(":")[2].replace("/", "_") or "index"
        (out / name).write_bytes(data)
        total += len(data)
    print(f"fetched {len(urls) - len(failed)} of {len(urls)} files, {total} bytes")
    if failed:
        print("failed:", ", ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
