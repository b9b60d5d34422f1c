"""Readable labels from argparse names: `css_file` → "CSS file", `--ipv4` → "IPv4".

An option's name, a `dest` or a `metavar` is split at `-`, `_`, spaces and camelCase
humps; the words a person writes in capitals (acronyms, kept with a trailing number or a
plural `s`: HTTP2, URLs) come back in capitals, a few known spellings (IPv4, macOS) as they
are spelled, a word the author wrote in mixed case as written, every other word in lower
case; the first letter is made a capital.
"""

from __future__ import annotations

import re

_WORDS = """
    api ascii aws cgi cli cpu css csv db dns dpi eof fk fps ftp gid gpu gui html http https id
    io ip jpeg jpg json jwt ldap mime mp3 mp4 nl os pdf pid pk png ram rgb sha smtp sql ssh ssl
    svg tcp tls toml tsv ttl tty udp ui uid uri url utc utf uuid vm xml yaml yml
"""
ACRONYMS = frozenset(_WORDS.split())
SPELLINGS = {word.lower(): word for word in [
    "IPv4", "IPv6", "macOS", "iOS", "GitHub", "GitLab", "OAuth", "PyPI", "JavaScript",
    "TypeScript", "WiFi", "YouTube", "SQLite"]}
_FILE_TYPES = """
    cfg conf csv db gif gz htm html ini jpeg jpg json jsonl log md mp3 mp4 pdf png py sqlite
    svg tar tgz toml tsv txt wav xml yaml yml zip
"""
FILE_TYPES = frozenset(_FILE_TYPES.split())
"""Extensions kept as written at the end of a name: the metavar `filename.py` is a file
name's pattern ("Filename.py"), not two words."""
_FILE_NAME = re.compile(r"(.+)\.([A-Za-z0-9]+)")
_SEPARATORS = re.compile(r"[\s_\-./]+")
_HUMP = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_NUMBERED = re.compile(r"([a-z]+)(\d+)")


_PAIRS = {"<": ">", "[": "]", "{": "}", "(": ")"}


def _unwrapped(name: str) -> str:
    """`name` without the dashes and the brackets around it (`--name`, `<file>`, `[FILE]`);
    brackets inside it, closing at its end, stay (`FILTER[:options]`)."""
    name = name.strip(" -_")
    while len(name) >= 2 and _PAIRS.get(name[0]) == name[-1]:
        name = name[1:-1].strip(" -_")
    return name


def readable(name: str) -> str:
    """A label for a person from an argument's name, metavar or dest."""
    bare = _unwrapped(name)
    named_file = _FILE_NAME.fullmatch(bare)
    if named_file and named_file[2].lower() in FILE_TYPES:
        stem = readable(named_file[1])
        return f"{stem}.{named_file[2]}" if stem else name
    words: list[str] = []
    for part in _SEPARATORS.split(bare):
        if not part:
            continue
        if part.lower() in SPELLINGS:
            words.append(SPELLINGS[part.lower()])
            continue
        pieces = _HUMP.split(part) if part[:1].islower() else [part]
        words.extend(_word(piece, part) for piece in pieces if piece)
    label = " ".join(words)
    if words and words[0] in SPELLINGS.values():
        return label
    return label[:1].upper() + label[1:]


def _word(word: str, whole: str) -> str:
    low = word.lower()
    if low in SPELLINGS:
        return SPELLINGS[low]
    if low in ACRONYMS:
        return low.upper()
    if low.endswith("s") and low[:-1] in ACRONYMS and len(low) > 2:
        return low[:-1].upper() + "s"
    numbered = _NUMBERED.fullmatch(low)
    if numbered and numbered[1] in ACRONYMS:
        return numbered[1].upper() + numbered[2]
    if word != whole and word[:1].isupper() and not word.isupper():
        return low  # a camelCase hump: "outputDir" → "output dir"
    if not word.isupper() and not word.islower() and not word.istitle():
        return word  # mixed case on purpose ("McLaren"): as the author wrote it
    return low
