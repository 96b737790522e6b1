"""The capabilities of boothapp, one module each; the GUI and the CLI call only these."""

from __future__ import annotations

from dataclasses import dataclass

from boothapp.core.db import Database
from boothapp.core.services.attendees import AttendeeService
from boothapp.core.services.drafts import DraftService
from boothapp.core.services.events import EventService
from boothapp.core.services.leads import LeadService
from boothapp.core.services.products import ProductService
from boothapp.core.services.scanner_settings import ScannerSettingsService
from boothapp.core.services.scans import ScanService
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
    scans: ScanService
    attendees: AttendeeService
    scanner: ScannerSettingsService

    @classmethod
    def over(cls, database: Database) -> Services:
        settings = SettingsService(database)
        events = EventService(database, settings)
        leads = LeadService(database, settings)
        return cls(
            database=database,
            events=events,
            staff=StaffService(database, settings),
            products=ProductService(database),
            leads=leads,
            settings=settings,
            drafts=DraftService(database),
            scans=ScanService(database, leads, events),
            attendees=AttendeeService(database, leads),
            scanner=ScannerSettingsService(database),
        )
