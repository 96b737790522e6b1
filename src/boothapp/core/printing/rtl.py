"""Right-to-left text for a PDF writer that draws characters one after another.

fpdf2 without a shaping engine (uharfbuzz) draws Arabic letters unjoined and in the
order they are stored, left to right: "محمد" would print as its four isolated letters
backwards. :func:`visual` gives the text to draw instead: Arabic letters in their
joined forms (Unicode's Arabic Presentation Forms-B, which DejaVu Sans, Arial and Segoe
UI carry, lam-alef as one ligature) and every line in display order by a simplified
Unicode bidirectional algorithm (strong letters, digits, neutrals between them, mirrored
brackets). Names, companies and labels read right; complex Arabic typography (kashida,
stacked ligatures, Persian letters' special forms) is beyond it.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

# Arabic letter -> (isolated, final, initial, medial); right-joining letters have no
# initial or medial form (None).
_FORMS: Final[dict[str, tuple[str, str, str | None, str | None]]] = {}


def _add(letter: int, first: int, dual: bool) -> None:
    if dual:
        _FORMS[chr(letter)] = (chr(first), chr(first + 1), chr(first + 2), chr(first + 3))
    else:
        _FORMS[chr(letter)] = (chr(first), chr(first + 1), None, None)


# (letter, first presentation form, joins on both sides)
for _letter, _first, _dual in (
    (0x0622, 0xFE81, False),
    (0x0623, 0xFE83, False),
    (0x0624, 0xFE85, False),
    (0x0625, 0xFE87, False),
    (0x0626, 0xFE89, True),
    (0x0627, 0xFE8D, False),
    (0x0628, 0xFE8F, True),
    (0x0629, 0xFE93, False),
    (0x062A, 0xFE95, True),
    (0x062B, 0xFE99, True),
    (0x062C, 0xFE9D, True),
    (0x062D, 0xFEA1, True),
    (0x062E, 0xFEA5, True),
    (0x062F, 0xFEA9, False),
    (0x0630, 0xFEAB, False),
    (0x0631, 0xFEAD, False),
    (0x0632, 0xFEAF, False),
    (0x0633, 0xFEB1, True),
    (0x0634, 0xFEB5, True),
    (0x0635, 0xFEB9, True),
    (0x0636, 0xFEBD, True),
    (0x0637, 0xFEC1, True),
    (0x0638, 0xFEC5, True),
    (0x0639, 0xFEC9, True),
    (0x063A, 0xFECD, True),
    (0x0641, 0xFED1, True),
    (0x0642, 0xFED5, True),
    (0x0643, 0xFED9, True),
    (0x0644, 0xFEDD, True),
    (0x0645, 0xFEE1, True),
    (0x0646, 0xFEE5, True),
    (0x0647, 0xFEE9, True),
    (0x0648, 0xFEED, False),
    (0x0649, 0xFEEF, False),
    (0x064A, 0xFEF1, True),
):
    _add(_letter, _first, _dual)

_LAM: Final = "\u0644"
_TATWEEL: Final = "\u0640"
_LAM_ALEF: Final = {
    "\u0622": ("\ufef5", "\ufef6"),
    "\u0623": ("\ufef7", "\ufef8"),
    "\u0625": ("\ufef9", "\ufefa"),
    "\u0627": ("\ufefb", "\ufefc"),
}
"""Alef after lam -> the ligature's (isolated, final) forms."""

_MIRRORED: Final = str.maketrans("()[]{}<>«»", ")(][}{><»«")
_RTL_CHARS: Final = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def _transparent(char: str) -> bool:
    """Marks (harakat) do not break or make a join."""
    return unicodedata.category(char) == "Mn"


def _joins_forward(char: str) -> bool:
    """Whether the letter after ``char`` (in reading order) can join to it."""
    forms = _FORMS.get(char)
    return char == _TATWEEL or (forms is not None and forms[2] is not None)


def _joining(char: str) -> bool:
    return char in _FORMS or char == _TATWEEL


