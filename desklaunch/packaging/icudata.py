"""Qt's ICU data library, trimmed to the app's languages.

PyQt6's wheel ships `Qt6/lib/libicudata.so.NN` (32 MB for ICU 73): a shared library whose
only content is ICU's "common data" package, exported as one symbol (`icudtNN_dat`) that
libicuuc links. QtCore reads it for collation (QCollator), for the text encodings it does
not convert itself, and for IDNA; QtWebEngine's Chromium never does (it has its own
icudtl.dat). This module writes a copy of that library holding only what the app can use:

Kept:
- every item that is not per-locale data: the properties, normalization (`*.nrm`),
  StringPrep (`*.spp`), character names, the collation root table (`coll/ucadata.icu`),
  the break rules (`brkitr/*.brk`), the converter alias table (`cnvalias.icu`), and the
  supplemental resources (supplementalData, likelySubtags, metadata, plurals, zoneinfo64,
  metaZones, timezoneTypes, windowsZones, ...), with `pool.res` and `res_index.res` of every
  tree;
- `root.res` of every tree (what every lookup falls back to);
- the per-locale resources (`de.res`, `de_AT.res`, `coll/de__PHONEBOOK.res`, `en_001.res`)
  whose language is English or one of the build's `--lang` languages (`pt_BR` keeps every
  `pt`), in every tree, with the old alias names of those languages (`no` for `nb`, `iw`
  for `he`, ...);
- a word dictionary (`brkitr/*.dict`) only for a language kept that needs it: Chinese,
  Japanese, Korean (`cjdict`), Thai, Khmer, Lao, Burmese.

Dropped, and why:
- the per-locale resources of every other language: the app's page speaks its own
  languages; ICU falls back to the root locale for the others (QCollator then sorts by the
  root collation order, which is right for most languages written in Latin script);
- the legacy converters (`*.cnv`, 5 MB): QtCore converts UTF-8/16/32 and Latin-1 itself and
  ICU's algorithmic ones (ASCII, UTF-7, SCSU, ...) need no data; only a
  `QStringDecoder("Shift_JIS")`-like request for a table-driven legacy encoding fails;
- the transliterators (`translit/`): Qt never opens one.

A common-data package (ICU's udata.cpp, ucmndata.cpp) is a DataHeader (its size first,
magic 0xda 0x27, a UDataInfo whose dataFormat is "CmnD") and, at headerSize, a table of
contents: a count, then (nameOffset, dataOffset) pairs relative to the table's start, the
names sorted (ICU binary-searches them) and each item 16-byte aligned; an item's length is
the distance to the next. The library around it is a plain ELF file whose data section ends
its first (read-only) segment; the copy moves everything after it down by whole pages so
that every offset stays congruent to its address. Any layout other than the expected one is
refused (`UnknownLayoutError`) and the build keeps the original library: never a broken file.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

ALIGN = 16
# Old language codes ICU still carries as aliases of the current ones, both ways.
LANGUAGE_ALIASES = {"nb": "no", "no": "nb", "he": "iw", "iw": "he", "id": "in", "in": "id",
                    "ro": "mo", "mo": "ro", "sr": "sh", "sh": "sr", "fil": "tl", "tl": "fil"}
# The word dictionaries of brkitr/, by the languages that need them.
DICTIONARIES = {"cjdict": {"zh", "ja", "ko", "yue"}, "thaidict": {"th"},
                "khmerdict": {"km"}, "laodict": {"lo"}, "burmesedict": {"my"}}
SYMBOL = re.compile(rb"icudt[0-9]+[lbe]?_dat")


class UnknownLayoutError(Exception):
    """The file is not a layout this module knows; the original is to be kept."""


@dataclass(frozen=True)
class Package:
    """An ICU common-data package: its header and its items (name, bytes) in ToC order."""

    header: bytes
    items: list[tuple[str, bytes]]


def read_package(data: bytes) -> Package:
    """The package in `data` (exactly the package's bytes)."""
    if len(data) < 32:
        raise UnknownLayoutError("too short for an ICU data header")
    header_size, magic1, magic2 = struct.unpack_from("<HBB", data, 0)
    big_endian, charset = data[8], data[9]
    if (magic1, magic2) != (0xDA, 0x27) or big_endian or charset:
        raise UnknownLayoutError("not a little-endian ICU data package")
    if data[12:16] != b"CmnD" or data[16] != 1:
        raise UnknownLayoutError("not an ICU common-data package with an offset table")
    if header_size % ALIGN or header_size + 4 > len(data):
        raise UnknownLayoutError("an unexpected ICU data header size")
    toc = data[header_size:]
    (count,) = struct.unpack_from("<I", toc, 0)
    if 4 + 8 * count > len(toc):
        raise UnknownLayoutError("the ICU table of contents runs past the data")
    entries = [struct.unpack_from("<II", toc, 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_offset, data_offset) in enumerate(entries):
        end = entries[i + 1][1] if i + 1 < count else len(toc)
        name_end = toc.find(b"\0", name_offset)
        if not 4 + 8 * count <= name_offset < name_end or not data_offset <= end:
            raise UnknownLayoutError("an ICU table entry out of place")
        if data_offset % ALIGN:
            raise UnknownLayoutError("an ICU item not aligned to 16 bytes")
        try:
            name = toc[name_offset:name_end].decode("ascii")
        except UnicodeDecodeError:
            raise UnknownLayoutError("an ICU item name that is not ASCII") from None
        items.append((name, toc[data_offset:end]))
    names = [name for name, _ in items]
    if names != sorted(names):
        raise UnknownLayoutError("the ICU table of contents is not sorted")
    return Package(data[:header_size], items)


def write_package(package: Package) -> bytes:
    """The package's bytes: its header, the table of contents in the items' order, the
    names, then each item at a 16-byte boundary (relative to the table, whose own offset is
    a multiple of 16)."""
    count = len(package.items)
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in package.items)
    offset = _aligned(4 + 8 * count + len(names))
    table, name_offset, body = [struct.pack("<I", count)], 4 + 8 * count, []
    for name, item in package.items:
        table.append(struct.pack("<II", name_offset, offset))
        name_offset += len(name) + 1
        body.append(item + b"\0" * (_aligned(len(item)) - len(item)))
        offset += _aligned(len(item))
    toc = b"".join(table) + names
    toc += b"\xaa" * (_aligned(len(toc)) - len(toc))  # as icupkg pads
    return package.header + toc + b"".join(body)


def kept(name: str, languages: Iterable[str]) -> bool:
    """Whether the item `name` (`icudt73l/coll/de.res`) stays for these languages (English
    always does): see the module's docstring."""
    wanted = {"en"} | {code.replace("-", "_").split("_")[0].lower() for code in languages}
    wanted |= {LANGUAGE_ALIASES[code] for code in wanted if code in LANGUAGE_ALIASES}
    parts = name.split("/")[1:] or [name]
    leaf = parts[-1]
    if leaf.endswith(".cnv") or parts[0] == "translit":
        return False
    if leaf.endswith(".dict"):
        return bool(DICTIONARIES.get(leaf[:-5], set()) & wanted)
    language = locale_language(leaf)
    return language is None or language in wanted


def locale_language(leaf: str) -> str | None:
    """The language of a per-locale resource (`de_AT.res`, `zh_Hant_TW.res`,
    `de__PHONEBOOK.res`), or None for every other item (`root.res`, `res_index.res`,
    `supplementalData.res`, `ucadata.icu`): a language is 2-3 small letters, and what
    follows it are script, region and variant subtags, none starting with a small letter."""
    if not leaf.endswith(".res"):
        return None
    language, *rest = leaf[:-4].split("_")
    if not re.fullmatch(r"[a-z]{2,3}", language):
        return None
    if any(part[:1].islower() for part in rest):
        return None
    return language


def trim_package(data: bytes, languages: Iterable[str]) -> bytes:
    """The package in `data` less the items `kept` drops."""
    wanted = list(languages)
    package = read_package(data)
    return write_package(Package(package.header,
                                 [item for item in package.items if kept(item[0], wanted)]))


def _aligned(size: int) -> int:
    return -(-size // ALIGN) * ALIGN


# ELF64 little-endian structures (<elf.h>).
EHDR = struct.Struct("<16sHHIQQQIHHHHHH")
PHDR = struct.Struct("<IIQQQQQQ")
SHDR = struct.Struct("<IIQQQQIIQQ")
SYM = struct.Struct("<IBBHQQ")
DYN = struct.Struct("<qQ")
PT_LOAD, PT_GNU_STACK = 1, 0x6474E551
SHT_NOBITS, SHT_DYNSYM, SHT_SYMTAB, SHT_DYNAMIC = 8, 11, 2, 6
# .dynamic entries that hold an address (moved with what they point to), and those that
# hold a size, flag or string offset (left as they are); any other entry is refused.
DT_ADDRESSES = {3, 4, 5, 6, 12, 13, 25, 26, 32, 0x6FFFFEF5, 0x6FFFFFF0, 0x6FFFFFFC,
                0x6FFFFFFE}
DT_VALUES = {0, 1, 10, 11, 14, 15, 16, 24, 27, 28, 29, 30, 0x6FFFFFFB, 0x6FFFFFFD,
             0x6FFFFFFF}


def trim_library(source: Path, dest: Path, languages: Iterable[str]) -> int:
    """Write to `dest` a copy of the ICU data library `source` holding only the items kept
    for `languages`; the new size. Raises UnknownLayoutError (and writes nothing) when
    `source` is not the layout described in the module's docstring."""
    data = source.read_bytes()
    try:
        new = _trimmed_elf(data, list(languages))
    except (struct.error, IndexError, ValueError) as exc:  # a table pointing off the file
        raise UnknownLayoutError(f"a damaged file ({exc})") from None
    partial = dest.with_name(dest.name + ".part")
    partial.write_bytes(new)
    partial.chmod(source.stat().st_mode & 0o777)
    partial.replace(dest)
    return len(new)


def _trimmed_elf(data: bytes, languages: list[str]) -> bytes:
    if len(data) < EHDR.size or data[:6] != b"\x7fELF\x02\x01":
        raise UnknownLayoutError("not a 64-bit little-endian ELF file")
    (_, e_type, _, _, entry, phoff, shoff, _, _, phentsize, phnum, shentsize, shnum,
     _) = EHDR.unpack_from(data, 0)
    if e_type != 3 or phentsize != PHDR.size or shentsize != SHDR.size:
        raise UnknownLayoutError("not a shared library of the expected kind")
    if shoff + shnum * SHDR.size > len(data) or phoff + phnum * PHDR.size > len(data):
        raise UnknownLayoutError("the ELF headers run past the file")
    phdrs = [list(PHDR.unpack_from(data, phoff + i * PHDR.size)) for i in range(phnum)]
    shdrs = [list(SHDR.unpack_from(data, shoff + i * SHDR.size)) for i in range(shnum)]
    for sh in shdrs:
        if sh[1] != SHT_NOBITS and sh[4] + sh[5] > len(data):
            raise UnknownLayoutError("an ELF section runs past the file")

    # The one exported symbol, icudtNN_dat: the whole of its section.
    dynsym = [sh for sh in shdrs if sh[1] == SHT_DYNSYM]
    if len(dynsym) != 1:
        raise UnknownLayoutError("not one dynamic symbol table")
    strtab = shdrs[dynsym[0][6]] if dynsym[0][6] < shnum else None
    defined = [sym for sym in _symbols(data, dynsym[0]) if sym[3] != 0]
    if strtab is None or len(defined) != 1:
        raise UnknownLayoutError("not one exported symbol")
    name_at = strtab[4] + defined[0][0]
    name = data[name_at:data.find(b"\0", name_at)]
    _, info, _, index, value, size = defined[0]
    if not SYMBOL.fullmatch(name) or info & 0xF != 1 or index >= shnum:
        raise UnknownLayoutError("the exported symbol is not ICU's data")
    section = shdrs[index]
    start, addr = section[4], section[3]
    if section[1] == SHT_NOBITS or value != addr or size != section[5] or start % ALIGN:
        raise UnknownLayoutError("ICU's data is not its section")
    end = start + size
    loads = [ph for ph in phdrs if ph[0] == PT_LOAD]
    page = max((ph[7] for ph in loads), default=0)
    if not loads or page < 0x1000 or page & (page - 1):
        raise UnknownLayoutError("no loadable segment of the expected alignment")
    first = loads[0]
    if (first[2], first[3]) != (0, 0) or first[5] != end or first[6] != end or addr != start:
        raise UnknownLayoutError("ICU's data does not end the first segment")

    package = trim_package(data[start:end], languages)
    shift = (size - len(package)) // page * page
    if shift <= 0:
        raise UnknownLayoutError("nothing to trim")

    def moved(offset: int, what: str) -> int:
        if offset >= end:
            return offset - shift
        if offset > start:
            raise UnknownLayoutError(f"{what} inside ICU's data")
        return offset

    out = bytearray(data[:start] + package)
    out += b"\0" * (end - shift - len(out))
    out += data[end:]
    # ELF header: the section table moves; the entry point (unused) moves if past the data.
    header = list(EHDR.unpack_from(data, 0))
    header[4], header[6] = moved(entry, "the entry point"), moved(shoff, "the section table")
    if phoff + phnum * PHDR.size > start:
        raise UnknownLayoutError("the program headers are not before ICU's data")
    EHDR.pack_into(out, 0, *header)
    for i, ph in enumerate(phdrs):
        if ph is first:
            ph[5] -= shift
            ph[6] -= shift
        elif ph[0] == PT_GNU_STACK or (ph[2] + ph[5] <= start and ph[3] + ph[6] <= addr):
            pass
        elif ph[2] >= end and ph[3] >= end:
            ph[2], ph[3], ph[4] = ph[2] - shift, ph[3] - shift, ph[4] - shift
        else:
            raise UnknownLayoutError("a segment overlaps ICU's data")
        PHDR.pack_into(out, phoff + i * PHDR.size, *ph)
    for i, sh in enumerate(shdrs):
        if i == index:
            sh[5] = len(package)
        elif sh[4] >= end:
            sh[4] -= shift
            sh[3] = moved(sh[3], "a section") if sh[3] else 0
        elif sh[4] + sh[5] > start and sh[5]:
            raise UnknownLayoutError("a section overlaps ICU's data")
        SHDR.pack_into(out, header[6] + i * SHDR.size, *sh)
    for sh in shdrs:  # already moved: their offsets point into `out`
        if sh[1] in (SHT_DYNSYM, SHT_SYMTAB):
            _fix_symbols(out, sh, addr, end, shift, len(package))
        elif sh[1] == SHT_DYNAMIC:
            _fix_dynamic(out, sh, moved)
    read_package(bytes(out[start:start + len(package)]))  # what ICU will read
    return bytes(out)


def _symbols(data: bytes | bytearray, sh: list[int]) -> list[tuple[int, ...]]:
    if sh[9] != SYM.size or sh[5] % SYM.size:
        raise UnknownLayoutError("a symbol table of an unexpected shape")
    return [SYM.unpack_from(data, sh[4] + i * SYM.size) for i in range(sh[5] // SYM.size)]


def _fix_symbols(out: bytearray, sh: list[int], addr: int, end: int, shift: int,
                 size: int) -> None:
    """The data symbol gets the package's new size; symbols past the data move with it."""
    for i, sym in enumerate(_symbols(out, sh)):
        name, info, other, index, value, old_size = sym
        if index == 0 or index >= 0xFF00:  # undefined, absolute, common: no address here
            continue
        if value == addr and old_size:
            old_size = size
        elif value >= end:
            value -= shift
        elif addr < value < end:
            raise UnknownLayoutError("a symbol inside ICU's data")
        SYM.pack_into(out, sh[4] + i * SYM.size, name, info, other, index, value, old_size)


def _fix_dynamic(out: bytearray, sh: list[int], moved: Callable[[int, str], int]) -> None:
    """Addresses in .dynamic past the data move with it; anything unknown is refused."""
    for i in range(sh[5] // DYN.size):
        tag, value = DYN.unpack_from(out, sh[4] + i * DYN.size)
        if tag in DT_ADDRESSES:
            DYN.pack_into(out, sh[4] + i * DYN.size, tag, moved(value, "a dynamic entry"))
        elif tag not in DT_VALUES:
            raise UnknownLayoutError(f"an unexpected dynamic entry ({tag:#x})")
        if tag == 0:
            break


def icu_data_for_build(source: str, work: str, languages: Iterable[str]) -> str:
    """For the build's spec: the trimmed copy of Qt's ICU data library `source`, written
    into the build's work folder `work`; `source` itself (with one line saying why) when it
    cannot be trimmed."""
    dest = Path(work) / "icudata" / Path(source).name
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        trim_library(Path(source), dest, languages)
    except (UnknownLayoutError, OSError) as exc:
        print(f"desklaunch: Qt's ICU data kept whole ({Path(source).name}: {exc})")
        return source
    return str(dest)
