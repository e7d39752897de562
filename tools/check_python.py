"""Say clearly, before anything else, when the Python that would build the book is not 3.11-3.13.

Kept to syntax old Pythons can parse, so the message itself never fails.
Usage: python tools/check_python.py
"""

import sys

SUPPORTED = ((3, 11), (3, 12), (3, 13))

if tuple(sys.version_info[:2]) not in SUPPORTED:
    sys.exit(
        "This book needs Python 3.11, 3.12 or 3.13; %s is Python %d.%d. Install one of those "
        "(or name it: make PYTHON=/path/to/python3.12 ...) and run the same command again."
        % (sys.executable, sys.version_info[0], sys.version_info[1])
    )
