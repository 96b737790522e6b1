from __future__ import annotations

import errno
import itertools
import os
from contextlib import closing
from dataclasses import fields
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]
from openpyxl.worksheet._writer import ALL_TEMP_FILES  # type: ignore[import-untyped]
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from boothapp.core.errors import BoothError, NotFound, StorageError, ValidationError
from boothapp.core.leads.query import Selection
from boothapp.core.leads.reader import (
    NO_PARTS,
    SUPPORTED_FILTER_FIELDS,
    LeadPart,
    read_details,
)
from boothapp.core.models import ExportRecord, Rating
from boothapp.core.schemas import EventInput, LeadDetail, LeadFilter, LeadInput
from boothapp.core.services.exports import (
    ExportCancelled,
    ExportError,
    ExportRequest,
)

from .booth_data import Booth, moment


def record_count(booth: Booth) -> int:
    with booth.services.database.read() as session:
        return int(session.scalar(select(func.count(ExportRecord.id))) or 0)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


@pytest.mark.parametrize(
    ("name", "file_format", "expected"),
    [
        ("a.xlsx", None, "xlsx"),
        ("a.CSV", None, "csv"),
        ("a.vcf", None, "vcf"),
        ("a.vcard", None, "vcf"),
        ("a.txt", "csv", "csv"),
    ],
)
def test_the_format_comes_from_the_extension(
    name: str, file_format: str | None, expected: str
) -> None:
    request = ExportRequest(Path(name), format=file_format)  # type: ignore[arg-type]
    assert request.resolved_format == expected


def test_an_unknown_extension_is_refused(booth: Booth, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match=r"leads\.txt.*\.xlsx, \.csv or \.vcf"):
        booth.exports.export(ExportRequest(tmp_path / "leads.txt"))
    with pytest.raises(ValidationError, match="'pdf' is not one of"):
        booth.exports.export(ExportRequest(tmp_path / "leads.pdf", format="pdf"))  # type: ignore[arg-type]


def test_every_combination_of_filters_selects_the_same_leads_everywhere(
    booth: Booth, tmp_path: Path
) -> None:
    """The list, its count, the counting service, an export's count and the export
    reader share one filter builder: each field narrows the leads as expected, and
    fields combine as "and", on the index shortcut and off it alike."""
    zoe, yamada, arabic, hostile = booth.zoe.id, booth.yamada.id, booth.arabic.id, booth.hostile.id
    everyone = {zoe, yamada, arabic, hostile}
    booth.services.leads.delete(arabic)
    choices: dict[str, list[tuple[dict[str, Any], set[str]]]] = {
        "deleted": [({}, everyone - {arabic}), ({"deleted": True}, {arabic})],
        "rating": [
            ({}, everyone),
            ({"rating": Rating.HOT}, {zoe}),
            ({"unrated": True}, {hostile}),
        ],
        "staff": [({}, everyone), ({"staff_id": booth.claire_id}, {zoe, arabic})],
        "product": [
            ({}, everyone),
            ({"product_sku": "RC-4U"}, {yamada}),
            ({"product_sku": "TC-6040"}, {zoe}),
        ],
        "dates": [
            ({}, everyone),
            ({"created_from": moment(14, 12), "created_to": moment(16, 0)}, {yamada, arabic}),
        ],
        "search": [
            ({}, everyone),
            ({"search": "müller"}, {zoe}),
            ({"search": "drones"}, {zoe, hostile}),
        ],
    }
    for combination in itertools.product(*choices.values()):
        fields_given: dict[str, Any] = {"event_id": booth.show.id}
        expected = set(everyone)
        for given, selected in combination:
            fields_given.update(given)
            expected &= selected
        lead_filter = LeadFilter(**fields_given)
        listed = {row.id for row in booth.services.leads.list(lead_filter, limit=None)}
        with booth.services.database.read() as session:
            exported = {lead.id for lead in read_details(session, Selection(lead_filter))}
        request = ExportRequest(tmp_path / "x.csv", lead_filter=lead_filter)
        counts = (
            booth.services.leads.count(lead_filter),
            booth.services.counts.count(lead_filter),
            booth.exports.count(request),
        )
        assert listed == exported == expected, lead_filter
        assert counts == (len(expected),) * 3, lead_filter


