"""``boothapp pin``: set, clear and look at the manager PIN (``core.manager_lock``).

``pin set`` asks for the new PIN twice on a terminal; scripts give it in
``$BOOTHAPP_PIN`` when no PIN is set yet. Changing a PIN needs the current one, typed or
in ``$BOOTHAPP_PIN``; a script then gives the new one in ``$BOOTHAPP_NEW_PIN``.
"""

from __future__ import annotations

import math
from datetime import UTC

from boothapp.cli.common import Commands, Context, json_text
from boothapp.cli.lock import (
    PIN_VARIABLE,
    PinNeeded,
    ask_hidden,
    given_pin,
    pin_from_environment,
    refuse_while_waiting,
)
from boothapp.core.errors import ValidationError
from boothapp.core.manager_lock import MIN_PIN_LENGTH, check_new_pin

NEW_PIN_VARIABLE = "BOOTHAPP_NEW_PIN"
"""Gives ``pin set`` the new PIN when a PIN is already set (``$BOOTHAPP_PIN`` is then
the current one)."""

LOCKED = "exports, restoring a backup, new shows and show settings"


def add_commands(commands: Commands) -> None:
    actions = commands.group("pin", "the manager PIN: set, clear, status")
    actions.command(
        "set",
        f"set or change the manager PIN (asked twice, or ${PIN_VARIABLE}; "
        f"at least {MIN_PIN_LENGTH} characters)",
        cmd_pin_set,
    )
    actions.command("clear", "take the manager PIN off (needs the current one)", cmd_pin_clear)
    actions.command("status", "say whether a manager PIN is set", cmd_pin_status).add_json()


def _new_pin(pin_set: bool) -> str:
    """The new PIN: ``$BOOTHAPP_NEW_PIN``, else ``$BOOTHAPP_PIN`` while no PIN is set,
    else typed twice on the terminal; checked (ValidationError naming where it came
    from)."""
    for variable in (NEW_PIN_VARIABLE, *(() if pin_set else (PIN_VARIABLE,))):
        pin = pin_from_environment(variable)
        if pin is not None:
            return check_new_pin(pin, variable)
    first = ask_hidden("New manager PIN: ")
    if first is None:
        variable = NEW_PIN_VARIABLE if pin_set else PIN_VARIABLE
        raise PinNeeded(
            "setting the manager PIN needs the new PIN: run the command on a terminal to "
            f"type it, or give it in {variable}"
        )
    pin = check_new_pin(first)
    again = ask_hidden("The same PIN again: ")
    if again is None or check_new_pin(again) != pin:
        raise ValidationError("pin", "the two PINs typed differ: nothing was set; try again")
    return pin


def cmd_pin_set(ctx: Context) -> None:
    lock = ctx.services.manager_lock
    status = lock.status()
    current: str | None = None
    if status.pin_set:
        refuse_while_waiting(status)
        current = given_pin("changing the manager PIN", "the current PIN")
        lock.require(current)
    lock.set_pin(_new_pin(status.pin_set), current)
    verb = "changed" if status.pin_set else "set"
    ctx.out.write(f"Manager PIN {verb}: {LOCKED} need it.\n")


def cmd_pin_clear(ctx: Context) -> None:
    lock = ctx.services.manager_lock
    status = lock.status()
    if not status.pin_set:
        ctx.out.write("No manager PIN is set: there is nothing to clear.\n")
        return
    refuse_while_waiting(status)
    lock.clear_pin(given_pin("clearing the manager PIN", "the current PIN"))
    ctx.out.write("Manager PIN cleared: nothing is locked.\n")


def cmd_pin_status(ctx: Context) -> None:
    status = ctx.services.manager_lock.status()
    if ctx.args.json:
        value = {
            "set": status.pin_set,
            "set_at": status.set_at.isoformat() if status.set_at else None,
            "failures": status.failures,
            "wait_seconds": math.ceil(status.wait),
        }
        ctx.out.write(json_text(value) + "\n")
        return
    if not status.pin_set:
        ctx.out.write("No manager PIN is set: nothing is locked.\n")
        return
    since = f" (since {status.set_at.astimezone(UTC):%Y-%m-%d %H:%M} UTC)" if status.set_at else ""
    ctx.out.write(f"A manager PIN is set{since}: {LOCKED} need it.\n")
    if status.failures:
        tries = "try" if status.failures == 1 else "tries"
        wait = f"; wait {math.ceil(status.wait)} s before the next try" if status.wait else ""
        ctx.out.write(f"{status.failures} wrong {tries} in a row{wait}.\n")
