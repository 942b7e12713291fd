import os
import sys

from calculator.cli.main import main

try:
    code = main()
    sys.stdout.flush()
except BrokenPipeError:
    # The reader stopped early (``| head``): as other command-line tools, end quietly. Python's own
    # flush at exit would raise again, so stdout is pointed at /dev/null first.
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    code = 1
raise SystemExit(code)
