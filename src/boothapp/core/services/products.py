"""The product catalogue: cases, racks, accessories, services."""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from boothapp.core.catalogue import clean_product
from boothapp.core.db import Database
from boothapp.core.errors import Conflict, NotFound
from boothapp.core.models import EventProduct, Product
from boothapp.core.schemas import ProductInput, ProductRow, value_of

if TYPE_CHECKING:
    from boothapp.core.catalogue_files import CataloguePreview


def product_row(product: Product) -> ProductRow:
    return value_of(ProductRow, product, attributes=dict(product.attributes))


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
        """Adds or updates products from a catalogue spreadsheet (``core.catalogue_files``),
        and puts them on the stand of ``event_id`` when given. All rows or none: a bad
        row raises an error naming the file and row. Returns (added, updated)."""
        from boothapp.core.catalogue_files import read_catalogue

        read = read_catalogue(path)
        return self._upsert((product for _, product in read.products), event_id)

    def preview_file(self, path: Path) -> CataloguePreview:
        """What importing ``path`` would do, without storing anything."""
        from boothapp.core import catalogue_files

        read = catalogue_files.read_catalogue(path)
        with self._db.read() as session:
            known = set(session.scalars(select(Product.sku)))
        return catalogue_files.CataloguePreview(
            read.path,
            tuple(
                (number, product, clean_product(product)["sku"] not in known)
                for number, product in read.products
            ),
        )

    def export_file(self, path: Path, event_id: int | None = None) -> int:
        """Writes the catalogue (or the stand of ``event_id``) to ``path`` (.xlsx or
        .csv), in the columns an import reads; returns how many products (the spreadsheet
        libraries are imported here, not when the window starts)."""
        from boothapp.core.catalogue_files import write_catalogue

        return write_catalogue(
            path, self.list(event_id=event_id, include_inactive=event_id is None)
        )

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
