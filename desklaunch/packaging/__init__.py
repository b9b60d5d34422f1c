"""Freezing: `desklaunch build`, its templates and icons, and the PyInstaller hook.

Build-time only: a frozen app leaves this whole package out (see hooks/hook-desklaunch.py).
"""
