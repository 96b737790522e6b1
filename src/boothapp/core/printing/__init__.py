"""Printed codes and sheets, free of Qt (the command line makes them too): PDFs with
fpdf2, codes with zxing-cpp.

    from boothapp.core.printing import capture_sheet, write_printed
    printed = capture_sheet(show, products, questions, paper=Paper.A4)
    write_printed(Path("sheet.pdf"), printed)   # printed.warnings: fonts, pictures

What there is: the capture sheet of a show (:mod:`.capture_sheet`, codes of
:mod:`boothapp.core.sheet_codes`), the product sheet of a stand (:mod:`.stand_sheet`),
business cards and a lead's contact as vCard QR codes (:mod:`.cards`), the test badge
sheet (:mod:`.sample_badges`), single codes as PNG, SVG or PDF (:mod:`.files`), and
reading codes back from a picture (:mod:`.reading`).
"""

from __future__ import annotations

from boothapp.core.badges.symbologies import Symbology
from boothapp.core.printing.capture_sheet import capture_sheet
from boothapp.core.printing.cards import (
    business_cards,
    code_page,
    lead_page,
    lead_vcard,
    staff_vcard,
)
from boothapp.core.printing.document import Paper, Printed, paper_for
from boothapp.core.printing.files import (
    FileKind,
    file_kind,
    require_pdf,
    write_code,
    write_printed,
)
from boothapp.core.printing.fonts import FontSet, find_fonts
from boothapp.core.printing.reading import decode_image_file, decode_picture
from boothapp.core.printing.sample_badges import SAMPLE_BADGES, SampleBadge, sample_badge_sheet
from boothapp.core.printing.stand_sheet import stand_sheet
from boothapp.core.printing.symbols import make_symbol, png_bytes, svg_text

__all__ = [
    "SAMPLE_BADGES",
    "FileKind",
    "FontSet",
    "Paper",
    "Printed",
    "SampleBadge",
    "Symbology",
    "business_cards",
    "capture_sheet",
    "code_page",
    "decode_image_file",
    "decode_picture",
    "file_kind",
    "find_fonts",
    "lead_page",
    "lead_vcard",
    "make_symbol",
    "paper_for",
    "png_bytes",
    "require_pdf",
    "sample_badge_sheet",
    "stand_sheet",
    "staff_vcard",
    "svg_text",
    "write_code",
    "write_printed",
]
