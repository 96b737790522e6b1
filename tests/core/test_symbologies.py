"""Which barcode symbologies a show's camera and badge pictures look for."""

from __future__ import annotations

from pathlib import Path

import pytest

from boothapp.core.badges.symbologies import ALL_SYMBOLOGIES, Symbology, parse_symbologies
from boothapp.core.errors import ValidationError
from boothapp.core.printing import decode_image_file, png_bytes
from boothapp.core.schemas import EventRow
from boothapp.core.services import Services


def test_every_symbology_by_default_and_the_shows_choice_after(
    services: Services, show: EventRow
) -> None:
    assert services.scans.symbologies(show.id) == ALL_SYMBOLOGIES
    services.scans.set_symbologies(show.id, ["pdf417", Symbology.QR, "datamatrix"])
    assert services.scans.symbologies(show.id) == (
        Symbology.QR,
        Symbology.PDF417,
        Symbology.DATA_MATRIX,
    )


def test_an_unknown_or_empty_choice_is_refused(services: Services, show: EventRow) -> None:
    with pytest.raises(ValidationError, match="'maxicode' is no barcode symbology"):
        services.scans.set_symbologies(show.id, ["qr", "maxicode"])
    with pytest.raises(ValidationError, match="at least one"):
        services.scans.set_symbologies(show.id, [])
    assert services.scans.symbologies(show.id) == ALL_SYMBOLOGIES


@pytest.mark.parametrize("symbology", [Symbology.PDF417, Symbology.DATA_MATRIX, Symbology.AZTEC])
def test_badge_pictures_in_2d_symbologies_are_read_only_when_chosen(
    tmp_path: Path, symbology: Symbology
) -> None:
    payload = "BEGIN:VCARD\nFN:山田 太郎\nEMAIL:taro@example.jp\nEND:VCARD"
    picture = tmp_path / "badge.png"
    picture.write_bytes(png_bytes(payload, symbology))
    assert decode_image_file(picture) == [payload]
    assert decode_image_file(picture, parse_symbologies(["qr", "code128"])) == []
