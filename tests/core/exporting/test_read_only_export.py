"""A database opened read-only (a full disk, a damaged file) still exports every lead,
in full, and says the export could not be recorded."""

from __future__ import annotations

from pathlib import Path

from boothapp.core.db import open_database
from boothapp.core.services import Services
from boothapp.core.services.demo import create_demo
from boothapp.core.services.exports import ExportRequest


def test_a_read_only_database_exports_what_a_writable_one_does(tmp_path: Path) -> None:
    path = tmp_path / "booth.sqlite3"
    database = open_database(path)
    services = Services.over(database)
    create_demo(services, leads=80, seed=5)
    writable = services.exports.export(ExportRequest(tmp_path / "writable.csv"))
    database.close()

    read_only = open_database(path, read_only=True)
    try:
        result = Services.over(read_only).exports.export(ExportRequest(tmp_path / "read-only.csv"))
    finally:
        read_only.close()

    assert writable.not_recorded == ""
    assert result.count == writable.count == 80
    assert "not recorded" in result.not_recorded
    written = (tmp_path / "read-only.csv").read_text(encoding="utf-8-sig")
    assert written == (tmp_path / "writable.csv").read_text(encoding="utf-8-sig")
