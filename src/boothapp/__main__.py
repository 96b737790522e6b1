"""``boothapp`` and ``python -m boothapp``: the window with no command, else the
command line. Only the window loads Qt."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from boothapp import cli


def main(argv: Sequence[str] | None = None) -> int:
    args = cli.parse_args(argv)
    if args.command is None:
        from boothapp.gui.app import run_gui

        return run_gui(args.db)
    return cli.run(args)


if __name__ == "__main__":
    sys.exit(main())
