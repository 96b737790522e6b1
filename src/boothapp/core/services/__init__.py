"""The capabilities of boothapp, one module each; the GUI and the CLI call only these."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from boothapp.core.db import Database
from boothapp.core.services.counts import CountService
from boothapp.core.services.drafts import DraftService
from boothapp.core.services.events import EventService
from boothapp.core.services.leads import LeadService
from boothapp.core.services.products import ProductService
from boothapp.core.services.staff import StaffService
from boothapp.core.settings import SettingsService, StationSettings
from boothapp.core.station import current_station

if TYPE_CHECKING:
    from boothapp.core.follow_ups.queue import FollowUpService
    from boothapp.core.manager_lock import ManagerLock
    from boothapp.core.services.attendees import AttendeeService
    from boothapp.core.services.exports import ExportService
    from boothapp.core.services.scanner_settings import ScannerSettingsService
    from boothapp.core.services.scans import ScanService
    from boothapp.core.services.show_setup import ShowSetupService


@dataclass(frozen=True)
class Services:
    """Every service over one open database, for one station (``core.station``).

    Scanning, the attendee list and exports load on first use, keeping them out of
    start-up."""

    database: Database
    station: StationSettings
    events: EventService
    staff: StaffService
    products: ProductService
    leads: LeadService
    counts: CountService
    settings: SettingsService
    drafts: DraftService

    @classmethod
    def over(cls, database: Database, station_id: str | None = None) -> Services:
        """The services over ``database`` for the station ``station_id`` (default: this
        laptop's, see ``core.station.current_station``, which may raise ValidationError)."""
        station_settings = StationSettings(
            database, station_id if station_id is not None else current_station()
        )
        settings = SettingsService(station_settings)
        events = EventService(database, settings)
        return cls(
            database=database,
            station=station_settings,
            events=events,
            staff=StaffService(database, settings),
            products=ProductService(database),
            leads=LeadService(database, settings),
            counts=CountService(database),
            settings=settings,
            drafts=DraftService(station_settings),
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
    def follow_ups(self) -> FollowUpService:
        """The follow-up queue (``core.follow_ups``)."""
        from boothapp.core.follow_ups.queue import FollowUpService

        return FollowUpService(self.database, self.events, self.staff)

    @cached_property
    def scanner(self) -> ScannerSettingsService:
        from boothapp.core.services.scanner_settings import ScannerSettingsService

        return ScannerSettingsService(self.station)

    @cached_property
    def manager_lock(self) -> ManagerLock:
        """The booth's manager PIN (``core.manager_lock``): one object per bundle, so
        that wrong tries a read-only database cannot store still count."""
        from boothapp.core.manager_lock import ManagerLock

        return ManagerLock(self.database)

    @cached_property
    def show_setup(self) -> ShowSetupService:
        from boothapp.core.services.show_setup import ShowSetupService

        return ShowSetupService(self.database)
