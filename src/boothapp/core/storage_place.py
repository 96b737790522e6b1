"""Whether a database file lies where SQLite cannot keep it safe.

SQLite's locks rely on the file system: on a network share (NFS, SMB, SSHFS, ...) they
may not hold, so two programs can write at once or a dropped connection can leave the
file half-written. A folder that a cloud service syncs (OneDrive, Dropbox, iCloud Drive,
Google Drive) is on the local disk, but the sync copies the file and its ``-wal`` journal
separately, and may put an older copy back over it. Either way leads can be lost.

The place is told by the folder names on the path and, on Linux, by the file system
type of the mount the file lies on (``/proc/mounts``); a mapped network drive on Windows
by the drive's type.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path, PurePath, PureWindowsPath

MOUNTS_FILE = Path("/proc/mounts")

NETWORK_FILE_SYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "ncpfs",
        "9p",
        "afs",
        "coda",
        "ceph",
        "glusterfs",
        "lustre",
        "davfs",
        "fuse.davfs2",
        "sshfs",
        "fuse.sshfs",
        "fuse.rclone",
        "fuse.gvfsd-fuse",
        "fuse.smbnetfs",
        "fuse.curlftpfs",
        "fuse.s3fs",
        "fuse.gcsfuse",
        "fuse.glusterfs",
        "fuse.cephfs",
        "fuse.google-drive-ocamlfuse",
        "fuse.onedriver",
    }
)

_ESCAPED = re.compile(r"\\([0-7]{3})")
_DRIVE_REMOTE = 4


def _synced_by(name: str) -> str | None:
    """The cloud service whose folder is named ``name`` (one part of a path)."""
    folded = name.casefold()
    if folded == "onedrive" or folded.startswith(("onedrive - ", "onedrive-")):
        return "OneDrive"
    if folded == "dropbox" or folded.startswith(("dropbox (", "dropbox-")):
        return "Dropbox"
    if folded in ("icloud drive", "iclouddrive", "mobile documents", "com~apple~clouddocs"):
        return "iCloud Drive"
    if folded in ("google drive", "googledrive") or folded.startswith("googledrive-"):
        return "Google Drive"
    return None


def synced_folder(path: PurePath) -> str | None:
    """The cloud service that syncs a folder ``path`` lies in, by the folders' names."""
    parts = path.parts
    for index, name in enumerate(parts[:-1]):
        service = _synced_by(name)
        if service is not None:
            return service
        if index == 1 and isinstance(path, PureWindowsPath) and name.casefold() == "my drive":
            return "Google Drive"
        if name == "CloudStorage" and index > 0 and parts[index - 1] == "Library":
            following = parts[index + 1] if index + 1 < len(parts) - 1 else ""
            return _synced_by(following) or following.split("-")[0] or "a cloud service"
    return None


def _unescaped(field: str) -> str:
    return _ESCAPED.sub(lambda match: chr(int(match.group(1), 8)), field)


def mount_type(path: PurePath, mounts: str) -> str | None:
    """The file system type of the mount holding ``path`` (an absolute path), read from
    the text of ``/proc/mounts``: the mount with the longest mount point that contains
    ``path``; the last one mounted there when several were."""
    best: tuple[int, str] | None = None
    parts = path.parts
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = PurePath(_unescaped(fields[1])).parts
        if parts[: len(point)] == point and (best is None or len(point) >= best[0]):
            best = (len(point), fields[2])
    return best[1] if best is not None else None


def storage_warning(path: PurePath, mounts: str | None = None) -> str | None:
    """Why the database file ``path`` is not safe where it lies, or None when nothing
    says so. ``mounts`` is the text of ``/proc/mounts`` (Linux), None where there is
    none. Reads nothing itself."""
    if isinstance(path, PureWindowsPath) and path.drive.startswith(("\\\\", "//")):
        return network_share_warning(path, "a Windows share")
    service = synced_folder(path)
    if service is not None:
        return (
            f"{path} is in a folder that {service} syncs: SQLite's locks do not hold there, "
            "and the sync can copy the file without its journal or put an older copy back, "
            "which damages it or loses leads; keep the database in a folder on this "
            "laptop's own disk that is not synced"
        )
    if mounts is not None:
        kind = mount_type(path, mounts)
        if kind is not None and kind.lower() in NETWORK_FILE_SYSTEMS:
            return network_share_warning(path, kind)
    return None


def network_share_warning(path: PurePath, kind: str) -> str:
    """The warning for a database file on a network share (``kind``: its file system)."""
    return (
        f"{path} is on a network share ({kind}): SQLite's locks do not hold there, so two "
        "programs writing at once or a dropped connection can damage the file and lose "
        "leads; keep the database on this laptop's own disk"
    )


def _read_mounts() -> str | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return MOUNTS_FILE.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


def _on_network_drive(path: Path) -> bool:
    """Whether ``path`` is on a mapped network drive (Windows only)."""
    if sys.platform != "win32":
        return False
    import ctypes

    root = f"{path.drive}\\"
    return bool(path.drive) and ctypes.windll.kernel32.GetDriveTypeW(root) == _DRIVE_REMOTE


def place_warning(path: str | os.PathLike[str]) -> str | None:
    """``storage_warning`` for the database file ``path`` on this computer: its real
    path, this system's mounts, and on Windows whether its drive is a network drive."""
    try:
        real = Path(path).expanduser().resolve()
    except OSError:
        real = Path(path).expanduser().absolute()
    warning = storage_warning(real, _read_mounts())
    if warning is None and _on_network_drive(real):
        return network_share_warning(real, "a network drive")
    return warning
