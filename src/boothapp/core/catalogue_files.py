"""The product catalogue as a spreadsheet: read (.xlsx, .xls, .ods, .csv) with every row
checked before anything is stored, and written (.xlsx or .csv) in the same columns, so a
catalogue exported from one laptop imports into another unchanged.

Columns are recognised by their header whatever its case, accents and punctuation: the
product's own fields (SKU, name, category, description, brochure URL), then the
attributes that matter for cases and racks (``vocabulary.PRODUCT_ATTRIBUTE_LABELS``,
by label or key, a few in French), and any other column as an attribute of that name.
"""

from __future__ import annotations

import csv
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]

from boothapp.core import sheets
from boothapp.core.catalogue import clean_product
from boothapp.core.durable import sync_file, sync_folder
from boothapp.core.errors import StorageError, ValidationError
from boothapp.core.exporting.text import clean, csv_safe, is_formula_like
from boothapp.core.schemas import ProductInput, ProductRow
from boothapp.core.vocabulary import PRODUCT_ATTRIBUTE_LABELS, ProductCategory

FIELD_HEADERS = {
    "sku": "SKU",
    "name": "Name",
    "category": "Category",
    "description": "Description",
    "brochure_url": "Brochure URL",
}
"""The product's own fields, by key, and their headers in a written file."""
_SYNONYMS = {
    "sku": "sku, reference, ref, article, part number, item",
    "name": "name, product, nom, produit, designation",
    "category": "category, categorie, type",
    "description": "description",
    "brochure_url": "brochure url, brochure, url, link, lien, brochure link",
    "internal_dimensions": "internal dimensions, dimensions, inside dimensions, "
    "dimensions interieures",
    "rack_units": "rack units, units, u, rack height, unites",
    "weight": "weight, poids",
    "ip_rating": "ip rating, ip, indice ip",
    "standard": "standards, standard, norme, normes",
    "colours": "colours, colour, colors, color, couleur, couleurs",
    "picture": "picture, image, photo, picture url",
}
_BY_FOLDED = {
    sheets.fold_header(name): key
    for key, names in _SYNONYMS.items()
    for name in [
        *names.split(", "),
        key,
        FIELD_HEADERS.get(key, ""),
        PRODUCT_ATTRIBUTE_LABELS.get(key, ""),
    ]
    if name
}


_NOT_A_KEY = re.compile(r"[^0-9a-z]+")
SUFFIXES_WRITTEN = (".xlsx", ".csv")


def column_key(header: str) -> str:
    """The key a column's values are stored under: a field or known attribute for a
    header that names one, else the header in snake case ("Lid colour" -> lid_colour)."""
    known = _BY_FOLDED.get(sheets.fold_header(header))
    if known is not None:
        return known
    return _NOT_A_KEY.sub("_", header.strip().casefold()).strip("_")


@dataclass(frozen=True)
class CatalogueFile:
    """A catalogue read and checked: each product with the row it came from."""

    path: Path
    products: tuple[tuple[int, ProductInput], ...]


@dataclass(frozen=True)
class CataloguePreview:
    """What importing a catalogue would do: each product with its row number and
    whether it is new (else it updates the product of its SKU)."""

    path: Path
    products: tuple[tuple[int, ProductInput, bool], ...]

    @property
    def new(self) -> int:
        return sum(1 for _, _, is_new in self.products if is_new)

    @property
    def updated(self) -> int:
        return len(self.products) - self.new


def _unquoted(value: str) -> str:
    """A cell without the apostrophe a CSV export puts before text a spreadsheet would
    run as a formula (``exporting.text.csv_safe``)."""
    return value[1:] if value.startswith("'") and is_formula_like(value[1:]) else value


