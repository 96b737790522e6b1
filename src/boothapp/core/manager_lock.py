"""The manager lock: a PIN that export, merge, restore, erasure, purge, the show settings
and leaving kiosk mode ask for, while staff capture, scan and edit leads without one.

The PIN belongs to the booth: it is kept in the ``settings`` table under ``PIN_KEY``,
shared by every laptop of a shared database, as a salted scrypt hash (a memory-hard
function of the standard library) with the parameters it was made with, so that later
versions can make it costlier while older hashes still check. No PIN stored means no
lock: every action goes ahead, as before there was a lock.

Wrong PINs slow down: after ``FREE_TRIES`` wrong ones in a row, the next try is
accepted only once a wait is over (1 s, then 2 s, 4 s, ... at most ``MAX_WAIT``
seconds). The count and the time of the last wrong try are stored under
``FAILURES_KEY`` so that quitting and starting again does not reset them; the right PIN
resets them. A try made before the wait is over is refused without being checked or
counted. Times come from an injected clock, so tests move time instead of sleeping.
"""

from __future__ import annotations

import base64
import binascii
import enum
import hashlib
import hmac
import math
import secrets
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Final

from sqlalchemy.orm import Session

from boothapp.core.db import Database
from boothapp.core.errors import BoothError, Conflict, StorageError, ValidationError
from boothapp.core.models import Setting, utc_now

PIN_KEY: Final = "manager_pin"
"""The booth-wide setting holding the PIN's hash and its scrypt parameters."""
FAILURES_KEY: Final = "manager_pin_failures"
"""The booth-wide setting holding the wrong tries in a row and when the last was made."""

MIN_PIN_LENGTH: Final = 4
MAX_PIN_LENGTH: Final = 128
FREE_TRIES: Final = 3
"""Wrong tries in a row accepted without a wait."""
FIRST_WAIT: Final = 1
"""Seconds to wait after the ``FREE_TRIES``-th wrong try; each further one doubles it."""
MAX_WAIT: Final = 60
"""The longest wait, in seconds."""

SCHEME: Final = "scrypt"

Clock = Callable[[], datetime]
"""Gives the current time as an aware datetime (``models.utc_now`` in the app)."""


@dataclass(frozen=True)
class ScryptParams:
    """The cost of the hash: ``n`` (CPU and memory, a power of 2), ``r`` (block size),
    ``p`` (parallelism); ``128 * n * r`` bytes of memory. The defaults take about
    16 MB and 30-50 ms on a booth laptop."""

    n: int = 2**14
    r: int = 8
    p: int = 1
    length: int = 32
    """Bytes of hash."""
    salt_length: int = 16

    def check(self) -> None:
        """Raises ValueError for parameters this version will not run: not a power of 2,
        or more memory or time than a booth laptop should spend on a PIN."""
        if self.n < 2 or self.n & (self.n - 1) or self.n > 2**20:
            raise ValueError(f"scrypt n={self.n} is not a power of 2 up to 2**20")
        if not 1 <= self.r <= 32 or not 1 <= self.p <= 16:
            raise ValueError(f"scrypt r={self.r}, p={self.p} are out of range")
        if self.memory > 2**28:
            raise ValueError(f"scrypt n={self.n}, r={self.r} need more than 256 MiB")
        if not 16 <= self.length <= 64 or not 8 <= self.salt_length <= 64:
            raise ValueError("scrypt hash or salt length out of range")

    @property
    def memory(self) -> int:
        """Bytes scrypt needs (OpenSSL's count: ``128 * r * (n + p + 2)``)."""
        return 128 * self.r * (self.n + self.p + 2)


DEFAULT_PARAMS: Final = ScryptParams()


def _hash(pin: str, salt: bytes, params: ScryptParams) -> bytes:
    return hashlib.scrypt(
        pin.encode("utf-8"),
        salt=salt,
        n=params.n,
        r=params.r,
        p=params.p,
        dklen=params.length,
        maxmem=params.memory + 2**20,
    )


def normalise_pin(pin: str) -> str:
    """The PIN as hashed: Unicode NFC, so the same characters typed on any system give
    the same hash."""
    return unicodedata.normalize("NFC", pin)


