"""Stand-in for `pywebio.platform.page`, where PyWebIO defines `config` and `seo` (scripts
import them from here too): the same decorators as `pywebio.platform`'s."""

from __future__ import annotations

from desklaunch.compat.pywebio.platform import config, seo

__all__ = ["config", "seo"]
