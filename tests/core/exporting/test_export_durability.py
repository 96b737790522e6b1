"""An export's file is on disk before its leads count as exported, and what a killed
export left behind is cleared."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from boothapp.core.models import ExportRecord
from boothapp.core.services import exports as exports_module
from boothapp.core.services.exports import ExportRequest

from .booth_data import Booth


def test_the_file_and_its_folder_are_synced_before_the_export_is_recorded(
    booth: Booth, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    target = tmp_path / "leads.csv"

    def records() -> int:
        with booth.services.database.read() as session:
            return int(session.scalar(select(func.count(ExportRecord.id))) or 0)

    def synced_file(path: Path) -> None:
        assert path.name.endswith(".part") and path.stat().st_size > 0
        events.append(f"file, records {records()}")

    def synced_folder(folder: Path) -> None:
        assert folder == tmp_path and target.exists()
        events.append(f"folder, records {records()}")

    monkeypatch.setattr(exports_module, "sync_file", synced_file)
    monkeypatch.setattr(exports_module, "sync_folder", synced_folder)

    booth.exports.export(ExportRequest(target))

    assert events == ["file, records 0", "folder, records 0"]
    assert records() == 1


def test_a_killed_exports_leftover_is_removed_by_the_next_export(
    booth: Booth, tmp_path: Path
) -> None:
    stale = tmp_path / ".leads.0badc0de.part"
    stale.write_bytes(b"half a workbook")
    hours_ago = time.time() - 7200
    os.utime(stale, (hours_ago, hours_ago))
    running = tmp_path / ".leads.0ddba11a.part"
    running.write_bytes(b"another export, still running")
    unrelated = tmp_path / ".other.12345678.part"
    unrelated.write_bytes(b"not ours")
    os.utime(unrelated, (hours_ago, hours_ago))

    booth.exports.export(ExportRequest(tmp_path / "leads.xlsx"))

    assert not stale.exists()
    assert running.exists() and unrelated.exists()
