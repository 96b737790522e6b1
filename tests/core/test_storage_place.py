"""Where a database file lies: a network share or a synced folder gets a warning."""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from boothapp.cli import main
from boothapp.core.storage_place import mount_type, place_warning, storage_warning

MOUNTS = """\
sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0
/dev/nvme0n1p2 / ext4 rw,relatime,errors=remount-ro 0 0
/dev/nvme0n1p1 /boot/efi vfat rw,relatime 0 0
tmpfs /run tmpfs rw,nosuid,nodev,size=1611436k,mode=755 0 0
nas.local:/exports/booth /mnt/booth nfs4 rw,relatime,vers=4.2 0 0
//fileserver/Sales\\040Team /mnt/sales\\040team cifs rw,relatime,vers=3.1.1 0 0
/dev/sdb1 /mnt/booth/usb vfat rw,relatime 0 0
sales@laptop:/home/sales /home/anna/remote fuse.sshfs rw,nosuid,nodev 0 0
gvfsd-fuse /run/user/1000/gvfs fuse.gvfsd-fuse rw,nosuid,nodev 0 0
drvfs /mnt/c 9p rw,noatime,aname=drvfs 0 0
"""


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/mnt/booth/boothapp.sqlite3", "nfs4"),
        ("/mnt/sales team/2026/boothapp.sqlite3", "cifs"),
        ("/home/anna/remote/boothapp.sqlite3", "fuse.sshfs"),
        ("/run/user/1000/gvfs/smb-share:server=nas,share=booth/boothapp.sqlite3", "gvfsd"),
        ("/mnt/c/Users/Anna/boothapp.sqlite3", "9p"),
    ],
)
def test_a_file_on_a_network_share_is_named_with_its_file_system(path: str, kind: str) -> None:
    warning = storage_warning(PurePosixPath(path), MOUNTS)

    assert warning is not None
    assert warning.startswith(f"{path} is on a network share (")
    assert kind in warning
    assert "SQLite's locks do not hold there" in warning
    assert "keep the database on this laptop's own disk" in warning


@pytest.mark.parametrize(
    "path",
    [
        "/home/anna/.local/share/boothapp/boothapp.sqlite3",
        "/mnt/booth/usb/boothapp.sqlite3",
        "/mnt/boothapp.sqlite3",
        "/mnt/booth-old/boothapp.sqlite3",
        "/boot/efi/boothapp.sqlite3",
    ],
)
def test_a_file_on_a_local_disk_gets_no_warning(path: str) -> None:
    assert storage_warning(PurePosixPath(path), MOUNTS) is None


def test_the_longest_mount_point_holding_the_file_decides() -> None:
    assert mount_type(PurePosixPath("/mnt/booth/usb/a.sqlite3"), MOUNTS) == "vfat"
    assert mount_type(PurePosixPath("/mnt/booth/a.sqlite3"), MOUNTS) == "nfs4"
    assert mount_type(PurePosixPath("/mnt/boothx/a.sqlite3"), MOUNTS) == "ext4"
    assert mount_type(PurePosixPath("relative/a.sqlite3"), MOUNTS) is None


def test_the_last_mount_on_a_mount_point_hides_the_ones_under_it() -> None:
    mounts = MOUNTS + "server:/booth /mnt/booth/usb nfs rw 0 0\n"

    assert mount_type(PurePosixPath("/mnt/booth/usb/a.sqlite3"), mounts) == "nfs"


@pytest.mark.parametrize(
    ("path", "service"),
    [
        (PureWindowsPath(r"C:\Users\Anna\OneDrive\Shows\boothapp.sqlite3"), "OneDrive"),
        (PureWindowsPath(r"C:\Users\Anna\OneDrive - Peli Cases\boothapp.sqlite3"), "OneDrive"),
        (PureWindowsPath(r"D:\Dropbox (Peli)\boothapp.sqlite3"), "Dropbox"),
        (PureWindowsPath(r"C:\Users\Anna\iCloudDrive\boothapp.sqlite3"), "iCloud Drive"),
        (PureWindowsPath(r"G:\My Drive\Milipol\boothapp.sqlite3"), "Google Drive"),
        (PurePosixPath("/home/anna/Dropbox/boothapp.sqlite3"), "Dropbox"),
        (PurePosixPath("/home/anna/onedrive/boothapp.sqlite3"), "OneDrive"),
        (
            PurePosixPath(
                "/Users/anna/Library/Mobile Documents/com~apple~CloudDocs/boothapp.sqlite3"
            ),
            "iCloud Drive",
        ),
        (
            PurePosixPath(
                "/Users/anna/Library/CloudStorage/GoogleDrive-anna@peli.com/My Drive/b.sqlite3"
            ),
            "Google Drive",
        ),
        (
            PurePosixPath("/Users/anna/Library/CloudStorage/OneDrive-Personal/b.sqlite3"),
            "OneDrive",
        ),
        (PurePosixPath("/Users/anna/Library/CloudStorage/Box-Box/b.sqlite3"), "Box"),
    ],
)
def test_a_file_in_a_synced_folder_names_the_service(path: PurePosixPath, service: str) -> None:
    warning = storage_warning(path, MOUNTS if isinstance(path, PurePosixPath) else None)

    assert warning is not None
    assert warning.startswith(f"{path} is in a folder that {service} syncs:")
    assert "keep the database in a folder on this laptop's own disk that is not synced" in warning


@pytest.mark.parametrize(
    "path",
    [
        PureWindowsPath(r"C:\Users\Anna\Documents\My Drive\boothapp.sqlite3"),
        PureWindowsPath(r"C:\Users\Anna\AppData\Local\boothapp\boothapp.sqlite3"),
        PurePosixPath("/home/anna/dropbox-export.sqlite3"),
        PurePosixPath("/home/anna/Shows/OneDriveless/boothapp.sqlite3"),
    ],
)
def test_names_that_only_look_like_a_synced_folder_get_no_warning(path: PurePosixPath) -> None:
    assert storage_warning(path, None) is None


def test_a_windows_share_is_a_network_share() -> None:
    path = PureWindowsPath(r"\\nas\booth\boothapp.sqlite3")

    warning = storage_warning(path)

    assert warning is not None
    assert warning.startswith(rf"{path} is on a network share (a Windows share)")


def test_this_computers_temporary_folder_is_checked_without_a_warning(tmp_path: Path) -> None:
    assert place_warning(tmp_path / "boothapp.sqlite3") is None


def test_the_command_line_warns_on_stderr_after_a_command_that_wrote(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "Dropbox"
    folder.mkdir()
    database = str(folder / "booth.sqlite3")

    assert main(["--db", database, "event", "add", "Milipol Paris"]) == 0
    added = capsys.readouterr()
    assert main(["--db", database, "event", "list"]) == 0
    listed = capsys.readouterr()

    assert "Milipol Paris" in listed.out
    assert added.err == (
        f"boothapp: warning: {folder / 'booth.sqlite3'} is in a folder that Dropbox syncs: "
        "SQLite's locks do not hold there, and the sync can copy the file without its journal "
        "or put an older copy back, which damages it or loses leads; keep the database in a "
        "folder on this laptop's own disk that is not synced\n"
    )
    assert listed.err == ""
