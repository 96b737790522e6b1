"""The product catalogue: cases, racks, accessories, services."""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from boothapp.core import sheets
from boothapp.core.db import Database
from boothapp.core.errors import Conflict, NotFound, ValidationError
from boothapp.core.models import EventProduct, Product
from boothapp.core.schemas import ProductInput, ProductRow, value_of
from boothapp.core.validation import clean_line, clean_text, normalise_website
from boothapp.core.vocabulary import ProductCategory

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


def product_row(product: Product) -> ProductRow:
    return value_of(ProductRow, product, attributes=dict(product.attributes))


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


def find_product(session: Session, sku: str) -> Product:
    product = session.scalars(select(Product).where(Product.sku == sku.strip())).first()
    if product is None:
        raise NotFound(f"no product with SKU {sku!r}: see `boothapp product list`")
    return product


def check_sku_free(session: Session, sku: str, exclude_id: int | None = None) -> None:
    """Refuses a SKU another product already has."""
    query = select(Product.id).where(Product.sku == sku)
    if exclude_id is not None:
        query = query.where(Product.id != exclude_id)
    if session.scalars(query).first() is not None:
        raise Conflict(f"a product with SKU {sku!r} already exists")


class ProductService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def create(self, data: ProductInput, event_id: int | None = None) -> ProductRow:
        """Adds a product, and puts it on the stand of ``event_id`` when given."""
        values = clean_product(data)
        with self._db.write() as session:
            check_sku_free(session, values["sku"])
            product = Product(**values)
            session.add(product)
            session.flush()
            if event_id is not None:
                session.add(EventProduct(event_id=event_id, product_id=product.id))
            return product_row(product)

    def update(self, sku: str, data: ProductInput) -> ProductRow:
        """Replaces the product with SKU ``sku`` by ``data`` (which may rename the SKU);
        leads that were shown it keep it."""
        values = clean_product(data)
        with self._db.write() as session:
            product = find_product(session, sku)
            if values["sku"] != product.sku:
                check_sku_free(session, values["sku"])
            for key, value in values.items():
                setattr(product, key, value)
            session.flush()
            return product_row(product)

    def get(self, sku: str) -> ProductRow:
        with self._db.read() as session:
            return product_row(find_product(session, sku))

    def list(
        self, event_id: int | None = None, include_inactive: bool = False
    ) -> builtins.list[ProductRow]:
        """The catalogue, or the products on the stand of ``event_id``."""
        with self._db.read() as session:
            query = select(Product).order_by(Product.category, func.lower(Product.name))
            if event_id is not None:
                query = query.join(EventProduct).where(EventProduct.event_id == event_id)
            if not include_inactive:
                query = query.where(Product.active.is_(True))
            return [product_row(product) for product in session.scalars(query)]

    def import_file(self, path: Path, event_id: int | None = None) -> tuple[int, int]:
        """Adds or updates products from a spreadsheet (.xlsx, .xls, .ods or .csv, read
        by ``core.sheets``): the first row names the columns (sku, name, category,
        description, brochure_url; any other column becomes an attribute).

        All rows or none: a bad row raises an error naming the file and row, and a file
        that is not a catalogue one naming the file. Returns (added, updated).
        """
        header, *records = sheets.read_table(path, "the product catalogue")
        names = [cell.strip().lower() for cell in header[1]]
        if "sku" not in names or "name" not in names:
            raise ValidationError(
                f"{path.name} row {header[0]}",
                "the first row must name the columns, with sku and name",
            )
        known = {"sku", "name", "category", "description", "brochure_url"}
        rows: builtins.list[ProductInput] = []
        for number, cells in records:
            fields = dict(zip(names, cells, strict=False))
            try:
                rows.append(
                    ProductInput(
                        sku=fields.get("sku", ""),
                        name=fields.get("name", ""),
                        category=fields.get("category") or ProductCategory.OTHER,
                        description=fields.get("description", ""),
                        brochure_url=fields.get("brochure_url") or None,
                        attributes={k: v for k, v in fields.items() if k not in known and k and v},
                    )
                )
                clean_product(rows[-1])
            except ValidationError as exc:
                raise ValidationError(f"{path.name} row {number}", str(exc)) from None
        return self._upsert(rows, event_id)

    def _upsert(self, rows: Iterable[ProductInput], event_id: int | None) -> tuple[int, int]:
        added = updated = 0
        with self._db.write() as session:
            for data in rows:
                values = clean_product(data)
                product = session.scalars(
                    select(Product).where(Product.sku == values["sku"])
                ).first()
                if product is None:
                    product = Product(**values)
                    session.add(product)
                    added += 1
                else:
                    for key, value in values.items():
                        setattr(product, key, value)
                    updated += 1
                session.flush()
                if (
                    event_id is not None
                    and session.get(EventProduct, (event_id, product.id)) is None
                ):
                    session.add(EventProduct(event_id=event_id, product_id=product.id))
        return added, updated
