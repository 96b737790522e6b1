"""The capabilities of boothapp, one module each; the GUI and the CLI call only these."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from boothapp.core.db import Database
from boothapp.core.services.drafts import DraftService
from boothapp.core.services.events import EventService
from boothapp.core.services.leads import LeadService
from boothapp.core.services.products import ProductService
from boothapp.core.services.staff import StaffService
from boothapp.core.settings import SettingsService

if TYPE_CHECKING:
    from boothapp.core.services.attendees import AttendeeService
    from boothapp.core.services.exports import ExportService
    from boothapp.core.services.scanner_settings import ScannerSettingsService
    from boothapp.core.services.scans import ScanService
    from boothapp.core.services.show_setup import ShowSetupService


@dataclass(frozen=True)
class Services:
    """Every service over one open database.

    Scanning, the attendee list and exports load on first use, keeping them out of
    start-up."""

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

    @cached_property
    def scans(self) -> ScanService:
        from boothapp.core.services.scans import ScanService

        return ScanService(self.database, self.leads, self.events)

    @cached_property
    def attendees(self) -> AttendeeService:
        from boothapp.core.services.attendees import AttendeeService

        return AttendeeService(self.database, self.leads)

    @cached_property
    def exports(self) -> ExportService:
        from boothapp.core.services.exports import ExportService

        return ExportService(self.database, self.events, self.products, self.staff)

    @cached_property
    def scanner(self) -> ScannerSettingsService:
        from boothapp.core.services.scanner_settings import ScannerSettingsService

        return ScannerSettingsService(self.database)

    @cached_property
    def show_setup(self) -> ShowSetupService:
        from boothapp.core.services.show_setup import ShowSetupService

        return ShowSetupService(self.database)
