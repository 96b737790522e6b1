"""Telling from its own marks that a scanner has typed a whole badge."""

from __future__ import annotations

import pytest

from boothapp.core.badges import is_whole_badge

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
