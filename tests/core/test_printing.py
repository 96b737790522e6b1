"""Printed codes and sheets, checked as a scanner sees them: each code is read back with
zxing-cpp, from its PNG, from its SVG, and from the PDF's pages rendered by poppler."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import zxingcpp
from fpdf import FPDF
from PIL import Image
from printed_pages import codes_in, codes_on_pages, pdf_text, render_pages

from boothapp.core.badges import parse_badge
from boothapp.core.errors import ValidationError
from boothapp.core.exporting.vcard import CRLF
from boothapp.core.printing import (
    SAMPLE_BADGES,
    FontSet,
    Paper,
    Symbology,
    business_cards,
    capture_sheet,
    decode_image_file,
    find_fonts,
    lead_page,
    lead_vcard,
    paper_for,
    png_bytes,
    sample_badge_sheet,
    staff_vcard,
    stand_sheet,
    svg_text,
)
from boothapp.core.printing import fonts as fonts_module
from boothapp.core.printing.document import PAPER_SIZES
from boothapp.core.printing.fonts import CJK_NAMES, FONT_DIR_VARIABLE, REGULAR_NAMES
from boothapp.core.printing.rtl import visual
from boothapp.core.schemas import EventRow, LeadInput, ProductInput, StaffRow
from boothapp.core.services import Services
from boothapp.core.sheet_codes import SheetAction, encode, sheet_actions
from boothapp.core.vocabulary import StaffRole
from boothapp.resources import resource_path

ACCENTED = "Zoé Lefèvre, Jürgen Müller, Małgorzata Wójcik"
CJK = "山田 太郎 · 株式会社ヤマダ防衛 · 김민준"
ARABIC = "محمد العلي · شركة الخليج للأمن"
TEXTS = (ACCENTED, CJK, ARABIC, "BEGIN:VCARD\r\nFN:Zoé 山田 محمد\r\nEND:VCARD\r\n")
IDS = {
    Symbology.CODE128: "MIL25-004512",
    Symbology.CODE39: "MIL25-004512",
    Symbology.ITF: "0000451200",
    Symbology.EAN13: "4006381333931",
}
TWO_D = (Symbology.QR, Symbology.PDF417, Symbology.DATA_MATRIX, Symbology.AZTEC)


def _read_png(data: bytes, symbology: Symbology) -> list[str]:
    from boothapp.core.badges.symbologies import ZXING_FORMATS

    with Image.open(io.BytesIO(data)) as image:
        found = zxingcpp.read_barcodes(image.convert("L"), formats=ZXING_FORMATS[symbology])
    return [result.text for result in found if result.valid]


def _fonts_found() -> FontSet:
    fonts = find_fonts()
    assert fonts.regular is not None and fonts.cjk is not None, (
        "the tests need DejaVu Sans (fonts-dejavu-core) and Noto Sans CJK (fonts-noto-cjk)"
    )
    return fonts


# --- single codes ----------------------------------------------------------------------


@pytest.mark.parametrize("symbology", TWO_D)
@pytest.mark.parametrize("text", TEXTS, ids=["accented", "cjk", "arabic", "vcard"])
def test_a_2d_code_png_reads_back_exactly(symbology: Symbology, text: str) -> None:
    assert _read_png(png_bytes(text, symbology), symbology) == [text]


@pytest.mark.parametrize("symbology", sorted(IDS))
def test_a_linear_code_png_reads_back_exactly(symbology: Symbology) -> None:
    assert _read_png(png_bytes(IDS[symbology], symbology), symbology) == [IDS[symbology]]


@pytest.mark.parametrize("symbology", [Symbology.QR, Symbology.PDF417, Symbology.CODE128])
def test_an_svg_code_reads_back_exactly_once_drawn(tmp_path: Path, symbology: Symbology) -> None:
    text = IDS.get(symbology, CJK)
    svg = tmp_path / "code.svg"
    svg.write_text(svg_text(text, symbology), encoding="utf-8")
    pdf = FPDF()
    pdf.add_page()
    pdf.image(str(svg), x=20, y=20, w=120)
    pages = render_pages(bytes(pdf.output()), tmp_path / "pages", dpi=150)
    assert codes_in(pages[0], [symbology]) == [text]


def test_a_code_the_symbology_cannot_carry_is_refused() -> None:
    with pytest.raises(ValidationError, match="EAN-13 cannot carry 'MIL25'"):
        png_bytes("MIL25", Symbology.EAN13)


# --- the capture sheet --------------------------------------------------------------------


@pytest.fixture
def accented_show(services: Services, show: EventRow) -> EventRow:
    """The conftest show with accented and CJK products, questions and staff."""
    for sku, name, category in (
        ("TC-3015", "Valise étanche TC 3015", "transit_case"),
        ("UAS-90", "無人機ケース UAS 90", "transit_case"),
        ("RK-42", "Baie 42U déployable", "rack"),
        ("SV-LOGO", "Marquage au logo", "service"),
    ):
        services.products.create(
            ProductInput(sku=sku, name=name, category=category), event_id=show.id
        )
    services.events.add_question(
        show.id, "Rôle", "single", ("Décideur", "Prescripteur / ingénieur", "مستخدم")
    )
    services.events.add_question(show.id, "Budget", "number")
    services.events.add_question(show.id, "Usages", "multiple", ("Drones", "医療", "C4ISR"))
    services.staff.create("山田 太郎", event_id=show.id)
    return show


@pytest.mark.parametrize("paper", list(Paper))
def test_every_code_of_the_capture_sheet_scans_from_the_printed_page(
    services: Services, accented_show: EventRow, tmp_path: Path, paper: Paper
) -> None:
    show = accented_show
    products = services.products.list(event_id=show.id)
    questions = services.events.questions(show.id)
    member = services.staff.get("山田")
    printed = capture_sheet(show, products, questions, staff=member, paper=paper)
    assert printed.warnings == ()
    pages = codes_on_pages(printed.data, tmp_path, dpi=150)
    assert len(pages) == printed.pages
    read = [code for page in pages for code in page]
    expected = [encode(show, action) for action in sheet_actions(products, questions)]
    expected.append(encode(show, SheetAction.staff(member)))
    assert sorted(read) == sorted(expected)
    width, height = PAPER_SIZES[paper]
    with Image.open(render_pages(printed.data, tmp_path / "size", dpi=72)[0]) as first:
        size = (width / 25.4 * 72, height / 25.4 * 72)
        assert abs(first.size[0] - size[0]) < 1 and abs(first.size[1] - size[1]) < 1


def test_the_capture_sheet_groups_products_by_category_and_prints_every_label(
    services: Services, accented_show: EventRow, tmp_path: Path
) -> None:
    show = accented_show
    printed = capture_sheet(
        show, services.products.list(event_id=show.id), services.events.questions(show.id)
    )
    text = pdf_text(printed.data, tmp_path)
    words = " ".join(text.split())
    headings = [
        "Products · Transit case",
        "Products · Rack case",
        "Products · Rack",
        "Products · Accessory",
        "Products · Service",
        "Rating",
        "Follow-up",
        "Q1 · Rôle (one choice)",
        "Q3 · Usages (several choices)",
        "Finish",
    ]
    positions = [text.index(heading + "\n") for heading in headings]
    assert positions == sorted(positions)
    for label in (
        "Valise étanche TC 3015",
        "無人機ケース UAS 90",
        "Hot",
        "Send quote",
        "Décideur",
        "مستخدم",
        "医療",
        "Save and next visitor",
        "Undo last",
    ):
        assert label in words
    assert "Budget" not in text


def test_a_capture_sheet_of_forty_products_fits_on_few_pages(
    services: Services, show: EventRow
) -> None:
    for number in range(40):
        services.products.create(
            ProductInput(sku=f"KRS-{number:03}", name=f"Case {number}", category="transit_case"),
            event_id=show.id,
        )
    printed = capture_sheet(
        show, services.products.list(event_id=show.id), services.events.questions(show.id)
    )
    assert 2 <= printed.pages <= 3


# --- the product sheet -------------------------------------------------------------------


def test_the_stand_sheet_prints_attributes_pictures_and_brochure_codes(
    services: Services, show: EventRow, tmp_path: Path
) -> None:
    Image.new("RGB", (300, 200), (200, 120, 40)).save(tmp_path / "tc6040.png")
    attributes = {
        "internal_dimensions": "600 x 400 x 300 mm",
        "IP rating": "IP67",
        "standard": "MIL-STD-810H, ATA 300",
        "weight": "7.9 kg",
        "colours": "RAL 6014 olive",
        "picture": "tc6040.png",
    }
    services.products.update(
        "TC-6040",
        ProductInput(
            sku="TC-6040",
            name="Transit case 60x40",
            category="transit_case",
            attributes=attributes,
            brochure_url="https://korvent.example/brochures/tc-6040.pdf",
        ),
    )
    services.products.update(
        "RC-4U",
        ProductInput(
            sku="RC-4U",
            name="Rack case 4U",
            category="rack_case",
            attributes={"rack_units": "4U", "photo_url": "https://korvent.example/rc4u.jpg"},
            brochure_url="https://korvent.example/brochures/rc-4u.pdf",
        ),
    )
    services.products.update(
        "ACC-FOAM",
        ProductInput(
            sku="ACC-FOAM",
            name="Pick-and-pluck foam",
            category="accessory",
            attributes={"image": "missing.jpg", "fits": "TC-6040"},
        ),
    )
    printed = stand_sheet(show, services.products.list(event_id=show.id), picture_folder=tmp_path)
    read = [code for page in codes_on_pages(printed.data, tmp_path / "pages") for code in page]
    assert sorted(read) == [
        "https://korvent.example/brochures/rc-4u.pdf",
        "https://korvent.example/brochures/tc-6040.pdf",
    ]
    assert b"/Subtype /Image" in printed.data
    text = pdf_text(printed.data, tmp_path, layout=True)
    for line in (
        "Internal dimensions 600 x 400 x 300 mm",
        "IP rating IP67",
        "Standards MIL-STD-810H, ATA 300",
        "Weight 7.9 kg",
        "Colours RAL 6014 olive",
        "Rack units 4U",
        "Fits TC-6040",
    ):
        assert " ".join(line.split()) in " ".join(text.split())
    assert "tc6040.png" not in text
    assert len(printed.warnings) == 2
    assert "RC-4U is a web address" in printed.warnings[0]
    assert "ACC-FOAM was not found" in printed.warnings[1]


# --- contacts ---------------------------------------------------------------------------------


def test_a_business_card_code_adds_the_staff_member_to_a_phone(tmp_path: Path) -> None:
    member = StaffRow(7, "Élodie Garnier", "elodie@korvent.example", "+33678451290",
                      StaffRole.STAFF, True)  # fmt: skip
    card = staff_vcard(member, "Korvent Rugged Cases")
    badge = parse_badge(card)
    assert (badge.first_name, badge.last_name, badge.company, badge.email, badge.phone) == (
        "Élodie",
        "Garnier",
        "Korvent Rugged Cases",
        "elodie@korvent.example",
        "+33678451290",
    )
    printed = business_cards(member, "Korvent Rugged Cases")
    pages = codes_on_pages(printed.data, tmp_path, dpi=300)
    assert pages == [[card] * 8]


def test_a_cjk_name_is_family_name_first_on_the_card() -> None:
    member = StaffRow(8, "山田 太郎", None, None, StaffRole.STAFF, True)
    badge = parse_badge(staff_vcard(member))
    assert (badge.last_name, badge.first_name) == ("山田", "太郎")


def test_a_lead_passes_to_a_phone_as_its_vcard(
    services: Services, show: EventRow, tmp_path: Path
) -> None:
    lead = services.leads.create(
        LeadInput(
            first_name="Zoé",
            last_name="Lefèvre",
            company="Brenvar Défense SAS",
            email="zoe.lefevre@brenvar.example",
            phone="+33 6 12 34 56 78",
            note="Needs 40 cases. " * 60,
        ),
        event_id=show.id,
    )
    card = lead_vcard(lead, show)
    assert card.startswith("BEGIN:VCARD" + CRLF) and card.endswith("END:VCARD" + CRLF)
    assert "PRODID" not in card and "Needs 40 cases" not in card
    assert "NOTE:Met at Milipol Paris 2023" in card
    assert len(card.encode("utf-8")) < 600
    badge = parse_badge(card)
    assert (badge.first_name, badge.last_name, badge.email) == (
        "Zoé",
        "Lefèvre",
        "zoe.lefevre@brenvar.example",
    )
    printed = lead_page(lead, show)
    assert codes_on_pages(printed.data, tmp_path) == [[card]]


# --- the test badge sheet --------------------------------------------------------------------


def test_every_test_badge_scans_from_the_printed_sheet_and_reads_as_expected(
    tmp_path: Path,
) -> None:
    printed = sample_badge_sheet()
    assert printed.warnings == ()
    pages = codes_on_pages(printed.data, tmp_path, list(Symbology), dpi=300)
    read = sorted(code for page in pages for code in page)
    assert read == sorted(badge.payload for badge in SAMPLE_BADGES)
    assert {badge.symbology for badge in SAMPLE_BADGES} == set(Symbology)
    assert {badge.format for badge in SAMPLE_BADGES} == {
        "vcard", "mecard", "bizcard", "json", "url", "delimited", "id",
    }  # fmt: skip
    for badge in SAMPLE_BADGES:
        data = parse_badge(badge.payload)
        assert data.format == badge.format
        for field, value in badge.expected.items():
            assert getattr(data, field) == value, (badge.title, field)


def test_names_in_every_script_are_printed_as_text(tmp_path: Path) -> None:
    _fonts_found()
    text = pdf_text(sample_badge_sheet().data, tmp_path)
    for name in ("Zoé Lefèvre", "Małgorzata Wójcik", "山田 太郎", "株式会社ヤマダ防衛"):
        assert name in text
    assert "محمد العلي" in text and "شركة الخليج للأمن" in text


# --- fonts ---------------------------------------------------------------------------------


def test_right_to_left_text_is_joined_and_turned_for_drawing() -> None:
    assert visual("محمد") == "\ufeaa\ufee4\ufea4\ufee3"
    assert visual("لا") == "\ufefb"
    assert visual("Zoé 12") == "Zoé 12"
    assert visual("شركة 123") == "123 \ufe94\ufedb\ufeae\ufeb7"
    turned = visual("Ahmed محمد (CEO)")
    assert turned.startswith("Ahmed ") and turned.endswith(" (CEO)")


def test_without_any_font_the_sheet_is_still_printed_and_says_so(
    services: Services, accented_show: EventRow, tmp_path: Path
) -> None:
    show = accented_show
    products = services.products.list(event_id=show.id)
    questions = services.events.questions(show.id)
    no_fonts = find_fonts([tmp_path / "empty"])
    assert no_fonts == FontSet(None, None, None)
    printed = capture_sheet(show, products, questions, fonts=no_fonts)
    assert any("no Unicode font found" in warning for warning in printed.warnings)
    assert any("printed as '?'" in warning for warning in printed.warnings)
    read = [code for page in codes_on_pages(printed.data, tmp_path / "pages") for code in page]
    assert len(read) == len(sheet_actions(products, questions))
    assert "Valise étanche TC 3015" in pdf_text(printed.data, tmp_path)


def test_without_a_cjk_font_cjk_names_become_question_marks_with_a_warning(
    tmp_path: Path,
) -> None:
    fonts = _fonts_found()
    latin_only = FontSet(regular=fonts.regular, bold=fonts.bold, cjk=None)
    printed = sample_badge_sheet(fonts=latin_only)
    assert len(printed.warnings) == 1
    assert "no font for Chinese, Japanese and Korean" in printed.warnings[0]
    text = pdf_text(printed.data, tmp_path)
    assert "Zoé Lefèvre" in text and "محمد العلي" in text and "山田" not in text


def test_fonts_are_found_by_their_file_names_in_a_given_folder(tmp_path: Path) -> None:
    fonts = _fonts_found()
    assert fonts.regular is not None and fonts.cjk is not None
    folder = tmp_path / "fonts" / "nested"
    folder.mkdir(parents=True)
    (folder / REGULAR_NAMES[0]).write_bytes(fonts.regular.read_bytes())
    (folder / CJK_NAMES[0]).symlink_to(fonts.cjk)
    found = find_fonts([tmp_path / "fonts"])
    assert found.regular == folder / REGULAR_NAMES[0]
    assert found.cjk == folder / CJK_NAMES[0]
    assert found.bold is None


def _default_fonts_over(system: Path, monkeypatch: pytest.MonkeyPatch) -> FontSet:
    """The fonts found by default when the system's only font folder is ``system``."""
    monkeypatch.delenv(FONT_DIR_VARIABLE, raising=False)
    monkeypatch.setattr(fonts_module, "_system_dirs", lambda: [system])
    fonts_module._default_fonts.cache_clear()
    try:
        return find_fonts()
    finally:
        fonts_module._default_fonts.cache_clear()


