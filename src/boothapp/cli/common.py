"""What the commands share: their context, output writers, argument types and the
one-line refusal of a value that is none of an option's choices."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

from boothapp import APP_NAME
from boothapp.core.errors import ValidationError
from boothapp.core.schemas import (
    NOT_RATED,
    EventRow,
    LeadFilter,
    ProductShown,
    rating_filter_fields,
)
from boothapp.core.show_time import day_range
from boothapp.core.vocabulary import Rating

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

    from boothapp.core.services import Services

Dataclass = TypeVar("Dataclass", bound="DataclassInstance")


class UsageError(Exception):
    """Bad command-line usage: reported with exit status 2."""


@dataclass(frozen=True)
class Context:
    """What every command gets: the parsed arguments, the services and the output."""

    args: argparse.Namespace
    services: Services
    out: TextIO


# --- output ---------------------------------------------------------------------------


def iso(value: datetime | date | None) -> str | None:
    return value.isoformat() if value is not None else None


def row_json(row: DataclassInstance) -> dict[str, Any]:
    """Every field of a show, staff or product row, dates as ISO text and enums as
    their stored values."""
    return {field.name: _json_value(getattr(row, field.name)) for field in fields(row)}


def _json_value(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


_HIDDEN_IN_TERMINAL = re.compile(
    "[\x7f-\x9f\u061c\u200b\u200e\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff]"
)
"""What json leaves as is but a terminal would act on or not show: DEL and the C1
controls, bidi marks and overrides, zero-width spaces, line and paragraph separators."""


def json_text(value: Any, indent: int | None = None) -> str:
    """``value`` as JSON, with the characters of ``_HIDDEN_IN_TERMINAL`` written as
    ``\\uXXXX`` escapes (they can only stand in strings, so it decodes the same)."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return _HIDDEN_IN_TERMINAL.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def write_json_array(out: TextIO, items: Iterable[dict[str, Any]]) -> None:
    """Streams a JSON array, one object per line, so 100,000 leads never sit in memory."""
    out.write("[")
    for index, item in enumerate(items):
        out.write("\n" if index == 0 else ",\n")
        out.write(json_text(item))
    out.write("\n]\n")


_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def visible(text: str) -> str:
    """``text`` on one line with each character that does not print as itself (a
    control, a bidi mark, a line break, a backslash) written as an escape: ``\\x1d``."""
    return "".join(
        _ESCAPES.get(ch) or (ch if ch.isprintable() else ch.encode("unicode_escape").decode())
        for ch in text
    )


