"""The product catalogue's rules: what a product's SKU, name and category may be, and the
order a stand's products are listed in (by category, then name) in the capture form, the
kiosk and the printed sheets. Reading and writing the catalogue as a spreadsheet is
``core.catalogue_files``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Any

from boothapp.core.errors import ValidationError
from boothapp.core.schemas import ProductInput, ProductRow
from boothapp.core.validation import clean_line, clean_text, normalise_website
from boothapp.core.vocabulary import CATEGORY_LABELS, ProductCategory

CATEGORY_ALIASES = {
    "case": ProductCategory.TRANSIT_CASE,
    "transit case": ProductCategory.TRANSIT_CASE,
    "transit": ProductCategory.TRANSIT_CASE,
    "rack case": ProductCategory.RACK_CASE,
    "rackcase": ProductCategory.RACK_CASE,
    "accessories": ProductCategory.ACCESSORY,
    "services": ProductCategory.SERVICE,
    "racks": ProductCategory.RACK,
}


def parse_category(value: ProductCategory | str) -> ProductCategory:
    key = str(value).strip().lower().replace("-", " ").replace("_", " ")
    if key in CATEGORY_ALIASES:
        return CATEGORY_ALIASES[key]
    try:
        return ProductCategory(key.replace(" ", "_"))
    except ValueError:
        allowed = ", ".join(c.value for c in ProductCategory)
        raise ValidationError("category", f"{value!r} is not one of {allowed}") from None


def clean_sku_and_name(sku: str, name: str) -> tuple[str, str]:
    """A product's SKU and name as stored; ValidationError (field ``sku`` or ``name``)
    when one is empty. Every place a product is added or edited checks them here."""
    clean_sku = clean_line(sku, "sku", 64)
    if not clean_sku:
        raise ValidationError("sku", "a product needs a SKU")
    clean_name = clean_line(name, "name", 200)
    if not clean_name:
        raise ValidationError("name", "a product needs a name")
    return clean_sku, clean_name


def clean_product(data: ProductInput) -> dict[str, Any]:
    sku, name = clean_sku_and_name(data.sku, data.name)
    attributes = {
        clean_line(str(key), "attributes", 100): clean_line(str(value), "attributes", 500)
        for key, value in data.attributes.items()
    }
    return {
        "sku": sku,
        "name": name,
        "category": parse_category(data.category),
        "description": clean_text(data.description, "description", 10_000),
        "attributes": {key: value for key, value in attributes.items() if key},
        "brochure_url": normalise_website(data.brochure_url, "brochure_url"),
        "active": data.active,
    }


def fold_name(text: str) -> str:
    """``text`` as product names and SKUs are compared and sorted: case and accents
    aside."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def by_category(
    products: Iterable[ProductRow],
) -> list[tuple[ProductCategory, list[ProductRow]]]:
    """The products grouped by category in the vocabulary's order, each group by name:
    how the capture form, the kiosk and the printed sheets list a stand."""
    order = list(CATEGORY_LABELS)
    groups: dict[ProductCategory, list[ProductRow]] = {}
    for product in sorted(products, key=lambda p: (order.index(p.category), fold_name(p.name))):
        groups.setdefault(product.category, []).append(product)
    return list(groups.items())
