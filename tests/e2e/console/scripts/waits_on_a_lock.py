"""A wait no interrupt reaches (a lock acquired twice), ended by a helper after a while."""

import threading
import time

lock = threading.Lock()
lock.acquire()
print("waiting on a lock", flush=True)
threading.Thread(target=lambda: (time.sleep(4), lock.release()), daemon=True).start()
try:
    lock.acquire()
    print("got the lock", flush=True)
    time.sleep(60)
finally:
    print("cleaning up", flush=True)
