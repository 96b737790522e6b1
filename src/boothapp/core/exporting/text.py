"""Making text safe for spreadsheets, CSV and vCard files, shared by every writer.

Three separate concerns:

* ``clean`` removes what no file format may hold: C0 control characters other than
  tab, line feed and carriage return (XML 1.0 forbids them and openpyxl raises
  ``IllegalCharacterError``), U+FFFE/U+FFFF, and lone surrogates (they cannot be
  encoded as UTF-8; a valid pair is joined into its character, a lone half becomes
  U+FFFD).
* formula protection: text that a spreadsheet would run as a formula. In xlsx every
  string is written as a string cell, so nothing is evaluated; in CSV the application
  decides, so such text gets a leading apostrophe (``csv_safe``).
* Excel's per-cell limit of 32,767 characters (counted in UTF-16 code units):
  ``split_for_excel`` cuts long text into parts that rejoin to the original.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

EXCEL_CELL_LIMIT = 32_767

# OWASP "CSV Injection": a cell starting with one of these may be run as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

# Excel's error literals; openpyxl would turn a string equal to one into an error cell.
ERROR_LITERALS = frozenset(
    {
        "#NULL!",
        "#DIV/0!",
        "#VALUE!",
        "#REF!",
        "#NAME?",
        "#NUM!",
        "#N/A",
        "#GETTING_DATA",
        "#SPILL!",
        "#CALC!",
        "#FIELD!",
        "#BLOCKED!",
        "#CONNECT!",
        "#UNKNOWN!",
        "#BUSY!",
        "#PYTHON!",
    }
)

_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?")
_ATTENTION = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]|^[=+\\-@\t\r#]")
_TRIGGER_CHARACTERS = frozenset(FORMULA_TRIGGERS)
# In values joined by NUL: a character ``clean`` changes (two patterns, each of which
# the regex engine searches fast), or a value that starts like a formula and is not a
# plain signed number.
_ROW_UNSAFE = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_ROW_FORMULA = re.compile("\x00(?![+-]?[0-9]+(?:[.,][0-9]+)?\x00)[=+\\-@\t\r]")
_PLAIN_ROW_TYPES = frozenset({str, int, float, type(None)})
# Text up to this length fits in a cell whatever its characters (2 UTF-16 units each).
_SHORT = EXCEL_CELL_LIMIT // 2

# How far back from a cut point a line break or space is looked for.
_SOFT_BREAK_WINDOW = 2_000


@dataclass(frozen=True)
class Cleaned:
    """Text after ``clean``, with what was removed or replaced to get there."""

    text: str
    removed: int = 0
    replaced: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.removed or self.replaced)

    def describe(self) -> str:
        """What was done, for the export report ("" when nothing was)."""
        parts = []
        if self.removed:
            noun = "character" if self.removed == 1 else "characters"
            parts.append(f"{self.removed} control {noun} removed")
        if self.replaced:
            noun = "character" if self.replaced == 1 else "characters"
            parts.append(f"{self.replaced} broken {noun} (lone surrogate) replaced by U+FFFD")
        return "; ".join(parts)


def is_plain(value: str) -> bool:
    """True when ``value`` can go in any cell as it is: nothing to clean, nothing a
    spreadsheet could read as a formula or an error value, short enough for a cell.

    A fast check for the common case; False only means "look closer"."""
    return len(value) <= _SHORT and _ATTENTION.search(value) is None


def is_plain_csv(value: str) -> bool:
    """True when ``value`` goes in a CSV field as it is: ``clean`` and ``csv_safe``
    would both leave it unchanged. Printable text is settled by its first character."""
    if value.isprintable():
        return value[:1] not in _TRIGGER_CHARACTERS or _PLAIN_NUMBER.fullmatch(value) is not None
    return _UNSAFE.search(value) is None and not _runs_as_formula(value)


def is_plain_row(row: Sequence[object]) -> bool:
    """True when every value of ``row`` goes in a CSV file as it is: text for which
    ``is_plain_csv`` holds, whole numbers and None. One check for the whole row, with
    the values joined by NUL (which ``clean`` removes, so a value holding one fails)."""
    if not _PLAIN_ROW_TYPES.issuperset(map(type, row)):
        return False
    texts = [value for value in row if type(value) is str]
    joined = "\x00".join(["", *texts, ""])
    return (
        joined.count("\x00") == len(texts) + 1
        and _ROW_UNSAFE.search(joined) is None
        and _ROW_FORMULA.search(joined) is None
    )


def needs_cleaning(value: str) -> bool:
    """True when ``clean`` would change ``value`` (a fast check for the common case)."""
    return _UNSAFE.search(value) is not None


def clean(value: str) -> Cleaned:
    """``value`` without the characters no export format can hold (see the module)."""
    if _UNSAFE.search(value) is None:
        return Cleaned(value)
    text = value
    replaced = 0
    if _SURROGATE.search(text) is not None:
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
        replaced = text.count("\ufffd") - value.count("\ufffd")
    text, removed = _FORBIDDEN.subn("", text)
    return Cleaned(text, removed=removed, replaced=replaced)


def _runs_as_formula(value: str) -> bool:
    return value.startswith(FORMULA_TRIGGERS) and _PLAIN_NUMBER.fullmatch(value) is None


def is_formula_like(value: str) -> bool:
    """True when a spreadsheet could run ``value`` as a formula or read it as an error
    value. A plain signed number (``+33142685300``, ``-2``) is not: as a formula it is
    still only that number."""
    return _runs_as_formula(value) or value in ERROR_LITERALS


def csv_safe(value: str) -> str:
    """``value`` with a leading apostrophe when a spreadsheet would run it as a formula.

    Follows the OWASP CSV injection guidance: text starting with ``= + - @``, tab or
    carriage return is prefixed with ``'``, which Excel and LibreOffice show as text
    and hide. A plain signed number (``+33142685300``, ``-2``) is left alone: read as a
    formula it is still only that number, and E.164 phone numbers must reach a CRM
    unchanged. The apostrophe stays visible to programs other than spreadsheets;
    that is the price of opening the file safely in Excel.
    """
    return "'" + value if _runs_as_formula(value) else value


def excel_length(value: str) -> int:
    """The length Excel counts: UTF-16 code units (a character beyond U+FFFF is two)."""
    if value.isascii():
        return len(value)
    return len(value.encode("utf-16-le", "surrogatepass")) // 2


def fits_in_cell(value: str, limit: int = EXCEL_CELL_LIMIT) -> bool:
    if len(value) * 2 <= limit:
        return True
    return excel_length(value) <= limit


def _fit(value: str, start: int, limit: int) -> int:
    """The end of the longest piece of ``value`` from ``start`` that fits in ``limit``."""
    end = min(len(value), start + limit)
    while excel_length(value[start:end]) > limit:
        end -= max(1, excel_length(value[start:end]) - limit)
    return end


def split_for_excel(value: str, limit: int = EXCEL_CELL_LIMIT) -> list[str]:
    """``value`` cut into pieces of at most ``limit`` UTF-16 code units each.

    ``"".join(pieces) == value``. A piece ends after a line break or a space when one
    is found near the limit, so words are rarely cut in two.
    """
    if fits_in_cell(value, limit):
        return [value]
    pieces: list[str] = []
    start = 0
    while start < len(value):
        end = _fit(value, start, limit)
        if end < len(value):
            window_start = max(start + 1, end - _SOFT_BREAK_WINDOW)
            soft = max(value.rfind("\n", window_start, end), value.rfind(" ", window_start, end))
            if soft >= window_start:
                end = soft + 1
        pieces.append(value[start:end])
        start = end
    return pieces


def cut_for_excel(value: str, marker: str, limit: int = EXCEL_CELL_LIMIT) -> str:
    """The start of ``value`` followed by ``marker``, within ``limit`` as a whole."""
    room = limit - excel_length(marker)
    return value[: _fit(value, 0, room)] + marker
