"""Capture-sheet action codes: their text, the show they belong to, what they apply, what
they refuse, and that badges and sheet codes are never taken for one another."""

from __future__ import annotations

import importlib.util
import io
import re
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pytest
import zxingcpp
from PIL import Image

from boothapp.core.badges import parse_badge
from boothapp.core.printing import SAMPLE_BADGES, Symbology, png_bytes
from boothapp.core.schemas import EventInput, EventRow, ProductRow, QuestionRow, StaffRow
from boothapp.core.services import Services
from boothapp.core.sheet_codes import (
    SheetAction,
    SheetActionKind,
    SheetCodeRefused,
    encode,
    is_sheet_code,
    parse,
    sheet_actions,
    show_tag,
    tag_of,
)
from boothapp.core.vocabulary import FollowUp, QuestionKind, Rating

CORPUS = Path(__file__).resolve().parent / "badges" / "badge_corpus.py"


def _corpus() -> ModuleType:
    spec = importlib.util.spec_from_file_location("badge_corpus", CORPUS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("badge_corpus", module)
    spec.loader.exec_module(module)
    return module


class Stand:
    """A show as the scan path has it: its stand, its questions, its roster."""

    def __init__(self, services: Services, show: EventRow) -> None:
        self.services = services
        self.show = show
        services.events.add_question(
            show.id, "Rôle dans l'achat", "single", ("Décideur", "Specifier / engineer")
        )
        services.events.add_question(show.id, "How many cases?", "number")
        services.events.add_question(
            show.id, "Applications", "multiple", ("UAS / drones", "無人機", "IT: servers")
        )
        services.staff.create("山田 太郎", event_id=show.id)
        services.staff.create("Élodie Garnier", event_id=show.id)

    @property
    def products(self) -> list[ProductRow]:
        return self.services.products.list(event_id=self.show.id)

    @property
    def questions(self) -> list[QuestionRow]:
        return self.services.events.questions(self.show.id)

    @property
    def staff(self) -> list[StaffRow]:
        return self.services.staff.list(event_id=self.show.id)

    def parse(self, text: str) -> SheetAction | None:
        return parse(text, self.show, self.products, self.questions, self.staff)

    def actions(self) -> list[SheetAction]:
        return sheet_actions(self.products, self.questions) + [
            SheetAction.staff(member) for member in self.staff
        ]


@pytest.fixture
def stand(services: Services, show: EventRow) -> Stand:
    return Stand(services, show)


def _decoded(text: str) -> str:
    with Image.open(io.BytesIO(png_bytes(text, Symbology.QR))) as image:
        results = zxingcpp.read_barcodes(image.convert("L"))
    assert len(results) == 1
    return results[0].text


# --- the text of a code -------------------------------------------------------------


def test_a_code_says_what_it_does_in_words(stand: Stand) -> None:
    tag = tag_of(stand.show)
    question = stand.questions[2]
    codes = {
        encode(stand.show, SheetAction.product(stand.products[0])),
        encode(stand.show, SheetAction.rate(Rating.HOT)),
        encode(stand.show, SheetAction.follow(FollowUp.SEND_QUOTE)),
        encode(stand.show, SheetAction.answer(question, 3, "UAS / drones")),
        encode(stand.show, SheetAction.save()),
        encode(stand.show, SheetAction.undo()),
        encode(stand.show, SheetAction.staff(stand.staff[0])),
    }
    assert codes == {
        f"BTHP1/{tag}/product/ACC-FOAM",
        f"BTHP1/{tag}/rating/hot",
        f"BTHP1/{tag}/follow_up/send_quote",
        f"BTHP1/{tag}/answer/3/UAS / drones",
        f"BTHP1/{tag}/save",
        f"BTHP1/{tag}/undo",
        f"BTHP1/{tag}/staff/{stand.staff[0].name}",
    }


def test_the_show_tag_is_the_same_on_every_laptop_and_differs_between_exhibitors() -> None:
    tag = show_tag("Milipol Paris 2023", "5F 112")
    assert re.fullmatch(r"[A-Z2-7]{6}", tag)
    assert show_tag("  milipol   PARIS 2023 ", "5f 112") == tag
    assert show_tag("Milipol Paris 2023", "5F 113") != tag
    assert show_tag("Milipol Paris 2025", "5F 112") != tag
    assert show_tag("Milipol Paris 2023", "") != tag


def test_the_accents_of_a_name_count_whatever_their_encoding() -> None:
    composed = show_tag("Salon Sécurité", "A1")
    assert show_tag("Salon Se\u0301curite\u0301", "A1") == composed
    assert show_tag("Salon Securite", "A1") != composed


# --- parsing: every action comes back --------------------------------------------------


def test_every_action_of_the_sheet_parses_back_to_itself(stand: Stand) -> None:
    actions = stand.actions()
    kinds = {action.kind for action in actions}
    assert kinds == set(SheetActionKind)
    for action in actions:
        assert stand.parse(encode(stand.show, action)) == action


def test_the_parsed_action_carries_what_to_apply(stand: Stand) -> None:
    tag = tag_of(stand.show)
    question = stand.questions[0]
    answer = stand.parse(f"BTHP1/{tag}/answer/1/Décideur")
    assert answer is not None
    assert (answer.kind, answer.question_id, answer.choice) == (
        SheetActionKind.ANSWER,
        question.id,
        "Décideur",
    )
    assert answer.label == "Rôle dans l'achat: Décideur"
    rating = stand.parse(f"BTHP1/{tag}/rating/warm")
    assert rating is not None and rating.rating is Rating.WARM and rating.label == "Warm"
    product = stand.parse(f"BTHP1/{tag}/product/RC-4U")
    assert product is not None and product.sku == "RC-4U"
    assert product.label == "Rack case 4U (RC-4U)"
    member = stand.parse(f"BTHP1/{tag}/staff/élodie garnier")
    assert member is not None and member.staff_id == stand.services.staff.get("Élodie").id


def test_a_choice_holding_a_slash_or_a_colon_is_read_whole(stand: Stand) -> None:
    tag = tag_of(stand.show)
    slash = stand.parse(f"BTHP1/{tag}/answer/1/Specifier / engineer")
    colon = stand.parse(f"BTHP1/{tag}/answer/3/IT: servers")
    assert slash is not None and slash.choice == "Specifier / engineer"
    assert colon is not None and colon.choice == "IT: servers"


@pytest.mark.parametrize(
    "mangle",
    [
        lambda code: code + "\r\n",
        lambda code: "]Q1" + code,
        lambda code: code.replace("BTHP1", "bthp1").replace("rating/hot", "RATING/HOT"),
    ],
    ids=["line-end", "aim-prefix", "caps"],
)
def test_what_scanners_add_or_change_is_forgiven(
    stand: Stand, mangle: Callable[[str], str]
) -> None:
    code = encode(stand.show, SheetAction.rate(Rating.HOT))
    action = stand.parse(mangle(code))
    assert action == SheetAction.rate(Rating.HOT)


def test_every_code_decodes_back_exactly_from_its_qr_code(stand: Stand) -> None:
    for action in stand.actions():
        code = encode(stand.show, action)
        assert _decoded(code) == code
        assert stand.parse(_decoded(code)) == action


# --- refusals -------------------------------------------------------------------------


def test_a_code_of_another_show_is_refused(stand: Stand, services: Services) -> None:
    other = services.events.create(EventInput(name="Eurosatory 2024", booth="5F 112"))
    code = encode(other, SheetAction.rate(Rating.HOT))
    with pytest.raises(SheetCodeRefused) as refused:
        stand.parse(code)
    message = str(refused.value)
    assert code in message
    assert "this code is from another show's sheet" in message
    assert stand.show.name in message


def test_a_code_of_another_exhibitor_at_the_same_show_is_refused(stand: Stand) -> None:
    neighbour = replace(stand.show, booth="5F 120")
    code = encode(neighbour, SheetAction.save())
    with pytest.raises(SheetCodeRefused, match="another show's sheet"):
        stand.parse(code)


def test_a_product_taken_off_the_stand_is_refused_by_its_sku(
    stand: Stand, services: Services
) -> None:
    removed = services.products.get("TC-6040")
    code = encode(stand.show, SheetAction.product(removed))
    assert stand.parse(code) == SheetAction.product(removed)
    kept = [p.id for p in stand.products if p.sku != "TC-6040"]
    services.events.set_products(stand.show.id, kept)
    with pytest.raises(SheetCodeRefused) as refused:
        stand.parse(code)
    assert code in str(refused.value)
    assert "product TC-6040 is not on the stand" in str(refused.value)


@pytest.mark.parametrize(
    ("tail", "reason"),
    [
        ("answer/1/Buyer", "'Buyer' is not a choice of the question"),
        ("answer/2/12", "no question '2' answered by choices"),
        ("answer/9/Décideur", "no question '9'"),
        ("answer/x/Décideur", "no question 'x'"),
        ("rating/lukewarm", "'lukewarm' is no rating"),
        ("follow_up/fax", "'fax' is no follow-up"),
        ("teleport/now", "'teleport' is no sheet action"),
        ("save/now", "save takes no value"),
        ("staff/Nobody Here", "Nobody Here is not on the roster"),
        ("product/", "names no product"),
    ],
)
def test_codes_that_cannot_apply_are_refused_with_the_reason(
    stand: Stand, tail: str, reason: str
) -> None:
    code = f"BTHP1/{tag_of(stand.show)}/{tail}"
    with pytest.raises(SheetCodeRefused) as refused:
        stand.parse(code)
    assert reason in str(refused.value)
    assert code in str(refused.value)


def test_a_code_of_a_newer_layout_is_refused(stand: Stand) -> None:
    with pytest.raises(SheetCodeRefused, match="another version of boothapp"):
        stand.parse(f"BTHP2/{tag_of(stand.show)}/save")


def test_an_inactive_staff_member_cannot_take_the_laptop(stand: Stand, services: Services) -> None:
    member = services.staff.get("Élodie")
    code = encode(stand.show, SheetAction.staff(member))
    services.staff.set_active(member.id, False)
    with pytest.raises(SheetCodeRefused, match="not on the roster"):
        stand.parse(code)


def test_the_question_kinds_without_choices_get_no_codes(stand: Stand) -> None:
    answered = {a.question_id for a in stand.actions() if a.kind is SheetActionKind.ANSWER}
    number = next(q for q in stand.questions if q.kind is QuestionKind.NUMBER)
    assert number.id not in answered and len(answered) == 2


# --- badges and sheet codes apart ---------------------------------------------------------


def test_no_badge_is_taken_for_a_sheet_code(stand: Stand) -> None:
    payloads: list[str | bytes] = [case.payload for case in _corpus().CASES]
    payloads += [badge.payload for badge in SAMPLE_BADGES]
    for payload in payloads:
        text = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else payload
        assert not is_sheet_code(text), text
        assert stand.parse(text) is None


def test_no_badge_reader_takes_a_sheet_code_for_a_badge(stand: Stand) -> None:
    """The dispatcher keeps a sheet code as an unknown scan (it would become a pending
    lead, which is why the scan path tries ``sheet_codes.parse`` first)."""
    for action in stand.actions():
        code = encode(stand.show, action)
        assert is_sheet_code(code)
        badge = parse_badge(code)
        assert badge.format == "unknown", code
        assert (badge.badge_id, badge.first_name, badge.last_name, badge.full_name) == (
            None,
            None,
            None,
            None,
        )
