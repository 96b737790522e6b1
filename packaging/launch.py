"""The frozen app's entry script: the same ``main`` as the ``boothapp`` command and
``python -m boothapp``."""

import sys

from boothapp.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
