"""Undoing the garbling of a scanner that types as a US keyboard on another layout.

A keyboard-wedge scanner sends key positions, not characters. Set to "US keyboard" on a
French laptop it sends the key for ``1`` unshifted, which AZERTY reads as ``&``: the badge
``HA112`` arrives as ``HQ&&é``. Scanning :data:`CALIBRATION_TEXT` once shows what every
printable ASCII character turns into on this laptop; :func:`learn_mapping` turns that into
a :class:`KeyboardMapping` whose :meth:`~KeyboardMapping.apply` puts later scans right.

    mapping = learn_mapping(received_calibration)
    payload = mapping.apply(received_scan)

The calibration text is the marker ``BOOTHAPP-CAL`` and the printable ASCII characters
(0x20-0x7E, without ``x``) each followed by ``x``. ``x`` sits on the same key on the US,
French, Belgian, German, Swiss, UK, Spanish, Italian and Nordic layouts, so the ``x``s
locate every character even when a layout drops one (a key it has no character for) or
a dead key adds one; a dead key followed by ``x`` gives its accent on its own.

The rule for characters that a US scanner cannot type (see :meth:`KeyboardMapping.apply`):
ASCII characters are always translated; the non-ASCII characters the layout produces from
US keys (AZERTY's ``é è ç à ù § £ µ °``, QWERTZ's ``ü ö ä ß``...) are translated only
when the whole scan could have come out of the layout, i.e. it holds no character the
layout never produces from a US key. A scan holding ``ü`` or ``山`` on AZERTY carries real
text (the scanner sent those characters as Unicode), so its accents are kept as they are.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from boothapp.core.errors import ValidationError

CALIBRATION_MARKER = "BOOTHAPP-CAL"
SEPARATORS = "xvb"
CALIBRATION_CHARS = "".join(chr(code) for code in range(0x20, 0x7F) if chr(code) not in SEPARATORS)
CALIBRATION_TEXT = (
    CALIBRATION_MARKER
    + "".join(
        SEPARATORS[index % len(SEPARATORS)] + char for index, char in enumerate(CALIBRATION_CHARS)
    )
    + SEPARATORS[len(CALIBRATION_CHARS) % len(SEPARATORS)]
)

_LINE_BREAKS = "\r\n"
_CONTROL = "\r\n\t"


def _display(char: str) -> str:
    return "space" if char == " " else char


@dataclass(frozen=True)
class KeyboardMapping:
    """What this laptop's layout makes of a US scanner's keys, and the way back.

    ``translations`` maps each received character that differs from what the scanner
    meant to the meant character. ``alphabet`` holds every character the layout produced
    during calibration (translated or not). ``missing`` lists the ASCII characters that
    could not be learned: the layout has no character on that key, or it was ambiguous.
    """

    translations: Mapping[str, str]
    alphabet: frozenset[str]
    missing: tuple[str, ...] = ()
    layout: str | None = field(default=None, compare=False)

    @property
    def is_identity(self) -> bool:
        """True when the layout types as a US keyboard does: nothing to translate."""
        return not self.translations

    def apply(self, text: str) -> str:
        """``text`` as the scanner meant it (see the module's rule for non-ASCII text)."""
        if not self.translations:
            return text
        from_layout = all(char in self.alphabet or char in _CONTROL for char in text)
        return "".join(
            self.translations.get(char, char) if char.isascii() or from_layout else char
            for char in text
        )

    def differences(self) -> list[str]:
        """Readable lines ``"é -> 2"``, one per learned difference, ordered by meant char."""
        ordered = sorted(self.translations.items(), key=lambda item: item[1])
        return [f"{_display(got)} -> {_display(meant)}" for got, meant in ordered]

    def to_json(self) -> dict[str, Any]:
        return {
            "version": 1,
            "translations": dict(self.translations),
            "alphabet": "".join(sorted(self.alphabet)),
            "missing": "".join(self.missing),
            "layout": self.layout,
        }

    @classmethod
    def from_json(cls, value: object) -> KeyboardMapping | None:
        """The mapping stored by :meth:`to_json`; None for anything else."""
        if not isinstance(value, dict) or value.get("version") != 1:
            return None
        translations, alphabet = value.get("translations"), value.get("alphabet")
        missing, layout = value.get("missing", ""), value.get("layout")
        if not isinstance(translations, dict) or not isinstance(alphabet, str):
            return None
        pairs = {
            got: meant
            for got, meant in translations.items()
            if isinstance(got, str) and isinstance(meant, str) and len(got) == len(meant) == 1
        }
        return cls(
            translations=pairs,
            alphabet=frozenset(alphabet),
            missing=tuple(missing) if isinstance(missing, str) else (),
            layout=layout if isinstance(layout, str) else None,
        )


def _pieces(received: str) -> list[tuple[str, str]]:
    """``received`` cut after each separator: (text before it, separator)."""
    pieces: list[tuple[str, str]] = []
    current: list[str] = []
    for char in received:
        if char in SEPARATORS:
            pieces.append(("".join(current), char))
            current = []
        else:
            current.append(char)
    return pieces


def is_calibration_scan(received: str) -> bool:
    """Whether ``received`` looks like the calibration code typed on some layout."""
    pieces = _pieces(received.strip(_LINE_BREAKS))
    expected = len(CALIBRATION_CHARS) + 1
    return (
        abs(len(pieces) - expected) <= 6
        and len(pieces[0][0]) == len(CALIBRATION_MARKER)
        and pieces[0][1] == SEPARATORS[0]
    )


def learn_mapping(received: str) -> KeyboardMapping:
    """Learns the translation from what scanning :data:`CALIBRATION_TEXT` typed.

    Raises ``ValidationError("calibration", ...)`` when ``received`` is not a scan of
    the calibration code."""
    received = received.strip(_LINE_BREAKS)
    if not is_calibration_scan(received):
        raise ValidationError(
            "calibration",
            "this is not the calibration code: scan the code shown in the calibration window",
        )
    return _mapping_from(_aligned(_pieces(received)[1:]))


def _aligned(pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Pairs of (meant char, received text), found by the separators' order.

    The separator after character ``i`` is ``SEPARATORS[(i + 1) % 3]``, so a character
    that vanished with its separator shows as a separator out of turn: it is paired
    with "" (not learned) and the one-character text that follows goes to the next
    character. Longer text after a lost separator is not learned either."""
    pairs: list[tuple[str, str]] = []
    count = len(SEPARATORS)
    index = 0
    for text, separator in pieces:
        if index >= len(CALIBRATION_CHARS):
            break
        skipped = (SEPARATORS.index(separator) - (index + 1)) % count
        lost = CALIBRATION_CHARS[index : index + skipped + 1]
        if skipped and len(text) != 1:
            pairs.extend((char, "") for char in lost)
        else:
            pairs.extend((char, "") for char in lost[:-1])
            pairs.append((lost[-1], text))
        index += skipped + 1
    pairs.extend((char, "") for char in CALIBRATION_CHARS[index:])
    return pairs


def _mapping_from(pairs: Iterable[tuple[str, str]]) -> KeyboardMapping:
    learned: dict[str, str] = {}
    missing: list[str] = []
    clashes: set[str] = set()
    for meant, got in pairs:
        if len(got) != 1 or got in _CONTROL:
            missing.append(meant)
        elif got in learned:
            clashes.add(got)
            missing.append(meant)
        else:
            learned[got] = meant
    for got in clashes:
        missing.append(learned.pop(got))
    alphabet = frozenset(learned) | frozenset(SEPARATORS)
    translations = {got: meant for got, meant in learned.items() if got != meant}
    mapping = KeyboardMapping(
        translations=translations,
        alphabet=alphabet,
        missing=tuple(sorted(set(missing))),
    )
    return KeyboardMapping(
        translations=mapping.translations,
        alphabet=mapping.alphabet,
        missing=mapping.missing,
        layout=identify_layout(mapping),
    )


def calibration_qr_png(target: str | Path | BinaryIO | None = None) -> bytes:
    """The calibration code as a PNG image; also written to ``target`` when given."""
    import qrcode  # type: ignore[import-untyped]

    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    code.add_data(CALIBRATION_TEXT)
    code.make(fit=True)
    buffer = io.BytesIO()
    code.make_image(fill_color="black", back_color="white").save(buffer, format="PNG")
    data = buffer.getvalue()
    if isinstance(target, str | Path):
        Path(target).write_bytes(data)
    elif target is not None:
        target.write(data)
    return data


# --- known layouts, for naming a learned mapping and for simulating scanners ------------

_US_KEYS = (
    ("`1234567890-=", "~!@#$%^&*()_+"),
    ("qwertyuiop[]\\", "QWERTYUIOP{}|"),
    ("asdfghjkl;'", 'ASDFGHJKL:"'),
    ("zxcvbnm,./", "ZXCVBNM<>?"),
)

_DEAD_ACCENTS = {"^": "\u0302", "¨": "\u0308", "´": "\u0301", "`": "\u0300", "~": "\u0303"}
_COMPOSABLE = "aeiouyAEIOUYnN"


@dataclass(frozen=True)
class SimulatedLayout:
    """A keyboard layout seen through a US scanner: what each US character becomes.

    ``keys`` maps a US character to the layout's character on that key ("" when the key
    gives nothing); ``dead`` holds the US characters whose key is a dead key there.
    ``drops_failed_compose`` makes a dead key and a key it cannot combine with give
    nothing, as X11 compose does, instead of both characters (Windows)."""

    name: str
    keys: Mapping[str, str]
    dead: frozenset[str]
    drops_failed_compose: bool = False

    def type(self, text: str) -> str:
        """What ``text`` typed by a US scanner reads as on this layout (Windows rules:
        a dead key then a space gives the accent, then a vowel the accented vowel, then
        anything else the accent and the character). Non-ASCII passes unchanged."""
        out: list[str] = []
        pending: str | None = None
        for char in text:
            typed = self.keys.get(char, char)
            if pending is not None:
                accent, pending = pending, None
                if char in self.dead:
                    out.append(accent)
                    pending = typed
                else:
                    resolved = _resolve_dead(accent, typed)
                    if len(resolved) == 1 or not self.drops_failed_compose:
                        out.append(resolved)
            elif char in self.dead:
                pending = typed
            else:
                out.append(typed)
        if pending is not None:
            out.append(pending)
        return "".join(out)


def _resolve_dead(accent: str, following: str) -> str:
    if following == " ":
        return accent
    if following in _COMPOSABLE and accent in _DEAD_ACCENTS:
        composed = unicodedata.normalize("NFC", following + _DEAD_ACCENTS[accent])
        if len(composed) == 1:
            return composed
    return accent + following


def _layout(name: str, rows: tuple[tuple[str, str], ...], dead: str = "") -> SimulatedLayout:
    keys: dict[str, str] = {}
    for (us_plain, us_shifted), (plain, shifted) in zip(_US_KEYS, rows, strict=True):
        for us_row, row in ((us_plain, plain), (us_shifted, shifted)):
            for us_char, char in zip(us_row, row.split("|"), strict=True):
                keys[us_char] = char
    return SimulatedLayout(name=name, keys=keys, dead=frozenset(dead))


def _row(chars: str) -> str:
    return "|".join(chars)


FRENCH_AZERTY = _layout(
    "French AZERTY",
    (
        (_row("²&é\"'(-è_çà)="), "|" + _row("1234567890°+")),
        (_row("azertyuiop^$*"), _row("AZERTYUIOP¨£µ")),
        (_row("qsdfghjklmù"), _row("QSDFGHJKLM%")),
        (_row("wxcvbn,;:!"), _row("WXCVBN?./§")),
    ),
    dead="[{",
)
GERMAN_QWERTZ = _layout(
    "German QWERTZ",
    (
        (_row("^1234567890ß´"), _row('°!"§$%&/()=?`')),
        (_row("qwertzuiopü+#"), _row("QWERTZUIOPÜ*'")),
        (_row("asdfghjklöä"), _row("ASDFGHJKLÖÄ")),
        (_row("yxcvbnm,.-"), _row("YXCVBNM;:_")),
    ),
    dead="`=+",
)
UK_QWERTY = _layout(
    "UK QWERTY",
    (
        (_row("`1234567890-="), _row('¬!"£$%^&*()_+')),
        (_row("qwertyuiop[]#"), _row("QWERTYUIOP{}~")),
        (_row("asdfghjkl;'"), _row("ASDFGHJKL:@")),
        (_row("zxcvbnm,./"), _row("ZXCVBNM<>?")),
    ),
)
KNOWN_LAYOUTS = (FRENCH_AZERTY, GERMAN_QWERTZ, UK_QWERTY)


def identify_layout(mapping: KeyboardMapping) -> str | None:
    """The name of the known layout ``mapping`` agrees with on every learned character."""
    if mapping.is_identity:
        return "US"
    for layout in KNOWN_LAYOUTS:
        expected = {
            layout.keys.get(char, char): char
            for char in CALIBRATION_CHARS
            if len(layout.keys.get(char, char)) == 1
        }
        if all(expected.get(got) == meant for got, meant in mapping.translations.items()):
            return layout.name
    return None