def test_the_staff_filter(booth: Booth, tmp_path: Path) -> None:
    request = ExportRequest(tmp_path / "x.csv", lead_filter=LeadFilter(staff_id=booth.claire_id))
    assert booth.exports.count(request) == 2
    assert booth.exports.export(request).count == 2


def test_every_lead_filter_field_is_applied() -> None:
    assert {f.name for f in fields(LeadFilter)} <= SUPPORTED_FILTER_FIELDS


def test_the_reader_builds_the_same_details_as_the_lead_service(booth: Booth) -> None:
    with booth.services.database.read() as session:
        details = list(read_details(session, Selection(LeadFilter())))
    assert [d.id for d in details] == [
        booth.zoe.id,
        booth.yamada.id,
        booth.arabic.id,
        booth.hostile.id,
    ]
    for detail in details:
        assert detail == booth.services.leads.get(detail.id)


def temporary_tables(session: Session) -> list[str]:
    query = "SELECT name FROM sqlite_temp_master WHERE type = 'table'"
    return list(session.connection().exec_driver_sql(query).scalars())


def test_the_reader_sets_exactly_the_fields_of_a_lead_detail(booth: Booth) -> None:
    with booth.services.database.read() as session:
        details = list(read_details(session, Selection(LeadFilter())))
    assert not hasattr(LeadDetail, "__post_init__")
    for detail in details:
        assert vars(detail) == vars(LeadDetail(**vars(detail)))


def test_the_reader_reads_only_the_parts_asked_for(booth: Booth) -> None:
    with booth.services.database.read() as session:
        details = list(read_details(session, Selection(LeadFilter()), parts=LeadPart.NOTES))
        assert temporary_tables(session) == []
    zoe = details[0]
    assert zoe.notes == booth.zoe.notes
    assert (zoe.products, zoe.visits, zoe.answers) == ((), (), ())
    with booth.services.database.read() as session:
        bare = list(read_details(session, Selection(LeadFilter()), parts=NO_PARTS))
    assert [lead.id for lead in bare] == [lead.id for lead in details]
    assert bare[0].notes == ()


def test_a_reader_closed_early_drops_its_table(booth: Booth) -> None:
    with booth.services.database.read() as session:
        with closing(read_details(session, Selection(LeadFilter()))) as leads:
            first = next(leads)
            assert len(temporary_tables(session)) == 1
        assert temporary_tables(session) == []
    assert first.id == booth.zoe.id


def test_since_the_last_export(booth: Booth, tmp_path: Path) -> None:
    assert booth.exports.last_export(booth.show.id) is None
    first = booth.exports.export(
        ExportRequest(tmp_path / "all.xlsx", since_last_export=True, staff_id=booth.claire_id)
    )
    assert first.count == 4
    record = booth.exports.last_export(booth.show.id)
    assert record is not None
    assert (record.format, record.lead_count, record.staff) == ("xlsx", 4, "Claire Martin")
    assert record.path == str(tmp_path / "all.xlsx")
    assert record.filters["since_last_export"] is True
    assert record.filters["event_id"] == booth.show.id

    newcomer = booth.services.leads.create(LeadInput(first_name="Nouveau"), event_id=booth.show.id)
    request = ExportRequest(tmp_path / "new.csv", since_last_export=True)
    assert booth.exports.count(request) == 1
    second = booth.exports.export(request)
    assert second.count == 1
    with second.path.open(encoding="utf-8-sig") as stream:
        assert newcomer.id in stream.read()
    history = booth.exports.history(booth.show.id)
    assert [h.format for h in history] == ["csv", "xlsx"]
    assert booth.exports.count(request) == 0
    everything = ExportRequest(tmp_path / "again.csv")
    assert booth.exports.count(everything) == 5


def test_a_filtered_empty_or_cancelled_export_leaves_the_other_leads_not_exported(
    booth: Booth, tmp_path: Path
) -> None:
    """A lead counts as exported once an export wrote it: exporting one staff member's
    leads, an export that found nothing new, or a cancelled export never hides the
    others from "only leads not exported before"."""

    def not_exported(name: str, **filters: Any) -> ExportRequest:
        return ExportRequest(
            tmp_path / name, since_last_export=True, lead_filter=LeadFilter(**filters)
        )

    assert booth.exports.export(not_exported("jonas.csv", staff_id=booth.jonas_id)).count == 1
    assert booth.exports.export(not_exported("jonas-again.csv", staff_id=booth.jonas_id)).count == 0
    with pytest.raises(ExportCancelled):
        booth.exports.export(not_exported("cancelled.xlsx"), cancelled=lambda: True)

    rest = booth.exports.export(not_exported("rest.csv"))

    assert rest.count == 3
    written = rest.path.read_text(encoding="utf-8-sig")
    assert booth.zoe.id in written and booth.yamada.id not in written
    assert booth.exports.count(not_exported("none-left.csv")) == 0
    assert booth.exports.count(ExportRequest(tmp_path / "all.csv")) == 4
    history = booth.exports.history(booth.show.id)
    assert [record.lead_count for record in history] == [3, 0, 1]


