"""``python -m boothapp``: the window with no command, else the command line."""

from __future__ import annotations

import sys

from boothapp.cli import main

if __name__ == "__main__":
    sys.exit(main())
