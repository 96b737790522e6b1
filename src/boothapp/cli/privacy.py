"""``boothapp erase``, ``retention``, ``subject-export`` and ``audit``: personal data (GDPR).

The commands that destroy data (``erase``, ``retention --purge``) show what will go (how
many leads, and whose) and ask before acting when run on a terminal; ``--yes`` is for
scripts. Without a terminal and without ``--yes`` they refuse and change nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from boothapp.cli.common import (
    Commands,
    Context,
    UsageError,
    write_json_array,
    write_table,
)
from boothapp.cli.lock import require_manager
from boothapp.core.audit import AuditRow
from boothapp.core.models import utc_now
from boothapp.core.privacy.erasure import HeldLead, erase, plan_erasure
from boothapp.core.privacy.log import audit_log
from boothapp.core.privacy.people import looks_like_email
from boothapp.core.privacy.retention import (
    checked_months,
    months_before,
    old_leads,
    purge,
    retention_months,
    set_retention_months,
)
from boothapp.core.privacy.subject import write_subject_export
from boothapp.core.vocabulary import AUDIT_ACTION_LABELS, AuditAction

_LEAD_HEADERS = ("ID", "NAME", "COMPANY", "SHOW")


def _staff_name(ctx: Context) -> str | None:
    """Who is at the laptop, for the audit log."""
    staff = ctx.services.staff.current()
    return staff.name if staff is not None else None


def confirm(ctx: Context, question: str, nothing_done: str) -> None:
    """Goes on with ``--yes``, or when the person answers yes on the terminal; else
    raises UsageError saying ``nothing_done`` and how to confirm."""
    if ctx.args.yes:
        return
    if not sys.stdin.isatty():
        raise UsageError(
            f"{nothing_done}: there is no terminal to confirm on; add --yes to go ahead"
        )
    ctx.out.flush()
    try:
        answer = input(f"{question} [y/N] ")
    except EOFError:
        answer = ""
    if answer.strip().lower() not in ("y", "yes", "o", "oui", "j", "ja"):
        raise UsageError(f"{nothing_done}: not confirmed")


def _lead_cells(lead: HeldLead) -> list[str]:
    show = f"{lead.show} (deleted)" if lead.deleted else lead.show
    return [lead.id[:8], lead.display_name, lead.company, show]


def cmd_erase(ctx: Context) -> None:
    require_manager(ctx, "erasing a person")
    services = ctx.services
    given = ctx.args.who.strip()
    who = given if looks_like_email(given) else services.leads.resolve_id(given)
    plan = plan_erasure(services.database, who)
    out = ctx.out
    if plan.leads:
        noun = "lead" if len(plan.leads) == 1 else "leads"
        out.write(
            f"To erase for good: {len(plan.leads)} {noun}, with their notes, visits, products "
            "and answers:\n"
        )
        write_table(out, _LEAD_HEADERS, (_lead_cells(lead) for lead in plan.leads))
    else:
        out.write(f"No lead holds {plan.email}.\n")
    if plan.same_email_elsewhere:
        others = plan.same_email_elsewhere
        out.write(
            f"{others} other lead{'' if others == 1 else 's'} with this lead's e-mail address "
            f"{'is' if others == 1 else 'are'} kept: erase the address to remove "
            f"{'it' if others == 1 else 'them'} too.\n"
        )
    out.write(
        "The person's e-mail address and badge go on the suppression list: no scan, "
        "attendee list, save or merge can bring them back.\n"
    )
    confirm(ctx, "Erase for good? This cannot be undone.", "nothing was erased")
    erasure = erase(services.database, who, _staff_name(ctx))
    count = len(erasure.leads)
    out.write(
        f"Erased {count} lead{'' if count == 1 else 's'} for good; the erasure is in the "
        "audit log (boothapp audit).\n"
    )
    if not erasure.wiped:
        not_wiped()


def not_wiped() -> None:
    print(
        "boothapp: warning: the database file could not be compacted (another program is "
        "using it, or the disk is nearly full): erased bytes may stay in its unused space; "
        "close other programs, free some space, and run the erasure again",
        file=sys.stderr,
    )


def cmd_retention(ctx: Context) -> None:
    a = ctx.args
    database = ctx.services.database
    if a.months is not None and a.set_months is not None:
        raise UsageError("give --months (this time only) or --set-months (from now on), not both")
    if a.json and a.purge:
        raise UsageError("--json lists the leads; run --purge without it")
    out = ctx.out
    if a.set_months is not None or a.purge:
        require_manager(ctx, "purging old leads" if a.purge else "changing the retention period")
    if a.set_months is not None:
        months = set_retention_months(database, a.set_months)
        out.write(f"The retention period is now {months} months, for every laptop of the booth.\n")
    elif a.months is not None:
        months = checked_months(a.months)
    else:
        months = retention_months(database)
    old = old_leads(database, months)
    cutoff = months_before(utc_now(), months)
    if a.json:
        write_json_array(
            out,
            (
                {
                    "id": item.id,
                    "name": item.lead.display_name,
                    "company": item.lead.company,
                    "show": item.lead.show,
                    "deleted": item.lead.deleted,
                    "last_contact": item.last_contact.isoformat(),
                }
                for item in old
            ),
        )
        return
    headers = ("LAST CONTACT", *_LEAD_HEADERS)
    rows = ([f"{item.last_contact.astimezone():%Y-%m-%d}", *_lead_cells(item.lead)] for item in old)
    if old:
        write_table(out, headers, rows)
    noun = "lead" if len(old) == 1 else "leads"
    out.write(
        f"{len(old)} {noun} not contacted since before {cutoff.astimezone():%Y-%m-%d} "
        f"(retention period: {months} months).\n"
    )
    if not a.purge or not old:
        return
    confirm(
        ctx,
        f"Purge these {len(old)} {noun} for good? This cannot be undone.",
        "nothing was purged",
    )
    done = purge(database, [item.id for item in old], months, _staff_name(ctx))
    count = len(done.leads)
    out.write(f"Purged {count} lead{'' if count == 1 else 's'} for good.\n")
    if not done.wiped:
        not_wiped()


def cmd_subject_export(ctx: Context) -> None:
    require_manager(ctx, "exporting what is held on a person")
    written = write_subject_export(ctx.services.database, ctx.args.email, ctx.args.output)
    noun = "lead" if written.leads == 1 else "leads"
    ctx.out.write(
        f"Wrote what is held on {written.email} ({written.leads} {noun}) to "
        f"{written.json_path} and {written.html_path}\n"
    )


def _audit_json(row: AuditRow) -> dict[str, object]:
    return {
        "at": row.at.isoformat(),
        "action": row.action.value,
        "staff": row.staff_name or None,
        "lead_count": row.lead_count,
        "detail": row.detail,
    }


def _audit_cells(row: AuditRow) -> Sequence[str]:
    return [
        f"{row.at.astimezone():%Y-%m-%d %H:%M}",
        AUDIT_ACTION_LABELS[row.action],
        row.staff_name,
        str(row.lead_count),
        row.detail,
    ]


def cmd_audit(ctx: Context) -> None:
    a = ctx.args
    if a.limit < 0:
        raise UsageError("--limit must be 0 or more")
    action = AuditAction(a.action) if a.action else None
    rows = audit_log(ctx.services.database, action, a.limit or None)
    if a.json:
        write_json_array(ctx.out, (_audit_json(row) for row in rows))
        return
    write_table(ctx.out, ("AT", "WHAT", "BY", "LEADS", "DETAIL"), (_audit_cells(r) for r in rows))


def add_commands(commands: Commands) -> None:
    erase_command = commands.command(
        "erase",
        "erase a person for good on request (GDPR): a lead, or every lead with an e-mail address",
        cmd_erase,
    )
    erase_command.add_argument(
        "who",
        metavar="LEAD_ID|EMAIL",
        help="a lead id (or its first characters): that lead; an e-mail address: every lead "
        "with it, in every show, deleted ones too",
    )
    erase_command.add_argument("--yes", action="store_true", help="do not ask (for scripts)")
    retention = commands.command(
        "retention",
        "list the leads not contacted within the retention period (default 24 months), "
        "and purge them",
        cmd_retention,
    )
    retention.add_argument(
        "--months", type=int, metavar="N", help="use N months this time (not stored)"
    )
    retention.add_argument(
        "--set-months",
        type=int,
        metavar="N",
        help="store N months as the booth's retention period, for every laptop",
    )
    retention.add_argument(
        "--purge", action="store_true", help="erase the leads listed, for good (asks first)"
    )
    retention.add_argument("--yes", action="store_true", help="do not ask (for scripts)")
    retention.add_json()
    subject = commands.command(
        "subject-export",
        "write everything held on one person (GDPR subject access) as JSON and HTML",
        cmd_subject_export,
    )
    subject.add_argument("email", metavar="EMAIL", help="the person's e-mail address")
    subject.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help="FILE.json gets the JSON and FILE.html beside it the readable page (give "
        "FILE.html for the same two files); a name with neither suffix gets both added; "
        "existing files are never replaced",
    )
    audit = commands.command(
        "audit", "the audit log: exports, merges, restores, erasures and purges", cmd_audit
    )
    audit.add_choice("--action", [action.value for action in AuditAction], help="only these")
    audit.add_argument("--limit", type=int, default=0, help="at most this many, newest first")
    audit.add_json()
