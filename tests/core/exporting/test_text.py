from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from boothapp.core.exporting.text import (
    EXCEL_CELL_LIMIT,
    clean,
    csv_safe,
    cut_for_excel,
    excel_length,
    is_formula_like,
    is_plain_csv,
    is_plain_row,
    split_for_excel,
)


def test_clean_removes_control_characters_and_keeps_line_breaks() -> None:
    cleaned = clean("a\x00b\x07c\td\ne\rf\x1b\x0b\x0cg\ufffe")
    assert cleaned.text == "abc\td\ne\rfg"
    assert cleaned.removed == 6
    assert cleaned.replaced == 0
    assert "6 control characters removed" in cleaned.describe()


def test_clean_joins_surrogate_pairs_and_replaces_lone_halves() -> None:
    cleaned = clean("ok \ud83d\ude80 lone \ud800 end \udfff")
    assert cleaned.text == "ok 🚀 lone \ufffd end \ufffd"
    assert cleaned.replaced == 2
    assert cleaned.text.encode("utf-8")


def test_clean_returns_clean_text_untouched() -> None:
    value = "Zoé 山田 محمد 🚀"
    cleaned = clean(value)
    assert cleaned.text is value
    assert not cleaned.changed
    assert cleaned.describe() == ""


@pytest.mark.parametrize(
    "value", ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\rx", "#N/A", "#REF!"]
)
def test_formula_like_values(value: str) -> None:
    assert is_formula_like(value)


@pytest.mark.parametrize(
    "value", ["Zoé", "1+1", "a=b", " =1", "#hashtag", "", "-2", "+33142685300", "-1.5"]
)
def test_ordinary_values(value: str) -> None:
    assert not is_formula_like(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("+33142685300", "+33142685300"),
        ("-2", "-2"),
        ("-2.5", "-2.5"),
        ("#N/A", "#N/A"),
        ("Zoé", "Zoé"),
    ],
)
def test_csv_safe(value: str, expected: str) -> None:
    assert csv_safe(value) == expected


def test_excel_length_counts_utf16_units() -> None:
    assert excel_length("abc") == 3
    assert excel_length("山田") == 2
    assert excel_length("🚀") == 2


def test_split_for_excel_keeps_short_text_whole() -> None:
    assert split_for_excel("short") == ["short"]
    exact = "x" * EXCEL_CELL_LIMIT
    assert split_for_excel(exact) == [exact]


def test_split_for_excel_rejoins_and_respects_the_limit_with_emoji() -> None:
    text = ("🚀📦 cases " * 9_000).strip()
    pieces = split_for_excel(text)
    assert len(pieces) > 1
    assert "".join(pieces) == text
    assert all(excel_length(piece) <= EXCEL_CELL_LIMIT for piece in pieces)
    assert all(piece.endswith(" ") for piece in pieces[:-1])


def test_split_for_excel_cuts_text_without_spaces() -> None:
    text = "x" * (EXCEL_CELL_LIMIT * 2 + 5)
    pieces = split_for_excel(text)
    assert [len(p) for p in pieces] == [EXCEL_CELL_LIMIT, EXCEL_CELL_LIMIT, 5]


@given(st.text(min_size=0, max_size=300), st.integers(min_value=4, max_value=60))
def test_split_for_excel_property(text: str, limit: int) -> None:
    pieces = split_for_excel(text, limit)
    assert "".join(pieces) == text
    assert all(excel_length(piece) <= limit for piece in pieces)
    assert all(piece for piece in pieces) or text == ""


def test_cut_for_excel_stays_within_the_limit() -> None:
    text = "🚀" * EXCEL_CELL_LIMIT
    cut = cut_for_excel(text, " [cut]")
    assert cut.endswith(" [cut]")
    assert excel_length(cut) <= EXCEL_CELL_LIMIT
    assert text.startswith(cut.removesuffix(" [cut]"))


FIELD_TEXT = st.text(
    st.sampled_from("aé1.=+-@#\t\r\n\x00\x07\ud800\ufffe") | st.characters(), max_size=12
)


@given(FIELD_TEXT)
def test_is_plain_csv_means_clean_and_csv_safe_keep_the_value(value: str) -> None:
    unchanged = clean(value).text == value and csv_safe(value) == value
    assert is_plain_csv(value) == unchanged


@given(st.lists(FIELD_TEXT | st.integers() | st.none(), max_size=6))
def test_is_plain_row_means_every_value_is_kept(row: list[str | int | None]) -> None:
    texts = [value for value in row if isinstance(value, str)]
    assert is_plain_row(row) == all(is_plain_csv(value) for value in texts)


@pytest.mark.parametrize(
    "row",
    [
        ["+33142685300", "-2", 20, None, "Zoé"],
        ["2023-11-14 09:30", "a\n=b", "ok\tthen"],
    ],
)
def test_plain_rows(row: list[object]) -> None:
    assert is_plain_row(row)


@pytest.mark.parametrize(
    "row",
    [
        ["ok", "=1+1"],
        ["+33\nx", "ok"],
        ["a\x00b"],
        ["\tx"],
        ["bell\x07"],
        ["lone \ud800"],
        [datetime(2023, 11, 14, 9, 30)],
        [True],
    ],
)
def test_rows_that_need_a_closer_look(row: list[object]) -> None:
    assert not is_plain_row(row)
