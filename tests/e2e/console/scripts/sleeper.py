import os
import time

print(f"started in {os.path.basename(os.getcwd())}")
os.chdir(os.path.dirname(os.getcwd()) or "/")
try:
    while True:
        print("tick", flush=True)
        time.sleep(3600)
finally:
    print("cleaning up")
