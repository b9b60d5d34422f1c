"""How many bytes each top-level package adds to a built app.

Used by the size advice (`optional.py`): a package's archived modules (compressed, from
PyInstaller's PYZ), the files bundled under its folder, its distribution's folder of
vendored libraries (`numpy.libs`, `pillow.libs`) and its installed records.
"""

from __future__ import annotations

import importlib.metadata
import os


def package_sizes(files: list[tuple[str, str, str]], archived: dict[str, int],
                  names: set[str]) -> dict[str, int]:
    """Bytes each of `names` adds: its archived modules, and the files bundled under its
    folder, its distribution's vendored-library folder (`numpy.libs`, `pillow.libs`) and its
    records."""
    owners = _folder_owners(names)
    sizes = dict.fromkeys(names, 0)
    for module, size in archived.items():
        top = module.split(".", 1)[0]
        if top in names:
            sizes[top] += size
    for dest, source, _kind in files:
        first = dest.replace("\\", "/").split("/", 1)[0]
        owner = first if first in names else owners.get(first.lower())
        if owner is not None and source and os.path.isfile(source):
            sizes[owner] += os.path.getsize(source)
    return sizes


def archived_sizes(archive: str) -> dict[str, int]:
    """Compressed bytes of each module in the app's module archive (PyInstaller's PYZ)."""
    try:
        from PyInstaller.loader.pyimod01_archive import ZlibArchiveReader

        return {name: entry[2] for name, entry in ZlibArchiveReader(archive).toc.items()}
    except Exception:  # noqa: BLE001 - another PyInstaller's layout: sizes leave modules out
        return {}


def _folder_owners(names: set[str]) -> dict[str, str]:
    """Folder names (lower case) at the app's root that belong to one of `names`' packages."""
    by_package = importlib.metadata.packages_distributions()
    owners: dict[str, str] = {}
    for name in names:
        for distribution in by_package.get(name, []):
            base = distribution.lower().replace("-", "_")
            owners[f"{base}.libs"] = name
            owners[f"{distribution.lower()}.libs"] = name
            try:
                version = importlib.metadata.version(distribution)
            except importlib.metadata.PackageNotFoundError:
                continue
            for spelling in {base, distribution.lower()}:
                owners[f"{spelling}-{version}.dist-info"] = name
    return owners
