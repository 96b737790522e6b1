"""``boothapp demo``: the sample show."""

from __future__ import annotations

from boothapp.cli.common import Commands, Context, UsageError
from boothapp.core.schemas import LeadFilter


def cmd_demo(ctx: Context) -> None:
    from boothapp.core.services.demo import create_demo

    if ctx.args.leads < 0:
        raise UsageError("--leads must be 0 or more")
    event = create_demo(ctx.services, leads=ctx.args.leads)
    count = ctx.services.leads.count(LeadFilter(event_id=event.id))
    ctx.out.write(f"Created the demo show {event.name!r} with {count} leads; it is now active.\n")


def add_commands(commands: Commands) -> None:
    demo = commands.command("demo", "create the demo show 'Milipol Paris 2023'", cmd_demo)
    demo.add_argument("--leads", type=int, default=200, help="sample leads (default 200)")
