"""The station ID (``core.station``): made once, kept in the user data folder, replaced
when garbled, overridden by $BOOTHAPP_STATION."""

from __future__ import annotations

import logging
import os
import uuid
from pathlib import Path

import pytest

from boothapp.core import station as station_module
from boothapp.core.db import default_database_path
from boothapp.core.errors import ValidationError
from boothapp.core.station import (
    ENV_VARIABLE,
    current_station,
    is_station_id,
    load_station_id,
    station_file_path,
)


@pytest.fixture
def data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user data folder, empty, in ``tmp_path``."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data" / "boothapp"


def test_the_station_id_is_made_once_beside_the_default_database(data_folder: Path) -> None:
    assert station_file_path() == data_folder / "station-id.txt"
    assert station_file_path().parent == default_database_path().parent
    assert not data_folder.exists()

    first = current_station()

    assert str(uuid.UUID(first)) == first
    assert station_file_path().read_text(encoding="ascii") == f"{first}\n"
    assert current_station() == first
    assert os.listdir(data_folder) == ["station-id.txt"]


def test_an_id_written_in_the_file_is_used(data_folder: Path) -> None:
    data_folder.mkdir(parents=True)
    station_file_path().write_text("laptop-3\n", encoding="ascii")
    assert current_station() == "laptop-3"


@pytest.mark.parametrize(
    "garbled",
    [b"", b"\x00\x00\x00\x00", b"\xff\xfe\x8e", b"half-written/", b"a" * 65, b"two\nlines"],
)
def test_a_garbled_file_gets_a_new_id_and_a_log_line(
    data_folder: Path, garbled: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    data_folder.mkdir(parents=True)
    station_file_path().write_bytes(garbled)

    with caplog.at_level(logging.WARNING, logger="boothapp.core.station"):
        made = current_station()

    assert str(uuid.UUID(made)) == made
    assert station_file_path().read_text(encoding="ascii") == f"{made}\n"
    assert current_station() == made
    assert len(caplog.records) == 1
    assert str(station_file_path()) in caplog.records[0].getMessage()
    assert "new station ID" in caplog.records[0].getMessage()


def test_an_unreadable_and_unwritable_file_leaves_an_id_for_this_run(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder_in_the_way = tmp_path / "station-id.txt"
    folder_in_the_way.mkdir()

    with caplog.at_level(logging.WARNING, logger="boothapp.core.station"):
        made = load_station_id(folder_in_the_way)

    assert is_station_id(made)
    assert folder_in_the_way.is_dir()
    messages = [record.getMessage() for record in caplog.records]
    assert len(messages) == 2 and "for this run only" in messages[1]
    assert not [p for p in tmp_path.iterdir() if p != folder_in_the_way]


def test_a_write_cut_short_leaves_no_half_written_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "station-id.txt"

    def power_cut(descriptor: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(station_module.os, "fsync", power_cut)
    load_station_id(path)
    assert list(tmp_path.iterdir()) == []

    monkeypatch.undo()
    made = load_station_id(path)
    assert path.read_text(encoding="ascii") == f"{made}\n"
    assert load_station_id(path) == made


def test_when_two_programs_make_the_first_id_together_both_keep_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window and a command started at the same moment on a new laptop: the other
    program links its file first; this one reads it rather than writing over it."""
    path = tmp_path / "station-id.txt"
    link = os.link

    def other_program_first(source: str, target: Path) -> None:
        Path(target).write_text("made-by-the-window\n", encoding="ascii")
        link(source, target)

    monkeypatch.setattr(station_module.os, "link", other_program_first)

    assert load_station_id(path) == "made-by-the-window"
    assert path.read_text(encoding="ascii") == "made-by-the-window\n"
    assert list(tmp_path.iterdir()) == [path]


def test_a_file_system_without_hard_links_still_keeps_the_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "station-id.txt"

    def no_hard_links(source: str, target: Path) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(station_module.os, "link", no_hard_links)

    made = load_station_id(path)
    assert path.read_text(encoding="ascii") == f"{made}\n"
    assert list(tmp_path.iterdir()) == [path]
    assert load_station_id(path) == made


def test_the_environment_variable_overrides_the_file(
    data_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = current_station()
    monkeypatch.setenv(ENV_VARIABLE, "second-window")
    assert current_station() == "second-window"
    monkeypatch.delenv(ENV_VARIABLE)
    assert current_station() == kept
    assert station_file_path().read_text(encoding="ascii") == f"{kept}\n"


@pytest.mark.parametrize("chosen", ["two words", "laptop@booth", "-x", "é", "x" * 65])
def test_an_environment_variable_that_cannot_name_a_station_is_refused(
    data_folder: Path, monkeypatch: pytest.MonkeyPatch, chosen: str
) -> None:
    monkeypatch.setenv(ENV_VARIABLE, chosen)
    with pytest.raises(ValidationError, match=ENV_VARIABLE):
        current_station()
    assert not data_folder.exists()