def _system_with_its_own_fonts(tmp_path: Path) -> Path:
    """A system font folder holding its own DejaVu Sans, bold and Noto Sans, and the
    machine's CJK font."""
    cjk = _fonts_found().cjk
    assert cjk is not None
    system = tmp_path / "system-fonts"
    system.mkdir()
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "NotoSans-Regular.ttf"):
        (system / name).write_bytes(b"the system's copy")
    (system / CJK_NAMES[0]).symlink_to(cjk)
    return system


def test_the_shipped_dejavu_fonts_are_used_before_the_systems(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = resource_path("fonts")
    assert (shipped / "DejaVuSans.ttf").is_file() and (shipped / "DejaVuSans-Bold.ttf").is_file()
    system = _system_with_its_own_fonts(tmp_path)
    found = _default_fonts_over(system, monkeypatch)
    assert found.regular == shipped / "DejaVuSans.ttf"
    assert found.bold == shipped / "DejaVuSans-Bold.ttf"
    assert found.cjk == system / CJK_NAMES[0], "no CJK font is shipped: the system's serves"


def test_the_shipped_fonts_print_every_script_but_cjk(tmp_path: Path) -> None:
    shipped = resource_path("fonts")
    fonts = FontSet(shipped / "DejaVuSans.ttf", shipped / "DejaVuSans-Bold.ttf", None)
    printed = sample_badge_sheet(fonts=fonts)
    text = pdf_text(printed.data, tmp_path)
    assert "Zoé Lefèvre" in text and "Małgorzata Wójcik" in text and "محمد العلي" in text
    assert len(printed.warnings) == 1
    assert "no font for Chinese, Japanese and Korean" in printed.warnings[0]


def test_without_the_shipped_fonts_the_systems_are_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_resources(*parts: str) -> Path:
        raise FileNotFoundError("boothapp's resources are missing")

    monkeypatch.setattr(fonts_module, "resource_path", no_resources)
    system = _system_with_its_own_fonts(tmp_path)
    found = _default_fonts_over(system, monkeypatch)
    assert found == FontSet(
        system / "DejaVuSans.ttf", system / "DejaVuSans-Bold.ttf", system / CJK_NAMES[0]
    )


def test_sheets_for_the_americas_are_on_letter_paper() -> None:
    assert paper_for("US") is Paper.LETTER
    assert paper_for("FR") is Paper.A4
    assert paper_for(None) is Paper.A4


# --- reading pictures -------------------------------------------------------------------------


def test_a_picture_file_is_read_for_codes_without_qt(tmp_path: Path) -> None:
    picture = tmp_path / "badge.png"
    picture.write_bytes(png_bytes("MIL25-004512", Symbology.CODE128))
    assert decode_image_file(picture) == ["MIL25-004512"]
    blank = tmp_path / "blank.png"
    Image.new("L", (200, 200), 255).save(blank)
    assert decode_image_file(blank) == []


def test_a_missing_or_unreadable_picture_is_refused_by_name(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="nothere.png does not exist"):
        decode_image_file(tmp_path / "nothere.png")
    text = tmp_path / "notes.png"
    text.write_text("not a picture", encoding="utf-8")
    with pytest.raises(ValidationError, match="notes.png cannot be read as an image"):
        decode_image_file(text)
