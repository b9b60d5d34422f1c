"""Functions registered with atexit: Python calls them, last first, as the program ends."""

import atexit


@atexit.register
def goodbye():
    print("goodbye")


atexit.register(print, "saving", "state")
atexit.register(print, "never called")
atexit.unregister(print)
atexit.register(print, "state saved")
print("main done")
