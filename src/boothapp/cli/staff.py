"""``boothapp staff``: add and list staff, and say who is at the laptop."""

from __future__ import annotations

from boothapp.cli.common import Commands, Context, optional_event_id, write_list
from boothapp.cli.lock import require_manager
from boothapp.core.schemas import StaffRow
from boothapp.core.vocabulary import StaffRole


def add_commands(commands: Commands) -> None:
    actions = commands.group("staff", "staff members: add, list, use")
    add = actions.command("add", "add a staff member", cmd_staff_add)
    add.add_argument("name")
    add.add_argument("--email")
    add.add_argument("--phone")
    add.add_choice("--role", [r.value for r in StaffRole], default="staff")
    add.add_argument("--event", help="put on the roster of this show")
    listing = actions.command("list", "list staff (* marks who is at the laptop)", cmd_staff_list)
    listing.add_list_options("only the roster of this show", "staff")
    use = actions.command("use", "set who is at this laptop", cmd_staff_use)
    use.add_argument("staff_ref", metavar="NAME_OR_ID")


def cmd_staff_add(ctx: Context) -> None:
    require_manager(ctx, "adding a staff member")
    a = ctx.args
    member = ctx.services.staff.create(
        a.name, a.email, a.phone, a.role, event_id=optional_event_id(ctx)
    )
    ctx.out.write(f"Added staff member {member.id}: {member.name} ({member.role.value})\n")


def cmd_staff_list(ctx: Context) -> None:
    members = ctx.services.staff.list(
        event_id=optional_event_id(ctx), include_inactive=ctx.args.all
    )
    current = None if ctx.args.json else ctx.services.staff.current()

    def row(m: StaffRow) -> list[str]:
        marker = "*" if current is not None and m.id == current.id else ""
        return [marker, str(m.id), m.name, m.role.value, m.email or "", m.phone or ""]

    write_list(ctx, members, ("", "ID", "NAME", "ROLE", "E-MAIL", "PHONE"), row)


def cmd_staff_use(ctx: Context) -> None:
    member = ctx.services.staff.use(ctx.args.staff_ref)
    ctx.out.write(f"At this laptop: {member.name}\n")
