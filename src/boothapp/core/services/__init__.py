"""The capabilities of boothapp, one module each; the GUI and the CLI call only these."""

from __future__ import annotations

from dataclasses import dataclass

from boothapp.core.db import Database
from boothapp.core.services.drafts import DraftService
from boothapp.core.services.events import EventService
from boothapp.core.services.leads import LeadService
from boothapp.core.services.products import ProductService
from boothapp.core.services.staff import StaffService
from boothapp.core.settings import SettingsService


@dataclass(frozen=True)
class Services:
    """Every service over one open database."""

    database: Database
    events: EventService
    staff: StaffService
    products: ProductService
    leads: LeadService
    settings: SettingsService
    drafts: DraftService

    @classmethod
    def over(cls, database: Database) -> Services:
        settings = SettingsService(database)
        events = EventService(database, settings)
        return cls(
            database=database,
            events=events,
            staff=StaffService(database, settings),
            products=ProductService(database),
            leads=LeadService(database, settings),
            settings=settings,
            drafts=DraftService(database),
        )
