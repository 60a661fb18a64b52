import os
import sys

from .cli import main

try:
    sys.exit(main())
except BrokenPipeError:
    # The reader went away (`progress | head`): not an error of ours. Point stdout at /dev/null so
    # Python's final flush does not complain again.
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(0)
