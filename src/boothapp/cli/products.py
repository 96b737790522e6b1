"""``boothapp product``: the catalogue."""

from __future__ import annotations

from pathlib import Path

from boothapp.cli.common import Commands, Context, input_from_args, optional_event_id, write_list
from boothapp.cli.lock import require_manager
from boothapp.core.errors import ValidationError
from boothapp.core.schemas import ProductInput, ProductRow
from boothapp.core.vocabulary import ProductCategory


def add_commands(commands: Commands) -> None:
    actions = commands.group("product", "the catalogue: add, list, import, export")
    add = actions.command("add", "add a product", cmd_product_add)
    add.add_argument("sku")
    add.add_argument("name")
    add.add_argument(
        "--category", default="other", help=", ".join(c.value for c in ProductCategory)
    )
    add.add_argument("--description", default="")
    add.add_argument("--attr", action="append", default=[], metavar="KEY=VALUE")
    add.add_argument("--brochure-url")
    add.add_argument("--event", help="put on the stand of this show")
    listing = actions.command("list", "list products", cmd_product_list)
    listing.add_list_options("only the products on this show's stand", "products")
    imports = actions.command(
        "import", "add or update products from a spreadsheet", cmd_product_import
    )
    imports.add_argument(
        "file",
        help=".xlsx, .ods or .csv; the first row names the columns: sku, name, category, "
        "description, brochure_url, and any other column as an attribute",
    )
    imports.add_argument("--event", help="put the products on this show's stand")
    imports.add_argument(
        "--dry-run", action="store_true", help="say what would be added and updated; store nothing"
    )
    export = actions.command(
        "export", "write the catalogue to a spreadsheet (.xlsx or .csv)", cmd_product_export
    )
    export.add_argument("-o", "--output", required=True, metavar="FILE")
    export.add_argument("--event", help="only the products on this show's stand")


def parse_attribute(value: str) -> tuple[str, str]:
    key, sep, attribute = value.partition("=")
    if not sep or not key.strip():
        raise ValidationError("attr", f"{value!r}: write attributes as KEY=VALUE")
    return key.strip(), attribute.strip()


def cmd_product_add(ctx: Context) -> None:
    require_manager(ctx, "adding a product")
    a = ctx.args
    attributes = dict(parse_attribute(v) for v in a.attr)
    product = ctx.services.products.create(
        input_from_args(ProductInput, a, attributes=attributes), event_id=optional_event_id(ctx)
    )
    ctx.out.write(f"Added product {product.sku}: {product.name}\n")


def _product_row(p: ProductRow) -> list[str]:
    attributes = ", ".join(f"{key}={value}" for key, value in p.attributes.items())
    return [p.sku, p.name, p.category.value, attributes]


def cmd_product_list(ctx: Context) -> None:
    products = ctx.services.products.list(
        event_id=optional_event_id(ctx), include_inactive=ctx.args.all
    )
    headers = ("SKU", "NAME", "CATEGORY", "ATTRIBUTES")
    write_list(ctx, products, headers, _product_row)


def cmd_product_import(ctx: Context) -> None:
    path = Path(ctx.args.file)
    if ctx.args.dry_run:
        preview = ctx.services.products.preview_file(path)
        ctx.out.write(
            f"{path}: would add {preview.new} products and update {preview.updated}; "
            "nothing was stored\n"
        )
        return
    require_manager(ctx, "importing products")
    added, updated = ctx.services.products.import_file(path, event_id=optional_event_id(ctx))
    ctx.out.write(f"{path}: {added} products added, {updated} updated\n")


def cmd_product_export(ctx: Context) -> None:
    path = Path(ctx.args.output)
    written = ctx.services.products.export_file(path, event_id=optional_event_id(ctx))
    ctx.out.write(f"Wrote {written} products to {path}\n")
