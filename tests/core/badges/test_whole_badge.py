"""Telling from its own marks that a scanner has typed a whole badge."""

from __future__ import annotations

import pytest

from boothapp.core.badges import is_unfinished_badge, is_whole_badge

VCARD = "BEGIN:VCARD\nVERSION:3.0\nN:Lefèvre;Zoé\nEND:VCARD"


@pytest.mark.parametrize(
    "text",
    [
        VCARD,
        VCARD + "\n",
        VCARD.replace("\n", "\r\n") + "\r\n",
        "]Q1" + VCARD,
        "begin:vcard\nfn:Zoé\nend:vcard",
        "BEGIN:VCARD\nAGENT:\nBEGIN:VCARD\nFN:Ana\nEND:VCARD\nEND:VCARD",
        "MECARD:N:Lefèvre,Zoé;EMAIL:zoe@thales.fr;;",
        "MECARD:N:Lefèvre,Zoé;NOTE:a\\;;;\n",
        "BIZCARD:N:Zoé;X:Lefèvre;;",
    ],
)
def test_whole(text: str) -> None:
    assert is_whole_badge(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "BEGIN:VCARD\nVERSION:3.0\nN:Lefèvre;Zoé",
        "BEGIN:VCARD\nAGENT:\nBEGIN:VCARD\nFN:Ana\nEND:VCARD",
        VCARD + "\nX-MORE:1",
        "END:VCARD",
        "MECARD:N:Lefèvre,Zoé;EMAIL:zoe@thales.fr;",
        "MECARD:N:Lefèvre,Zoé;NOTE:a\\;;",
        "MIL23-004711",
        "https://milipol.example/badge/4711",
        '{"id": "4711"}',
    ],
)
def test_not_whole(text: str) -> None:
    assert not is_whole_badge(text)


@pytest.mark.parametrize(
    ("text", "unfinished"),
    [
        ("MECARD:N:Lefort,Chiara;ORG:Leonardo;E", True),
        ("MECARD:N:Lefort,Chiara;ORG:Leonardo;EMAIL:c@l.example;;", False),
        ("BIZCARD:N:Chiara;X:Lefort;", True),
        ("BEGIN:VCARD\nVERSION:3.0\nFN:Zoé Lefèvre", True),
        ("BEGIN:VCARD\nFN:Zoé Lefèvre\nEND:VCARD", False),
        ("]Q1MECARD:N:Weber,Anna;", True),
        ("MP-4711", False),
        ("https://badges.example/v/4711", False),
        ("4711;Anna;Weber;Hensoldt", False),
        ("", False),
    ],
)
def test_a_badge_is_unfinished_only_when_it_began_an_end_it_has_not_reached(
    text: str, unfinished: bool
) -> None:
    assert is_unfinished_badge(text) is unfinished
