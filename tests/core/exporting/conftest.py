from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import update

from boothapp.core.db import open_database
from boothapp.core.models import Lead, Note
from boothapp.core.schemas import LeadInput, ProductShown
from boothapp.core.services import Services
from boothapp.core.services.exports import ExportService

from .booth_data import FORMULA_NOTE, HOSTILE, Booth, long_note, milipol_stand, moment


@pytest.fixture
def export_services(tmp_path: Path) -> Iterator[Services]:
    database = open_database(tmp_path / "exports.sqlite3")
    try:
        yield Services.over(database)
    finally:
        database.close()


@pytest.fixture
def booth(export_services: Services) -> Booth:
    """A show in Paris with two staff, three products, four questions and four leads
    over three days, one of them full of values that spreadsheets trip over."""
    services = export_services
    exports = ExportService(services.database, services.events, services.products, services.staff)
    show, claire, jonas = milipol_stand(services)
    role = services.events.add_question(
        show.id, "Role in the purchase", "single", ("Decision maker", "End user")
    )
    uses = services.events.add_question(
        show.id, "Applications", "multiple", ("UAS / drones", "Radio, C4ISR")
    )
    quantity = services.events.add_question(show.id, "Cases needed", "number")
    comment = services.events.add_question(show.id, "Comments", "text")
    zoe = services.leads.create(
        LeadInput(
            first_name="Zoé",
            last_name="Lefèvre",
            company="Müller GmbH",
            job_title="Responsable achats",
            email="zoe.lefevre@example.fr",
            phone="01 42 68 53 00",
            mobile="06 12 34 56 78",
            website="muller.example.de",
            street="12 rue de la Paix",
            postal_code="75002",
            city="Paris",
            country="France",
            rating="hot",
            follow_ups=("send_quote", "call back"),
            products=(ProductShown("TC-6040", 20, "olive drab"), ProductShown("ACC-FOAM")),
            answers={role.id: "Decision maker", uses.id: ["UAS / drones", "Radio, C4ISR"]},
            consent=True,
            note="Needs 20 cases for drones.\nCall after the show; ask for Marc.",
        ),
        event_id=show.id,
        staff_id=claire.id,
        created_at=moment(14, 8, 30),
    )
    services.leads.add_note(zoe.id, "Sent the brochure, 2nd visit.", staff_id=jonas.id)
    services.leads.record_visit(zoe.id, staff_id=jonas.id)
    yamada = services.leads.create(
        LeadInput(
            first_name="太郎",
            last_name="山田",
            company="株式会社 山田",
            email="taro.yamada@example.jp",
            phone="+81 3-1234-5678",
            country="JP",
            rating="warm",
            products=(ProductShown("RC-4U", 2),),
            answers={quantity.id: 12, comment.id: "Wants 🚀 racks"},
            note="Great meeting 🚀📦",
        ),
        event_id=show.id,
        staff_id=jonas.id,
        created_at=moment(14, 15, 5),
    )
    arabic = services.leads.create(
        LeadInput(
            first_name="محمد",
            last_name="العلي",
            company="شركة الأمن المتقدم",
            job_title="مدير",
            country="AE",
            rating="cold",
            note="يحتاج إلى صناديق مقاومة للماء",
        ),
        event_id=show.id,
        staff_id=claire.id,
        created_at=moment(15, 9, 45),
    )
    hostile = services.leads.create(
        LeadInput(**HOSTILE, note=FORMULA_NOTE),  # type: ignore[arg-type]
        event_id=show.id,
        staff_id=None,
        created_at=moment(16, 23, 30),
    )
    services.leads.add_note(hostile.id, long_note(), staff_id=claire.id)
    with services.database.write() as session:
        session.execute(
            update(Lead).where(Lead.id == arabic.id).values(job_title="Dir\x00ec\x1btor")
        )
        session.add(
            Note(
                lead_id=arabic.id,
                staff_id=jonas.id,
                created_at=moment(15, 10),
                text="bell\x07 and\x0b vertical tab",
            )
        )
    return Booth(
        services=services,
        exports=exports,
        show=show,
        questions=(role, uses, quantity, comment),
        zoe=services.leads.get(zoe.id),
        yamada=services.leads.get(yamada.id),
        arabic=services.leads.get(arabic.id),
        hostile=services.leads.get(hostile.id),
        claire_id=claire.id,
        jonas_id=jonas.id,
    )
