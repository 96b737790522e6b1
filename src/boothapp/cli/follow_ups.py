"""``boothapp follow-ups`` (the queue of a show's promised follow-ups) and ``boothapp
follow-up`` (one or more of them: done, undo, due, owner).

Each follow-up a lead holds (send a brochure, a quote, call back, ...) is a task with a
status, a due day and an owner (see :mod:`boothapp.core.follow_ups`); the IDs the list
prints are what the ``follow-up`` actions take.
"""

from __future__ import annotations

import sys

from boothapp.cli.common import (
    Commands,
    Context,
    UsageError,
    parse_day,
    resolve_staff_id,
    write_json_array,
    write_table,
)
from boothapp.core.follow_ups.queue import DueFilter, FollowUpFilter, FollowUpRow, rows_as_json
from boothapp.core.follow_ups.status import FollowUpStatus

_HEADERS = ("ID", "DUE", "STATUS", "FOLLOW-UP", "LEAD", "COMPANY", "OWNER")
STATUS_CHOICES = ("todo", "done", "all")


def _plural(count: int, noun: str = "follow-up") -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _due_filter(text: str | None) -> tuple[DueFilter, str | None]:
    """``--due``: today, week, overdue (a ``DueFilter``) or a day (due on it or before)."""
    if text is None:
        return DueFilter.ANY, None
    value = text.strip().lower()
    if value in (DueFilter.TODAY, DueFilter.WEEK, DueFilter.OVERDUE):
        return DueFilter(value), None
    return DueFilter.ANY, value


def cmd_follow_ups(ctx: Context) -> None:
    a = ctx.args
    services = ctx.services
    if a.mine and a.staff is not None:
        raise UsageError("give --mine or --staff, not both")
    owner_id = resolve_staff_id(services, a.staff)
    if a.mine:
        current = services.staff.current()
        if current is None:
            raise UsageError("--mine: nobody is at this laptop (set it with `boothapp staff use`)")
        owner_id = current.id
    due, day = _due_filter(a.due)
    event_id = services.events.get(a.event).id if a.event else None
    listing = services.follow_ups.list(
        FollowUpFilter(
            event_id=event_id,
            owner_id=owner_id,
            status=None if a.status == "all" else FollowUpStatus(a.status),
            due=due,
            due_by=parse_day(day, "due") if day is not None else None,
        )
    )
    if a.json:
        write_json_array(ctx.out, rows_as_json(listing))
        return
    today = listing.today

    def cells(row: FollowUpRow) -> list[str]:
        return [
            str(row.id),
            row.due_on.isoformat(),
            row.status_label(today),
            row.label,
            row.lead_name,
            row.company,
            row.owner or "",
        ]

    write_table(ctx.out, _HEADERS, (cells(row) for row in listing.rows))
    overdue = f" ({listing.overdue} overdue)" if listing.overdue else ""
    print(f"{_plural(len(listing.rows))}{overdue} in {listing.show.name}", file=sys.stderr)


def cmd_follow_up_done(ctx: Context) -> None:
    by = resolve_staff_id(ctx.services, ctx.args.by)
    changed = ctx.services.follow_ups.mark_done(ctx.args.ids, staff_id=by)
    ctx.out.write(f"Marked {_plural(changed)} done\n")


def cmd_follow_up_undo(ctx: Context) -> None:
    changed = ctx.services.follow_ups.mark_to_do(ctx.args.ids)
    ctx.out.write(f"Put {_plural(changed)} back to do\n")


def cmd_follow_up_due(ctx: Context) -> None:
    day = parse_day(ctx.args.day, "due")
    changed = ctx.services.follow_ups.set_due(ctx.args.ids, day)
    ctx.out.write(f"{_plural(changed)} now due on {day.isoformat()}\n")


def cmd_follow_up_owner(ctx: Context) -> None:
    owner = ctx.services.staff.get(ctx.args.staff_ref)
    changed = ctx.services.follow_ups.set_owner(ctx.args.ids, owner.id)
    ctx.out.write(f"{_plural(changed)} now owned by {owner.name}\n")


def add_commands(commands: Commands) -> None:
    listing = commands.command(
        "follow-ups",
        "the follow-ups promised to a show's leads, due first (to do, by default)",
        cmd_follow_ups,
    )
    listing.add_argument("--event", help="show (default: the active one)")
    listing.add_argument("--staff", help="only those this staff member owns")
    listing.add_argument("--mine", action="store_true", help="only those of who is at the laptop")
    listing.add_choice("--status", STATUS_CHOICES, default="todo", help="default: todo")
    listing.add_argument(
        "--due",
        metavar="today|week|overdue|YYYY-MM-DD",
        help="due by the end of today, of this week (Sunday), overdue, or on a day or before",
    )
    listing.add_json()
    actions = commands.group("follow-up", "follow-ups by the IDs `boothapp follow-ups` prints")
    done = actions.command("done", "mark follow-ups done", cmd_follow_up_done)
    done.add_argument("ids", metavar="ID", type=int, nargs="+")
    done.add_argument("--by", help="done by (default: who is at the laptop)")
    undo = actions.command("undo", "put follow-ups marked done back to do", cmd_follow_up_undo)
    undo.add_argument("ids", metavar="ID", type=int, nargs="+")
    due = actions.command("due", "give follow-ups another due day", cmd_follow_up_due)
    due.add_argument("day", metavar="YYYY-MM-DD")
    due.add_argument("ids", metavar="ID", type=int, nargs="+")
    owner = actions.command("owner", "give follow-ups to another staff member", cmd_follow_up_owner)
    owner.add_argument("staff_ref", metavar="NAME_OR_ID")
    owner.add_argument("ids", metavar="ID", type=int, nargs="+")
