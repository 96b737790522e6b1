"""The crash log: where the window and the command line write the traceback of a bug."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from boothapp import APP_NAME, __version__

CRASH_LOG_NAME = "crash.log"
MAX_LOG_BYTES = 512 * 1024


def crash_log_path() -> Path:
    import platformdirs

    return platformdirs.user_log_path(APP_NAME, appauthor=False) / CRASH_LOG_NAME


def write_crash_log(report: str, path: Path | None = None) -> Path | None:
    """Appends ``report`` to the crash log (starting afresh past 512 KiB).

    Returns the file written, or None when it could not be written."""
    path = path or crash_log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > MAX_LOG_BYTES:
            path.replace(path.with_name(path.name + ".old"))
        stamp = datetime.now().astimezone().isoformat(timespec="seconds")
        with path.open("a", encoding="utf-8", errors="replace") as handle:
            handle.write(f"=== {stamp} {APP_NAME} {__version__} Python {sys.version.split()[0]}\n")
            handle.write(report)
            handle.write("\n")
    except OSError:
        return None
    return path
