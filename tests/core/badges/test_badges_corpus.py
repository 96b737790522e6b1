"""Every payload of the corpus reads to exactly the expected fields and warnings."""

from __future__ import annotations

import json

import pytest
from badge_corpus import CASES, Case

from boothapp.core.badges import parse_badge
from boothapp.core.badges.repair import repair_payload


def _filled(case: Case) -> dict[str, object]:
    data = parse_badge(case.payload, case.profile).to_json_dict()
    return {
        key: value
        for key, value in data.items()
        if value not in (None, []) and key not in ("raw", "warnings", "format")
    }


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_reads_the_expected_fields(case: Case) -> None:
    assert _filled(case) == case.expected


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_reports_the_format(case: Case) -> None:
    assert parse_badge(case.payload, case.profile).format == case.expected_format


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_warns_exactly_as_expected(case: Case) -> None:
    warnings = parse_badge(case.payload, case.profile).warnings
    assert len(warnings) == len(case.warnings), warnings
    for fragment in case.warnings:
        assert any(fragment in warning for warning in warnings), (fragment, warnings)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_keeps_the_repaired_payload_as_raw(case: Case) -> None:
    data = parse_badge(case.payload, case.profile)
    expected = case.raw if case.raw is not None else case.payload
    assert data.raw == expected
    assert data.raw == repair_payload(case.payload).text


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_reading_raw_again_gives_the_same_fields(case: Case) -> None:
    first = parse_badge(case.payload, case.profile)
    again = parse_badge(first.raw, case.profile)
    assert again.raw == first.raw
    assert {**again.to_json_dict(), "warnings": None} == {**first.to_json_dict(), "warnings": None}


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_result_is_json(case: Case) -> None:
    data = parse_badge(case.payload, case.profile)
    assert json.loads(json.dumps(data.to_json_dict(), ensure_ascii=False)) == data.to_json_dict()


def test_corpus_covers_every_format() -> None:
    formats = {case.expected_format for case in CASES}
    assert formats == {"vcard", "mecard", "bizcard", "url", "json", "delimited", "id", "unknown"}
