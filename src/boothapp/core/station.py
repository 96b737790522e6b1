"""Which station this is: one laptop's user account, whatever database it opens.

Some settings belong to the laptop rather than to the booth (see
``core.settings.StationSettings``); on a database shared by several laptops they are
stored per station. A station ID is a random UUID made the first time it is needed and
kept in ``station-id.txt`` in the user data folder, beside the default database, so the
window and the commands run by one user on one laptop are the same station.
``$BOOTHAPP_STATION`` overrides it (two windows on one machine, tests).

The file is written whole or not at all: a temporary file beside it is synced to the disk,
then linked in its place, so that when the window and a command start together for the
first time, the first to link its file wins and the other reads that one. A file that
cannot be read or holds something else is replaced by a new ID and the log says so; a
folder that cannot be written leaves the new ID for this run only. Neither stops the
start.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

from boothapp.core.db import user_data_folder
from boothapp.core.durable import sync_folder
from boothapp.core.errors import ValidationError

ENV_VARIABLE = "BOOTHAPP_STATION"
STATION_FILE_NAME = "station-id.txt"

_STATION_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")

_log = logging.getLogger(__name__)


def is_station_id(text: str) -> bool:
    """Whether ``text`` can name a station: 1 to 64 letters, digits, ``.``, ``_`` or ``-``,
    starting with a letter or digit (it becomes part of keys of at most 100 characters)."""
    return _STATION_ID.fullmatch(text) is not None


def station_file_path() -> Path:
    return user_data_folder() / STATION_FILE_NAME


def current_station() -> str:
    """This station's ID: ``$BOOTHAPP_STATION`` when set, else the one kept in the user
    data folder (made on first use). A ``$BOOTHAPP_STATION`` that cannot name a station
    raises ValidationError."""
    chosen = os.environ.get(ENV_VARIABLE)
    if chosen:
        if not is_station_id(chosen):
            raise ValidationError(
                ENV_VARIABLE,
                f"{chosen!r} cannot name a station: use 1 to 64 letters, digits, '.', '_' or '-'",
            )
        return chosen
    return load_station_id(station_file_path())


def load_station_id(path: Path) -> str:
    """The station ID kept in ``path``; a new one, written there, when the file is
    missing, unreadable or garbled."""
    missing = False
    try:
        return _read_station_id(path)
    except FileNotFoundError:
        missing = True
    except (OSError, ValueError) as exc:
        _log.warning(
            "%s could not be read (%s): this laptop gets a new station ID; the active show, "
            "staff, form draft and scanner layout it kept under the old one are not used",
            path,
            exc,
        )
    import uuid

    station = str(uuid.uuid4())
    try:
        return _write_atomically(path, station, replace=not missing)
    except (OSError, ValueError) as exc:
        _log.warning(
            "cannot write %s (%s): station %s is used for this run only", path, exc, station
        )
    return station


def _read_station_id(path: Path) -> str:
    """Raises OSError when ``path`` cannot be read, ValueError when it holds no station ID."""
    text = path.read_bytes().decode("ascii").strip()
    if not is_station_id(text):
        raise ValueError(f"it holds {text[:40]!r}, not a station ID")
    return text


def _write_atomically(path: Path, station: str, replace: bool) -> str:
    """Writes ``station`` to a temporary file beside ``path`` and syncs it to the disk.
    With ``replace`` it is renamed over ``path``; otherwise it is linked as ``path`` only
    if there is still no file there, and the station ID another process has just written
    is returned instead. The folder is synced so that the new name is kept too."""
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="ascii") as file:
            file.write(f"{station}\n")
            file.flush()
            os.fsync(file.fileno())
        if replace:
            os.replace(temporary, path)
        else:
            try:
                os.link(temporary, path)
            except FileExistsError:
                return _read_station_id(path)
            except OSError:
                os.replace(temporary, path)  # a file system without hard links
    finally:
        Path(temporary).unlink(missing_ok=True)
    sync_folder(path.parent)
    return station