def read_catalogue(path: Path) -> CatalogueFile:
    """The products of a catalogue spreadsheet whose first row names the columns (with
    at least the SKU and the name); a file or row that cannot be used raises
    ``ValidationError`` naming the file, and the row."""
    header, *records = sheets.read_table(path, "the product catalogue")
    keys = [column_key(cell) if cell.strip() else "" for cell in header[1]]
    if "sku" not in keys or "name" not in keys:
        raise ValidationError(
            f"{path.name} row {header[0]}",
            "the first row must name the columns, with SKU and name",
        )
    products: list[tuple[int, ProductInput]] = []
    seen: dict[str, int] = {}
    for number, cells in records:
        values: dict[str, str] = {}
        for key, cell in zip(keys, cells, strict=False):
            if key and cell.strip() and key not in values:
                values[key] = _unquoted(cell.strip())
        product = ProductInput(
            sku=values.pop("sku", ""),
            name=values.pop("name", ""),
            category=values.pop("category", "") or ProductCategory.OTHER,
            description=values.pop("description", ""),
            brochure_url=values.pop("brochure_url", "") or None,
            attributes=values,
        )
        try:
            sku = clean_product(product)["sku"]
        except ValidationError as exc:
            raise ValidationError(f"{path.name} row {number}", str(exc)) from None
        if sku in seen:
            raise ValidationError(
                f"{path.name} row {number}", f"SKU {sku} is on row {seen[sku]} already"
            )
        seen[sku] = number
        products.append((number, product))
    return CatalogueFile(path, tuple(products))


def catalogue_columns(products: Iterable[ProductRow]) -> list[tuple[str, str]]:
    """(key, header) of the columns a written catalogue has: the product's fields, the
    known attributes any product has, then the other attributes by name."""
    present = {key for product in products for key, value in product.attributes.items() if value}
    known = [key for key in PRODUCT_ATTRIBUTE_LABELS if key in present]
    others = sorted(present - set(known))
    return [
        *FIELD_HEADERS.items(),
        *((key, PRODUCT_ATTRIBUTE_LABELS[key]) for key in known),
        *((key, key.replace("_", " ").capitalize()) for key in others),
    ]


def _values(product: ProductRow, keys: Sequence[str]) -> list[str]:
    fields: dict[str, Any] = {
        "sku": product.sku,
        "name": product.name,
        "category": product.category.value,
        "description": product.description,
        "brochure_url": product.brochure_url or "",
    }
    return [clean(str(fields.get(key, product.attributes.get(key, "")) or "")).text for key in keys]


def write_catalogue(path: Path, products: Sequence[ProductRow]) -> int:
    """Writes the products to ``path`` (.xlsx or .csv, by its extension) in the columns
    ``read_catalogue`` reads; returns how many. The file appears whole or not at all."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES_WRITTEN:
        raise ValidationError(path.name, "write the catalogue as an .xlsx or .csv file")
    columns = catalogue_columns(products)
    keys = [key for key, _ in columns]
    rows = [_values(product, keys) for product in products]
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temporary_name = tempfile.mkstemp(
            prefix=f".{path.stem[:40]}.", suffix=".part", dir=folder
        )
    except OSError as exc:
        raise StorageError(f"cannot write {path}: {exc.strerror or exc}") from None
    os.close(handle)
    temporary = Path(temporary_name)
    try:
        if suffix == ".csv":
            with temporary.open("w", encoding="utf-8-sig", newline="") as text:
                writer = csv.writer(text)
                writer.writerow([header for _, header in columns])
                writer.writerows([[csv_safe(value) for value in row] for row in rows])
        else:
            _write_workbook(temporary, [header for _, header in columns], rows)
        sync_file(temporary)
        os.replace(temporary, path)
        sync_folder(folder)
    except OSError as exc:
        raise StorageError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        temporary.unlink(missing_ok=True)
    return len(rows)


def _write_workbook(path: Path, headers: list[str], rows: list[list[str]]) -> None:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Catalogue")
    sheet.append(headers)
    for row in rows:
        cells: list[Any] = []
        for value in row:
            if is_formula_like(value):
                cell = WriteOnlyCell(sheet, value=value)
                cell.data_type = "s"
                cells.append(cell)
            else:
                cells.append(value)
        sheet.append(cells)
    workbook.save(path)
