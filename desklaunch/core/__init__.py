"""The protocol core: one script run and its wire protocol, in plain Python.

Sessions, the events they route, the polling handler and its registry, what a reload
replays, uploads, the event loop and loading the script. Nothing here knows HTTP, Bottle,
waitress or pywebview, so a unit test drives it without a socket.
"""
