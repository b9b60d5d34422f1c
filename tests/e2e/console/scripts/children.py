import os
import subprocess
import sys

print("parent first", flush=True)
os.system("echo from os.system")
subprocess.run([sys.executable, "-c", "import sys; print('child says hi'); "
                "print('child complains', file=sys.stderr)"], check=True)
print("parent last")
