"""``boothapp qr ...`` writes codes and sheets that scan, and ``boothapp scan --image``
scans the badge codes of a picture as the window does."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from printed_pages import codes_in, codes_on_pages, render_pages

from boothapp.cli import main
from boothapp.core.badges import parse_badge
from boothapp.core.badges.keyboard_layout import CALIBRATION_TEXT, calibration_qr_png
from boothapp.core.db import open_database
from boothapp.core.printing import SAMPLE_BADGES, Symbology, sample_badge_sheet
from boothapp.core.schemas import EventInput, LeadInput, ProductInput
from boothapp.core.services import Services
from boothapp.core.sheet_codes import SheetAction, encode, sheet_actions
from boothapp.core.vocabulary import LeadSource


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A booth database: a show with two products, a question and Élodie at the laptop."""
    monkeypatch.delenv("BOOTHAPP_DB", raising=False)
    path = str(tmp_path / "booth.sqlite3")
    database = open_database(path)
    try:
        services = Services.over(database)
        show = services.events.create(
            EventInput(name="Milipol Paris 2025", booth="5F 112", country="FR")
        )
        for sku, name, brochure in (
            ("KRS-TC-3015", "TC 3015 Compact Transit Case", "https://korvent.example/tc3015"),
            ("KRS-RC-4U45", "RC 4U Shock-Mount Rack Case", None),
        ):
            services.products.create(
                ProductInput(sku=sku, name=name, category="transit_case", brochure_url=brochure),
                event_id=show.id,
            )
        services.events.add_question(show.id, "Rôle", "single", ("Décideur", "Utilisateur"))
        member = services.staff.create(
            "Élodie Garnier", email="elodie@korvent.example", event_id=show.id
        )
        services.staff.use(member.id)
        services.leads.create(
            LeadInput(first_name="Zoé", last_name="Lefèvre", email="zoe@brenvar.example"),
            event_id=show.id,
        )
    finally:
        database.close()
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _read_png(path: Path) -> list[str]:
    with Image.open(path) as image:
        return [r.text for r in zxingcpp.read_barcodes(image.convert("L")) if r.valid]


# --- qr ---------------------------------------------------------------------------------------


def test_the_capture_sheet_is_written_and_every_code_scans(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "sheet.pdf"
    code, out, err = run(capsys, "--db", db, "qr", "capture-sheet", "--staff", "élodie",
                         "-o", str(output))  # fmt: skip
    assert (code, err) == (0, "")
    assert out == f"Wrote {output} (2 pages)\n"
    database = open_database(db)
    try:
        services = Services.over(database)
        show = services.events.resolve(None)
        products = services.products.list(event_id=show.id)
        questions = services.events.questions(show.id)
        expected = [encode(show, action) for action in sheet_actions(products, questions)]
        expected.append(encode(show, SheetAction.staff(services.staff.get("Élodie"))))
    finally:
        database.close()
    pages = codes_on_pages(output.read_bytes(), tmp_path / "pages", dpi=150)
    assert sorted(code for page in pages for code in page) == sorted(expected)


@pytest.mark.parametrize(
    ("command", "output"),
    [
        (["capture-sheet"], "sheet.png"),
        (["stand-sheet"], "products.svg"),
        (["test-badges"], "badges.png"),
        (["calibration"], "calibration.txt"),
    ],
)
def test_a_file_kind_that_cannot_hold_it_is_refused_before_anything_is_made(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str], output: str
) -> None:
    code, out, err = run(capsys, "--db", db, "qr", *command, "-o", str(tmp_path / output))
    assert code == 2
    assert out == ""
    assert output in err and (".pdf" in err or ".png, .svg or .pdf" in err)
    assert not (tmp_path / output).exists()