def check_new_pin(pin: str, field: str = "pin") -> str:
    """The PIN to store, or ValidationError naming ``field``: at least
    ``MIN_PIN_LENGTH`` characters, at most ``MAX_PIN_LENGTH``, no space at either end
    and no control character."""
    pin = normalise_pin(pin)
    if not pin:
        raise ValidationError(
            field, f"the manager PIN is empty: give {MIN_PIN_LENGTH} or more characters"
        )
    if len(pin) < MIN_PIN_LENGTH:
        raise ValidationError(
            field,
            f"the manager PIN is {len(pin)} character{'s' if len(pin) > 1 else ''} long: "
            f"give {MIN_PIN_LENGTH} or more",
        )
    if len(pin) > MAX_PIN_LENGTH:
        raise ValidationError(field, f"the manager PIN is longer than {MAX_PIN_LENGTH} characters")
    if pin != pin.strip():
        raise ValidationError(field, "the manager PIN must not start or end with a space")
    if any(unicodedata.category(ch) in ("Cc", "Cf") for ch in pin):
        raise ValidationError(field, "the manager PIN must not hold control characters")
    return pin


def throttle_wait(failures: int) -> int:
    """Seconds to wait after ``failures`` wrong tries in a row before the next is
    accepted: none for the first ``FREE_TRIES - 1``, then 1, 2, 4, ... up to ``MAX_WAIT``."""
    if failures < FREE_TRIES:
        return 0
    return int(min(MAX_WAIT, FIRST_WAIT * 2 ** min(failures - FREE_TRIES, 16)))


def wait_text(seconds: float) -> str:
    """``"wait 4 s before the next try"``, whole seconds rounded up."""
    return f"wait {math.ceil(seconds)} s before the next try"


@dataclass(frozen=True)
class StoredPin:
    """The stored hash of the PIN, its salt and how it was made."""

    salt: bytes
    digest: bytes
    params: ScryptParams
    set_at: datetime | None

    def to_json(self) -> dict[str, Any]:
        return {
            "scheme": SCHEME,
            "n": self.params.n,
            "r": self.params.r,
            "p": self.params.p,
            "salt": base64.b64encode(self.salt).decode("ascii"),
            "hash": base64.b64encode(self.digest).decode("ascii"),
            "set_at": self.set_at.isoformat() if self.set_at is not None else None,
        }

    @classmethod
    def from_json(cls, value: object) -> StoredPin:
        """The stored PIN; ValueError for a value this version cannot check (another
        scheme, made by a newer boothapp, or a damaged row)."""
        if not isinstance(value, Mapping):
            raise ValueError("not an object")
        scheme = value.get("scheme")
        if scheme != SCHEME:
            raise ValueError(f"hashed with {scheme!r}, which this version does not know")
        try:
            salt = base64.b64decode(str(value["salt"]), validate=True)
            digest = base64.b64decode(str(value["hash"]), validate=True)
            numbers = [value[name] for name in ("n", "r", "p")]
        except (KeyError, binascii.Error) as exc:
            raise ValueError(f"incomplete ({exc})") from None
        if not all(type(number) is int for number in numbers):
            raise ValueError("its scrypt parameters are not whole numbers")
        n, r, p = numbers
        params = ScryptParams(n=n, r=r, p=p, length=len(digest), salt_length=len(salt))
        params.check()
        set_at = value.get("set_at")
        try:
            when = datetime.fromisoformat(set_at) if isinstance(set_at, str) else None
        except ValueError:
            when = None
        return cls(salt, digest, params, when)

    def matches(self, pin: str) -> bool:
        """Whether ``pin`` hashes to the stored hash (compared in constant time)."""
        return hmac.compare_digest(_hash(normalise_pin(pin), self.salt, self.params), self.digest)


@dataclass(frozen=True)
class Failures:
    """Wrong tries in a row and when the last one was made."""

    count: int = 0
    last: datetime | None = None

    def to_json(self) -> dict[str, Any]:
        return {"count": self.count, "last": self.last.isoformat() if self.last else None}

    @classmethod
    def from_json(cls, value: object) -> Failures:
        """The stored count; a value that cannot be read counts as ``FREE_TRIES`` wrong
        tries with no time (no wait now, and the next wrong try brings one)."""
        if value is None:
            return cls()
        unreadable = cls(FREE_TRIES, None)
        if not isinstance(value, Mapping):
            return unreadable
        count, last = value.get("count"), value.get("last")
        if type(count) is not int or count < 0 or not isinstance(last, str | None):
            return unreadable
        try:
            when = datetime.fromisoformat(last) if last is not None else None
        except ValueError:
            return unreadable
        if when is not None and when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        return cls(count, when)

    def wait_at(self, now: datetime) -> float:
        """Seconds left at ``now`` before the next try is accepted. A last try stamped
        in the future (the clock was put back) waits the whole wait, no more."""
        wait = throttle_wait(self.count)
        if wait == 0 or self.last is None:
            return 0.0
        elapsed = (now - self.last).total_seconds()
        return min(float(wait), max(0.0, wait - max(0.0, elapsed)))

    def plus_one(self, now: datetime) -> Failures:
        return Failures(self.count + 1, now)


