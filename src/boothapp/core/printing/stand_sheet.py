"""The product sheet of a stand: for each product its name, SKU, description, key
attributes, picture (when the catalogue names a picture file) and a QR code of its
brochure link, for visitors and staff to read at the booth.

Attributes are read from the product's ``attributes`` under the names the catalogue uses
(``internal_dimensions``, ``rack_units``, ``weight``, ``ip_rating``, ``standard``,
``colours``...: spreadsheet columns such as "IP rating" count too); the best-known come
first, any others after. A picture is an attribute named ``picture``, ``image`` or
``photo`` (``_file``, ``_path`` or ``_url`` may follow) holding a file path, absolute or
relative to ``picture_folder``. Web addresses are not fetched (the app works offline):
they, and files that are missing or unreadable, are left out with a warning.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Final

from boothapp import APP_NAME
from boothapp.core.catalogue import by_category
from boothapp.core.printing.document import Document, Paper, Printed
from boothapp.core.printing.fonts import FontSet
from boothapp.core.printing.symbols import make_symbol
from boothapp.core.schemas import EventRow, ProductRow
from boothapp.core.vocabulary import CATEGORY_LABELS

KEY_ATTRIBUTES: Final[tuple[tuple[str, str], ...]] = (
    ("internal_dimensions", "Internal dimensions"),
    ("external_dimensions", "External dimensions"),
    ("dimensions", "Dimensions"),
    ("rack_units", "Rack units"),
    ("rack_depth", "Rack depth"),
    ("weight", "Weight"),
    ("load_capacity", "Load capacity"),
    ("ip_rating", "IP rating"),
    ("standard", "Standards"),
    ("standards", "Standards"),
    ("colour", "Colour"),
    ("color", "Colour"),
    ("colours", "Colours"),
    ("colors", "Colours"),
    ("material", "Material"),
    ("temperature_range", "Temperature range"),
)
PICTURE_KEYS: Final = frozenset(
    f"{word}{suffix}"
    for word in ("picture", "image", "photo")
    for suffix in ("", "_file", "_path", "_url")
)

PICTURE_WIDTH: Final = 42.0
PICTURE_HEIGHT: Final = 34.0
QR_SIZE: Final = 30.0
NAME_SIZE: Final = 12.5
BODY_SIZE: Final = 8.5
DESCRIPTION_LINES: Final = 4


def attribute_key(key: str) -> str:
    """``"IP rating"``, ``"ip-rating"`` and ``"ip_rating"`` are the same attribute."""
    return "_".join(key.strip().lower().replace("-", " ").split())


def key_attributes(product: ProductRow) -> list[tuple[str, str]]:
    """(label, value) of the product's attributes worth printing: the known ones in the
    order of :data:`KEY_ATTRIBUTES`, then the others by name; pictures left out."""
    values = {
        attribute_key(str(key)): str(value).strip()
        for key, value in product.attributes.items()
        if str(value).strip()
    }
    known = dict(KEY_ATTRIBUTES)
    shown = [(label, values[key]) for key, label in KEY_ATTRIBUTES if key in values]
    others = sorted(key for key in values if key not in known and key not in PICTURE_KEYS)
    shown += [(key.replace("_", " ").capitalize(), values[key]) for key in others]
    return shown


def picture_of(product: ProductRow, picture_folder: Path | None) -> tuple[Path | None, str | None]:
    """The picture file of a product, or None with the reason it is not printed (None
    when the catalogue names no picture)."""
    for key, value in product.attributes.items():
        if attribute_key(str(key)) not in PICTURE_KEYS or not str(value).strip():
            continue
        text = str(value).strip()
        if "://" in text or text.lower().startswith("www."):
            return None, (
                f"the picture of {product.sku} is a web address ({text}): boothapp works "
                "offline, so give the path of a picture file instead"
            )
        path = Path(text).expanduser()
        if not path.is_absolute() and picture_folder is not None:
            path = picture_folder / path
        if not path.is_file():
            return None, f"the picture of {product.sku} was not found: {path}"
        return path, None
    return None, None


def stand_sheet(
    show: EventRow | None,
    products: Sequence[ProductRow],
    *,
    paper: Paper = Paper.A4,
    picture_folder: Path | None = None,
    fonts: FontSet | None = None,
) -> Printed:
    """The product sheet of ``show``'s stand (or of no show in particular), ``products``
    grouped by category."""
    stand = f" · stand {show.booth}" if show is not None and show.booth else ""
    count = f"{len(products)} product{'' if len(products) == 1 else 's'}"
    document = Document(
        f"On our stand · {show.name}" if show is not None else "Products",
        paper,
        subtitle=f"{count}{stand} · scan a code with a phone for the brochure",
        footer=f"{APP_NAME} product sheet" + (f", {show.name}" if show is not None else ""),
        fonts=fonts,
    )
    for category, group in by_category(products):
        document.room(document.line_height(11) + 40)
        document.text(
            CATEGORY_LABELS[category],
            document.left,
            document.y,
            document.right - document.left,
            11,
            bold=True,
        )
        document.y += document.line_height(11) + 1.5
        for product in group:
            _product(document, product, picture_folder)
    if not products:
        document.room(10)
        document.text(
            "No product is on the stand of this show.",
            document.left,
            document.y,
            document.right - document.left,
            BODY_SIZE,
        )
    return document.finish()


def _product(document: Document, product: ProductRow, picture_folder: Path | None) -> None:
    picture, problem = picture_of(product, picture_folder)
    if problem is not None:
        document.warn(problem)
    has_qr = bool(product.brochure_url)
    left = document.left + (PICTURE_WIDTH + 4 if picture is not None else 0)
    right = document.right - (QR_SIZE + 4 if has_qr else 0)
    width = right - left
    attributes = key_attributes(product)
    line = document.line_height(BODY_SIZE)
    document.set_font(NAME_SIZE, bold=True)
    name_lines = min(len(document.wrap(product.name, width)), 2)
    document.set_font(BODY_SIZE)
    description_lines = min(len(document.wrap(product.description, width)), DESCRIPTION_LINES)
    text_height = (
        document.line_height(NAME_SIZE) * name_lines
        + line
        + description_lines * line
        + 1.5
        + len(attributes) * line
    )
    height = max(
        text_height,
        PICTURE_HEIGHT if picture is not None else 0,
        QR_SIZE + 3 * line if has_qr else 0,
    )
    document.room(height + 4)
    top = document.y
    if picture is not None:
        document.picture(picture, document.left, top, PICTURE_WIDTH, PICTURE_HEIGHT)
    y = top
    y += document.text(product.name, left, y, width, NAME_SIZE, bold=True, max_lines=2)
    y += document.text(
        f"{product.sku} · {CATEGORY_LABELS[product.category]}", left, y, width, BODY_SIZE
    )
    if product.description:
        y += document.text(
            product.description, left, y, width, BODY_SIZE, max_lines=DESCRIPTION_LINES
        )
    y += 1.5
    label_width = min(38.0, width * 0.4)
    for label, value in attributes:
        document.text(label, left, y, label_width, BODY_SIZE, bold=True)
        y += document.text(value, left + label_width, y, width - label_width, BODY_SIZE)
    if has_qr and product.brochure_url:
        x = document.right - QR_SIZE
        document.symbol(make_symbol(product.brochure_url), x, top, QR_SIZE)
        document.text("Brochure", x, top + QR_SIZE, QR_SIZE, BODY_SIZE, bold=True, align="C")
        document.text(
            product.brochure_url,
            x - 4,
            top + QR_SIZE + line,
            QR_SIZE + 4,
            6,
            align="C",
            max_lines=2,
        )
    document.y = top + height + 2
    document.pdf.set_draw_color(200)
    document.pdf.line(document.left, document.y, document.right, document.y)
    document.y += 2.5
