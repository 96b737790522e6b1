"""The manager PIN: a salted scrypt hash in the booth's settings, wrong tries slowed
down by a wait that outlives a restart, and no lock at all while no PIN is set."""

from __future__ import annotations

import base64
import hashlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from boothapp.core.db import open_database
from boothapp.core.errors import Conflict, ValidationError
from boothapp.core.manager_lock import (
    DEFAULT_PARAMS,
    FAILURES_KEY,
    MAX_WAIT,
    PIN_KEY,
    ManagerLock,
    PinOutcome,
    PinRefused,
    ScryptParams,
    UnreadablePin,
    check_new_pin,
    throttle_wait,
)
from boothapp.core.models import Setting
from boothapp.core.services import Services

CHEAP = ScryptParams(n=2**10)
"""Hashes fast enough for many tries per test; the app uses ``DEFAULT_PARAMS``."""


class Clock:
    """A clock the test moves: no sleeping."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 17, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def lock(services: Services, clock: Clock) -> ManagerLock:
    return ManagerLock(services.database, clock=clock, params=CHEAP)


def stored(services: Services, key: str) -> object:
    with services.database.read() as session:
        row = session.get(Setting, key)
        return row.value if row is not None else None


def put(services: Services, key: str, value: object) -> None:
    with services.database.write() as session:
        session.merge(Setting(key=key, value=value))


def test_no_pin_means_no_lock(lock: ManagerLock) -> None:
    status = lock.status()
    assert not status.pin_set and not lock.is_set()
    assert lock.check("anything").granted
    lock.require("")
    assert lock.clear_pin("1234") is False


def test_the_pin_is_stored_as_a_salted_scrypt_hash_with_its_parameters(
    services: Services, lock: ManagerLock
) -> None:
    lock.set_pin("2468")
    first = stored(services, PIN_KEY)
    lock.set_pin("2468", current_pin="2468")
    second = stored(services, PIN_KEY)

    assert isinstance(first, dict) and isinstance(second, dict)
    assert first["salt"] != second["salt"] and first["hash"] != second["hash"]
    assert "2468" not in repr(second)
    assert {key: second[key] for key in ("scheme", "n", "r", "p")} == {
        "scheme": "scrypt",
        "n": CHEAP.n,
        "r": CHEAP.r,
        "p": CHEAP.p,
    }
    salt, digest = base64.b64decode(second["salt"]), base64.b64decode(second["hash"])
    expected = hashlib.scrypt(b"2468", salt=salt, n=CHEAP.n, r=CHEAP.r, p=CHEAP.p, dklen=32)
    assert digest == expected
    assert lock.status().pin_set and lock.check("2468").granted


def test_a_hash_is_checked_with_the_parameters_stored_with_it(
    services: Services, lock: ManagerLock
) -> None:
    lock.set_pin("2468")
    default_cost = ManagerLock(services.database)
    assert default_cost.check("2468").granted
    default_cost.set_pin("1357", current_pin="2468")
    assert stored(services, PIN_KEY)["n"] == DEFAULT_PARAMS.n  # type: ignore[index]
    assert lock.check("1357").granted


def test_the_pin_belongs_to_the_booth_not_to_one_laptop(services: Services) -> None:
    other_laptop = Services.over(services.database, station_id="second-laptop")
    ManagerLock(services.database, params=CHEAP).set_pin("2468")
    assert other_laptop.manager_lock.status().pin_set
    assert not other_laptop.manager_lock.check("0000").granted


def test_a_wrong_pin_is_refused_and_counted(lock: ManagerLock) -> None:
    lock.set_pin("2468")
    result = lock.check("8642")
    assert result.outcome is PinOutcome.WRONG and result.failures == 1 and result.wait == 0
    with pytest.raises(PinRefused, match="^the manager PIN is wrong: nothing was done$"):
        lock.require("")
    assert lock.status().failures == 2


def test_waits_grow_after_three_wrong_tries_up_to_a_minute(lock: ManagerLock, clock: Clock) -> None:
    lock.set_pin("2468")
    waits = []
    for _ in range(10):
        result = lock.check("0000")
        assert result.outcome is PinOutcome.WRONG
        waits.append(result.wait)
        clock.advance(result.wait)
    assert waits == [0, 0, 1, 2, 4, 8, 16, 32, MAX_WAIT, MAX_WAIT]
    assert [throttle_wait(n) for n in (0, 2, 3, 4, 5, 100, 10**6)] == [0, 0, 1, 2, 4, 60, 60]


def test_a_try_before_the_wait_is_over_is_neither_checked_nor_counted(
    lock: ManagerLock, clock: Clock
) -> None:
    lock.set_pin("2468")
    for _ in range(5):
        clock.advance(60)
        lock.check("0000")
    assert lock.status().wait == 4

    clock.advance(1.5)
    early = lock.check("2468")
    assert early.outcome is PinOutcome.THROTTLED and early.failures == 5 and early.wait == 2.5
    with pytest.raises(PinRefused) as refused:
        lock.require("2468")
    assert str(refused.value) == (
        "too many wrong manager PINs: nothing was done; wait 3 s before the next try"
    )
    assert lock.status().failures == 5

    clock.advance(2.5)
    assert lock.check("2468").granted
    status = lock.status()
    assert status.failures == 0 and status.wait == 0


def test_the_right_pin_resets_the_count(services: Services, lock: ManagerLock) -> None:
    lock.set_pin("2468")
    lock.check("0000")
    lock.check("0000")
    assert lock.check("2468").granted
    assert stored(services, FAILURES_KEY) is None
    assert lock.check("0000").failures == 1


def test_the_count_and_the_wait_outlive_a_restart(tmp_path: Path, clock: Clock) -> None:
    path = tmp_path / "booth.sqlite3"
    database = open_database(path)
    lock = ManagerLock(database, clock=clock, params=CHEAP)
    lock.set_pin("2468")
    for _ in range(3):
        clock.advance(lock.check("0000").wait)
    assert lock.check("0000").wait == 2
    database.close()

    clock.advance(0.5)
    reopened = open_database(path)
    try:
        again = ManagerLock(reopened, clock=clock, params=CHEAP)
        status = again.status()
        assert status.failures == 4 and status.wait == 1.5
        assert again.check("2468").outcome is PinOutcome.THROTTLED
        clock.advance(1.5)
        assert again.check("2468").granted
    finally:
        reopened.close()


def test_a_clock_put_back_waits_the_whole_wait_and_no_more(lock: ManagerLock, clock: Clock) -> None:
    lock.set_pin("2468")
    for _ in range(4):
        clock.advance(lock.check("0000").wait)
    clock.advance(-3600)
    assert lock.status().wait == 2


def test_clearing_needs_the_current_pin(lock: ManagerLock) -> None:
    lock.set_pin("2468")
    with pytest.raises(PinRefused):
        lock.clear_pin("8642")
    assert lock.status().pin_set
    assert lock.clear_pin("2468") is True
    assert not lock.status().pin_set
    assert lock.check("0000").granted


def test_changing_needs_the_current_pin(lock: ManagerLock) -> None:
    lock.set_pin("2468")
    with pytest.raises(ValidationError) as missing:
        lock.set_pin("1357")
    assert missing.value.field == "current_pin"
    with pytest.raises(PinRefused):
        lock.set_pin("1357", current_pin="0000")
    assert lock.check("2468").granted

    lock.check("0000")
    lock.set_pin("1357", current_pin="2468")
    assert lock.status().failures == 0
    assert not lock.check("2468").granted
    assert lock.check("1357").granted


@pytest.mark.parametrize(
    ("pin", "reason"),
    [
        ("", "the manager PIN is empty: give 4 or more characters"),
        ("12", "the manager PIN is 2 characters long: give 4 or more"),
        (" 1234", "the manager PIN must not start or end with a space"),
        ("12\t34", "the manager PIN must not hold control characters"),
        ("9" * 129, "the manager PIN is longer than 128 characters"),
    ],
)
def test_a_pin_too_short_or_odd_is_refused_naming_the_field(
    lock: ManagerLock, pin: str, reason: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        lock.set_pin(pin)
    assert refused.value.field == "pin" and refused.value.reason == reason
    assert not lock.is_set()


def test_a_pin_is_the_same_however_its_accents_were_typed(lock: ManagerLock) -> None:
    lock.set_pin("café")
    assert lock.check("cafe\u0301").granted
    assert check_new_pin("ÉTÉ 2026") == "ÉTÉ 2026"


def test_a_pin_stored_by_a_newer_version_keeps_the_lock_on(
    services: Services, lock: ManagerLock
) -> None:
    put(services, PIN_KEY, {"scheme": "argon2id", "hash": "x"})
    assert lock.is_set()
    with pytest.raises(UnreadablePin, match="argon2id"):
        lock.status()
    with pytest.raises(UnreadablePin):
        lock.check("2468")


def test_costly_parameters_in_the_stored_row_are_refused(
    services: Services, lock: ManagerLock
) -> None:
    lock.set_pin("2468")
    value = stored(services, PIN_KEY)
    assert isinstance(value, dict)
    put(services, PIN_KEY, {**value, "n": 2**24})
    with pytest.raises(UnreadablePin, match="2\\*\\*20"):
        lock.check("2468")


def test_an_unreadable_count_never_lifts_the_lock(
    services: Services, lock: ManagerLock, clock: Clock
) -> None:
    lock.set_pin("2468")
    put(services, FAILURES_KEY, "garbage")
    assert lock.status().failures == 3
    result = lock.check("0000")
    assert result.failures == 4 and result.wait == 2


def test_another_laptop_changing_the_pin_meanwhile_is_a_conflict(services: Services) -> None:
    other_laptop = ManagerLock(services.database, params=CHEAP)

    def clock_while_the_other_laptop_sets_a_pin() -> datetime:
        other_laptop.set_pin("1357")
        return datetime.now(UTC)

    lock = ManagerLock(
        services.database, clock=clock_while_the_other_laptop_sets_a_pin, params=CHEAP
    )
    with pytest.raises(Conflict, match="another laptop"):
        lock.set_pin("2468")
    assert other_laptop.check("1357").granted


def test_a_read_only_database_still_counts_wrong_tries(tmp_path: Path, clock: Clock) -> None:
    path = tmp_path / "booth.sqlite3"
    database = open_database(path)
    ManagerLock(database, clock=clock, params=CHEAP).set_pin("2468")
    database.close()

    read_only = open_database(path, read_only=True)
    try:
        lock = ManagerLock(read_only, clock=clock, params=CHEAP)
        waits = [lock.check("0000").wait for _ in range(3)]
        assert waits == [0, 0, 1]
        assert lock.check("2468").outcome is PinOutcome.THROTTLED
        clock.advance(1)
        assert lock.check("2468").granted
        assert lock.status().failures == 0
    finally:
        read_only.close()