class PinOutcome(enum.Enum):
    GRANTED = "granted"
    """The PIN is right, or no PIN is set."""
    WRONG = "wrong"
    """The PIN was checked and is wrong; the try was counted."""
    THROTTLED = "throttled"
    """The wait after earlier wrong tries is not over: the PIN was not checked."""


@dataclass(frozen=True)
class PinCheck:
    """What a try gave: the outcome, the wrong tries in a row after it, and the seconds
    to wait before the next try is accepted (0: at once)."""

    outcome: PinOutcome
    failures: int = 0
    wait: float = 0.0

    @property
    def granted(self) -> bool:
        return self.outcome is PinOutcome.GRANTED

    def reason(self) -> str:
        """What went wrong, for a person: ``"the manager PIN is wrong"``."""
        if self.outcome is PinOutcome.GRANTED:
            return "the manager PIN is right"
        if self.outcome is PinOutcome.THROTTLED:
            return "too many wrong manager PINs"
        return "the manager PIN is wrong"

    def wait_text(self) -> str:
        """``"wait 4 s before the next try"``, or "" when the next try is accepted now."""
        return wait_text(self.wait) if self.wait > 0 else ""


class PinRefused(BoothError):
    """A PIN that was wrong, or tried before the wait was over; ``check`` says which.
    The message: ``"the manager PIN is wrong: nothing was done; wait 4 s before the
    next try"``."""

    def __init__(self, check: PinCheck) -> None:
        wait = check.wait_text()
        super().__init__(f"{check.reason()}: nothing was done" + (f"; {wait}" if wait else ""))
        self.check = check


class UnreadablePin(StorageError):
    """The stored PIN is not one this version can check (set by a newer boothapp, or
    damaged): whatever the PIN locks stays locked."""


@dataclass(frozen=True)
class LockStatus:
    """Whether a PIN is set (and since when), and the wrong tries in a row with the
    seconds left before the next try is accepted."""

    pin_set: bool
    set_at: datetime | None = None
    failures: int = 0
    wait: float = 0.0


