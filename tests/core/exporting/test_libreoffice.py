"""Every workbook opens in LibreOffice: converted headless to CSV, values as text."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from boothapp.core.services.exports import ExportRequest

from .booth_data import Booth

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

pytestmark = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice is not installed (apt-get install libreoffice-calc-nogui)",
)

# CSV filter options: comma, double quote, UTF-8 (76), start at line 1.
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1"


def convert(source: Path, target_format: str, folder: Path) -> Path:
    assert SOFFICE is not None
    profile = folder / "profile"
    completed = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            target_format,
            "--outdir",
            str(folder),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "HOME": str(folder)},
        check=False,
    )
    extension = target_format.split(":")[0]
    converted = folder / f"{source.stem}.{extension}"
    assert converted.exists(), completed.stdout + completed.stderr
    return converted


def test_the_workbook_opens_in_libreoffice(booth: Booth, tmp_path: Path) -> None:
    result = booth.exports.export(ExportRequest(tmp_path / "leads.xlsx"))
    converted = convert(result.path, CSV_FILTER, tmp_path / "out")
    with converted.open(encoding="utf-8", newline="") as stream:
        records = list(csv.DictReader(stream))
    assert len(records) == 4
    by_id = {record["Lead ID"]: record for record in records}
    hostile = by_id[booth.hostile.id]
    assert hostile["First name"] == "=1+1"
    assert hostile["Last name"] == "#N/A"
    assert hostile["Company"] == "+cmd|' /C calc'!A0"
    assert hostile["Job title"] == "-2"
    assert hostile["City"] == "@SUM(A1)"
    assert by_id[booth.yamada.id]["Last name"] == "山田"
    assert by_id[booth.arabic.id]["Company"] == "شركة الأمن المتقدم"
    assert by_id[booth.zoe.id]["Captured at"].startswith("2023-11-14 09:30")


def test_the_workbook_renders_to_pdf(booth: Booth, tmp_path: Path) -> None:
    result = booth.exports.export(ExportRequest(tmp_path / "leads.xlsx", preset="salesforce"))
    converted = convert(result.path, "pdf", tmp_path / "out")
    assert converted.read_bytes().startswith(b"%PDF")
