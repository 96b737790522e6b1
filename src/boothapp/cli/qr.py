"""``boothapp qr``: codes and sheets to print, written as PNG, SVG or PDF by the output
file's suffix.

    boothapp qr capture-sheet -o sheet.pdf [--staff NAME]   codes that fill in a lead
    boothapp qr stand-sheet -o products.pdf                 the products, brochure codes
    boothapp qr card [STAFF] -o card.pdf|.png|.svg          business card (vCard QR)
    boothapp qr product SKU -o brochure.png [--action]      brochure link, or sheet code
    boothapp qr lead LEAD_ID -o contact.png                 a lead's vCard for a phone
    boothapp qr calibration -o calibration.png              the scanner calibration code
    boothapp qr test-badges -o test-badges.pdf              every badge format to test

A sheet of several codes is only written as a PDF; a single code as any of the three
(a PDF puts it on a page with its caption).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from boothapp.cli.common import Commands, Context, Parser, UsageError, warn
from boothapp.core.errors import ValidationError

if TYPE_CHECKING:
    from boothapp.core.printing import Paper, Printed
    from boothapp.core.schemas import EventRow

PAPERS = ("a4", "letter")


def add_commands(commands: Commands) -> None:
    actions = commands.group("qr", "print codes: capture sheet, product sheet, cards, tests")

    sheet = actions.command(
        "capture-sheet",
        "the show's capture sheet: a code for each product, rating, follow-up, choice",
        cmd_capture_sheet,
    )
    sheet.add_argument("--event", help="show (default: the active one)")
    sheet.add_argument("--staff", help="also the 'I am at this laptop' code of this person")
    _add_output(sheet, "a .pdf file")

    stand = actions.command(
        "stand-sheet", "the products on the stand, with their brochure codes", cmd_stand_sheet
    )
    stand.add_argument("--event", help="show (default: the active one)")
    stand.add_argument(
        "--pictures", metavar="FOLDER", help="folder of the picture files the catalogue names"
    )
    _add_output(stand, "a .pdf file")

    card = actions.command("card", "a staff member's business card with a vCard QR code", cmd_card)
    card.add_argument("staff", nargs="?", help="who (default: who is at the laptop)")
    card.add_argument("--company", help="the company on the card (the exhibitor)")
    card.add_argument("--event", help="the show printed on the card (default: the active one)")
    _add_output(card, ".pdf: a page of cards; .png or .svg: the code")

    product = actions.command(
        "product", "a product's sheet, its brochure code, or its capture-sheet code", cmd_product
    )
    product.add_argument("sku")
    product.add_argument(
        "--action",
        action="store_true",
        help="the capture-sheet code that ticks this product (to stick on the product)",
    )
    product.add_argument("--event", help="show (default: the active one)")
    product.add_argument("--pictures", metavar="FOLDER", help="folder of the picture files")
    _add_output(product, ".pdf: the product's sheet; .png or .svg: its brochure code")

    lead = actions.command("lead", "a lead's contact as a vCard QR code for a phone", cmd_lead)
    lead.add_argument("lead_id", metavar="LEAD_ID", help="the lead's id or its first characters")
    _add_output(lead, ".png, .svg or .pdf")

    calibration = actions.parser("calibration", "the scanner calibration code")
    calibration.set_defaults(standalone=cmd_calibration)
    _add_output(calibration, ".png, .svg or .pdf")

    badges = actions.parser("test-badges", "a sheet of test badges in every format")
    badges.set_defaults(standalone=cmd_test_badges)
    _add_output(badges, "a .pdf file")


def _add_output(parser: Parser, kinds: str) -> None:
    parser.add_argument(
        "-o", "--output", required=True, metavar="FILE", help=f"where to write: {kinds}"
    )
    parser.add_choice(
        "--paper",
        list(PAPERS),
        help="paper size of a PDF (default: letter for shows in the US, Canada, Mexico..., "
        "else a4)",
    )


# --- helpers ------------------------------------------------------------------------------


def _output(args: argparse.Namespace, sheet: str | None = None) -> Path:
    """The output file, refused (bad usage) before anything is made when its suffix is
    not .png, .svg or .pdf, or when ``sheet`` (a sheet's name) is given and it is not a
    PDF."""
    from boothapp.core.printing import FileKind, file_kind

    path = Path(args.output)
    try:
        kind = file_kind(path)
    except ValidationError as error:
        raise UsageError(error.reason) from None
    if sheet is not None and kind is not FileKind.PDF:
        raise UsageError(
            f"{sheet} has several codes and pages, which only a PDF holds: "
            f"name a .pdf file instead of {path.name}"
        )
    return path


def _paper(args: argparse.Namespace, show: EventRow | None) -> Paper:
    from boothapp.core.printing import Paper, paper_for

    if args.paper:
        return Paper(args.paper)
    return paper_for(show.country if show is not None else None)


def _written(out: TextIO, path: Path, warnings: tuple[str, ...], pages: int | None) -> None:
    warn(warnings)
    count = f" ({pages} page{'' if pages == 1 else 's'})" if pages is not None else ""
    out.write(f"Wrote {path}{count}\n")


def _write_sheet(out: TextIO, path: Path, printed: Printed) -> None:
    from boothapp.core.printing import write_printed

    _written(out, path, write_printed(path, printed), printed.pages)


# --- commands -----------------------------------------------------------------------------


def cmd_capture_sheet(ctx: Context) -> None:
    from boothapp.core.printing import capture_sheet

    a = ctx.args
    services = ctx.services
    path = _output(a, "a capture sheet")
    show = services.events.resolve(a.event)
    staff = services.staff.get(a.staff) if a.staff else None
    printed = capture_sheet(
        show,
        services.products.list(event_id=show.id),
        services.events.questions(show.id),
        staff=staff,
        paper=_paper(a, show),
    )
    _write_sheet(ctx.out, path, printed)


def cmd_stand_sheet(ctx: Context) -> None:
    from boothapp.core.printing import stand_sheet

    a = ctx.args
    path = _output(a, "a product sheet")
    show = ctx.services.events.resolve(a.event)
    printed = stand_sheet(
        show,
        ctx.services.products.list(event_id=show.id),
        paper=_paper(a, show),
        picture_folder=Path(a.pictures) if a.pictures else None,
    )
    _write_sheet(ctx.out, path, printed)


def cmd_card(ctx: Context) -> None:
    from boothapp.core.printing import (
        FileKind,
        business_cards,
        file_kind,
        staff_vcard,
        write_code,
    )

    a = ctx.args
    services = ctx.services
    path = _output(a)
    member = services.staff.get(a.staff) if a.staff else services.staff.current()
    if member is None:
        raise UsageError("nobody is at the laptop: name the staff member whose card to print")
    show = services.events.get(a.event) if a.event else services.events.active()
    if file_kind(path) is FileKind.PDF:
        _write_sheet(ctx.out, path, business_cards(member, a.company, show, paper=_paper(a, show)))
        return
    warnings = write_code(path, staff_vcard(member, a.company), title=member.name)
    _written(ctx.out, path, warnings, None)


def cmd_product(ctx: Context) -> None:
    from boothapp.core.printing import FileKind, file_kind, stand_sheet, write_code
    from boothapp.core.sheet_codes import SheetAction, encode, product_label

    a = ctx.args
    services = ctx.services
    path = _output(a)
    product = services.products.get(a.sku)
    if a.action:
        event = services.events.resolve(a.event)
        on_stand = {p.sku for p in services.products.list(event_id=event.id)}
        if product.sku not in on_stand:
            raise ValidationError(
                "product",
                f"{product.sku} is not on the stand of {event.name}: its code would be refused",
            )
        warnings = write_code(
            path,
            encode(event, SheetAction.product(product)),
            title=f"Capture sheet code · {product.name}",
            caption=f"Scan to tick {product_label(product)} on the open lead ({event.name})",
            paper=_paper(a, event),
        )
        _written(ctx.out, path, warnings, None)
        return
    show = services.events.get(a.event) if a.event else services.events.active()
    if file_kind(path) is FileKind.PDF:
        printed = stand_sheet(
            show,
            [product],
            paper=_paper(a, show),
            picture_folder=Path(a.pictures) if a.pictures else None,
        )
        _write_sheet(ctx.out, path, printed)
        return
    if not product.brochure_url:
        raise ValidationError(
            "product",
            f"{product.sku} has no brochure link: add one to the catalogue, or use --action "
            "for its capture-sheet code",
        )
    warnings = write_code(path, product.brochure_url, title=f"Brochure · {product.name}")
    _written(ctx.out, path, warnings, None)


def cmd_lead(ctx: Context) -> None:
    from boothapp.core.printing import FileKind, file_kind, lead_page, lead_vcard, write_code

    a = ctx.args
    services = ctx.services
    path = _output(a)
    lead = services.leads.get(services.leads.resolve_id(a.lead_id))
    show = services.events.get(lead.event_id)
    if file_kind(path) is FileKind.PDF:
        _write_sheet(ctx.out, path, lead_page(lead, show, paper=_paper(a, show)))
        return
    warnings = write_code(path, lead_vcard(lead, show), title=lead.display_name)
    _written(ctx.out, path, warnings, None)


CALIBRATION_CAPTION = (
    "Scanner calibration: in boothapp's scanner settings, scan this code once with each "
    "handheld scanner on each laptop.\nboothapp then puts right what the keyboard layout "
    "does to the scanner's keys."
)


def cmd_calibration(args: argparse.Namespace, out: TextIO) -> None:
    """The window's calibration code (``calibration_qr_png``) as PNG; the same text as
    SVG, or on a page with its instructions as PDF."""
    from boothapp.core.badges.keyboard_layout import CALIBRATION_TEXT, calibration_qr_png
    from boothapp.core.printing import FileKind, file_kind, write_code
    from boothapp.core.printing.document import write_file

    path = _output(args)
    if file_kind(path) is FileKind.PNG:
        write_file(path, calibration_qr_png())
        _written(out, path, (), None)
        return
    warnings = write_code(
        path,
        CALIBRATION_TEXT,
        title="Scanner calibration",
        caption=CALIBRATION_CAPTION,
        paper=_paper(args, None),
    )
    _written(out, path, warnings, None)


def cmd_test_badges(args: argparse.Namespace, out: TextIO) -> None:
    from boothapp.core.printing import sample_badge_sheet

    path = _output(args, "the test badge sheet")
    _write_sheet(out, path, sample_badge_sheet(paper=_paper(args, None)))
