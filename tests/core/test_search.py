from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from boothapp.core.search import (
    LAST_SHOW_NUMBER,
    first_search_rowid,
    folded,
    fts_query,
    show_rowids,
)


@pytest.mark.parametrize("event_id", [1, 2, 977, LAST_SHOW_NUMBER])
def test_a_shows_rowids_follow_creation_time_inside_its_own_range(event_id: int) -> None:
    moments = [
        datetime(2000, 1, 1, tzinfo=UTC),
        datetime(2023, 11, 14, 8, 0, tzinfo=UTC),
        datetime(2023, 11, 14, 8, 0, 0, 1000, tzinfo=UTC),
        datetime(2138, 12, 31, tzinfo=UTC),
    ]
    rowids = [first_search_rowid(event_id, moment) for moment in moments]
    first, last = show_rowids(event_id)
    assert rowids == sorted(set(rowids))
    assert first <= rowids[0] and rowids[-1] + 63 <= last
    assert last < 2**63


def test_rowids_of_the_same_millisecond_share_64_slots() -> None:
    moment = datetime(2023, 11, 14, 8, 0, tzinfo=UTC)
    same = first_search_rowid(1, moment + timedelta(microseconds=999))
    assert same == first_search_rowid(1, moment)
    assert first_search_rowid(1, moment + timedelta(milliseconds=1)) == same + 64


@pytest.mark.parametrize("event_id", [0, -1, LAST_SHOW_NUMBER + 1])
def test_a_show_number_without_a_range_is_refused(event_id: int) -> None:
    with pytest.raises(ValueError, match=str(event_id)):
        first_search_rowid(event_id, datetime(2023, 11, 14, tzinfo=UTC))


def test_a_search_in_one_show_reads_its_range_and_leaves_deleted_leads_out() -> None:
    live = fts_query("zoé lef", event_id=7)
    trash = fts_query("zoé", event_id=7, deleted=True)
    assert live is not None and trash is not None
    assert (live.first, live.last) == show_rowids(7)
    assert live.match == 'body : ("zoé"* AND "lef"*) NOT scope : "d7"'
    assert trash.match == 'scope : "d7" AND body : ("zoé"*)'
    assert fts_query(" ,;- ", event_id=7) is None


@pytest.mark.parametrize("year", [1970, 1999, 2140, 2300, 9999])
def test_a_bad_date_keeps_the_lead_inside_its_shows_range(year: int) -> None:
    rowid = first_search_rowid(5, datetime(year, 6, 1, tzinfo=UTC))
    first, last = show_rowids(5)
    assert first <= rowid and rowid + 63 <= last


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Lefèvre", "lefevre"),
        ("ZOÉ", "zoe"),
        ("Müller GmbH", "muller gmbh"),
        ("Straße", "strasse"),
        ("ＭＩＬ－００１", "mil-001"),
        ("İstanbul", "istanbul"),
        ("Ελλάδα", "ελλαδα"),
        ("Шевченко Ё", "шевченко е"),
        ("山田 太郎", "山田 太郎"),
        ("ガイドブック", "ガイドブック"),
        ("김민준", "김민준"),
        ("", ""),
    ],
)
def test_folded_text_is_lower_case_without_accents_and_keeps_other_scripts(
    typed: str, stored: str
) -> None:
    assert folded(typed) == stored
    assert folded(stored) == stored