def test_a_staff_members_card_is_a_vcard_code_in_each_format(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("card.png", "card.svg", "card.pdf"):
        code, _out, err = run(capsys, "--db", db, "qr", "card", "--company", "Korvent",
                              "-o", str(tmp_path / name))  # fmt: skip
        assert (code, err) == (0, "")
    decoded = _read_png(tmp_path / "card.png")
    assert len(decoded) == 1
    badge = parse_badge(decoded[0])
    assert (badge.first_name, badge.last_name, badge.company, badge.email) == (
        "Élodie",
        "Garnier",
        "Korvent",
        "elodie@korvent.example",
    )
    assert 'viewBox="0 0' in (tmp_path / "card.svg").read_text(encoding="utf-8")
    cards = codes_on_pages((tmp_path / "card.pdf").read_bytes(), tmp_path / "p", dpi=300)
    assert set(cards[0]) == set(decoded) and len(cards[0]) == 8


def test_a_product_gives_its_brochure_code_or_its_capture_sheet_code(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    brochure, action = tmp_path / "brochure.png", tmp_path / "action.png"
    assert main(["--db", db, "qr", "product", "KRS-TC-3015", "-o", str(brochure)]) == 0
    assert main(["--db", db, "qr", "product", "KRS-RC-4U45", "--action", "-o", str(action)]) == 0
    capsys.readouterr()
    assert _read_png(brochure) == ["https://korvent.example/tc3015"]
    database = open_database(db)
    try:
        services = Services.over(database)
        show = services.events.resolve(None)
        expected = encode(show, SheetAction.product(services.products.get("KRS-RC-4U45")))
    finally:
        database.close()
    assert _read_png(action) == [expected]
    code, _out, err = run(capsys, "--db", db, "qr", "product", "KRS-RC-4U45",
                          "-o", str(tmp_path / "none.png"))  # fmt: skip
    assert code == 1 and "KRS-RC-4U45 has no brochure link" in err


def test_a_lead_passes_to_a_phone(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run(capsys, "--db", db, "leads", "--json")
    lead_id = json.loads(out)[0]["id"]
    output = tmp_path / "lead.png"
    code, _out, err = run(capsys, "--db", db, "qr", "lead", lead_id[:8], "-o", str(output))
    assert (code, err) == (0, "")
    decoded = _read_png(output)
    badge = parse_badge(decoded[0])
    assert (badge.first_name, badge.last_name, badge.email) == (
        "Zoé",
        "Lefèvre",
        "zoe@brenvar.example",
    )


def test_the_calibration_code_is_the_windows_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    png, svg, pdf = tmp_path / "cal.png", tmp_path / "cal.svg", tmp_path / "cal.pdf"
    for output in (png, svg, pdf):
        assert main(["qr", "calibration", "-o", str(output)]) == 0
    capsys.readouterr()
    assert png.read_bytes() == calibration_qr_png()
    assert _read_png(png) == [CALIBRATION_TEXT]
    assert codes_on_pages(pdf.read_bytes(), tmp_path / "pages") == [[CALIBRATION_TEXT]]


def test_the_test_badge_sheet_needs_no_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "badges.pdf"
    code, out, err = run(capsys, "--db", str(tmp_path / "none" / "x.sqlite3"), "qr",
                         "test-badges", "--paper", "letter", "-o", str(output))  # fmt: skip
    assert (code, err) == (0, "")
    assert out == f"Wrote {output} (3 pages)\n"
    assert not (tmp_path / "none").exists()


def test_qr_commands_load_no_qt(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "from boothapp.cli import main\n"
        f"assert main(['qr', 'test-badges', '-o', {str(tmp_path / 'b.pdf')!r}]) == 0\n"
        f"assert main(['qr', 'calibration', '-o', {str(tmp_path / 'c.svg')!r}]) == 0\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        env={**os.environ, "BOOTHAPP_DB": str(tmp_path / "booth.sqlite3")},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "[]"


# --- scan --image -------------------------------------------------------------------------------


def test_scan_image_saves_each_badge_of_a_picture_in_every_symbology_the_show_reads(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first_page = render_pages(sample_badge_sheet().data, tmp_path / "pages", dpi=200)[0]
    on_page = codes_in(first_page, list(Symbology))
    qr_badges = [b.payload for b in SAMPLE_BADGES if b.symbology is Symbology.QR]
    assert set(qr_badges) <= set(on_page)
    code, out, err = run(capsys, "--db", db, "scan", "--image", str(first_page))
    assert (code, err) == (0, "")
    scans = json.loads(out)
    assert len(scans) == len(on_page)
    assert {scan["source"] for scan in scans} == {LeadSource.IMAGE.value}
    names = {(scan["first_name"], scan["last_name"]) for scan in scans}
    assert {("Zoé", "Lefèvre"), ("太郎", "山田"), ("محمد", "العلي"), ("Jürgen", "Müller")} <= names
    outcomes = {scan["badge_id"]: scan["scan"]["outcome"] for scan in scans}
    assert outcomes["MIL25-004512"] == "pending"


def test_scan_image_looks_for_the_symbologies_asked_for(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first_page = render_pages(sample_badge_sheet().data, tmp_path / "pages", dpi=300)[0]
    code, out, err = run(capsys, "--db", db, "scan", "--image", str(first_page),
                         "--format", "pdf417", "--format", "datamatrix")  # fmt: skip
    assert (code, err) == (0, "")
    formats = sorted(scan["scan"]["format"] for scan in json.loads(out))
    assert formats == ["bizcard", "delimited", "json", "vcard"]
    code, _out, err = run(capsys, "--db", db, "scan", "--image", str(first_page),
                          "--format", "maxicode")  # fmt: skip
    assert code == 2 and "maxicode" in err


def test_scan_image_passes_over_capture_sheet_codes(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "sheet.pdf"
    assert main(["--db", db, "qr", "capture-sheet", "-o", str(sheet)]) == 0
    capsys.readouterr()
    page = render_pages(sheet.read_bytes(), tmp_path / "pages", dpi=150)[0]
    code, out, err = run(capsys, "--db", db, "scan", "--image", str(page))
    assert code == 0
    assert json.loads(out) == []
    assert "capture-sheet codes, not badges" in err
    code, out, _err = run(capsys, "--db", db, "leads", "--json")
    assert len(json.loads(out)) == 1


def test_scan_refuses_a_sheet_code_typed_as_a_badge(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--db", db, "scan", "BTHP1/ABCDEF/rating/hot")
    assert code == 1 and out == ""
    assert "capture-sheet code, not a badge" in err


def test_scan_image_says_what_is_wrong_with_the_picture(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blank = tmp_path / "blank.png"
    Image.new("L", (300, 300), 255).save(blank)
    code, _out, err = run(capsys, "--db", db, "scan", "--image", str(blank))
    assert code == 1 and "no badge code found in blank.png" in err
    code, _out, err = run(capsys, "--db", db, "scan", "--image", str(tmp_path / "gone.jpg"))
    assert code == 1 and "gone.jpg does not exist" in err
    code, _out, err = run(capsys, "--db", db, "scan", "X1", "--image", str(blank))
    assert code == 2 and "not both" in err


def test_scan_image_saves_the_other_codes_when_one_fails(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An empty code (only spaces) is refused; the badge beside it is saved."""
    badge = Image.open(io.BytesIO(_png("MIL25-004999"))).convert("L")
    empty = Image.open(io.BytesIO(_png("   "))).convert("L")
    picture = Image.new("L", (badge.width + empty.width + 40, max(badge.height, empty.height)), 255)
    picture.paste(badge, (0, 0))
    picture.paste(empty, (badge.width + 40, 0))
    path = tmp_path / "two.png"
    picture.save(path)
    code, out, err = run(capsys, "--db", db, "scan", "--image", str(path))
    assert code == 1
    assert [scan["badge_id"] for scan in json.loads(out)] == ["MIL25-004999"]
    assert "the scan is empty" in err and "1 of the 2 codes in two.png were not saved" in err


def _png(text: str) -> bytes:
    from boothapp.core.printing import png_bytes

    return png_bytes(text, Symbology.QR)


def test_the_card_of_nobody_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BOOTHAPP_DB", raising=False)
    db = str(tmp_path / "empty.sqlite3")
    code, _out, err = run(capsys, "--db", db, "qr", "card", "-o", str(tmp_path / "c.png"))
    assert code == 2 and "nobody is at the laptop" in err
