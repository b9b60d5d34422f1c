"""Stand-in for `pywebio.platform.path_deploy`: the apps of a folder, shown in one desklaunch
window (desklaunch/compat/pywebio/platform/deploy.py)."""

from __future__ import annotations

from desklaunch.compat.pywebio.platform import path_deploy, path_deploy_http

__all__ = ["path_deploy", "path_deploy_http"]