def write_table(out: TextIO, headers: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    rows = [[cell.replace("\n", " ") for cell in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, min(len(cell), 40)) for w, cell in zip(widths, row, strict=True)]
    line = "  ".join(f"{{:<{w}}}" for w in widths)
    out.write(line.format(*headers).rstrip() + "\n")
    for row in rows:
        cells = [cell if len(cell) <= 40 else cell[:39] + "…" for cell in row]
        out.write(line.format(*cells).rstrip() + "\n")


def write_list(
    ctx: Context,
    rows: Iterable[Dataclass],
    headers: Sequence[str],
    cells: Callable[[Dataclass], Sequence[str]],
) -> None:
    """``rows`` as a JSON array of :func:`row_json` objects with ``--json``, else as a
    table of ``headers`` and ``cells``."""
    if ctx.args.json:
        write_json_array(ctx.out, (row_json(row) for row in rows))
    else:
        write_table(ctx.out, headers, (cells(row) for row in rows))


def warn(warnings: Iterable[object]) -> None:
    for warning in warnings:
        print(f"{APP_NAME}: warning: {warning}", file=sys.stderr)


# --- arguments ------------------------------------------------------------------------


def parse_day(value: str, field: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValidationError(field, f"{value!r} is not a date: use YYYY-MM-DD") from None


def parse_product_arg(value: str) -> ProductShown:
    """``SKU``, ``SKU:QUANTITY`` or ``SKU:QUANTITY:remark``."""
    sku, _, rest = value.partition(":")
    quantity_text, _, remark = rest.partition(":")
    quantity: int | None = None
    if quantity_text.strip():
        try:
            quantity = int(quantity_text)
        except ValueError:
            raise ValidationError(
                "product", f"{value!r}: quantity must be a whole number"
            ) from None
    return ProductShown(sku=sku.strip(), quantity=quantity, remark=remark.strip())


def input_from_args(kind: type[Dataclass], args: argparse.Namespace, **given: Any) -> Dataclass:
    """A ``kind`` (``EventInput``, ``LeadInput``, ...) with the ``given`` values, and each
    other field that has an option of the same name (``--job-title``) taken from it."""
    taken = {
        field.name: getattr(args, field.name)
        for field in fields(kind)
        if field.name not in given and hasattr(args, field.name)
    }
    return kind(**taken, **given)


def resolve_staff_id(services: Services, reference: str | None) -> int | None:
    if reference is None:
        return None
    return services.staff.get(reference).id


def optional_event_id(ctx: Context) -> int | None:
    """The id of the show ``--event`` names; None without ``--event``."""
    return ctx.services.events.get(ctx.args.event).id if ctx.args.event else None


RATING_CHOICES = [*(rating.value for rating in Rating), NOT_RATED]


def created_range(
    args: argparse.Namespace, event: EventRow
) -> tuple[datetime | None, datetime | None]:
    """The capture times ``--from`` and ``--to`` cover, whole days in the show's time
    zone; refused when the first day comes after the last."""
    from boothapp.core.services.leads import check_created_range

    created_from, created_to = day_range(
        parse_day(args.date_from, "from") if args.date_from else None,
        parse_day(args.date_to, "to") if args.date_to else None,
        event.timezone,
    )
    check_created_range(created_from, created_to)
    return created_from, created_to


def lead_filter_from_args(ctx: Context, **more: Any) -> tuple[LeadFilter, EventRow]:
    """The filter that ``--event``, ``--staff``, ``--rating``, ``--product``, ``--from``
    and ``--to`` choose, with ``more`` fields, and the show it is about."""
    args = ctx.args
    event = ctx.services.events.resolve(args.event)
    created_from, created_to = created_range(args, event)
    lead_filter = LeadFilter(
        event_id=event.id,
        staff_id=resolve_staff_id(ctx.services, args.staff),
        **rating_filter_fields(args.rating),
        product_sku=args.product,
        created_from=created_from,
        created_to=created_to,
        **more,
    )
    return lead_filter, event


# --- parser ---------------------------------------------------------------------------


class BadChoice(Exception):
    """A value that is none of an option's choices; ``str()`` is the line to print."""


class Choice:
    """The ``type`` of an option taking one of ``values`` (in any case)."""

    def __init__(self, prog: str, option: str, values: Sequence[str]) -> None:
        self.prog = prog
        self.option = option
        self.values = tuple(values)

    def __call__(self, text: str) -> str:
        value = text.strip().lower()
        if value not in self.values:
            raise BadChoice(
                f"{self.prog}: {self.option} must be one of {', '.join(self.values)} (got {text!r})"
            )
        return value


class Parser(argparse.ArgumentParser):
    """Bad usage: exit status 2. A value that is none of an option's choices is one line;
    other mistakes get argparse's usage and message."""

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().parse_known_args(*args, **kwargs)
        except BadChoice as exc:
            self.exit(2, f"{exc}\n")

    def error(self, message: str) -> Any:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")

    def add_choice(self, option: str, values: Sequence[str], **kwargs: Any) -> None:
        """Adds an option taking one of ``values``: a wrong value gets one line naming the
        option and its choices, not argparse's usage and message."""
        self.add_argument(option, type=Choice(self.prog, option, values), choices=values, **kwargs)

    def add_json(self) -> None:
        self.add_argument("--json", action="store_true", help="print a JSON array of objects")

    def add_list_options(self, event_help: str, what: str) -> None:
        """``--event`` (only those of one show), ``--all`` (inactive ``what`` too) and
        ``--json``."""
        self.add_argument("--event", help=event_help)
        self.add_argument("--all", action="store_true", help=f"include inactive {what}")
        self.add_json()

    def add_dates(self) -> None:
        """``--from`` and ``--to``: the days leads were captured on."""
        self.add_argument(
            "--from", dest="date_from", metavar="YYYY-MM-DD", help="captured on or after"
        )
        self.add_argument(
            "--to", dest="date_to", metavar="YYYY-MM-DD", help="captured on or before"
        )

    def add_lead_filters(self) -> None:
        """``--staff``, ``--rating`` and ``--product``: which leads."""
        self.add_argument("--staff", help="captured by")
        self.add_choice("--rating", RATING_CHOICES, help="none: leads not rated")
        self.add_argument("--product", metavar="SKU", help="shown this product")


class Commands:
    """Where commands are added: ``boothapp COMMAND``, or in a group, ``boothapp GROUP
    ACTION``."""

    def __init__(self, parser: Parser, dest: str, metavar: str, required: bool) -> None:
        actions = parser.add_subparsers(
            dest=dest, metavar=metavar, required=required, parser_class=Parser
        )
        self._add_parser = actions.add_parser

    def parser(self, name: str, help: str) -> Parser:
        return self._add_parser(name, help=help)

    def command(self, name: str, help: str, handler: Callable[[Context], None]) -> Parser:
        """A command that runs ``handler`` over the database."""
        command = self.parser(name, help)
        command.set_defaults(handler=handler)
        return command

    def group(self, name: str, help: str) -> Commands:
        """A command that takes an action: ``event add``, ``event list``."""
        return Commands(self.parser(name, help), "subcommand", "ACTION", required=True)
