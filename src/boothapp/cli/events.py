"""``boothapp event``: add, list and choose shows."""

from __future__ import annotations

from boothapp.cli.common import Commands, Context, input_from_args, iso, parse_day, write_list
from boothapp.cli.lock import require_manager
from boothapp.core.schemas import EventInput, EventRow


def add_commands(commands: Commands) -> None:
    actions = commands.group("event", "shows: add, list, use")
    add = actions.command("add", "add a show", cmd_event_add)
    add.add_argument("name")
    add.add_argument("--venue", default="")
    add.add_argument("--city", default="")
    add.add_argument("--country", help="ISO code or name; default region for phones")
    add.add_argument("--start", help="first day, YYYY-MM-DD")
    add.add_argument("--end", help="last day, YYYY-MM-DD")
    add.add_argument("--booth", default="")
    add.add_argument(
        "--timezone",
        help="e.g. Europe/Paris (default: the country's, when it keeps one time; else UTC)",
    )
    add.add_argument("--consent-text", default="")
    add.add_argument("--consent-version", default="")
    actions.command("list", "list shows (* marks the active one)", cmd_event_list).add_json()
    use = actions.command("use", "make a show the active one on this laptop", cmd_event_use)
    use.add_argument("event_ref", metavar="NAME_OR_ID")


def _dates(event: EventRow) -> str:
    if not event.start_date:
        return ""
    return f"{iso(event.start_date) or ''} – {iso(event.end_date) or ''}"


def cmd_event_add(ctx: Context) -> None:
    require_manager(ctx, "adding a show")
    a = ctx.args
    event = ctx.services.events.create(
        input_from_args(
            EventInput,
            a,
            start_date=parse_day(a.start, "start") if a.start else None,
            end_date=parse_day(a.end, "end") if a.end else None,
            timezone=a.timezone or "",
        )
    )
    ctx.out.write(f"Added show {event.id}: {event.name} (times in {event.timezone})\n")


def cmd_event_list(ctx: Context) -> None:
    events = ctx.services.events.list()
    active = None if ctx.args.json else ctx.services.events.active()

    def row(e: EventRow) -> list[str]:
        marker = "*" if active is not None and e.id == active.id else ""
        return [marker, str(e.id), e.name, e.venue, e.city, _dates(e), e.booth]

    write_list(ctx, events, ("", "ID", "NAME", "VENUE", "CITY", "DATES", "BOOTH"), row)


def cmd_event_use(ctx: Context) -> None:
    event = ctx.services.events.use(ctx.args.event_ref)
    ctx.out.write(f"Active show: {event.name}\n")