def test_an_export_that_cannot_be_recorded_says_its_file_was_written(
    booth: Booth, tmp_path: Path
) -> None:
    with booth.services.database.write_connection() as connection:
        connection.exec_driver_sql(
            "CREATE TRIGGER full_disk BEFORE INSERT ON lead_first_exports "
            "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
        )
    target = tmp_path / "leads.csv"
    with pytest.raises(StorageError) as error:
        booth.exports.export(ExportRequest(target, since_last_export=True))
    assert f"{target} was written, but the export could not be recorded" in str(error.value)
    assert "not marked as exported" in str(error.value)
    assert target.is_file()
    assert booth.exports.history(booth.show.id) == []
    assert booth.exports.count(ExportRequest(target, since_last_export=True)) == 4


def test_an_export_of_the_leads_not_rated(booth: Booth, tmp_path: Path) -> None:
    everything = booth.services.leads.list(LeadFilter(event_id=booth.show.id))
    unrated = {row.id for row in everything if row.rating is None}
    assert unrated and len(unrated) < len(everything)
    result = booth.exports.export(
        ExportRequest(tmp_path / "unrated.csv", lead_filter=LeadFilter(unrated=True))
    )
    assert result.count == len(unrated)
    written = result.path.read_text(encoding="utf-8-sig")
    assert all(lead_id in written for lead_id in unrated)
    record = booth.exports.last_export(booth.show.id)
    assert record is not None and record.filters["unrated"] is True


def test_a_format_the_extension_contradicts_is_refused_before_anything_is_written(
    booth: Booth, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ValidationError, match=r"a\.xlsx: a \.xlsx file holds xlsx, not csv"):
        booth.exports.export(ExportRequest(out / "a.xlsx", format="csv"))
    assert list(out.iterdir()) == []
    written = booth.exports.export(ExportRequest(out / "leads.txt", format="csv"))
    assert written.format == "csv" and written.path.read_text(encoding="utf-8-sig")


