"""Undo what scanners, keyboard wedges and encodings do to a payload on its way in.

``repair_payload`` turns ``str`` or ``bytes`` into clean text with one warning per kind
of repair: bytes decoded (UTF-8, UTF-16/32 by byte-order mark, else Windows-1252),
byte-order marks dropped, stray carriage returns made line breaks, UTF-8 that was read
as Windows-1252 or Latin-1 ("ZoÃ©") decoded again when that round-trips exactly,
lone surrogates replaced, and control, bidi and zero-width characters removed.
Repairing repaired text changes nothing.
"""

from __future__ import annotations

import codecs
import contextlib
import re
from dataclasses import dataclass

from boothapp.core.errors import ValidationError

MAX_PAYLOAD_BYTES = 4096


@dataclass(frozen=True, slots=True)
class Repaired:
    text: str
    warnings: tuple[str, ...]


def payload_size(payload: str | bytes) -> int:
    """Bytes as given, text as UTF-8 (a lone surrogate counts as its three bytes)."""
    if isinstance(payload, bytes):
        return len(payload)
    return len(payload.encode("utf-8", "surrogatepass"))


def check_size(payload: str | bytes) -> None:
    """Refuses payloads over ``MAX_PAYLOAD_BYTES``: no badge carries that much."""
    size = payload_size(payload)
    if size > MAX_PAYLOAD_BYTES:
        raise ValidationError(
            "badge",
            f"the scan is {size:,} bytes long; a badge carries at most {MAX_PAYLOAD_BYTES:,} "
            "bytes (4 KiB), so this is not a badge: scan the badge again",
        )


_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_NAMES = {
    "utf-32-le": "UTF-32",
    "utf-32-be": "UTF-32",
    "utf-16-le": "UTF-16",
    "utf-16-be": "UTF-16",
}


_CP1252_UNDEFINED = frozenset({0x81, 0x8D, 0x8F, 0x90, 0x9D})
_CP1252_CHARS = tuple(
    chr(byte) if byte in _CP1252_UNDEFINED else bytes([byte]).decode("cp1252")
    for byte in range(256)
)
"""Windows-1252, with Latin-1 for the five bytes it leaves undefined."""


def _single_byte_fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return "".join(_CP1252_CHARS[byte] for byte in bad), error.end


_FALLBACK = "boothapp.badges.cp1252"
codecs.register_error(_FALLBACK, _single_byte_fallback)


def decode_bytes(data: bytes) -> tuple[str, list[str]]:
    """Text from bytes: by byte-order mark (UTF-8, UTF-16, UTF-32), else as UTF-8 where it
    is valid and Windows-1252 for each byte that is not (Latin-1 text, a cut-off tail)."""
    warnings: list[str] = []
    for bom, codec in _BOMS:
        if not data.startswith(bom) or (codec == "utf-32-le" and (len(data) - 4) % 4):
            continue
        if codec == "utf-8":
            data = data[len(bom) :]
            warnings.append("removed a byte-order mark")
            break
        try:
            text = data[len(bom) :].decode(codec)
        except UnicodeDecodeError:
            text = data[len(bom) :].decode(codec, "replace")
            warnings.append(f"some bytes are not valid {_NAMES[codec]}: replaced by \ufffd")
        return text, [f"read as {_NAMES[codec]} (it starts with a byte-order mark)", *warnings]
    try:
        return data.decode("utf-8"), warnings
    except UnicodeDecodeError as error:
        cut_off = error.reason == "unexpected end of data" and error.end == len(data)
        if cut_off and not data[: error.start].isascii():
            data = data[: error.start]
            warnings.append("the scan ends in the middle of a character: dropped it")
    try:
        return data.decode("utf-8"), warnings
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", _FALLBACK)
    ascii_or_utf8 = data.decode("utf-8", "ignore")
    fallen_back = len(data) - len(ascii_or_utf8.encode("utf-8"))
    warnings.append(f"not valid UTF-8: {fallen_back} byte(s) read as Windows-1252")
    return text, warnings


