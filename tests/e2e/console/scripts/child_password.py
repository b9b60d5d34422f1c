"""A child asks for a password with getpass, as a deploy tool's login does."""

import subprocess
import sys

subprocess.run([sys.executable, "-c", """
import getpass, warnings
warnings.simplefilter("ignore")  # its GetPassWarning, a traceback-like line
print("the child got", len(getpass.getpass("Deploy password: ")), "characters")
"""], check=False)