class ManagerLock:
    """The manager PIN of the booth whose database is ``database``.

    ``clock`` gives the time the waits are counted in (tests pass a fake one);
    ``params`` is the cost of hashes made by :meth:`set_pin` (tests may pass a cheaper
    one; stored hashes are checked with the parameters stored with them).

    On a database that cannot be written (opened read-only, a full disk), wrong tries
    are counted in this object instead, on top of the stored count.
    """

    def __init__(
        self,
        database: Database,
        clock: Clock = utc_now,
        params: ScryptParams = DEFAULT_PARAMS,
    ) -> None:
        params.check()
        self._db = database
        self._clock = clock
        self._params = params
        self._unrecorded = Failures()

    # --- reading ------------------------------------------------------------------------

    def _stored(self, session: Session) -> tuple[StoredPin | None, Failures]:
        row = session.get(Setting, PIN_KEY)
        if row is None or row.value is None:
            return None, self._with_unrecorded(Failures())
        try:
            stored = StoredPin.from_json(row.value)
        except ValueError as exc:
            raise UnreadablePin(
                f"{self._db.label}: the manager PIN stored in it cannot be checked ({exc}): "
                "change or clear it with the boothapp version that set it"
            ) from None
        failures_row = session.get(Setting, FAILURES_KEY)
        failures = Failures.from_json(failures_row.value if failures_row is not None else None)
        return stored, self._with_unrecorded(failures)

    def _with_unrecorded(self, failures: Failures) -> Failures:
        extra = self._unrecorded
        if extra.count == 0:
            return failures
        lasts = [when for when in (failures.last, extra.last) if when is not None]
        return Failures(failures.count + extra.count, max(lasts) if lasts else None)

    def is_set(self) -> bool:
        """Whether a manager PIN is set (False: nothing is locked)."""
        with self._db.read() as session:
            row = session.get(Setting, PIN_KEY)
            return row is not None and row.value is not None

    def status(self) -> LockStatus:
        """Whether a PIN is set, and the wait before the next try; StorageError when the
        stored PIN cannot be read by this version."""
        with self._db.read() as session:
            stored, failures = self._stored(session)
        if stored is None:
            return LockStatus(pin_set=False)
        return LockStatus(True, stored.set_at, failures.count, failures.wait_at(self._clock()))

    # --- trying a PIN ---------------------------------------------------------------------

    def check(self, pin: str) -> PinCheck:
        """Tries ``pin``: granted when it is right or no PIN is set (the count of wrong
        tries is then reset); wrong (counted, and the wait it brings); or throttled when
        the wait after earlier wrong tries is not over (not checked, not counted)."""
        with self._db.read() as session:
            stored, failures = self._stored(session)
        if stored is None:
            return PinCheck(PinOutcome.GRANTED)
        now = self._clock()
        wait = failures.wait_at(now)
        if wait > 0:
            return PinCheck(PinOutcome.THROTTLED, failures.count, wait)
        if stored.matches(pin):
            if failures.count:
                self._reset_failures()
            return PinCheck(PinOutcome.GRANTED)
        counted = self._count_failure(now)
        return PinCheck(PinOutcome.WRONG, counted.count, float(throttle_wait(counted.count)))

    def require(self, pin: str) -> None:
        """:meth:`check`, raising :class:`PinRefused` unless granted."""
        result = self.check(pin)
        if not result.granted:
            raise PinRefused(result)

    def _count_failure(self, now: datetime) -> Failures:
        """Adds a wrong try to the stored count (in this object when the database cannot
        be written); returns the count with it."""
        try:
            with self._db.write() as session:
                row = session.get(Setting, FAILURES_KEY)
                counted = Failures.from_json(row.value if row is not None else None).plus_one(now)
                session.merge(Setting(key=FAILURES_KEY, value=counted.to_json()))
        except StorageError:
            self._unrecorded = self._unrecorded.plus_one(now)
            with self._db.read() as session:
                return self._stored(session)[1]
        return self._with_unrecorded(counted)

    def _reset_failures(self) -> None:
        self._unrecorded = Failures()
        try:
            with self._db.write() as session:
                row = session.get(Setting, FAILURES_KEY)
                if row is not None:
                    session.delete(row)
        except StorageError:
            pass

    # --- setting and clearing -------------------------------------------------------------

    def set_pin(self, new_pin: str, current_pin: str | None = None) -> None:
        """Sets the manager PIN to ``new_pin`` (ValidationError naming ``pin`` when it is
        too short, see :func:`check_new_pin`). When a PIN is set, changing it needs it
        as ``current_pin``: a wrong or early one raises :class:`PinRefused`, none raises
        ValidationError naming ``current_pin``. The count of wrong tries starts over."""
        pin = check_new_pin(new_pin)
        with self._db.read() as session:
            before = session.get(Setting, PIN_KEY)
            stored_before = before.value if before is not None else None
        if stored_before is not None:
            if current_pin is None:
                raise ValidationError(
                    "current_pin", "changing the manager PIN needs the current one"
                )
            self.require(current_pin)
        salt = secrets.token_bytes(self._params.salt_length)
        stored = StoredPin(salt, _hash(pin, salt, self._params), self._params, self._clock())
        with self._db.write() as session:
            self._refuse_if_changed(session, stored_before)
            session.merge(Setting(key=PIN_KEY, value=stored.to_json()))
            failures = session.get(Setting, FAILURES_KEY)
            if failures is not None:
                session.delete(failures)
        self._unrecorded = Failures()

    def clear_pin(self, current_pin: str) -> bool:
        """Takes the lock off, given the current PIN (:class:`PinRefused` when it is
        wrong or early); False when no PIN was set."""
        with self._db.read() as session:
            before = session.get(Setting, PIN_KEY)
            stored_before = before.value if before is not None else None
        if stored_before is None:
            return False
        self.require(current_pin)
        with self._db.write() as session:
            self._refuse_if_changed(session, stored_before)
            for key in (PIN_KEY, FAILURES_KEY):
                row = session.get(Setting, key)
                if row is not None:
                    session.delete(row)
        self._unrecorded = Failures()
        return True

    @staticmethod
    def _refuse_if_changed(session: Session, before: object) -> None:
        """Conflict when another laptop set, changed or cleared the PIN since it was read."""
        row = session.get(Setting, PIN_KEY)
        now = row.value if row is not None else None
        if now != before:
            raise Conflict(
                "the manager PIN was changed on another laptop meanwhile: nothing was done; "
                "try again"
            )