def test_dates_in_the_wrong_order_and_an_unknown_product_are_refused(
    booth: Booth, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    backwards = LeadFilter(created_from=moment(17, 0), created_to=moment(14, 0))
    with pytest.raises(ValidationError, match="the first day comes after the last one"):
        booth.exports.export(ExportRequest(out / "a.csv", lead_filter=backwards))
    with pytest.raises(NotFound, match="no product with SKU 'NOPE-123'"):
        booth.exports.count(
            ExportRequest(out / "a.csv", lead_filter=LeadFilter(product_sku="NOPE-123"))
        )
    assert list(out.iterdir()) == []
    assert booth.exports.history(booth.show.id) == []


def test_the_exporter_defaults_to_the_staff_member_at_the_laptop(
    booth: Booth, tmp_path: Path
) -> None:
    booth.services.staff.use(booth.jonas_id)
    booth.exports.export(ExportRequest(tmp_path / "a.csv"))
    record = booth.exports.last_export(booth.show.id)
    assert record is not None and record.staff_id == booth.jonas_id
    with pytest.raises(NotFound):
        booth.exports.export(ExportRequest(tmp_path / "b.csv", staff_id=9999))


def test_progress_is_reported_to_the_end(booth: Booth, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    booth.exports.export(
        ExportRequest(tmp_path / "a.xlsx"), progress=lambda done, total: calls.append((done, total))
    )
    assert calls[-1] == (4, 4)


@pytest.mark.parametrize("name", ["a.xlsx", "a.csv", "a.vcf"])
def test_cancelling_leaves_no_file_and_no_record(booth: Booth, tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    temporary_sheets = list(ALL_TEMP_FILES)
    with pytest.raises(ExportCancelled, match=f"{name} was cancelled; nothing was written"):
        booth.exports.export(ExportRequest(target), cancelled=lambda: True)
    assert not target.exists()
    assert leftovers(tmp_path) == []
    assert record_count(booth) == 0
    assert list(ALL_TEMP_FILES) == temporary_sheets


def test_cancelling_keeps_the_previous_file(booth: Booth, tmp_path: Path) -> None:
    target = tmp_path / "a.csv"
    target.write_text("previous export", encoding="utf-8")
    checks = iter([False, True])
    with pytest.raises(ExportCancelled):
        booth.exports.export(ExportRequest(target), cancelled=lambda: next(checks, True))
    assert target.read_text(encoding="utf-8") == "previous export"
    assert leftovers(tmp_path) == []


def test_an_existing_file_is_replaced(booth: Booth, tmp_path: Path) -> None:
    target = tmp_path / "a.csv"
    target.write_text("previous export", encoding="utf-8")
    booth.exports.export(ExportRequest(target))
    assert "Lead ID" in target.read_text(encoding="utf-8-sig")
    assert leftovers(tmp_path) == []


def test_a_missing_folder(booth: Booth, tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "leads.xlsx"
    with pytest.raises(ExportError, match=f"cannot write {target}: the folder .* does not exist"):
        booth.exports.export(ExportRequest(target))
    assert record_count(booth) == 0


def test_a_folder_that_is_a_file(booth: Booth, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(ExportError, match="is not a folder"):
        booth.exports.export(ExportRequest(blocker / "leads.csv"))


def test_a_destination_that_is_a_folder(booth: Booth, tmp_path: Path) -> None:
    folder = tmp_path / "leads.xlsx"
    folder.mkdir()
    with pytest.raises(ExportError, match="it is a folder"):
        booth.exports.export(ExportRequest(folder))


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can write to read-only folders"
)
def test_a_read_only_folder(booth: Booth, tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportError, match=f"cannot write {folder / 'a.csv'}: no permission"):
            booth.exports.export(ExportRequest(folder / "a.csv"))
    finally:
        folder.chmod(0o700)


def test_a_folder_without_write_permission(
    booth: Booth, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opener = Path.open

    def refuse(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name.endswith(".part"):
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return opener(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    target = tmp_path / "a.xlsx"
    with pytest.raises(ExportError, match=f"cannot write {target}: no permission to write in"):
        booth.exports.export(ExportRequest(target))
    assert record_count(booth) == 0


def test_a_file_open_in_another_program(
    booth: Booth, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.xlsx"

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", dst)

    monkeypatch.setattr("boothapp.core.services.exports.os.replace", refuse)
    with pytest.raises(ExportError, match=f"cannot replace {target}: it is open in another"):
        booth.exports.export(ExportRequest(target))
    assert leftovers(tmp_path) == []
    assert record_count(booth) == 0


def test_a_full_disk(booth: Booth, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*args: object, **kwargs: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("boothapp.core.services.exports.write_csv", full)
    target = tmp_path / "a.csv"
    with pytest.raises(ExportError, match=f"the disk is full: {target} was not written") as error:
        booth.exports.export(ExportRequest(target))
    assert isinstance(error.value, BoothError)
    assert leftovers(tmp_path) == []
    assert not target.exists()


def test_the_active_show_is_the_default(booth: Booth, tmp_path: Path) -> None:
    other = booth.services.events.create(
        EventInput(name="Eurosatory 2024", timezone="Europe/Paris")
    )
    assert booth.exports.count(ExportRequest(tmp_path / "a.csv")) == 4
    booth.services.events.use(other.id)
    assert booth.exports.count(ExportRequest(tmp_path / "a.csv")) == 0
    result = booth.exports.export(
        ExportRequest(tmp_path / "a.csv", lead_filter=LeadFilter(event_id=booth.show.id))
    )
    assert result.count == 4


def test_the_summary_describes_the_selection(booth: Booth, tmp_path: Path) -> None:
    start = datetime(2023, 11, 14, 23, 0, tzinfo=UTC)
    result = booth.exports.export(
        ExportRequest(
            tmp_path / "a.xlsx",
            lead_filter=LeadFilter(
                staff_id=booth.claire_id,
                created_from=start,
                created_to=start + timedelta(days=2),
            ),
        )
    )
    summary = load_workbook(result.path)["Summary"]
    assert summary["B3"].value == (
        "captured by Claire Martin; captured from 2023-11-15 00:00; "
        "captured before 2023-11-17 00:00"
    )
    assert result.count == 1
