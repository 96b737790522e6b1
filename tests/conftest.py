"""Shared by every test: Qt runs offscreen, and each test gets a fresh database."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from boothapp.core.db import Database, open_database  # noqa: E402
from boothapp.core.services import Services  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def _station_file_in_tmp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The station ID file (``core.station``) is made in a temporary folder, never in the
    real home, the shell's $BOOTHAPP_STATION is ignored, and the window speaks English
    (its source text) whatever the machine's language."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data")))
        patch.delenv("BOOTHAPP_STATION", raising=False)
        patch.setenv("BOOTHAPP_LANGUAGE", "en")
        yield


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    """Every service over a new, empty database file in ``tmp_path``."""
    database = open_database(tmp_path / "boothapp.sqlite3")
    try:
        yield Services.over(database)
    finally:
        database.close()


@pytest.fixture
def database(services: Services) -> Database:
    """The database under ``services``."""
    return services.database