def shape_arabic(text: str) -> str:
    """``text`` (in reading order) with Arabic letters in their joined forms."""
    letters = [index for index, char in enumerate(text) if not _transparent(char)]
    out = list(text)
    skip: set[int] = set()
    for position, index in enumerate(letters):
        char = text[index]
        if index in skip or char not in _FORMS:
            continue
        before = text[letters[position - 1]] if position > 0 else ""
        after_index = letters[position + 1] if position + 1 < len(letters) else None
        after = text[after_index] if after_index is not None else ""
        joins_before = _joins_forward(before) and letters[position - 1] not in skip
        if char == _LAM and after in _LAM_ALEF and after_index is not None:
            isolated, final = _LAM_ALEF[after]
            out[index] = final if joins_before else isolated
            out[after_index] = ""
            skip.add(after_index)
            continue
        isolated, final, initial, medial = _FORMS[char]
        joins_after = initial is not None and _joining(after)
        if joins_before and joins_after and medial is not None:
            out[index] = medial
        elif joins_before:
            out[index] = final
        elif joins_after and initial is not None:
            out[index] = initial
        else:
            out[index] = isolated
    return "".join(out)


def _direction(char: str) -> str:
    """``"R"``, ``"L"``, ``"D"`` (a digit) or ``"N"`` (neutral), after Unicode."""
    kind = unicodedata.bidirectional(char)
    if kind in ("R", "AL"):
        return "R"
    if kind == "L":
        return "L"
    if kind in ("EN", "AN"):
        return "D"
    return "N"


def _levels(text: str) -> list[int]:
    """Embedding levels: 0 left-to-right, 1 right-to-left, 2 digits in right-to-left."""
    kinds = [_direction(char) for char in text]
    strong = [kind for kind in kinds if kind in ("L", "R")]
    base = 1 if strong and strong[0] == "R" else 0
    resolved: list[str] = []
    for index, kind in enumerate(kinds):
        if kind != "N":
            resolved.append(kind)
            continue
        before = next((k for k in reversed(kinds[:index]) if k != "N"), None)
        after = next((k for k in kinds[index + 1 :] if k != "N"), None)
        side = {"R": "R", "D": "R", "L": "L"}
        if before is not None and after is not None and side[before] == side[after]:
            resolved.append(side[before])
        else:
            resolved.append("R" if base else "L")
    levels: list[int] = []
    for index, kind in enumerate(resolved):
        if kind == "R":
            levels.append(1)
        elif kind == "L":
            levels.append(2 if base else 0)
        else:  # a digit: left to right, inside right-to-left text when that surrounds it
            previous = next((k for k in reversed(kinds[:index]) if k in ("L", "R")), None)
            in_rtl = previous == "R" or (previous is None and base == 1)
            levels.append(2 if in_rtl else (2 if base else 0))
    return levels


def _clusters(text: str) -> list[str]:
    """Characters with the marks that follow them, to keep together when reordering."""
    clusters: list[str] = []
    for char in text:
        if clusters and _transparent(char):
            clusters[-1] += char
        else:
            clusters.append(char)
    return clusters


def reorder(line: str) -> str:
    """One line of shaped text in drawing order (left to right)."""
    clusters = _clusters(line)
    levels = _levels("".join(cluster[0] for cluster in clusters))
    for level in range(max(levels), 0, -1):
        index = 0
        while index < len(clusters):
            if levels[index] < level:
                index += 1
                continue
            end = index
            while end < len(clusters) and levels[end] >= level:
                end += 1
            clusters[index:end] = clusters[index:end][::-1]
            levels[index:end] = levels[index:end][::-1]
            index = end
    for index, cluster in enumerate(clusters):
        if levels[index] % 2 == 1:
            clusters[index] = cluster.translate(_MIRRORED)
    return "".join(clusters)


def has_rtl(text: str) -> bool:
    return _RTL_CHARS.search(text) is not None


def visual(text: str) -> str:
    """``text`` as a PDF writer must draw it, left to right, line by line: unchanged
    when it holds no right-to-left letter."""
    if not has_rtl(text):
        return text
    return "\n".join(reorder(shape_arabic(line)) for line in text.split("\n"))
