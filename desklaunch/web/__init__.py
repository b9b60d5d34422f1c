"""The HTTP side: the launch's socket and secret, the security gate, the Bottle routes served
by waitress, and the packaged static files. It knows the protocol core, never a window."""