def _single_byte_table() -> dict[int, int]:
    """Each character Windows-1252 or Latin-1 gives for a byte -> that byte (as a char)."""
    table: dict[int, int] = {}
    for byte in range(0x80, 0xA0):
        with contextlib.suppress(UnicodeDecodeError):
            table[ord(bytes([byte]).decode("cp1252"))] = byte
    return table


_TO_LATIN1 = _single_byte_table()
_HIGHEST_CP1252 = chr(max(_TO_LATIN1))


def undo_mojibake(text: str) -> str | None:
    """The text again if it is UTF-8 that was decoded as Windows-1252 or Latin-1, else None.

    Only a whole-text repair is made: every non-ASCII character must map back to one byte
    and the bytes must be valid UTF-8, so single-byte decoding gives ``text`` back exactly.
    Text mixing broken and sound characters is left alone.
    """
    if text.isascii() or max(text) > _HIGHEST_CP1252:
        return None
    try:
        data = text.encode("latin-1")
    except UnicodeEncodeError:
        try:
            data = text.translate(_TO_LATIN1).encode("latin-1")
        except UnicodeEncodeError:
            return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


_CARRIAGE_RETURNS = re.compile(r"\r+\n?")
_LINE_SEPARATORS = re.compile("[\x85\u2028\u2029]")
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]+")
_INVISIBLE = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]+")
"""What ``core.validation.clean_line`` drops as bidi or zero-width, and the Arabic letter mark."""


class _Repairs:
    def __init__(self) -> None:
        self.warnings: list[str] = []
        self.controls = 0
        self.invisible = 0

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def line_breaks(self, text: str) -> str:
        if "\r" in text:
            text = text.replace("\r\n", "\n")
            if "\r" in text:
                self.warn("stray carriage returns read as line breaks")
                text = _CARRIAGE_RETURNS.sub("\n", text)
        if not text.isascii() and _LINE_SEPARATORS.search(text):
            text = _LINE_SEPARATORS.sub("\n", text)
        return text

    def drop(self, text: str) -> str:
        if _printable(text):
            return text
        if _CONTROLS.search(text):
            before = len(text)
            text = _CONTROLS.sub("", text)
            self.controls += before - len(text)
        if not text.isascii() and _INVISIBLE.search(text):
            before = len(text)
            text = _INVISIBLE.sub("", text)
            self.invisible += before - len(text)
        return text


def _printable(text: str) -> bool:
    """Nothing but printable characters, spaces, tabs and line breaks (a fast C check)."""
    return text.replace("\n", " ").replace("\t", " ").isprintable()


def _has_surrogates(text: str) -> bool:
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def repair_text(text: str) -> tuple[str, list[str]]:
    """Clean text and what was repaired; see the module docstring."""
    repairs = _Repairs()
    if _has_surrogates(text):
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
        repairs.warn("lone surrogate characters replaced by \ufffd")
    while True:
        if text.startswith("\ufeff"):
            repairs.warn("removed a byte-order mark")
            text = text.lstrip("\ufeff")
        text = repairs.line_breaks(text)
        fixed = undo_mojibake(text)
        if fixed is not None:
            repairs.warn("repaired UTF-8 text that had been read as Windows-1252 or Latin-1")
            text = fixed
        cleaned = repairs.drop(text)
        if fixed is None and cleaned == text:
            break
        text = cleaned
    if repairs.controls:
        repairs.warn(f"removed {repairs.controls} control character(s)")
    if repairs.invisible:
        repairs.warn(f"removed {repairs.invisible} invisible bidi or zero-width character(s)")
    return text, repairs.warnings


def repair_payload(payload: str | bytes) -> Repaired:
    """The payload as clean text; neither the size nor emptiness is checked here."""
    warnings: list[str] = []
    if isinstance(payload, bytes):
        text, warnings = decode_bytes(payload)
    else:
        text = payload
    text, more = repair_text(text)
    return Repaired(text, tuple(dict.fromkeys([*warnings, *more])))
